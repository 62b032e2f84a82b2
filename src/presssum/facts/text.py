"""Helpers every fact extractor shares: folding text for matching, and sentences with their spans."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from presssum.segment import split_sentences


def fold(text: str) -> str:
    """Lower-case, accents removed, typographic apostrophes straightened: for matching, never display.

    Every character folds to exactly one, so spans in folded text are spans in the original.
    """
    return text.translate(_FOLDED)


# Letters Unicode gives no base letter to, though every Latin keyboard writes one: Turkish dotless 'ı'
# ('Yılmaz' = 'Yilmaz'), Polish 'ł' ('Łódź' = 'Lodz'), Nordic 'ø', South Slavic 'đ', Maltese 'ħ'.
_UNDECOMPOSED = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h"}


class _FoldTable(dict[int, str]):
    """str.translate's table, filled one character at a time as texts need them."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char.lower() in _UNDECOMPOSED:
            self[code] = _UNDECOMPOSED[char.lower()]
            return self[code]
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
        folded = "'" if char in "’‘" else base if len(base) == 1 else (char.lower()[:1] or char)
        self[code] = folded
        return folded


_FOLDED = _FoldTable()


@dataclass(frozen=True)
class Sentence:
    """A sentence, where it starts in its text, and its 1-based (paragraph, sentence) number if it has one."""

    text: str
    start: int
    location: tuple[int, int] | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")  # lines up to a blank line


def sentences_with_spans(text: str, lang: str) -> list[Sentence]:
    """Every sentence of every paragraph of `text`, with its offset in `text`."""
    sentences = []
    for paragraph in PARAGRAPH.finditer(text):
        cursor = paragraph.start()
        for sentence in split_sentences(paragraph.group(0), lang):
            start = text.find(sentence, cursor)
            if start < 0:
                start = cursor
            sentences.append(Sentence(sentence, start))
            cursor = start + len(sentence)
    return sentences


def paragraphs_of(text: str, sentences: Sequence[Sentence]) -> list[list[int]]:
    """The indices of `sentences` in each paragraph of `text`, in order."""
    spans = [match.span() for match in PARAGRAPH.finditer(text)]
    grouped: list[list[int]] = [[] for _ in spans]
    for index, sentence in enumerate(sentences):
        at = next((i for i, (start, end) in enumerate(spans) if start <= sentence.start < end), None)
        if at is not None:
            grouped[at].append(index)
    return grouped


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=8192)
def content_words(text: str, stop_words: frozenset[str]) -> frozenset[str]:
    """Folded words that carry meaning, each cut to a crude stem, for lexical alignment."""
    return frozenset(stem(word) for word in _WORD.findall(fold(text)) if word not in stop_words and not word.isdigit())


def stem(word: str) -> str:
    """A crude stem that joins 'technicians'/'techniciens', 'saved'/'save', 'agreed'/'agreement'."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]
