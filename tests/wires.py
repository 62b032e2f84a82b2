"""Wires written in tests as sentence pairs (source, English): the paragraphs translation hands on."""

from __future__ import annotations

from collections.abc import Sequence

from presssum.records import ParagraphPair, SentencePair


def paragraph_pairs(paragraphs: Sequence[Sequence[tuple[str, str]]]) -> tuple[ParagraphPair, ...]:
    """Each paragraph's sentences joined, with the sentence pairs kept, as a sentence-by-sentence translation gives."""
    return tuple(
        ParagraphPair(
            source=" ".join(source for source, _ in sentences),
            en=" ".join(en for _, en in sentences),
            sentences=tuple(SentencePair(source=source, en=en) for source, en in sentences),
        )
        for sentences in paragraphs
    )
