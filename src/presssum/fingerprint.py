"""What a wire states in a form every language shares: figures with their unit, dates, names and places.

`12 milliards d'euros`, `12 Milliarden Euro` and `12.000 millones de euros` all become 1.2e10 EUR; `Espagne`,
`Spanien` and `España` all become the CLDR territory ES. The vocabularies (scale words, units, currencies,
countries, cities, months) come from CLDR through Babel, so every language Babel knows is covered alike.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Literal

from presssum import gazetteer
from presssum.events import classes, is_event_word, role_near
from presssum.facts import extract_dates, extract_numbers
from presssum.facts.text import fold
from presssum.records import Fact

# CLDR units a wire counts in; a figure with none of them is a bare count ("1 200 vols").
_UNITS = (
    "concentr-percent",
    "duration-minute",
    "duration-hour",
    "duration-day",
    "duration-week",
    "duration-month",
    "duration-year",
    "length-meter",
    "length-kilometer",
    "length-mile",
    "area-square-meter",
    "area-square-kilometer",
    "area-hectare",
    "volume-liter",
    "mass-kilogram",
    "mass-tonne",
    "temperature-celsius",
    "speed-kilometer-per-hour",
)
# Regions whose spelling of units differs from the language's default in CLDR: 'kilometres' (en_GB),
# 'quilómetros por hora' (pt_PT, where the default is Brazil's 'quilômetros').
_REGIONS = {"en": ("en_GB",), "pt": ("pt_PT",)}
_LENGTHS: tuple[Literal["long", "short"], ...] = ("long", "short")
_CURRENCIES = (
    "EUR",
    "USD",
    "GBP",
    "CHF",
    "JPY",
    "CNY",
    "DKK",
    "SEK",
    "NOK",
    "PLN",
    "CZK",
    "HUF",
    "RON",
    "BGN",
    "ISK",
    "TRY",
)
# Scale words the facts extractor reads; CLDR's words in other languages are rewritten to these.
_ENGLISH_SCALES = {6: "million", 9: "billion", 12: "trillion"}
# Words between a figure and what it counts: "12 milliards d'euros", "80 Prozent der Züge".
_LINKS = {"de", "d'", "del", "des", "du", "of", "der", "den", "di", "da", "d’"}
_NAME_WORD = 3  # shorter words of a name ('de', 'la') tell no one apart
_ROLE_WORDS = 4  # a figure's role is named within this many words of it
_NOUN_MIN = 4  # "1 200 vols" keeps its noun; "5,9 a secoué" does not keep its verb
_CURRENCY_SYMBOLS = ("€", "$", "£", "¥")
_ENGLISH_SCALE = re.compile(r"\b(?:million|billion|trillion)\b")
_WORD = re.compile(r"[^\W\d_]+['’]|[^\W\d_][\w-]*|[%€$£¥]")
_NAME_TOKEN = re.compile(r"(?<![\w-])(?:[dlDL]['’])?(?P<word>[A-ZÀ-ÖØ-Þ][\w-]*)")
# An English adjective of nationality: 'French', 'Spanish', 'Portuguese', 'Belgian', 'Dutch', 'Greek'.
NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ean|ch|an|ic)|Greek|Swiss|Basque|Thai")
# A Dutch adjective of nationality, capitalised too: 'Oostenrijkse', 'Duitse', 'Belgische', 'Spaanse'.
DUTCH_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:se|sche)")
# A capitalised word of four letters or more, or three capitals, alone: a company's one-word name
# ('l'électricien Solenor', 'Greve na KLM').
_ONE_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ](?:[\w-]{3,}|[A-Z]{2})(?![\w'’-])")
_NAME_LINKS = ("de", "da", "do", "dos", "das", "del", "della", "di", "du", "von", "van")  # 'Corticeira do Sado'
_NAME_SPAN = re.compile(rf"[A-ZÀ-ÖØ-Þ][\w-]+(?:[ \t]+(?:(?:{'|'.join(_NAME_LINKS)})[ \t]+)?[A-ZÀ-ÖØ-Þ][\w-]+)+")
# A number just before this one with a range word between: '2 à 12 ans', 'zwischen 2 und 12', 'two to 12'.
_RANGE_END = re.compile(
    r"(?:(?<![\d.,])\d+|(?<!\w)(?:one|two|un|une|deux|ein|einem|zwei|uno|una|dos|due|um|uma|dois|duas|een|twee))"
    r"\s*(?:à|a|au|bis|und|y|e|to|and|tot|-|–)\s*$",
    re.IGNORECASE,
)
# A person's age: 'Karim B., 34 ans,', 'Karim B., de 34 años', 'Karim B., 34,', 'der 29-Jährige', 'a 29-year-old'.
_AGE = re.compile(
    r",\s*(?:de\s+|di\s+)?(\d{1,2})(?:\s*(?:ans|años|anni|anos|jaar|years old))?\s*[,)]"
    r"|(\d{1,2})[- ]?(?:[jJ]ährig|jarig|year-old|enne)"
)
# An age written onto its figure: 'ein 19-Jähriger ums Leben', 'a 19-year-old was killed', 'un 19enne'.
_AGE_ON = re.compile(r"[- ]?(?:[jJ]ährig|jarig|year-old|enne\b)")
# A toll of one in words, which the number reader leaves alone ('un' is an article as often): 'un morto',
# 'One dead', 'ein Toter', 'un muerto', 'um morto', 'één dode'.
_ONE_DEAD = re.compile(
    r"(?<![\w'’])(?i:un|une|uno|una|um|uma|ein|eine|one|een|één)\s+"
    r"(?i:mort|morte|morto|morta|muerto|muerta|toter|tote|dead|killed|dode)(?![\w'’-])"
    # not a town's one death where many places count theirs ('un mort à Gand', 'ein Toter in Emden')
    r"(?!\s+(?:[a-zà-ÿ]+\s+){0,2}(?:à|a|in|en|em|bei|near|at)\s+[A-ZÀ-Ý])"
)
# 'At least one dead' is a lower bound: 'minstens één dode', 'au moins un mort', 'almeno un morto'.
_AT_LEAST = re.compile(
    r"(?<!\w)(?:at least|au moins|mindestens|almeno|al menos|por lo menos|pelo menos|minstens|ten minste)\s+$"
)
# 'Up to' before a prison term: the heaviest of several sentences, or the most the law allows (Dutch 'tot' is
# 'to' there: 'veroordeeld tot zeven jaar').
_UP_TO = re.compile(r"(?<!\w)(?:up to|jusqu'a|bis zu|hasta|fino a|ate)\s+$")
# Spans of time shorter than a year: a count of people or things is never one ('deux nuits', '48 Stunden').
_YEAR_ALONE = re.compile(r"(?:1[89]|20)\d\d")
_SPANS = frozenset({"duration-minute", "duration-hour", "duration-day", "duration-week", "duration-month"})
_SPAN_WORDS = re.compile(
    r"\s*(?:nuits?|nott[ei]|n[aä]chte?n?|nights?|noches?|noites?|nachten"
    r"|secondes?|sekunden?|seconds?|segundos?|secondi|seconden)(?!\w)",  # no unit reads seconds: 'dauerte 30 Sekunden'
    re.IGNORECASE,
)
# Roles read at one place: gusts on an island and on a coast a hundred miles away are two measurements.
MEASURED = frozenset({"gusts", "temperature", "flights"})
# A capitalised span after a locative preposition: 'auf Helgoland', 'In Hoek van Holland', 'à Zeebrugge'.
_TOWN_SPAN = re.compile(
    r"(?<!\w)(?i:in|auf|op|at|on|à|a|en|em|na|no|bei|near|nahe|te|im|am|sur|su|nel|nella|del|de)\s+"
    r"(?P<town>[A-ZÀ-Ý][\w'’-]+(?:\s(?:van|de|an der|am|sur|del|di)?\s?[A-ZÀ-Ý][\w'’-]+){0,3})"
)
# Roles that count a disaster's victims.
TOLLS = frozenset({"deaths", "injured", "hospitalised", "missing", "evacuated"})
# A year left in a sentence once its dates are read: a toll there is another time's (a disaster recalled).
_BARE_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
# A number between an article and a name is part of that name: 'según el 112 Galicia', 'the 911 Center'.
_SERVICE_NUMBER = re.compile(r" [A-ZÀ-Ý][\w-]+")
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:el|la|le|the|il|lo|o|a|der|die|das|het|de|del|do|da|al|au)\s+$", re.IGNORECASE)
_SYMBOL_AFTER = re.compile(r"\s?([^\s,;:)]*[^\w\s,;:)][^\s,;:)]*?)[.,;:)]?(?=\s|$)")
_SENTENCE_END = re.compile(r"(?:[.!?:«»\"“„(]|\n)\s*$")


@dataclass(frozen=True)
class Figure:
    """A figure as written, its value, the CLDR unit or currency it counts ('' for a bare count), and its role.

    The role is what the words next to it say it counts ('deaths', 'magnitude', 'prison term': see events.py),
    else None: agencies' figures are compared only within one role.
    """

    text: str
    value: float
    unit: str
    role: str | None = None
    # the countries its sentence names: '120 voli in Italia' and '38 voos em Lisboa' count different flights
    places: frozenset[str] = frozenset()
    # the ages of the people its sentence names: '15 ans de prison pour Karim B., 34 ans' is the 34-year-old's term
    persons: frozenset[str] = frozenset()
    # where a measurement was read: the towns its sentence names ('126 km/h auf Helgoland', '104 km/h à Zeebrugge')
    stations: frozenset[str] = frozenset()
    # a lower bound, not a value: 'plus de vingt ans' (22 years agree with it)
    at_least: bool = False


@dataclass(frozen=True)
class Fingerprint:
    """The language-neutral facts of one text."""

    figures: tuple[Figure, ...]
    dates: tuple[Fact, ...]
    names: frozenset[str]
    name_spans: tuple[str, ...]
    places: frozenset[str]


def fingerprint(text: str, lang: str) -> Fingerprint:
    """Figures, dates, name tokens and spans, and CLDR places of `text`, written in `lang`."""
    text = _dates_as_extracted(unicodedata.normalize("NFC", text), lang)
    dates = tuple(extract_dates(text, lang))
    without_dates = text
    for fact in dates:  # "2 décembre" is a date, not also the figure 2
        without_dates = without_dates.replace(fact.text, " ")
    return Fingerprint(
        figures=tuple(figures(without_dates, lang)),
        dates=dates,
        names=frozenset(_name_tokens(text, lang)),
        name_spans=tuple(match.group(0) for match in _NAME_SPAN.finditer(text)),
        places=frozenset(places(text, lang)),
    )


def named_in_headline(headline: str, lead: str, lang: str) -> frozenset[str]:
    """Who the news is about: the folded words, but for places, of a name of two words or more the headline gives
    and the lead repeats ('Austrian Airlines grounds 180 flights', 'Sciopero Ita Airways, cancellati 262 voli',
    'TAP Air Portugal'); not a German noun the headline capitalises ('Schwarzer Tag') nor a flash's 'URGENT'."""
    found: set[str] = set()
    for span in _NAME_SPAN.findall(headline):
        words = span.split()
        repeated = [
            " ".join(words[start:end])
            for start in range(len(words))
            for end in range(len(words), start + 1, -1)
            if re.search(rf"(?<!\w){re.escape(' '.join(words[start:end]))}(?!\w)", lead)
        ]
        name = max(repeated, key=lambda text: text.count(" "), default="")
        for link in _NAME_LINKS:  # 'Fábrica de Vila do Conde' repeated from 'de': the name is 'Vila do Conde'
            name = name.removeprefix(f"{link} ")
        if name and not gazetteer.towns(name):  # 'Vila do Conde' is a town, no one's name
            found |= {
                fold(word)
                for word in name.split()
                if len(word) >= _NAME_WORD and word not in _NAME_LINKS and not places(word, lang)
            }
    return frozenset(found | {fold(word) for word in _one_word_names(headline, lead, lang)})


def _one_word_names(headline: str, lead: str, lang: str) -> list[str]:
    """A name of one word inside a headline that the lead repeats: 'l'électricien Solenor', 'la compagnie
    Alpenflug', 'rival Solenor', 'SPD'. Not a headline's first word, nor one after a colon or a dash (any
    word is capitalised there), nor a German noun (every one is capitalised: only 'SPD', 'KLM' are names
    there), nor a place or a town, an English nationality or a word that names an event."""
    found = []
    spans = [span.span() for span in _NAME_SPAN.finditer(headline)]  # 'Vila do Conde': a name of its own words
    for match in _ONE_WORD.finditer(headline):
        word, before = match.group(0), headline[: match.start()].rstrip()
        if not before or before.endswith((":", "-", "–", "—", "«", '"', "“")):
            continue
        if any(start <= match.start() < end for start, end in spans):
            continue
        nationality = (DUTCH_NATIONALITY if lang == "nl" else NATIONALITY).fullmatch(word)
        if (lang == "de" and not word.isupper()) or nationality or is_event_word(word, lang):
            continue
        town = not word.isupper() and gazetteer.towns(word)  # the gazetteer reads 'KLM' as a town of Iran
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lead) and not places(word, lang) and not town:
            found.append(word)
    return found


def figures(text: str, lang: str) -> list[Figure]:
    """Every figure of `text` with its value in units (scale words applied) and what it counts."""
    found = [
        Figure(
            match.group(0),
            1.0,
            "",
            "deaths",
            where,
            at_least=bool(_AT_LEAST.search(_folded_before(text, match.start()))),
        )
        for match in _ONE_DEAD.finditer(text)
        if not _BARE_YEAR.search(sentence := _sentence(text, match.start()))
        and len(where := frozenset(countries(places(sentence, lang)))) <= 1  # one dead of several countries: whose?
    ]
    text, scales_as_written = _english_scales(text, lang)
    text = _digits(text, lang)
    position = 0
    for fact in extract_numbers(text, lang):
        start = text.find(fact.text, position)
        if start < 0:  # a fraction word ("un tiers"): no unit to read after it
            found.append(Figure(fact.text, float(fact.value), ""))
            continue
        position = start + len(fact.text)
        unit, counted = _unit_after(text, position, lang)
        role = role_near(_words(text[max(0, start - 40) : start]), _after(text, position), lang)
        if _RANGE_END.search(text, max(0, start - 16), start):  # 'de 2 à 12 ans': a range is not one fact
            role = None
        elif role is None and unit.startswith("temperature-"):  # '47,8 °C': a temperature, however it is named
            role = "temperature"
        if not unit and text[max(0, start - 1) : start] in _CURRENCY_SYMBOLS:
            unit = _units(lang).get(text[start - 1], "")
        written = f"{fact.text}{counted}".strip()
        if scales_as_written and _ENGLISH_SCALE.search(written):  # show "12 Milliarden", as the wire wrote it
            written = _ENGLISH_SCALE.sub(scales_as_written.pop(0), written, count=1)
        sentence = _sentence(text, start)
        if _SERVICE_NUMBER.match(text, position) and _ARTICLE_BEFORE.search(text, max(0, start - 6), start):
            continue  # 'según el 112 Galicia': an emergency service's name, not a count
        if role in TOLLS and _BARE_YEAR.search(sentence):  # 'the 2013 crash that killed 80': another event's toll
            role = None
        where = frozenset(countries(places(sentence, lang)))
        ages = frozenset(next(age for age in match.groups() if age) for match in _AGE.finditer(sentence))
        if role in TOLLS and (unit == "duration-year" or _AGE_ON.match(text, position)):
            role = "age"  # 'a 61-year-old driver was killed', 'un cycliste de 43 ans tué': a toll counts no years
        elif role is None and fact.text in ages:
            role = "age"  # 'Davide Sorrentino, 44 anni,': a person's age, never a term or a count
        elif role is None and unit == "duration-year" and _sentenced(sentence, lang):
            role = "prison term"  # 'was given six years in absentia', 'Sei anni sono stati inflitti a ...'
        if role == "prison term" and not unit.startswith("duration-"):
            role = None  # 'Cinq détenus se sont évadés de la prison': inmates counted, not a term
        elif role == "prison term" and _UP_TO.search(_folded_before(text, start)):
            role = None  # 'des peines allant jusqu'à neuf ans': the most any of several got, or could get
        elif role not in (None, "prison term") and (unit in _SPANS or _SPAN_WORDS.match(text, position)):
            role = None  # 'secourus après deux nuits', '300 flights over 48 hours': how long, not how many
        elif role is not None and not unit and not counted.strip() and _YEAR_ALONE.fullmatch(fact.text):
            role = None  # 'sold to customers between 2017 and 2021': a year counts no one
        stations = frozenset(_towns_in(sentence)) if role in MEASURED else frozenset()
        at_least = float(fact.value) % _ROUND == 0 and _MORE_THAN.search(_folded_before(text, start))
        found.append(
            Figure(written, float(fact.value), unit, role, where, ages - {fact.text}, stations, bool(at_least))
        )
    return found


def _folded_before(text: str, at: int) -> str:
    """The letters just before a figure, folded: where 'at least', 'more than' and 'up to' stand."""
    return fold(text[max(0, at - _BEFORE_FIGURE) : at])


_BEFORE_FIGURE = 20

# 'More than' before a round number makes it a lower bound ('plus de vingt ans' allows 22 years); 'at least 7
# dead' is a toll, set against another agency's 9.
_MORE_THAN = re.compile(
    r"(?<!\w)(?:more than|over|plus de|mehr als|uber|mas de|oltre|piu di|mais de|meer dan|ruim)\s+$"
)
_ROUND = 10
# What prosecutors asked for is no sentence: 'Prosecutors had sought 18 years', 'il pm aveva chiesto 18 anni'.
_REQUESTED = re.compile(
    r"(?<!\w)(?:sought|requested|had asked|demanded|requis|requisition|avait demande|gefordert|forderte|beantragt|"
    r"pedia|pidio|solicit|chiesto|chiedeva|richiesto|pediu|eiste|geeist)"
)


# Words of a sentence handed down, besides a verdict's: 'given six years in absentia', 'inflitti a'.
_HANDED_DOWN = re.compile(
    r"(?<!\w)(?:in absentia|par defaut|in abwesenheit|en rebeldia|en ausencia|in contumacia|inflitt|inflig|"
    r"a revelia|bij verstek)"
)


def _sentenced(sentence: str, lang: str) -> bool:
    """Whether a sentence hands down a sentence: it names a verdict, not what the prosecution asked for."""
    folded = fold(sentence)
    handed_down = bool(classes(folded, lang)["verdict"]) or _HANDED_DOWN.search(folded) is not None
    return handed_down and not _REQUESTED.search(folded)


def _towns_in(sentence: str) -> set[str]:
    """The towns a sentence names after a locative preposition: every opening part of each name that a gazetteer
    knows as a town ('Hoek van Holland' and 'Hoek')."""
    return {town for match in _TOWN_SPAN.finditer(sentence) for town in gazetteer.opening_towns(match.group("town"))}


def _sentence(text: str, at: int) -> str:
    """The sentence around position `at`."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [end for end in (text.find(". ", at), text.find("\n", at)) if end >= 0]
    return text[start : min(ends) if ends else len(text)]


def _words(text: str) -> str:
    """The words right before a figure, within its clause: 'magnitude 4,1', 'bilan de 12'."""
    clause = re.split(r"[,;:()\n\d]|\.\s", text)[-1]
    return " ".join(clause.split()[-_ROLE_WORDS:])


def _after(text: str, end: int) -> str:
    """The words right after a figure, up to the clause's end: what it counts ('18 ans de prison'); up to four
    times the role's reach, for a participle after its auxiliary ('340 personnes ont été évacuées'), which
    German and Dutch put at the clause's end ('Drei Urlauber sind an einem Strand ... verletzt worden')."""
    clause = re.split(r"[,;:()\n\d]|\.\s", text[end : end + 160], maxsplit=1)[0]  # up to the next figure
    return " ".join(clause.split()[: 4 * _ROLE_WORDS])


def places(text: str, lang: str) -> set[str]:
    """CLDR codes of the countries and time-zone cities named in `text` ('Lisbonne' -> Europe/Lisbon)."""
    pattern, codes = _place_pattern(lang)
    return {codes[match.group(0)] for match in pattern.finditer(fold(text))}


def countries(codes: set[str]) -> set[str]:
    """The CLDR territories of places: 'Europe/Lisbon' is in PT; 'PT' is PT."""
    from babel.core import get_global

    zones = get_global("zone_territories")
    return {code if "/" not in code else str(zones.get(code, code)) for code in codes}


def _unit_after(text: str, end: int, lang: str) -> tuple[str, str]:
    """The unit the figure ending at `end` counts, and the words as written that name it or the thing counted."""
    words = [(m.group(0), m.end()) for m in _WORD.finditer(text[end : end + 60])][:4]
    if text[end : end + 1] == "-" and words:  # 'a 15-metre-deep sinkhole': the unit joined to its figure
        joined = words[0][0].partition("-")[0]
        words[0] = (joined, 1 + len(joined))
    units = _units(lang)
    symbol = _SYMBOL_AFTER.match(text, end)  # 'km/h', 'm²': a symbol the word split would cut in two
    if symbol and fold(symbol.group(1)) in units:
        return units[fold(symbol.group(1))], text[end : symbol.end(1)]
    index = 0
    while index < len(words) - 1 and fold(words[index][0]) in _LINKS:
        index += 1
    for size in (3, 2, 1):  # the longest CLDR name first: "mètre carré" before "mètre"
        phrase = " ".join(fold(word) for word, _ in words[index : index + size])
        if len(words) >= index + size and phrase in units:
            return units[phrase], text[end : end + words[index + size - 1][1]]
    if words and text[end : end + 1].isspace() and len(words[index][0]) >= _NOUN_MIN:
        return "", text[end : end + words[index][1]]  # a bare count keeps its noun: "1 200 vols"
    return "", ""


@lru_cache(maxsize=16)
def _units(lang: str) -> dict[str, str]:
    """Folded CLDR unit and currency names and symbols in `lang`, each to its unit id or currency code."""
    from babel.numbers import get_currency_name, get_currency_symbol
    from babel.units import format_unit

    names: dict[str, str] = {"%": "concentr-percent", "kph": "speed-kilometer-per-hour"}  # 'kph': Reuters, AP
    for unit in _UNITS:
        for count, length, locale in product((1, 2, 5), _LENGTHS, (lang, *_REGIONS.get(lang, ()))):
            written = format_unit(count, unit, length=length, locale=locale)
            word = re.sub(r"[\d\s\u00a0\u202f.,]+", " ", written).strip()
            if word:
                names.setdefault(fold(word), unit)
    if lang == "de":  # the dative plural: 'mit 156 Kilometern pro Stunde', 'auf 400 Metern', 'zu fünf Jahren'
        dative = {_dative(name): unit for name, unit in names.items() if name.split()[0].endswith(("er", "e"))}
        names = dative | names
    for code in _CURRENCIES:
        names.setdefault(get_currency_symbol(code, locale=lang), code)
        for count in (1, 2):
            name = fold(get_currency_name(code, count=count, locale=lang))
            names.setdefault(name, code)
            # "dollars des États-Unis" is written "dollars", "Dänische Kronen" "Kronen": a crown without its
            # country is taken for the first crown listed, in every language alike
            names.setdefault(name.split()[0], code)
            names.setdefault(name.split()[-1], code)
    return names


def _dative(name: str) -> str:
    """The German dative plural of a CLDR unit name: its first word takes an -n ('Jahre' -> 'Jahren')."""
    first, _, rest = name.partition(" ")
    return f"{first}n {rest}".strip()


@lru_cache(maxsize=16)
def _scale_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """CLDR's long scale words of `lang` ('Milliarden', 'mil millones'), each to its English word."""
    from babel.numbers import format_compact_decimal

    english: dict[str, str] = {}
    written_scales: set[str] = set()
    for exponent, word in _ENGLISH_SCALES.items():
        for mantissa in (1, 2):
            written = format_compact_decimal(mantissa * 10**exponent, format_type="long", locale=lang)
            scale = re.sub(r"^[\d\s\u00a0\u202f.,]+", "", written).strip()
            if scale and not scale[0].isdigit():
                english[fold(scale)] = word
                written_scales.add(scale.lower())  # 'milhões', as the wire writes it, and 'milhoes'
    if lang == "pt":
        english["mil milhoes"] = "billion"  # Portugal's billion (Brazil's 'bilhões' is CLDR's)
        written_scales.add("mil milhões")
    alternatives = "|".join(sorted(map(re.escape, {*english, *written_scales}), key=len, reverse=True))
    return re.compile(rf"(?<=\d)\s+({alternatives})\b", re.IGNORECASE), english


_SCALE_AFTER_DIGIT = re.compile(r"(\d)\s+(million|billion|trillion)\b")
_NUMBER_WORD_LANGS = ("fr", "en", "es", "de", "it", "pt", "nl")
_GLUE = "xpresssumx"  # "12 xpresssumxbillion": a word text2num does not know, so it leaves the scale alone


def _digits(text: str, lang: str) -> str:
    """'neuf morts' as '9 morts', as the facts extractor reads it, so the unit after it can be read too."""
    from text_to_num import alpha2digit  # type: ignore[import-untyped]

    glued = _SCALE_AFTER_DIGIT.sub(rf"\1 {_GLUE}\2", text)
    try:
        return str(alpha2digit(glued, lang if lang in _NUMBER_WORD_LANGS else "en")).replace(_GLUE, "")
    except (ValueError, KeyError):
        return text


def _english_scales(text: str, lang: str) -> tuple[str, list[str]]:
    """'12 Milliarden' as '12 billion', which the facts extractor reads in every language; and the words replaced."""
    pattern, english = _scale_pattern(lang)
    replaced: list[str] = []

    def to_english(match: re.Match[str]) -> str:
        replaced.append(match.group(1))
        return " " + english[fold(match.group(1))]

    return pattern.sub(to_english, text), replaced


@lru_cache(maxsize=16)
def _month_names(lang: str) -> frozenset[str]:
    from babel.dates import get_day_names, get_month_names

    words = {fold(name) for width in ("wide", "abbreviated") for name in get_month_names(width, locale=lang).values()}
    return frozenset(words | {fold(name) for name in get_day_names("wide", locale=lang).values()})


def _dates_as_extracted(text: str, lang: str) -> str:
    """'2 de diciembre' as '2 diciembre': the facts extractor reads day-month dates without a link word."""
    months = "|".join(sorted(map(re.escape, _month_names(lang)), key=len, reverse=True))
    return re.sub(rf"(\d{{1,2}})\s+de\s+(?=(?:{months})\b)", r"\1 ", text, flags=re.IGNORECASE)


def _name_tokens(text: str, lang: str) -> set[str]:
    """Capitalised words that do not open a sentence, and acronyms: the names a translation keeps."""
    skip = _month_names(lang)
    tokens = set()
    for match in _NAME_TOKEN.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        opens_sentence = not text[: match.start()].strip() or bool(_SENTENCE_END.search(before))
        word = match.group("word").strip("-")
        if (not opens_sentence or word.isupper()) and len(word) > 1 and fold(word) not in skip:
            tokens.add(fold(word))
    return tokens


@lru_cache(maxsize=16)
def _place_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every CLDR country and time-zone city name in `lang`, and each name's code."""
    from babel import Locale
    from babel.core import get_global

    locale = Locale.parse(lang)
    codes: dict[str, str] = {}
    for code, name in locale.territories.items():
        if not str(code).isdigit():
            codes.setdefault(fold(name), str(code))
    for zone in get_global("zone_territories"):
        if zone.startswith("Etc/"):
            continue  # 'Etc/Unknown', 'Etc/GMT': no place ('whereabouts unknown', '19H40 GMT')
        localised = locale.time_zones.get(zone, {}).get("city")
        for city in (localised, zone.rsplit("/", 1)[-1].replace("_", " ")):
            if isinstance(city, str) and len(city) > 2:
                codes.setdefault(fold(city), zone)
    alternatives = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    # 'Santiago de Compostela' is not Chile's Santiago, nor 'San José de Ocoa' Costa Rica's capital
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)(?!\s+(?:de|do|da|del|di)\s)"), codes
