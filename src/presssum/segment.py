"""Sentences and pieces: split paragraphs with pysbd, then fit each piece to a model's token limit."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import pysbd

TokenCounter = Callable[[str], int]

# pysbd's time grows faster than its input (100,000 characters: 15 s), so a paragraph reaches it in
# windows of this size, cut at sentence ends; real paragraphs are shorter and go whole.
WINDOW_CHARS = 2000
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*\s+")
_OPENING_QUOTES = "«“"
_CLOSING_QUOTES = "»”"
# Clause boundaries, strongest first: a long sentence is cut at the strongest boundary that helps.
_CLAUSE_BREAKS = (
    re.compile(r"(?<=[;:])\s+"),
    re.compile(r"(?<=[,—–])\s+"),
    re.compile(r"\s+(?=(?:et|mais|ou|donc|car|and|but|or|und|aber|oder|y|pero|e|ma)\s)"),
)


@lru_cache(maxsize=16)
def _segmenter(lang: str) -> pysbd.Segmenter:
    try:
        return pysbd.Segmenter(language=lang, clean=False)
    except ValueError:  # pysbd has no rules for this language: English rules are the safest default
        return pysbd.Segmenter(language="en", clean=False)


def split_sentences(paragraph: str, lang: str = "fr") -> list[str]:
    """Sentences of one paragraph, keeping quotations that span several sentences together."""
    sentences: list[str] = []
    depth = 0
    raws = [raw for window in text_windows(paragraph, WINDOW_CHARS) for raw in _segmenter(lang).segment(window)]
    for raw in raws:
        sentence = raw.strip()
        if not sentence:
            continue
        if depth > 0 and sentences and len(sentences[-1]) < WINDOW_CHARS:  # an unclosed « stops somewhere
            sentences[-1] = f"{sentences[-1]} {sentence}"
        else:
            sentences.append(sentence)
        depth = max(0, depth + _quote_balance(sentence))
    return sentences


def text_windows(text: str, size: int) -> list[str]:
    """`text` in consecutive windows of at most `size` characters, cut at the last sentence end, else
    the last space, in each window's second half; joined, they give back the text exactly."""
    windows: list[str] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        ends = [match.end() for match in _SENTENCE_END.finditer(text, start + size // 2, limit)]
        space = text.rfind(" ", start + size // 2, limit)
        cut = ends[-1] if ends else space + 1 if space >= 0 else limit
        windows.append(text[start:cut])
        start = cut
    return [*windows, text[start:]]


def _quote_balance(text: str) -> int:
    return sum(text.count(q) for q in _OPENING_QUOTES) - sum(text.count(q) for q in _CLOSING_QUOTES)


def fit_to_limit(text: str, count_tokens: TokenCounter, limit: int) -> list[str]:
    """Pieces of `text`, in order, each within `limit` tokens: clause boundaries first, then word windows.

    Joining the pieces with spaces gives back the text (up to whitespace): nothing is dropped.
    """
    if count_tokens(text) <= limit:
        return [text]
    for pattern in _CLAUSE_BREAKS:
        clauses = [part for part in pattern.split(text) if part.strip()]
        if len(clauses) > 1:
            return [
                piece
                for group in _pack(clauses, count_tokens, limit)
                for piece in fit_to_limit(group, count_tokens, limit)
            ]
    return _word_windows(text, count_tokens, limit)


def _pack(parts: list[str], count_tokens: TokenCounter, limit: int) -> list[str]:
    """Greedily join consecutive parts while the result stays within the limit."""
    groups: list[str] = []
    for part in parts:
        candidate = f"{groups[-1]} {part}" if groups else part
        if groups and count_tokens(candidate) <= limit:
            groups[-1] = candidate
        else:
            groups.append(part)
    return groups


def _word_windows(text: str, count_tokens: TokenCounter, limit: int) -> list[str]:
    """The last resort: consecutive runs of whole words; a single over-long word is cut by characters."""
    words = text.split()
    if len(words) == 1:
        middle = len(text) // 2
        return fit_to_limit(text[:middle], count_tokens, limit) + fit_to_limit(text[middle:], count_tokens, limit)
    return [
        piece
        for group in _pack(words, count_tokens, limit)
        for piece in (fit_to_limit(group, count_tokens, limit) if count_tokens(group) > limit else [group])
    ]
