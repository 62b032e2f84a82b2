"""Markdown, for notes and tickets; article text is escaped so it can never become markup."""

from __future__ import annotations

import re
from collections.abc import Sequence

from presssum.records import STATUS_LABELS, Digest, Fact
from presssum.render.guarded import language_label, quotes_of, said_by
from presssum.render.spans import cited, mark

# Every ASCII punctuation mark that CommonMark can give a meaning to, and the HTML openers.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|~>])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Text that Markdown renders exactly as written: no links, emphasis, HTML or list markers."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(r"\1\2\\\3", text)


def _flagged(text: str, unverified: list[Fact]) -> str:
    """Escaped text with each unverified fact in bold, followed by a warning sign."""
    return mark(text, unverified, escape, _bold)


def _bold(piece: str, _: Fact) -> str:
    return f"**{escape(piece)}** ⚠"


def render_digest(digest: Digest, *, full: bool = False) -> str:
    lang = digest.source_lang.upper()
    meta = " · ".join(escape(part) for part in digest.credits)
    lines = [f"# {escape(digest.headline_en)}", ""]
    if digest.headline_en != digest.headline:
        lines += [f"*{lang}: {escape(digest.headline)}*", ""]
    english = cited(
        digest.summary,
        digest.unverified_in("en"),
        escape,
        _bold,
        lambda sentence: f"<sup>{escape(sentence.marker)}</sup>",
    )
    lines += [meta, "", "## Summary (EN)", "", english, ""]
    if digest.summary.back is not None:
        back = _flagged(digest.summary.back, digest.unverified_in(digest.source_lang))
        lines += [f"## Summary ({lang})", "", back, ""]
    lines += [
        f"> **Unverified {fact.kind}:** {escape(fact.text)} ({escape(fact.reason)})\n" for fact in digest.unverified
    ]
    lines += [
        f"> *{escape(STATUS_LABELS[fact.status])} ({fact.kind}):* {escape(fact.text)}\n" for fact in digest.uncertain
    ]
    if digest.summary.method != "abstractive":
        lines += [f"*Summary method: {escape(digest.summary.method)}*", ""]
    lines += [f"> **Warning:** {escape(warning)}\n" for warning in digest.warnings]
    if digest.key_facts:
        lines += ["## Key facts", "", f"| kind | {lang} | EN |", "| --- | --- | --- |"]
        lines += [f"| {fact.kind} | {escape(fact.source)} | {escape(fact.en)} |" for fact in digest.key_facts]
        lines.append("")
    if digest.quotes:
        lines += ["## Key quotes", "", f"| ¶ | {lang} | EN |", "| --- | --- | --- |"]
        lines += [
            f"| {q.paragraph} | «{escape(q.source)}»{escape(said_by(q))} | {escape(q.en)} |" for q in digest.quotes
        ]
        lines.append("")
    if full:
        lines += ["## Full translation", ""]
        for number, pair in enumerate(digest.paragraphs, start=1):
            lines += [f"> \\[{number}\\] *{escape(language_label(digest, pair))}:* {escape(pair.source)}", ""]
            lines += [f"> **Quote{escape(said_by(q))}:** «{escape(q.source)}»\n" for q in quotes_of(digest, number)]
            lines += [escape(pair.en), ""]
    lines += [f"<sub>{escape(digest.signature)}</sub>", ""]
    return "\n".join(lines)


def render_document(digests: Sequence[Digest], *, full: bool = False) -> str:
    return "\n---\n\n".join(render_digest(digest, full=full) for digest in digests)
