"""The terminal view: panels and columns that fit the console's width."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from presssum.records import SENTENCE_SEPARATOR, STATUS_LABELS, Digest, Fact, Summary
from presssum.render.guarded import language_label, quotes_of, said_by
from presssum.render.spans import pieces, shifted


def _flagged(text: str, unverified: list[Fact]) -> Text:
    """The summary with each unverified fact highlighted where it was found."""
    rendered = Text()
    for piece, fact in pieces(text, unverified):
        rendered.append(piece, style="bold red reverse" if fact else "")
    return rendered


def _cited(summary: Summary, unverified: list[Fact]) -> Text:
    """The English summary flagged as `_flagged` does, each sentence followed by its dim citation."""
    rendered = Text()
    for number, (sentence, start) in enumerate(zip(summary.sentences, summary.sentence_starts, strict=True)):
        if number:
            rendered.append(SENTENCE_SEPARATOR)
        rendered.append_text(_flagged(sentence.text, shifted(unverified, start, start + len(sentence.text))))
        rendered.append(f" {sentence.marker}", style="dim")
    return rendered


def render_digest(digest: Digest, *, full: bool = False) -> RenderableType:
    """One digest as a rich panel: headlines, summaries side by side, optionally the full text."""
    lang = digest.source_lang.upper()
    meta = Text(" · ".join(digest.credits), style="dim")
    parts: list[RenderableType] = [Text(digest.headline_en, style="bold")]
    if digest.headline_en != digest.headline:
        parts.append(Text(f"{lang}: {digest.headline}", style="italic"))
    parts.append(meta)
    summaries = Table.grid(expand=True, padding=(0, 2))
    summaries.add_column(ratio=1)
    headers = [Text("Summary (EN)", style="bold cyan")]
    cells = [_cited(digest.summary, digest.unverified_in("en"))]
    if digest.summary.back is not None:
        summaries.add_column(ratio=1)
        headers.append(Text(f"Summary ({lang})", style="bold cyan"))
        cells.append(_flagged(digest.summary.back, digest.unverified_in(digest.source_lang)))
    summaries.add_row(*headers)
    summaries.add_row(*cells)
    parts += [Text(""), summaries]
    if digest.summary.sentences:
        parts.append(
            Text("Sources: [paragraph.sentence] of the wire, as numbered in the full translation.", style="dim")
        )
    if digest.summary.method != "abstractive":
        parts.append(Text(f"Summary method: {digest.summary.method}", style="yellow"))
    parts += [
        Text(f"⚠ unverified {fact.kind}: {fact.text} ({fact.reason})", style="bold red") for fact in digest.unverified
    ]
    parts += [
        Text(f"? {STATUS_LABELS[fact.status]} {fact.kind}: {fact.text}", style="yellow") for fact in digest.uncertain
    ]
    parts += [Text(f"⚠ {warning}", style="bold yellow") for warning in digest.warnings]
    if digest.key_facts:
        rows = [(fact.kind, fact.source, fact.en) for fact in digest.key_facts]
        parts += [Text(""), _bilingual_table("Key facts", "kind", lang, rows)]
    if digest.quotes:
        rows = [(str(q.paragraph), f"«{q.source}»{said_by(q)}", q.en) for q in digest.quotes]
        parts += [Text(""), _bilingual_table("Key quotes", "¶", lang, rows)]
    if full:
        translation = Table(expand=True, show_lines=True, title="Full translation")
        translation.add_column(lang, ratio=1)
        translation.add_column("EN", ratio=1)
        for number, pair in enumerate(digest.paragraphs, start=1):
            source = Text(f"{language_label(digest, pair)}: ", style="dim")
            source.append(pair.source, style="")
            for quote in quotes_of(digest, number):
                source.append(f"\nquote{said_by(quote)}: «{quote.source}»", style="bold magenta")
            translation.add_row(source, pair.en)
        parts += [Text(""), translation]
    parts += [Text(""), Text(digest.signature, style="dim", overflow="fold")]
    return Panel(Group(*parts), title=Text(digest.input, style="dim"), title_align="left")


def _bilingual_table(title: str, first: str, lang: str, rows: list[tuple[str, str, str]]) -> Table:
    """A three-column table: a dim label, the wire's language, English."""
    table = Table(title=title, expand=True, show_edge=False)
    table.add_column(first, style="dim")
    table.add_column(lang)
    table.add_column("EN")
    for row in rows:
        table.add_row(*row)
    return table
