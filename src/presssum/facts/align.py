"""Lexical alignment: which source sentences a summary sentence comes from, and how much of it they cover.

The summariser works from the translation, so shared content words are enough to find a sentence's
sources; a sentence they do not cover is reported as unsupported.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from presssum.facts.text import content_words

SUPPORTED = 0.5  # share of a summary sentence's content words its sources must hold


@lru_cache(maxsize=16)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for the language (English where spaCy has none), accent-folded."""
    from importlib import import_module

    from presssum.facts.text import fold

    try:
        words = import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
    except ImportError:
        words = import_module("spacy.lang.en.stop_words").STOP_WORDS
    return frozenset(fold(word) for word in words)


def align(sentence: str, candidates: Sequence[str], lang: str) -> tuple[list[int], float]:
    """Indices of the candidate sentences that support `sentence`, best first, and the share they cover.

    Greedy: take the sentence covering most of the summary sentence's words, then any that adds at least
    two more, up to three sentences.
    """
    stops = stop_words(lang)
    wanted = set(content_words(sentence, stops))
    if not wanted:
        return [], 1.0
    chosen = _cover(wanted, [content_words(candidate, stops) for candidate in candidates])
    covered = {word for i in chosen for word in wanted & content_words(candidates[i], stops)}
    support = len(covered) / len(wanted)
    return (chosen if support >= SUPPORTED else []), round(support, 2)


def _cover(wanted: set[str], vocabularies: Sequence[frozenset[str]]) -> list[int]:
    chosen: list[int] = []
    covered: set[str] = set()
    while len(chosen) < 3:
        gains = [(len((wanted & words) - covered), -index) for index, words in enumerate(vocabularies)]
        best_gain, best = max(gains, default=(0, 0))
        if best_gain < (1 if not chosen else 2):
            break
        chosen.append(-best)
        covered |= wanted & vocabularies[-best]
    return chosen


SHARED = 2  # content words a sentence must share with a summary sentence to be among the sentences it draws on


def draws_on(sentence: str, candidates: Sequence[str], lang: str) -> set[int]:
    """Every candidate sentence a summary sentence may draw on: the greedy cover of `align`, whatever its
    support, and any other that shares at least two content words with it. A fused sentence takes one
    clause from each of its sources, so each may cover only a small part of it."""
    stops = stop_words(lang)
    wanted = set(content_words(sentence, stops))
    chosen, _ = align(sentence, candidates, lang)
    if not chosen:
        chosen = cover(sentence, candidates, lang)
    shared = {i for i, candidate in enumerate(candidates) if len(wanted & content_words(candidate, stops)) >= SHARED}
    return set(chosen) | shared


def cover(sentence: str, candidates: Sequence[str], lang: str) -> list[int]:
    """The greedy cover of `align`, whatever share of the sentence it covers."""
    stops = stop_words(lang)
    return _cover(set(content_words(sentence, stops)), [content_words(candidate, stops) for candidate in candidates])


def coverage(sentence: str, sources: Sequence[str], lang: str) -> float:
    """The share of a summary sentence's content words that its source sentences hold together."""
    stops = stop_words(lang)
    wanted = set(content_words(sentence, stops))
    if not wanted:
        return 1.0
    covered = {word for source in sources for word in wanted & content_words(source, stops)}
    return round(len(covered) / len(wanted), 2)
