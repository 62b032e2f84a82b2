"""Key quotes: the wire's direct quotations beside their translation, with who said them.

A journalist quotes the original. The speaker is the first person or organisation the quotation's
sentence names outside any quotation, taken by span from the source analysis's entities (facts.analysis),
so no text is parsed a second time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presssum.facts import SourceFacts
from presssum.guards import quotation_spans
from presssum.records import Article, ParagraphPair, Quote, SentencePair

# Shorter quotations are words held at arm's length, not statements.
_MIN_WORDS = 4
_MAX_QUOTES = 6


def key_quotes(article: Article, pairs: Sequence[ParagraphPair], source: SourceFacts) -> tuple[Quote, ...]:
    """The first quotations of four words or more, beside their translation (the whole sentence's where
    the translation's quotation marks do not line up), with the speaker their sentence names."""
    found: list[Quote] = []
    for number, (pair, start) in enumerate(zip(pairs, article.paragraph_starts, strict=True), start=1):
        cursor = start
        for sentence in pair.sentences or (SentencePair(source=pair.source, en=pair.en),):
            where = _locate(source.text, sentence.source, cursor, start + len(pair.source))
            cursor = where[1] if where else cursor
            spans = quotation_spans(sentence.source)
            translated = quotation_spans(sentence.en) if spans else []
            for k, (_, _, original) in enumerate(spans):
                if len(original.split()) < _MIN_WORDS:
                    continue
                en = translated[k][2] if len(translated) == len(spans) else sentence.en
                speaker = _speaker(source, where) if (pair.lang or source.lang) == source.lang else None
                found.append(Quote(source=original, en=en, speaker=speaker, paragraph=number))
                if len(found) == _MAX_QUOTES:
                    return tuple(found)
    return tuple(found)


def _locate(text: str, sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the sentence is in the source text, between `start` and `end`: the sentence splitter joins a
    quotation's sentences with one space, so any run of white space matches a space."""
    pattern = r"\s+".join(re.escape(word) for word in sentence.split())
    match = re.compile(pattern).search(text, start, end) if pattern else None
    return match.span() if match else None


def _speaker(source: SourceFacts, where: tuple[int, int] | None) -> str | None:
    """The first person or organisation inside the sentence's span and outside its quotations."""
    if where is None:
        return None
    begin, end = where
    quoted = [(begin + start, begin + stop) for start, stop, _ in quotation_spans(source.text[begin:end])]
    for person in source.people:
        start, stop = person.start or 0, person.end or 0
        if begin <= start and stop <= end and not any(a <= start < b for a, b in quoted):
            return person.text
    return None
