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
    vocabularies = [content_words(candidate, stops) for candidate in candidates]
    chosen: list[int] = []
    covered: set[str] = set()
    while len(chosen) < 3:
        gains = [(len((wanted & words) - covered), -index) for index, words in enumerate(vocabularies)]
        best_gain, best = max(gains, default=(0, 0))
        if best_gain < (1 if not chosen else 2):
            break
        chosen.append(-best)
        covered |= wanted & vocabularies[-best]
    support = len(covered) / len(wanted)
    return (chosen if support >= SUPPORTED else []), round(support, 2)
