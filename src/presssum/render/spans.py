"""Marking flagged facts and citing summary sentences where the records place them, never by searching.

Searching for an unverified "4" would mark the 4 inside "14%"; the span says which characters it was.
Searching for a summary sentence in the summary's text would lose every citation the day the two differ
by a space; the summary's sentence records say where each one starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from presssum.records import SENTENCE_SEPARATOR, Fact, Summary, SummarySentence


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
    summary: Summary,
    facts: Sequence[Fact],
    plain: Callable[[str], str],
    marked: Callable[[str, Fact], str],
    citation: Callable[[SummarySentence], str],
) -> str:
    """`mark` over the summary, each sentence followed by its citation: the sentences are cut where their
    records say they start in `summary.en`, so every sentence keeps its citation whatever its text holds."""
    return plain(SENTENCE_SEPARATOR).join(
        mark(sentence.text, shifted(facts, start, start + len(sentence.text)), plain, marked) + citation(sentence)
        for sentence, start in zip(summary.sentences, summary.sentence_starts, strict=True)
    )


def shifted(facts: Sequence[Fact], start: int, end: int) -> list[Fact]:
    """The facts inside [start, end), with spans relative to `start`."""
    return [
        fact.model_copy(update={"start": fact.start - start, "end": fact.end - start})
        for fact in facts
        if fact.start is not None and fact.end is not None and start <= fact.start and fact.end <= end
    ]
