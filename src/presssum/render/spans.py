"""Marking flagged facts where they were found: by their span in the text, never by searching for them again.

Searching for an unverified "4" would mark the 4 inside "14%"; the span says which characters it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from presssum.records import Fact, SummarySentence


def pieces(text: str, facts: Sequence[Fact]) -> list[tuple[str, Fact | None]]:
    """The text cut at each fact's span, in order: (piece, the fact it is, or None for plain text)."""
    spanned = sorted(
        (f for f in facts if f.start is not None and f.end is not None and text[f.start : f.end] == f.text),
        key=lambda f: f.start or 0,
    )
    result: list[tuple[str, Fact | None]] = []
    position = 0
    for fact in spanned:
        start, end = fact.start or 0, fact.end or 0
        if start < position:
            continue  # overlaps a fact already marked
        if start > position:
            result.append((text[position:start], None))
        result.append((text[start:end], fact))
        position = end
    if position < len(text):
        result.append((text[position:], None))
    return result


def mark(text: str, facts: Sequence[Fact], plain: Callable[[str], str], marked: Callable[[str, Fact], str]) -> str:
    """The text with `plain` applied to ordinary pieces and `marked` to each flagged fact."""
    return "".join(marked(piece, fact) if fact else plain(piece) for piece, fact in pieces(text, facts))


def cited(
    text: str,
    sentences: Sequence[SummarySentence],
    facts: Sequence[Fact],
    plain: Callable[[str], str],
    marked: Callable[[str, Fact], str],
    citation: Callable[[SummarySentence], str],
) -> str:
    """`mark`, with each summary sentence followed by its citation; plain `mark` where sentences do not fit."""
    parts, cursor = [], 0
    for sentence in sentences:
        start = text.find(sentence.text, cursor)
        if start < 0:
            return mark(text, facts, plain, marked)
        end = start + len(sentence.text)
        parts.append(mark(text[cursor:end], _shifted(facts, cursor, end), plain, marked) + citation(sentence))
        cursor = end
    return "".join(parts) + mark(text[cursor:], _shifted(facts, cursor, len(text)), plain, marked)


def _shifted(facts: Sequence[Fact], start: int, end: int) -> list[Fact]:
    """The facts inside [start, end), with spans relative to `start`."""
    return [
        fact.model_copy(update={"start": fact.start - start, "end": fact.end - start})
        for fact in facts
        if fact.start is not None and fact.end is not None and start <= fact.start and fact.end <= end
    ]
