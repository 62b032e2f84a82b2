"""Figures as written in a text: value, scale, unit or currency, and the noun they count, each with its span.

'12 milliards d'euros', '€12bn', '€12-billion' and '12 bln euros' are one figure; '$12 billion' is another
(a different currency); '8,500 km' and '8,500 technicians' are different figures too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presssum.facts.dates import known_locale
from presssum.facts.text import fold
from presssum.records import Fact

_SCALES = {
    "k": 1e3, "mille": 1e3, "thousand": 1e3, "mil": 1e3, "tausend": 1e3,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6, "millones": 1e6, "milioni": 1e6,
    "milhoes": 1e6, "millionen": 1e6, "mio": 1e6,
    "bn": 1e9, "bln": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9,
    "milliard": 1e9, "milliards": 1e9, "miliardi": 1e9, "milliarden": 1e9, "tn": 1e12, "trillion": 1e12,
}  # fmt: skip
_UNITS = {
    "%": "%", "pc": "%", "per cent": "%", "percent": "%", "pour cent": "%", "por ciento": "%", "prozent": "%",
    "per cento": "%", "points de pourcentage": "pt", "percentage points": "pt",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "d'euros": "EUR", "de euros": "EUR",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "de dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "livres": "GBP", "de livres": "GBP",
    "yen": "JPY", "yens": "JPY", "won": "KRW", "wons": "KRW", "chf": "CHF", "francs suisses": "CHF",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometros": "km", "kilometri": "km", "kilometer": "km",
    "mi": "mi", "miles": "mi", "lb": "lb", "lbs": "lb", "kg": "kg", "kilos": "kg", "kilogrammes": "kg",
    "kilograms": "kg",
    "t": "t", "tonnes": "t", "tons": "t", "ha": "ha", "hectares": "ha", "mw": "MW", "gw": "GW", "mwh": "MWh",
    "gwh": "GWh", "twh": "TWh", "degres": "°", "degrees": "°", "grados": "°", "grad": "°", "°c": "°", "°": "°",
}  # fmt: skip
_FRACTIONS = {"demi": 0.5, "half": 0.5, "tiers": 1 / 3, "third": 1 / 3, "quart": 0.25, "quarter": 0.25}
FRACTION_NAMES = {0.5: "a half", 1 / 3: "a third", 0.25: "a quarter"}
_PREFIX_CURRENCY = r"(?P<currency>us\$|[€$£])\s?"
_VALUE = r"(?P<value>\d{1,3}(?:[\u00a0\u202f ,.']\d{3})+(?!\d)|\d+(?:[.,]\d+)?)"
_SCALE = r"(?:[\s-]?(?P<scale>" + "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True)) + r")\b)"
_UNIT = (
    r"(?:\s?(?P<unit>"
    + "|".join(sorted((re.escape(unit).replace(r"\ ", r"\s") for unit in _UNITS), key=len, reverse=True))
    + r")(?!\w))"
)
# nothing glued after: not a letter ("18th" is an ordinal) nor a digit (or "18th" would match as "1")
_FIGURE = re.compile(rf"(?<![\w.,/:-])(?:{_PREFIX_CURRENCY})?{_VALUE}{_SCALE}?{_UNIT}?(?![^\W_])(?![.,]\d)")
_TIME = re.compile(
    r"(?<![\w.,:])(?P<hour>[01]?\d|2[0-3])(?:(?:[:.h]|\s?h\s?)(?P<minute>[0-5]\d))?\s?"
    r"(?P<suffix>a\.?m\.?|p\.?m\.?|h|heures?|uhr)?(?![\w])"
)
# a bare "half" is a share, but not in a compound ("fly-half", "half-time") nor a match's "first half"
_FRACTION = re.compile(
    r"\b(?:(?:un|une|a|one)\s+(?P<word>demi|tiers|quart|half|third|quarter)"
    r"|(?:la\s+)?(?<!first )(?<!second )(?<!-)(?P<half>moitie|half)(?!-))\b"
)
_NOUN = re.compile(r"\s*(?:(?:de|of|des|du)\s+|d')?(?P<noun>[^\W\d_]{3,})")  # "degrees" is not "de grees"
_PHRASE_END = re.compile(r"[.,;:!?()\[\]\"«»\n]")
_CURRENCIES = {"EUR", "USD", "GBP", "JPY", "KRW", "CHF"}
_NUMBER_WORDS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand and",
    "fr": "zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "vingt vingts trente quarante cinquante soixante cent cents mille et",
    # German writes a number as one word ("dreihundertfünfzig"): these are its parts, matched lower-cased
    "de": "null ein eins eine zwei drei vier fünf sechs sech sieben sieb acht neun zehn elf zwölf zwanzig dreißig "
    "vierzig fünfzig sechzig siebzig achtzig neunzig hundert tausend und million millionen milliarde milliarden",
}
_COMPOUNDING = {"de"}  # languages whose number words join into one word


@dataclass(frozen=True)
class Figure:
    """A figure found in a text: the Fact shown to readers, and what it measures, for matching."""

    fact: Fact
    number: float
    unit: str | None
    noun: str | None
    is_year: bool = False
    core: tuple[int, int] = (0, 0)  # the figure without its currency or unit: "12 milliards" of "12 milliards d'euros"
    following: tuple[str, ...] = ()  # the next content words of its phrase: "different", "continents"

    def counts(self, noun: str) -> bool:
        """Whether `noun` is among the words this figure counts: "four continents" = "four different continents"."""
        return noun[:4] in {word[:4] for word in self.following}


@lru_cache(maxsize=32)
def _decimal_symbol(lang: str) -> str:
    """The language's decimal mark from CLDR ("," in French and German); "." for a language Babel does not know."""
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(known_locale(lang)) if lang else "."


def _number(raw: str, lang: str) -> float | None:
    """'8 500', '8.500' (de), '8,500' (en), '1,8' (fr), '2.200.112' as numbers, by the language's separators."""
    digits = re.sub(r"[\u00a0\u202f ']", " ", raw)
    decimal = _decimal_symbol(lang)
    groups = re.fullmatch(r"\d{1,3}(?:([ ,.])\d{3})+", digits)
    if groups and (groups.group(1) != decimal or digits.count(groups.group(1)) > 1):
        return float(re.sub(r"[ ,.]", "", digits))
    if groups and groups.group(1) == decimal == "," and lang == "en":
        return float(digits.replace(",", ""))
    try:
        return float(digits.replace(decimal, ".").replace(",", "."))
    except ValueError:
        return None


def canonical(number: float) -> str:
    return f"{number:.10g}"


def _noun_after(text: str, end: int, lang: str) -> str | None:
    from presssum.facts.align import stop_words

    match = _NOUN.match(text, end)
    noun = fold(match.group("noun")) if match else None
    return None if noun is None or noun in stop_words(lang) or noun in _SCALES else noun


def _words_after(text: str, end: int, lang: str) -> tuple[str, ...]:
    """Up to three content words after a figure, within its phrase."""
    from presssum.facts.align import stop_words

    phrase = _PHRASE_END.split(text[end : end + 80], maxsplit=1)[0]
    words = [w for w in re.findall(r"[^\W\d_]{3,}", phrase) if w not in stop_words(lang) and w not in _SCALES]
    return tuple(words[:3])


def extract_figures(text: str, lang: str) -> list[Figure]:
    """Every figure, time, fraction and number word of `text`, with spans into `text`."""
    folded = fold(text)
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(
        start: int,
        end: int,
        number: float,
        unit: str | None,
        is_year: bool = False,
        core: tuple[int, int] | None = None,
    ) -> None:
        if any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        fact = Fact(text=text[start:end], kind="number", value=canonical(number), start=start, end=end)
        noun, following = _noun_after(folded, end, lang), _words_after(folded, end, lang)
        figures.append(Figure(fact, number, unit, noun, is_year, core or (start, end), following))

    for match in _TIME.finditer(folded):
        suffix = (match.group("suffix") or "").replace(".", "")
        if not suffix and not match.group("minute"):
            continue
        if match.group("minute") and not suffix and ":" not in match.group(0) and "h" not in match.group(0):
            continue  # "1.5" is a figure, not a time
        hour = int(match.group("hour")) + (12 if suffix == "pm" and int(match.group("hour")) < 12 else 0)
        minute = int(match.group("minute") or 0)
        add(match.start(), match.end(), hour + minute / 100, "h")
    for match in _FIGURE.finditer(folded):
        number = _number(match.group("value"), lang)
        if number is None:
            continue
        scale = match.group("scale")
        if scale:
            number *= _SCALES[scale]
        unit_text = match.group("unit") or match.group("currency")
        unit = _UNITS.get(re.sub(r"\s+", " ", unit_text)) if unit_text else None
        is_year = not scale and not unit and re.fullmatch(r"(1[89]|20)\d\d", match.group("value")) is not None
        core = (match.start("value"), match.end("scale") if scale else match.end("value"))
        add(match.start(), match.end(), number, unit, is_year, core)
    for match in _FRACTION.finditer(folded):
        add(match.start(), match.end(), _FRACTIONS[match.group("word") or "half"], None)
    words_text = folded
    if lang in _COMPOUNDING:  # "fünf" keeps its umlaut, where the spans still match the text
        lowered = text.lower()
        words_text = lowered if len(lowered) == len(text) else folded
    for start, end, number in _number_words(words_text, lang):
        add(start, end, number, None)
    return sorted(figures, key=lambda figure: figure.fact.start or 0)


def _number_words(folded: str, lang: str) -> list[tuple[int, int, float]]:
    """Runs of number words ('huit mille cinq cents', 'twenty-one', 'drei millionen') and their values,
    via text2num."""
    words = _number_word_pattern(lang)
    if words is None:
        return []
    found = []
    for match in words.finditer(folded):
        run = match.group(0).strip()
        run = re.sub(r"\s+(?:and|et)$", "", run)
        if run in ("un", "une", "one", "and", "et", "ein", "eine", "und") or run.startswith(("and ", "et ", "und ")):
            continue  # "one of them", "un accord": an article, not a figure
        found += _run_values(run, match.start(), lang)
    return found


def _run_values(run: str, start: int, lang: str) -> list[tuple[int, int, float]]:
    """A run's value; a run text2num rejects may be two figures joined: "three and four weeks"."""
    from text_to_num import text2num  # type: ignore[import-untyped]

    try:
        return [(start, start + len(run), float(text2num(run.replace("-", " "), lang)))]
    except (ValueError, KeyError):
        pass
    cuts = [0, *(i for m in re.finditer(r"\s+(?:and|et|und)\s+", run) for i in m.span()), len(run)]
    if len(cuts) == 2:
        return []
    return [
        value
        for begin, end in zip(cuts[::2], cuts[1::2], strict=True)
        if run[begin:end] not in ("un", "une", "one", "ein", "eine")
        for value in _run_values(run[begin:end], start + begin, lang)
    ]


@lru_cache(maxsize=8)
def _number_word_pattern(lang: str) -> re.Pattern[str] | None:
    vocabulary = _NUMBER_WORDS.get(lang)
    if vocabulary is None:
        return None
    word = "(?:" + "|".join(sorted(vocabulary.split(), key=len, reverse=True)) + ")"
    if lang in _COMPOUNDING:
        word = f"{word}+"
    # "seven-year-old", "a two-year contract": a number word may open a compound, never close one
    return re.compile(rf"(?<![\w-]){word}(?:[\s-]+{word})*(?!\w)")


def extract_numbers(text: str, lang: str) -> list[Fact]:
    """Figures with their scale ('12 milliards' = '12bn'), fractions and number words; not times.

    Each fact spans the figure and its scale only, so a caller can read the unit after it.
    """
    return [
        figure.fact.model_copy(update={"text": text[start:end], "start": start, "end": end})
        for figure in extract_figures(text, lang)
        if figure.unit != "h"
        for start, end in [figure.core]
    ]


def same_figure(summary: Figure, reference: Figure, *, same_language: bool) -> bool:
    """Equal value and unit; in one language also the counted noun, when both name one."""
    if abs(summary.number - reference.number) > 1e-9 * max(1.0, abs(reference.number)):
        return False
    if summary.unit != reference.unit and summary.unit is not None and reference.unit is not None:
        return False
    if summary.unit is None and reference.unit is not None and reference.unit != "h":
        # "8,500 technicians" is not "8 500 km"; "12 billion" may stand for "12 milliards d'euros", and
        # "a 330million loan" for "a £330million loan": the same sum lending the same noun
        if summary.noun is None:
            return True
        return same_language and reference.unit in _CURRENCIES and reference.counts(summary.noun)
    if same_language and summary.unit is not None and reference.unit is None and reference.noun:
        return False  # "30lb" is not "30 flight attendants"
    if (
        same_language
        and summary.unit is None
        and summary.noun
        and reference.noun
        and not (reference.is_year or summary.is_year)
    ):
        # the counted noun may follow an adjective on either side: "four (different) continents"
        return reference.counts(summary.noun) or summary.counts(reference.noun)
    return True


def english_figure(figure: Figure) -> str:
    """How a key fact reads in English: '2032' for a year, '8,500', 'a third', '€12 billion'."""
    number = figure.number
    if figure.is_year:
        return str(int(number))
    if number in FRACTION_NAMES and not figure.unit:
        return FRACTION_NAMES[number]
    if figure.unit == "h":
        return f"{int(number):02}:{round(number % 1 * 100):02}"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if number >= scale and (number / scale) * 100 == int((number / scale) * 100):
            shown = f"{number / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
            break
    else:
        shown = f"{number:,.0f}" if number.is_integer() else f"{number:,.4g}"
    return {"EUR": f"€{shown}", "USD": f"${shown}", "GBP": f"£{shown}", "%": f"{shown}%"}.get(
        figure.unit or "", f"{shown} {figure.unit}" if figure.unit else shown
    )
