"""Figures as written in a text: value, scale, unit or currency, and the noun they count, each with its span.

'12 milliards d'euros', '€12bn', '€12-billion' and '12 bln euros' are one figure; '$12 billion' is another
(a different currency); '8,500 km' and '8,500 technicians' are different figures too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
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
    "per cento": "%", "points de pourcentage": "pt", "percentage points": "pt", "percentage point": "pt",
    "point de pourcentage": "pt", "prozentpunkte": "pt", "prozentpunkt": "pt", "puntos porcentuales": "pt",
    "punto porcentual": "pt", "punti percentuali": "pt", "points": "pt", "point": "pt", "punkte": "pt",
    "basis points": "bp", "basis point": "bp", "bps": "bp", "bp": "bp", "points de base": "bp",
    "puntos basicos": "bp", "basispunkte": "bp", "punti base": "bp",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "d'euros": "EUR", "de euros": "EUR",
    "$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "r$": "BRL", "s$": "SGD",
    "usd": "USD", "dollar": "USD", "dollars": "USD", "de dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "livres": "GBP", "de livres": "GBP",
    "yen": "JPY", "yens": "JPY", "won": "KRW", "wons": "KRW", "chf": "CHF", "francs suisses": "CHF",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometros": "km", "kilometri": "km", "kilometer": "km",
    "mi": "mi", "miles": "mi", "lb": "lb", "lbs": "lb", "kg": "kg", "kilos": "kg", "kilogrammes": "kg",
    "kilograms": "kg",
    "t": "t", "tonnes": "t", "tons": "t", "ha": "ha", "hectares": "ha", "mw": "MW", "gw": "GW", "mwh": "MWh",
    "gwh": "GWh", "twh": "TWh", "degres": "°", "degrees": "°", "grados": "°", "grad": "°", "°c": "°", "°": "°",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "metros": "m", "metri": "m", "metro": "m",
    "cm": "cm", "centimetres": "cm", "centimeters": "cm", "centimetros": "cm", "zentimeter": "cm",
    "mm": "mm", "millimetres": "mm", "millimeters": "mm", "millimetros": "mm",
    "feet": "ft", "foot": "ft", "ft": "ft", "pieds": "ft", "pies": "ft", "fuss": "ft", "inches": "in",
    "litres": "l", "liters": "l", "litre": "l", "liter": "l", "litros": "l", "litri": "l",
    "gallons": "gal", "gallon": "gal", "galones": "gal", "m3": "m3", "m³": "m3", "hectolitres": "hl",
    "kw": "kW", "kilowatts": "kW", "kilowatt": "kW", "megawatts": "MW", "megawatt": "MW", "gigawatts": "GW",
    "gigawatt": "GW", "megavatios": "MW", "gigavatios": "GW", "kwh": "kWh", "kilowatt hours": "kWh",
    "kilowattheures": "kWh", "megawatt hours": "MWh", "megawattheures": "MWh", "gigawatt hours": "GWh",
    "terawatt hours": "TWh", "terawattheures": "TWh", "mile": "mi", "kilometre": "km", "kilometro": "km",
    "tonne": "t", "ton": "t", "hectare": "ha", "kilogram": "kg", "inch": "in", "metern": "m", "hectareas": "ha",
    "toneladas": "t", "tonnen": "t", "kilometern": "km", "kilometres carres": "km2", "square kilometres": "km2",
    "km2": "km2", "km²": "km2", "quadratkilometer": "km2",
}  # fmt: skip
# units of one dimension, to one base: "5 GW" is "5 000 MW", "half a percentage point" is "50 basis points"
_MEASURES = {
    "kW": ("W", 1e3), "MW": ("W", 1e6), "GW": ("W", 1e9),
    "kWh": ("Wh", 1e3), "MWh": ("Wh", 1e6), "GWh": ("Wh", 1e9), "TWh": ("Wh", 1e12),
    "mm": ("m", 1e-3), "cm": ("m", 1e-2), "m": ("m", 1.0), "km": ("m", 1e3), "mi": ("m", 1609.344),
    "ft": ("m", 0.3048), "in": ("m", 0.0254), "kg": ("g", 1e3), "t": ("g", 1e6), "lb": ("g", 453.59237),
    "l": ("l", 1.0), "hl": ("l", 100.0), "m3": ("l", 1e3), "gal": ("l", 3.785411784),
    "bp": ("bp", 1.0), "pt": ("bp", 100.0), "ha": ("m2", 1e4), "km2": ("m2", 1e6),
    "%": ("%", 1.0), "°": ("°", 1.0),
}  # fmt: skip
# durations are counted nouns ("72 hours", "72 Stunden", "three days"), in hours (a month is a twelfth of a year)
_DURATIONS = {
    **dict.fromkeys(("hour", "hours", "heure", "heures", "stunde", "stunden", "hora", "horas", "ore"), ("h", 1.0)),
    **dict.fromkeys(("day", "days", "jour", "jours", "tag", "tage", "tagen", "dia", "dias", "giorni"), ("h", 24.0)),
    **dict.fromkeys(
        ("week", "weeks", "semaine", "semaines", "woche", "wochen", "semana", "semanas", "settimane"), ("h", 168.0)
    ),
    **dict.fromkeys(("month", "months", "mois", "monat", "monate", "monaten", "meses", "mesi"), ("h", 730.5)),
    **dict.fromkeys(("year", "years", "ans", "annees", "jahr", "jahre", "jahren", "anos", "anni"), ("h", 8766.0)),
}  # fmt: skip
# shares in words: "a quarter", "two-thirds", "trois quarts", "zwei Drittel", "dos tercios", "one in five"
_NUMERATORS = {
    **dict.fromkeys(("a", "an", "one", "un", "une", "ein", "eine", "einen", "uno", "una", "um", "uma"), 1),
    **dict.fromkeys(("two", "deux", "zwei", "dos", "due", "dois", "duas"), 2),
    **dict.fromkeys(("three", "trois", "drei", "tres", "tre"), 3),
    **dict.fromkeys(("four", "quatre", "vier", "cuatro", "quattro", "quatro"), 4),
}  # fmt: skip
_DENOMINATORS = {
    **dict.fromkeys(("half", "halves", "demi"), 2),
    **dict.fromkeys(("third", "thirds", "tiers", "drittel", "tercio", "tercios", "terzo", "terzi", "terco"), 3),
    **dict.fromkeys(("quarter", "quarters", "quart", "quarts", "viertel", "cuarto", "cuartos", "quarto", "quarti"), 4),
    **dict.fromkeys(("fifth", "fifths", "cinquieme", "cinquiemes", "funftel", "quinto", "quintos", "quinti"), 5),
    **dict.fromkeys(("tenth", "tenths", "dixieme", "dixiemes", "zehntel", "decimo", "decimos", "decimi"), 10),
}  # fmt: skip
_COUNTS = {
    **_NUMERATORS, "five": 5, "cinq": 5, "funf": 5, "cinco": 5, "cinque": 5, "six": 6, "sechs": 6, "seis": 6,
    "sei": 6, "seven": 7, "sept": 7, "sieben": 7, "siete": 7, "sette": 7, "eight": 8, "huit": 8, "acht": 8,
    "ocho": 8, "otto": 8, "nine": 9, "neuf": 9, "neun": 9, "nueve": 9, "nove": 9, "ten": 10, "dix": 10,
    "zehn": 10, "diez": 10, "dieci": 10, "dez": 10,
}  # fmt: skip
FRACTION_NAMES = {0.5: "a half", 1 / 3: "a third", 0.25: "a quarter"}
_PREFIX_CURRENCY = r"(?P<currency>(?:us|a|c|hk|nz|r|s)\$|[€$£])\s?"
_VALUE = r"(?P<value>\d{1,3}(?:[\u00a0\u202f ,.']\d{3})+(?!\d)|\d+(?:[.,]\d+)?)"
_SCALE = r"(?:[\s-]?(?P<scale>" + "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True)) + r")\b)"
_UNIT = (
    r"(?:[\s-]?(?P<unit>"
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
    rf"\b(?:(?P<num>{'|'.join(_NUMERATORS)})(?P<join>[\s-]+)(?P<den>{'|'.join(_DENOMINATORS)})"
    r"|(?P<part>\d{1,2}|[^\W\d_]+)\s+(?:in|out\s+of|sur|de\s+cada|von)\s+(?P<whole>\d{1,3}|[^\W\d_]+)"
    r"|(?:(?:la|die)\s+)?(?<!first )(?<!second )(?<!-)(?P<half>moitie|half|halfte|mitad|metade)(?!-))\b"
)
# a share of two or more parts is one when hyphenated or followed by what it is a share of: "two-thirds",
# "trois quarts des salariés"; "two quarters in a row" counts quarters
_SHARE_OF = re.compile(r"\s+(?:of|des?|du|d'|der|del|dei|degli|das)\b|\s*(?:[.,;:]|$)")
_NOUN = re.compile(r"\s*(?:(?:de|of|des|du)\s+|d')?(?P<noun>[^\W\d_]{3,})")  # "degrees" is not "de grees"
_PHRASE_END = re.compile(r"[.,;:!?()\[\]\"«»\n]")
_DECADES = {"decades": "years", "decade": "years", "decennies": "ans", "jahrzehnte": "jahre", "decadas": "anos"}
# words that join number words into one figure ("twenty-one", "mil y dos"); text2num knows the rest
_JOINERS = {"and", "et", "y", "e", "und"}
# "un accord" is not a figure, nor "unas 190 hectáreas" the figure 1 (Spanish and Portuguese "some")
_ARTICLES = {"un", "une", "one", "ein", "eine", "uno", "una", "um", "uma", "unos", "unas", "uns", "umas"}
_NUMBER_LANGUAGES = {"en", "fr", "es", "pt", "de", "it"}  # text2num's languages
# "about 70%" may stand for 69.8 %: a figure after one of these is read at its last non-zero digit
_APPROXIMATE = re.compile(
    r"(?:about|around|nearly|almost|fewer than|less than|"
    r"some|roughly|approximately|close to|more than|over|just over|just under|"
    r"under|up to|at least|circa|an estimated|environ|pres de|quelque|quelques|presque|plus de|pres d'|"
    r"autour de|etwa|rund|fast|knapp|uber|mehr als|cerca de|alrededor de|casi|unos|unas|mas de|"
    r"circa|quasi|oltre|intorno a|quase|mais de)\s*$"
)
# which side of its figure a qualified one lies: "over a third" is at least 33 %, "nearly half" at most 50 %
_ABOVE = re.compile(r"(?<!\w)(?:more than|over|just over|at least|plus de|mehr als|uber|mas de|oltre|mais de)\s*$")
_BELOW = re.compile(
    r"(?<!\w)(?:nearly|almost|fewer than|less than|under|just under|up to|presque|fast|knapp|casi|quase)\s*$"
)
_CHANGE = re.compile(r"(?<!\w)(?:by|up|down|de|um|en)\s*$")
# a whole number and a fraction in words: "three and a half", "trois et demi", "tres y medio"
_MIXED = re.compile(
    r"\s+(?:and\s+(?:a|one)|et|y|e)\s+(?P<fraction>half|quarter|third|demie?|quart|tiers|medio|media|mezzo|mezza)\b"
)
_MIXED_FRACTIONS = {"half": 0.5, "demi": 0.5, "demie": 0.5, "medio": 0.5, "media": 0.5, "mezzo": 0.5, "mezza": 0.5,
                    "quarter": 0.25, "quart": 0.25, "third": 1 / 3, "tiers": 1 / 3}  # fmt: skip
# two figures sharing the second one's unit: "from 2,800 to 5,000 megawatts", "zwischen 2 und 3 Prozent"
_RANGE = re.compile(r"\s*(?:to|and|or|a|et|ou|bis|und|oder|y|o|e|-|–)\s*")
_CURRENCY_CODE = re.compile(r"\s?(?P<code>[A-Z]{3})(?![\w])")


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
    readings: tuple[float, ...] = ()  # every value it may be: "3.000" is 3 or 3000 outside its own locale
    precision: float = 0.0  # the place of its last stated digit: 0.1 for "69.8", 10 for "about 70"
    approximate: bool = False  # "about", "nearly", "fewer than" in front
    direction: int = 0  # 1 after "over", "more than"; -1 after "nearly", "fewer than": the side the fact lies on
    change: bool = False  # after "by", "up", "down": maybe the difference of two figures ("rises by €2bn to €6bn")

    def values(self) -> tuple[float, ...]:
        return self.readings or (self.number,)

    def rounds_to(self, reference: float) -> bool:
        """Whether `reference` written at this figure's precision reads as this figure: "70%" for 69.8 %."""
        width = self.precision * (1 + 1e-9)
        return any(
            value - width / 2 * (1 - self.direction) <= reference <= value + width / 2 * (1 + self.direction)
            for value in self.values()
        )

    def counts(self, noun: str) -> bool:
        """Whether `noun` is among the words this figure counts: "four continents" = "four different continents"."""
        return noun[:4] in {word[:4] for word in self.following}

    def scaled_as(self, factor: float, other: Figure) -> Figure:
        """This figure times `factor`, measuring what `other` measures: "4" of "de 4 à 6 milliards" is 4 billion."""
        return replace(
            self,
            number=self.number * factor,
            readings=tuple(value * factor for value in self.readings),
            precision=self.precision * factor,
            unit=other.unit,
            noun=other.noun,
        )


@lru_cache(maxsize=32)
def _decimal_symbol(lang: str) -> str:
    """The language's decimal mark from CLDR ("," in French and German); "." for a language Babel does not know."""
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(known_locale(lang)) if lang else "."


def _readings(raw: str, lang: str) -> tuple[float, ...]:
    """Every value a written number may have: "3.000" is three thousand in German and three in English,
    and a summary may copy either locale's form."""
    number = _number(raw, lang)
    if number is None:
        return ()
    if re.fullmatch(r"\d{1,3}[.,]\d{3}", raw):
        other = float(raw.replace(",", "").replace(".", ""))
        return (number, other) if other != number else (number,)
    return (number,)


def _precision(raw: str, lang: str) -> float:
    """The place value of a written number's last stated digit: 0.1 for "69.8", 1 for "70"."""
    decimal = _decimal_symbol(lang)
    digits = re.sub(r"[\u00a0\u202f ']", "", raw)
    if re.fullmatch(r"\d+[.,]\d{1,2}", digits) or (
        decimal in digits and not re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits)
    ):
        return 10.0 ** -len(re.split(r"[.,]", digits)[-1])
    return 1.0


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
        readings: tuple[float, ...],
        unit: str | None,
        is_year: bool = False,
        core: tuple[int, int] | None = None,
        precision: float = 0.0,
    ) -> None:
        if any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        noun, following = _noun_after(folded, end, lang), _words_after(folded, end, lang)
        if unit is None and noun in _UNITS:  # "33,5 millions de tonnes", "10,2 Metern"
            unit = _UNITS[noun]
        if noun in _DECADES:  # "two decades" is "twenty years"
            readings, noun, following = tuple(r * 10 for r in readings), _DECADES[noun], (_DECADES[noun],)
        number = readings[0]
        fact = Fact(text=text[start:end], kind="number", value=canonical(number), start=start, end=end)
        before = re.sub(r"(?<!\w)an?\s+$", "", folded[max(0, start - 22) : start])  # "more than a thousand"
        approximate = _APPROXIMATE.search(before) is not None
        if precision and approximate:
            precision = _rounded_place(number, precision)
        direction = 1 if _ABOVE.search(before) else -1 if _BELOW.search(before) else 0
        change = _CHANGE.search(_APPROXIMATE.sub("", before)) is not None
        figures.append(
            Figure(fact, number, unit, noun, is_year, core or (start, end), following, readings, precision,
                   approximate, direction, change)
        )  # fmt: skip

    def add_words(start: int, end: int, number: float) -> None:
        tail = _TAIL.match(folded, end)
        unit_text = tail.group("unit") if tail else None
        scale = tail.group("scale") if tail else None
        factor = _SCALES[scale] if scale else 1.0
        unit = _UNITS.get(re.sub(r"\s+", " ", unit_text)) if unit_text else None
        tail_end = tail.end() if tail and (unit or scale) else end
        unit, tail_end = _currency_code(text, start, tail_end, unit)
        add(start, tail_end, (number * factor,), unit, core=(start, tail.end("scale") if scale and tail else end),
            precision=factor)  # fmt: skip

    for match in _TIME.finditer(folded):
        suffix = (match.group("suffix") or "").replace(".", "")
        if not suffix and not match.group("minute"):
            continue
        if match.group("minute") and not suffix and ":" not in match.group(0) and "h" not in match.group(0):
            continue  # "1.5" is a figure, not a time
        hour = int(match.group("hour")) + (12 if suffix == "pm" and int(match.group("hour")) < 12 else 0)
        minute = int(match.group("minute") or 0)
        add(match.start(), match.end(), (hour + minute / 100,), "h")
    for match in _FIGURE.finditer(folded):
        readings = _readings(match.group("value"), lang)
        if not readings:
            continue
        scale = match.group("scale")
        factor = _SCALES[scale] if scale else 1.0
        unit_text = match.group("unit") or match.group("currency")
        unit = _UNITS.get(re.sub(r"\s+", " ", unit_text)) if unit_text else None
        end = match.end()
        unit, end = _currency_code(text, match.start(), end, unit)
        is_year = not scale and not unit and re.fullmatch(r"(1[89]|20)\d\d", match.group("value")) is not None
        core = (match.start("value"), match.end("scale") if scale else match.end("value"))
        precision = _precision(match.group("value"), lang) * factor
        add(match.start(), end, tuple(r * factor for r in readings), unit, is_year, core, precision)
    lowered = text.lower()
    words_text = lowered if len(lowered) == len(text) else folded  # "fünf", "milhões" keep their accents
    words = _number_words(words_text, lang)
    for start, end, number in words:  # "three and a half per cent" first, or "a half" would be read alone
        mixed = _MIXED.match(folded, end)
        if mixed:
            add_words(start, mixed.end(), number + _MIXED_FRACTIONS[mixed.group("fraction")])
    for match in _FRACTION.finditer(folded):
        share = _share(match, folded)
        if share is None:
            continue
        tail = _FRACTION_TAIL.match(folded, match.end())  # "half a percentage point", "half a million"
        if tail and (tail.group("scale") or tail.group("unit")):
            factor = _SCALES[tail.group("scale")] if tail.group("scale") else 1.0
            unit = _UNITS.get(re.sub(r"\s+", " ", tail.group("unit"))) if tail.group("unit") else None
            add(match.start(), tail.end(), (share * factor,), unit)
        else:
            add(match.start(), match.end(), (share,), None)
    for start, end, number in words:
        add_words(start, end, number)
    return _ranges(sorted(figures, key=lambda figure: figure.fact.start or 0), folded)


def _share(match: re.Match[str], folded: str) -> float | None:
    """The share a fraction in words states, or None where the words are no share."""
    if match.group("half"):
        return 0.5
    if match.group("den"):
        parts = _NUMERATORS[match.group("num")]
        if parts > 1 and "-" not in match.group("join") and not _SHARE_OF.match(folded, match.end()):
            return None
        return parts / _DENOMINATORS[match.group("den")]
    part, whole = (_count(match.group(group)) for group in ("part", "whole"))
    return part / whole if part and whole and part < whole else None


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _COUNTS.get(word)


def _ranges(figures: list[Figure], folded: str) -> list[Figure]:
    """A figure without a unit before one with it, in a range, takes its unit: "from 2,800 to 5,000 MW"."""
    shared = list(figures)
    for i in range(len(shared) - 2, -1, -1):
        first, second = shared[i], shared[i + 1]
        between = folded[first.fact.end or 0 : second.fact.start or 0]
        if first.unit is None and first.noun is None and not first.is_year and _RANGE.fullmatch(between):
            scale = re.search(_SCALE, fold(second.fact.text)) if not re.search(_SCALE, fold(first.fact.text)) else None
            factor = _SCALES[scale.group("scale")] if scale else 1.0  # "de 4 à 6 milliards": 4 billion
            shared[i] = first.scaled_as(factor, second)
    return shared


_TAIL = re.compile(rf"{_SCALE}?{_UNIT}?")
_FRACTION_TAIL = re.compile(rf"(?:\s+(?:of\s+)?an?)?{_SCALE}?{_UNIT}?")  # "a quarter of a percentage point"


def _currency_code(text: str, start: int, end: int, unit: str | None) -> tuple[str | None, int]:
    """A figure's ISO currency code, written before it ("EUR 12 million"), after it ("3.000 EUR"), or as
    the currency's CLDR name after it ("5 million Australian dollars", "2 millions de francs suisses")."""
    if unit is not None:
        return unit, end
    after = _CURRENCY_CODE.match(text, end)
    if after and after.group("code") in _currency_codes():
        return after.group("code"), after.end()
    named = _CURRENCY_NAME.match(fold(text), end)
    if named:
        words = named.group("words").split()
        for count in range(len(words), 1, -1):
            code = _currency_names().get(" ".join(words[:count]))
            if code:
                return code, named.start("words") + len(" ".join(words[:count]))
    before = re.search(r"(?<![\w])([A-Z]{3})\s?$", text[max(0, start - 4) : start])
    if before and before.group(1) in _currency_codes():
        return before.group(1), end
    return None, end


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    """ISO 4217 codes, from Babel's CLDR data."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


_CURRENCY_NAME = re.compile(r"\s(?:d'|de\s|of\s)?(?P<words>[^\W\d_]+(?: [^\W\d_]+){1,3})")


@lru_cache(maxsize=1)
def _currency_names() -> dict[str, str]:
    """Every currency's CLDR name, singular and plural, in the wire languages, folded, to its ISO code:
    "kenyan shillings" and "chelines kenianos" are KES."""
    from babel.numbers import get_currency_name

    return {
        fold(get_currency_name(code, count=count, locale=lang)).replace("-", " "): code
        for lang in sorted(_NUMBER_LANGUAGES)
        for code in sorted(_currency_codes())
        for count in (1, 2)
    }


@lru_cache(maxsize=1)
def _currency_words() -> dict[str, frozenset[str]]:
    """Each ISO code's last name words ("shilling", "shillings", "chelines"): the noun a figure in that
    currency counts when the wire leaves out the country ("1.2 billion shillings" for "KES 1.2 billion")."""
    words: dict[str, set[str]] = {}
    for name, code in _currency_names().items():
        words.setdefault(code, set()).add(name.split()[-1])
    return {code: frozenset(found) for code, found in words.items()}


def _in_currency(noun: str | None, code: str | None) -> bool:
    return noun is not None and code is not None and noun in _currency_words().get(code, frozenset())


def unit_words() -> frozenset[str]:
    """Words that are a figure's unit, scale or currency code, never a name: "EUR", "Mds", "GW"."""
    return frozenset(_UNITS) | frozenset(_SCALES) | {code.lower() for code in _currency_codes()}


def _rounded_place(number: float, precision: float) -> float:
    """The place of a figure's last non-zero digit: "about 70" is stated to the ten."""
    place = precision
    while place * 10 <= abs(number) and abs(number / (place * 10) - round(number / (place * 10))) < 1e-9:
        place *= 10
    return place


def _number_words(lowered: str, lang: str) -> list[tuple[int, int, float]]:
    """Runs of number words ('huit mille cinq cents', 'twenty-one', 'drei millionen', 'doce mil') and their
    values; text2num tells which words are number words. A number word may open a compound
    ("seven-year-old"), never close one ("fly-half")."""
    if lang not in _NUMBER_LANGUAGES:
        return []
    found: list[tuple[int, int, float]] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        while run and run[-1][2] in _JOINERS:
            run.pop()
        if run and not (len(run) == 1 and run[0][2] in _ARTICLES):
            found.extend(_run_values(lowered[run[0][0] : run[-1][1]], run[0][0], lang))
        run.clear()

    for match in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*", lowered):
        word, start = match.group(0), match.start()
        if run and lowered[run[-1][1] : start].strip():
            close()
        if start > 0 and (lowered[start - 1] in "-_" or lowered[start - 1].isdigit()):
            close()
            continue
        length = _number_word_length(word, lang)
        if length == len(word) or (word in _JOINERS and run):
            run.append((start, match.end(), word))
        elif length:
            close()
            run.append((start, start + length, word[:length]))
            close()
        else:
            close()
    close()
    return found


@lru_cache(maxsize=8192)
def _number_word_length(word: str, lang: str) -> int:
    """How much of `word` text2num reads as a number in `lang`: all of "twenty-one", "seven" of
    "seven-year-old", nothing of "fly-half"."""
    from text_to_num import text2num  # type: ignore[import-untyped]

    if word in _JOINERS:
        return 0
    for part in dict.fromkeys((word, word.split("-")[0])):
        try:
            text2num(part.replace("-", " "), lang)
        except (ValueError, KeyError):
            continue
        return len(part)
    return 0


def _run_values(run: str, start: int, lang: str) -> list[tuple[int, int, float]]:
    """A run's value; a run text2num rejects may be two figures joined: "three and four weeks"."""
    from text_to_num import text2num

    try:
        return [(start, start + len(run), float(text2num(run.replace("-", " "), lang)))]
    except (ValueError, KeyError):
        pass
    cuts = [0, *(i for m in re.finditer(r"\s+(?:and|et|und|y|e)\s+", run) for i in m.span()), len(run)]
    if len(cuts) == 2:
        return []
    return [
        value
        for begin, end in zip(cuts[::2], cuts[1::2], strict=True)
        if run[begin:end] not in _ARTICLES
        for value in _run_values(run[begin:end], start + begin, lang)
    ]


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


def same_figure(summary: Figure, reference: Figure, *, same_language: bool, nouns: bool = True) -> bool:
    """Equal value (in either locale's reading, or rounded as the summary states it: "about 70%" for 69.8 %)
    and unit; in one language also the counted noun, when both name one. A unit converts within its
    dimension: "5 GW" is "5,000 megawatts", "three days" "72 hours", "25 basis points" "a quarter point"."""
    mine, theirs = _measure(summary), _measure(reference)
    if mine and theirs and mine[0] != theirs[0]:
        return False  # "10.2 feet" is not "10,2 Metern" in any language, "26 weeks" not "26 Monate"
    if mine and theirs and mine[1] != theirs[1]:
        converted = summary.scaled_as(mine[1] / theirs[1], reference)
        return same_figure(converted, reference, same_language=same_language, nouns=nouns)
    if not any(
        abs(value - ref) <= 1e-9 * max(1.0, abs(ref))
        or (summary.precision > reference.precision and summary.rounds_to(ref))
        for value in summary.values()
        for ref in reference.values()
    ):
        return False
    if summary.unit != reference.unit and summary.unit is not None and reference.unit is not None:
        return False
    if summary.unit is None and reference.unit is not None and reference.unit != "h":
        # "8,500 technicians" is not "8 500 km"; "12 billion" may stand for "12 milliards d'euros", and
        # "a 330million loan" for "a £330million loan": the same sum lending the same noun
        if summary.noun is None or _in_currency(summary.noun, reference.unit):
            return True
        return same_language and reference.unit in _currency_codes() and reference.counts(summary.noun)
    if same_language and summary.unit is not None and reference.unit is None and reference.noun:
        return _in_currency(reference.noun, summary.unit)  # "30lb" is not "30 flight attendants"
    if (
        same_language
        and summary.unit is None
        and summary.noun
        and reference.noun
        and not (reference.is_year or summary.is_year)
    ):
        # the counted noun may follow an adjective on either side: "four (different) continents"
        return not nouns or reference.counts(summary.noun) or summary.counts(reference.noun)
    return True


def _measure(figure: Figure) -> tuple[str, float] | None:
    """A figure's dimension and its unit's size in that dimension's base: ("W", 1e9) for "5 GW"."""
    if figure.unit in _currency_codes():
        return figure.unit, 1.0
    if figure.unit is not None:
        return _MEASURES.get(figure.unit)
    return _DURATIONS.get(figure.noun or "")


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


def change_in(figure: Figure, references: Sequence[Figure]) -> bool:
    """Whether a change ("by €2bn", "up 50%", "cut by 0.4 points") is the difference of two figures of one
    sentence in the same unit (€4bn and €6bn; 5.6 % and 5.2 %, in points) or their change in per cent."""
    if not figure.change:
        return False
    figures = [ref for ref in references if not ref.is_year]
    for first in figures:
        for second in figures:
            if first is second or first.unit != second.unit or not first.number:
                continue
            precision = max(first.precision, second.precision)
            difference = replace(
                first,
                number=abs(second.number - first.number),
                readings=(),
                unit="pt" if first.unit == "%" else first.unit,
                precision=precision,
            )
            if same_figure(figure, difference, same_language=False):
                return True
            if figure.unit == "%" and first.unit != "%":
                ratio = abs(second.number - first.number) / abs(first.number) * 100
                if same_figure(figure, replace(first, number=ratio, readings=(), unit="%", precision=0.0),
                               same_language=False):  # fmt: skip
                    return True
    return False


def share_in(fraction: Figure, references: Sequence[Figure]) -> bool:
    """Whether a fraction in words ("a quarter", "fewer than half") states a percentage of the text (25 %,
    47 %) or a ratio of two of its figures ("two of its four berths")."""
    if fraction.unit or not 0 < fraction.number < 1 or not re.search(r"[^\W\d_]", fraction.fact.text):
        return False
    margin = 0.05 if fraction.approximate else 0.01
    low = fraction.number - (margin if fraction.direction <= 0 else 0)  # "over a third" is 33 % to 38 %
    high = fraction.number + (margin if fraction.direction >= 0 else 0)  # "nearly half" 45 % to 50 %
    if any(ref.unit == "%" and low - 1e-9 <= ref.number / 100 <= high + 1e-9 for ref in references):
        return True
    counts = [ref.number for ref in references if ref.unit is None and not ref.is_year and ref.number >= 1]
    return any(abs(part / whole - fraction.number) < 1e-9 for part in counts for whole in counts if part < whole)
