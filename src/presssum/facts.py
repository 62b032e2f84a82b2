"""Names, numbers and dates: extracted from the source, and every one in a summary traced back to it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from presssum.records import Fact, FactReport, KeyFact

_SCALES = {
    "mille": 1e3,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "md": 1e9,
    "mds": 1e9,
    "trillion": 1e12,
    "billion(s)": 1e12,
}
_FRACTIONS = {
    "demi": 0.5,
    "half": 0.5,
    "tiers": 1 / 3,
    "third": 1 / 3,
    "quart": 0.25,
    "quarter": 0.25,
}
# 8 500 / 8,500 / 8.500 / 1,8 / 1.8 / 12
# A figure, then either its scale word or no letter at all: "3rd", "1er", "20e" are ordinals, not figures.
_NUMBER = re.compile(
    r"(?<![\w.,-])(?P<value>\d{1,3}(?:[\u00a0\u202f ,.]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
    r"(?:(?P<scale>\s*(?:milliards?|millions?|mille|billions?|thousand|trillion|bn|mds?|mn|[kmb])\b)|(?![^\W\d_]))",
    re.IGNORECASE,
)
_FRACTION = re.compile(r"\b(?:un|une|a|one)\s+(?P<word>demi|tiers|quart|half|third|quarter)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _number_value(raw: str, scale: str | None, lang: str) -> float | None:
    digits = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+", digits) and not (
        lang == "fr" and re.fullmatch(r"\d{1,3},\d{3}", digits)
    ):
        number = float(re.sub(r"[ ,.]", "", digits))
    else:
        try:
            number = float(digits.replace(",", "."))
        except ValueError:
            return None
    if scale:
        number *= _SCALES.get(scale.strip().lower(), 1)
    return number


def _canonical(number: float) -> str:
    return f"{number:.6g}"


def extract_numbers(text: str, lang: str) -> list[Fact]:
    """Figures with their scale ('12 milliards' = '12 billion' = '€12bn'), fractions and number words."""
    facts = []
    for match in _NUMBER.finditer(_words_to_digits(text, lang)):
        value = _number_value(match.group("value"), match.group("scale"), lang)
        if value is not None:
            facts.append(Fact(text=match.group(0).strip(), kind="number", value=_canonical(value)))
    for match in _FRACTION.finditer(text):
        facts.append(
            Fact(text=match.group(0), kind="number", value=_canonical(_FRACTIONS[match.group("word").lower()]))
        )
    return facts


_SCALE_AFTER_DIGIT = re.compile(r"(\d)\s+(milliards?|millions?|mille|billions?|thousand|trillion)\b", re.IGNORECASE)
_GLUE = "xpresssumx"  # "12 xpresssumxmilliards": a word text2num does not know, so it leaves the scale alone


def _words_to_digits(text: str, lang: str) -> str:
    """'quatre' -> '4', 'four' -> '4' with text2num; small numbers in prose are facts too."""
    from text_to_num import alpha2digit  # type: ignore[import-untyped]

    glued = _SCALE_AFTER_DIGIT.sub(rf"\1 {_GLUE}\2", text)
    try:
        converted = str(alpha2digit(glued, lang if lang in ("fr", "en", "es", "de", "it", "pt", "nl") else "en"))
    except (ValueError, KeyError):
        converted = glued
    return converted.replace(_GLUE, "")


@lru_cache(maxsize=8)
def _months(lang: str) -> dict[str, int]:
    """Month names from Babel's CLDR data, accent-folded, lower-case."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=lang).items():
            names[_fold(name).rstrip(".")] = int(number)
    return names


def extract_dates(text: str, lang: str) -> list[Fact]:
    """Day-and-month dates: '31 octobre', 'le 2 avril', 'October 31', '31 October'."""
    months = _months(lang)
    pattern = "|".join(sorted((re.escape(name) for name in months), key=len, reverse=True))
    folded = _fold(text)
    facts = []
    for match in re.finditer(
        rf"\b(?:(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+(?P<month>{pattern})\b\.?"
        rf"|(?P<month2>{pattern})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)",
        folded,
    ):
        day = int(match.group("day") or match.group("day2"))
        month = months[match.group("month") or match.group("month2")]
        if 1 <= day <= 31:
            facts.append(Fact(text=text[match.start() : match.end()], kind="date", value=f"{month:02}-{day:02}"))
    return facts


def _fold(text: str) -> str:
    """Lower-case, accents removed, typographic apostrophes straightened: for matching, never display."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_NAME = re.compile(rf"{_NAME_WORD}(?:[ -](?:(?:de|du|des|la|le|von|van|bin|al)\s)?{_NAME_WORD})*")
_NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "this", "that", "these", "those", "but",
    "and", "or", "according", "after", "before", "during", "while", "for", "with", "as", "by", "from", "his",
    "her", "their", "its", "le", "la", "les", "un", "une", "des", "en", "il", "elle", "ils", "elles", "selon",
    "mais", "et", "ou", "dans", "pour", "avec", "par", "sur", "ce", "cette", "ces", "son", "sa", "ses", "leur",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr",
    "m", "mme", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
}  # fmt: skip


def extract_names(text: str, lang: str) -> list[Fact]:
    """People, organisations and places: spaCy's French model for French, capitalised spans for English.

    Other languages get none: German capitalises every noun, and no official NER pipeline for them is
    a dependency here, so names there are not checked rather than flagged at random.
    """
    if lang not in ("fr", "en"):
        return []
    if lang == "fr":
        nlp = _french_nlp()
        if nlp is not None:
            return [
                Fact(text=ent.text, kind="name", value=_fold(ent.text))
                for ent in nlp(text).ents
                if ent.label_ in ("PER", "ORG", "LOC") and len(ent.text) > 1
            ]
    facts = []
    months = set(_months(lang)) | set(_months("en"))
    for match in _NAME.finditer(re.sub(r"(\w)['’]s\b", r"\1 ,", text)):  # "France's GDP": two spans
        # acronyms change between languages (PIB/GDP, OTAN/NATO): they are not checked as names
        words = [w for w in match.group(0).split() if not (w.isupper() and len(w) <= 5)]
        while words and _fold(words[0]).strip("'’") in _NOT_NAMES | months:
            words.pop(0)  # "The", "Monday" open a span without being part of the name
        while words and _fold(words[-1]).strip("'’") in _NOT_NAMES | months:
            words.pop()
        sentence_start = not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in '.!?:«"“'
        if not words or (sentence_start and len(words) == 1 and words[0] == match.group(0)):
            continue  # a capitalised first word is grammar, not a name
        span = " ".join(words)
        if len(span) > 1:
            facts.append(Fact(text=span, kind="name", value=_fold(span)))
    return facts


def protected_names(text: str, lang: str) -> list[str]:
    """People and organisations a translation must not alter; found by spaCy in French text."""
    nlp = _french_nlp() if lang == "fr" else None
    if nlp is None:
        return []
    return [ent.text for ent in nlp(text).ents if ent.label_ in ("PER", "ORG") and len(ent.text) > 2]


@lru_cache(maxsize=1)
def _french_nlp() -> Any:
    try:
        import spacy

        return spacy.load("fr_core_news_sm", disable=["parser", "lemmatizer"])
    except (ImportError, OSError):
        return None


@lru_cache(maxsize=1)
def _territories() -> list[tuple[str, str]]:
    """(English, French) country and region names from Babel's CLDR data, accent-folded."""
    from babel import Locale

    english, french = Locale("en").territories, Locale("fr").territories
    return [
        (_fold(english[code]), _fold(french[code])) for code in english if code in french and not str(code).isdigit()
    ]


def _name_forms(name: str) -> set[str]:
    """A name as it may appear in the other language: itself, and its CLDR country name if it is one."""
    folded = _fold(name)
    forms = {folded}
    for english, french in _territories():
        if folded == english:
            forms.add(french)
        elif folded == french:
            forms.add(english)
    return forms


def check_facts(
    source: str,
    summary: str,
    *,
    translation: str | None = None,
    source_lang: str = "fr",
    summary_lang: str = "en",
) -> FactReport:
    """Trace every number, date and name of `summary` to `source` (or through `translation` to it)."""
    references = [(source, source_lang)] + ([(translation, "en")] if translation else [])
    numbers = {fact.value for text, lang in references for fact in extract_numbers(text, lang)}
    dates = {fact.value for text, lang in references for fact in extract_dates(text, lang)}
    folded_references = " ".join(_fold(text) for text, _ in references)
    verified: list[Fact] = []
    unverified: list[Fact] = []
    summary_dates = extract_dates(summary, summary_lang)
    without_dates = summary
    for fact in summary_dates:  # "March 14" is a date, not also the figure 14
        without_dates = without_dates.replace(fact.text, " ")
    for fact in extract_numbers(without_dates, summary_lang):
        if fact.value in numbers or (_YEAR.match(fact.value) and fact.value in folded_references):
            verified.append(fact)
        else:
            unverified.append(fact.model_copy(update={"reason": "this figure is not in the source"}))
    for fact in summary_dates:
        (verified if fact.value in dates else unverified).append(
            fact if fact.value in dates else fact.model_copy(update={"reason": "this date is not in the source"})
        )
    for fact in extract_names(summary, summary_lang):
        if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded_references) for form in _name_forms(fact.text)):
            verified.append(fact)
        else:
            unverified.append(fact.model_copy(update={"reason": "this name is not in the source"}))
    return FactReport(verified=_located(summary, verified), unverified=_located(summary, unverified))


def _located(text: str, facts: list[Fact]) -> list[Fact]:
    """Each fact with its span in `text`: the next whole-word occurrence, never the inside of another figure."""
    after: dict[str, int] = {}
    located = []
    for fact in facts:
        match = re.compile(rf"(?<![\w.,]){re.escape(fact.text)}(?![\w])").search(text, after.get(fact.text, 0))
        if match:
            after[fact.text] = match.end()
            fact = fact.model_copy(update={"start": match.start(), "end": match.end()})
        located.append(fact)
    return located


def english_date(value: str) -> str:
    """'10-31' as 'October 31', from Babel's month names."""
    from babel.dates import get_month_names

    month, day = value.split("-")
    return f"{get_month_names('wide', locale='en')[int(month)]} {int(day)}"


def english_name(name: str) -> str:
    """A place's CLDR English name when it is a country or region, else the name as written."""
    from babel import Locale

    folded = _fold(name)
    english = Locale("en").territories
    for code, french in Locale("fr").territories.items():
        if _fold(french) == folded and code in english:
            return str(english[code])
    return name


def key_facts(source: str, lang: str) -> tuple[KeyFact, ...]:
    """The people, organisations, places, figures and dates of a source, each with its English form."""
    found: dict[tuple[str, str], KeyFact] = {}
    for fact in extract_names(source, lang):
        found.setdefault(("name", fact.value), KeyFact(kind="name", source=fact.text, en=english_name(fact.text)))
    for fact in extract_numbers(source, lang):
        number = float(fact.value)
        english = f"{number:,.0f}" if number.is_integer() else f"{number:,.4g}"
        found.setdefault(("number", fact.value), KeyFact(kind="number", source=fact.text, en=english))
    for fact in extract_dates(source, lang):
        found.setdefault(("date", fact.value), KeyFact(kind="date", source=fact.text, en=english_date(fact.value)))
    return tuple(found.values())
