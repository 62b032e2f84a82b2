"""One self-contained HTML page (inline style, no scripts); article text is always escaped."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from html import escape

from presssum.records import STATUS_LABELS, Digest, Fact, ParagraphPair, SentencePair, SummarySentence
from presssum.render.guarded import language_label, quotes_of, said_by
from presssum.render.spans import cited, mark

_STYLE = """
body{font:16px/1.5 Georgia,serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#222}
article{border-top:3px solid #222;padding-top:1rem;margin-bottom:3rem}
h1{font-size:1.5rem;margin:.2rem 0}.original{font-style:italic;color:#555}.meta{color:#777;font-size:.9rem}
.summaries{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}.warning{background:#fff3cd;padding:.5rem}
table{border-collapse:collapse;width:100%}td{vertical-align:top;border-top:1px solid #ddd;padding:.4rem}
.signature{font:12px monospace;color:#999;word-break:break-all}mark.unverified{background:#f8d7da}
"""
STYLE = _STYLE  # the brief's page (render/brief.py) looks like a digest page


def _marked(piece: str, fact: Fact) -> str:
    return f'<mark class="unverified" title="{escape(fact.reason)}">{escape(piece)}</mark>'


def _flagged(text: str, unverified: list[Fact]) -> str:
    """Escaped text with each unverified fact marked, its reason as a tooltip."""
    return mark(text, unverified, escape, _marked)


def _anchor(digest: Digest) -> str:
    """A stable id prefix per digest, so several digests on one page link to their own paragraphs."""
    return f"d{zlib.crc32((digest.input + digest.headline).encode()):08x}"


def _cited_pair(digest: Digest, paragraph: int, number: int) -> SentencePair:
    """The source sentence a citation names, beside its English; the paragraph where it was not split."""
    if not 0 < paragraph <= len(digest.paragraphs):
        return SentencePair(source="", en="")
    pair = digest.paragraphs[paragraph - 1]
    return (
        pair.sentences[number - 1]
        if 0 < number <= len(pair.sentences)
        else SentencePair(source=pair.source, en=pair.en)
    )


def _citation(digest: Digest, sentence: SummarySentence) -> str:
    """A superscript marker per source; each links to its row under "Cited sentences" (on the page with or
    without the full translation) and shows the source sentence on hover."""
    if not sentence.sources:
        return '<sup class="unsupported">[unsupported]</sup>'
    links = [
        f'<a href="#{_anchor(digest)}-p{paragraph}s{number}" '
        f'title="{escape(_cited_pair(digest, paragraph, number).source)}">{paragraph}.{number}</a>'
        for paragraph, number in sentence.sources
    ]
    return f"<sup>[{'; '.join(links)}]</sup>"


def _cited_sentences(digest: Digest, *, full: bool) -> str:
    """Each source sentence the summary cites, once, original beside English: what a journalist checks a
    summary against. With the full translation, each also links to its paragraph there."""
    cited = sorted({source for sentence in digest.summary.sentences for source in sentence.sources})
    if not cited:
        return ""
    anchor, lang = _anchor(digest), escape(digest.source_lang)
    rows = []
    for paragraph, number in cited:
        pair = _cited_pair(digest, paragraph, number)
        label = f'<a href="#{anchor}-p{paragraph}">{paragraph}.{number}</a>' if full else f"{paragraph}.{number}"
        rows.append(
            f'<tr id="{anchor}-p{paragraph}s{number}"><td>{label}</td>'
            f'<td lang="{lang}">{escape(pair.source)}</td><td>{escape(pair.en)}</td></tr>'
        )
    return (
        f"<h2>Cited sentences</h2><table><tr><th>¶.s</th><th>{escape(digest.source_lang.upper())}</th><th>EN</th></tr>"
        f"{''.join(rows)}</table>"
    )


def render_digest(digest: Digest, *, full: bool = False) -> str:
    lang = escape(digest.source_lang.upper())
    meta = " · ".join(escape(part) for part in digest.credits)
    parts = [f"<article><h1>{escape(digest.headline_en)}</h1>"]
    if digest.headline_en != digest.headline:
        parts.append(f'<p class="original" lang="{escape(digest.source_lang)}">{escape(digest.headline)}</p>')
    parts.append(f'<p class="meta">{meta}</p><div class="summaries">')
    english = cited(
        digest.summary,
        digest.unverified_in("en"),
        escape,
        _marked,
        lambda sentence: _citation(digest, sentence),
    )
    parts.append(f"<section><h2>Summary (EN)</h2><p>{english}</p></section>")
    if digest.summary.back is not None:
        back = _flagged(digest.summary.back, digest.unverified_in(digest.source_lang))
        parts.append(f'<section lang="{escape(digest.source_lang)}"><h2>Summary ({lang})</h2><p>{back}</p></section>')
    parts.append("</div>")
    parts += [
        f'<p class="warning">Unverified {escape(fact.kind)}: <mark>{escape(fact.text)}</mark> '
        f"({escape(fact.reason)})</p>"
        for fact in digest.unverified
    ]
    parts += [
        f'<p class="uncertain">{escape(STATUS_LABELS[fact.status])} ({escape(fact.kind)}): {escape(fact.text)}</p>'
        for fact in digest.uncertain
    ]
    if digest.summary.method != "abstractive":
        parts.append(f'<p class="warning">Summary method: {escape(digest.summary.method)}</p>')
    parts += [f'<p class="warning">{escape(warning)}</p>' for warning in digest.warnings]
    parts.append(_cited_sentences(digest, full=full))
    if digest.key_facts:
        rows = "".join(
            f"<tr><td>{escape(f.kind)}</td><td>{escape(f.source)}</td><td>{escape(f.en)}</td></tr>"
            for f in digest.key_facts
        )
        parts.append(f"<h2>Key facts</h2><table><tr><th>kind</th><th>{lang}</th><th>EN</th></tr>{rows}</table>")
    if digest.quotes:
        rows = "".join(
            f"<tr><td>{q.paragraph}</td><td><q>{escape(q.source)}</q>{escape(said_by(q))}</td><td>{escape(q.en)}</td></tr>"
            for q in digest.quotes
        )
        parts.append(f"<h2>Key quotes</h2><table><tr><th>¶</th><th>{lang}</th><th>EN</th></tr>{rows}</table>")
    if full:
        rows = "".join(_full_row(digest, number, pair) for number, pair in enumerate(digest.paragraphs, start=1))
        parts.append(f"<h2>Full translation</h2><table><tr><th>{lang}</th><th>EN</th></tr>{rows}</table>")
    parts.append(f'<p class="signature">{escape(digest.signature)}</p></article>')
    return "".join(parts)


def _full_row(digest: Digest, number: int, pair: ParagraphPair) -> str:
    """One paragraph pair, its language labelled and its key quotes marked below the original."""
    quotes = "".join(
        f'<br><mark class="quote">Quote{escape(said_by(q))}: <q>{escape(q.source)}</q></mark>'
        for q in quotes_of(digest, number)
    )
    label = f'<span class="meta">{escape(language_label(digest, pair))}</span> '
    cell = f"{number}. {label}{escape(pair.source)}{quotes}"
    return f'<tr id="{_anchor(digest)}-p{number}"><td>{cell}</td><td>{escape(pair.en)}</td></tr>'


def render_document(digests: Sequence[Digest], *, full: bool = False) -> str:
    title = escape(digests[0].headline_en) if len(digests) == 1 else f"presssum digest: {len(digests)} wires"
    body = "\n".join(render_digest(digest, full=full) for digest in digests)
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )
