"""What the translation guards add to every format: each paragraph's language label and its quotations."""

from __future__ import annotations

from presssum.records import ENGLISH, Digest, ParagraphPair, Quote


def language_label(digest: Digest, pair: ParagraphPair) -> str:
    """The source column's label: the wire's language, another one detected, or an English paragraph kept."""
    lang = pair.lang or digest.source_lang
    if lang == ENGLISH and digest.source_lang != ENGLISH:
        return "EN, kept as written"
    return lang.upper()


def quotes_of(digest: Digest, number: int) -> list[Quote]:
    """The key quotes found in paragraph `number` (1-based), for --full to mark them there."""
    return [quote for quote in digest.quotes if quote.paragraph == number]


def said_by(quote: Quote) -> str:
    return f" ({quote.speaker})" if quote.speaker else ""
