"""Dates and weekdays as written in a text, normalised across languages, each with its span.

'31 octobre', 'le 1er mai', 'October 31', 'the 14th of March', '1 de febrero', '9. Februar', '31/10',
'31.10.2024' are day-month dates ('10-31'); 'lundi' and 'Monday' are the weekday 'weekday-1'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presssum.facts.text import fold
from presssum.records import Fact


@lru_cache(maxsize=32)
def known_locale(lang: str) -> str:
    """`lang` where Babel has CLDR data for it, else English: a wire in a rare language still gets checked."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError, TypeError):
        return "en"
    return lang


@lru_cache(maxsize=16)
def _months(lang: str) -> dict[str, int]:
    """Month names from Babel's CLDR data, accent-folded, lower-case, both wide and abbreviated."""
    from babel.dates import get_month_names

    lang = known_locale(lang)
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=lang).items():
                names[fold(name).rstrip(".")] = int(number)
    if lang == "en":
        names.pop("mai", None)
        names["sept"] = 9  # AP and Reuters style: 'Sept. 28' (CLDR abbreviates 'Sep')
    return names


@lru_cache(maxsize=16)
def weekdays(lang: str) -> dict[str, int]:
    """Weekday names (Monday = 1) from Babel's CLDR data, accent-folded; Babel numbers Monday 0."""
    from babel.dates import get_day_names

    lang = known_locale(lang)
    return {fold(name).rstrip("."): int(number) + 1 for number, name in get_day_names("wide", locale=lang).items()}


@lru_cache(maxsize=16)
def _date_pattern(lang: str) -> re.Pattern[str]:
    months = {**_months(lang), **_months("en")} if lang != "en" else _months("en")
    month = "|".join(sorted((re.escape(name) for name in months), key=len, reverse=True))
    day = r"(?P<{}>[0-3]?\d)(?:er|st|nd|rd|th|º|°)?\.?"
    year = r"(?:,?\s+(?:de\s+|del\s+)?(?P<{}>(?:1[89]|20)\d\d))?"
    return re.compile(
        rf"(?<!\w)(?:{day.format('day')}\s+(?:(?:de|of)\s+)?(?P<month>{month})\b\.?{year.format('year')}"
        rf"|(?P<month2>{month})\.?\s+{day.format('day2')}(?!\d){year.format('year2')}"
        r"|(?P<day3>[0-3]?\d)[/.](?P<month3>[01]?\d)(?:[/.](?P<year3>(?:1[89]|20)?\d\d))?(?![\d/]))"
        r"(?!\w)"
    )


def _months_for(lang: str) -> dict[str, int]:
    return {**_months(lang), **_months("en")} if lang != "en" else _months("en")


def extract_dates(text: str, lang: str) -> list[Fact]:
    """Day-and-month dates of `text` ('10-31'), with spans; a full stop after a date is not part of it."""
    folded = fold(text)
    months = _months_for(lang)
    facts = []
    for match in _date_pattern(lang).finditer(folded):
        day = int(match.group("day") or match.group("day2") or match.group("day3"))
        if match.group("month3"):
            if "/" not in match.group(0) and match.group("year3") is None:
                continue  # "3.5" is a figure; "31.10.2024" and "31/10" are dates
            month = int(match.group("month3"))
        else:
            month = months[match.group("month") or match.group("month2")]
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        end = match.end()
        while end > match.start() and folded[end - 1] in ". ,":
            end -= 1
        facts.append(
            Fact(
                text=text[match.start() : end], kind="date", value=f"{month:02}-{day:02}", start=match.start(), end=end
            )
        )
    return facts


def extract_weekdays(text: str, lang: str) -> list[Fact]:
    """Weekdays of `text` ('weekday-1' is Monday), with spans."""
    folded = fold(text)
    facts = []
    names = {**weekdays(lang), **weekdays("en")}
    pattern = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    for match in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", folded):
        number = names[match.group(0)]
        facts.append(
            Fact(
                text=text[match.start() : match.end()],
                kind="date",
                value=f"weekday-{number}",
                start=match.start(),
                end=match.end(),
            )
        )
    return sorted(facts, key=lambda fact: fact.start or 0)


# A day of the month written without its month, where what precedes says it is a day: a weekday ('el jueves
# 17', 'jeudi 18', 'Thursday the 17th') or the word for a day ('no dia 17', 'il giorno 17'); what follows is no
# month (a dated day) and no counted word ('le jeudi 17 personnes' counts people: only a link word may follow).
_LINKS = (
    "a|au|aux|en|de|del|in|at|um|alle|as|om|ao|al|et|y|e|und|and|ou|o|oder|or|pour|para|per|por|fur|for|jusqu|bis|"
    "hasta|fino|ate|tot|quando|cuando|lorsque|when|wenn|wanneer"
)
_FOLLOWING = rf"(?=\s*(?:[,.;:)]|$|(?:{_LINKS})(?!\w)))"


@lru_cache(maxsize=16)
def _day_of_month_pattern(lang: str) -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, {**weekdays(lang), **weekdays("en")}), key=len, reverse=True))
    months = "|".join(sorted(map(re.escape, _months_for(lang)), key=len, reverse=True))
    ordinal = r"(?:st|nd|rd|th)" if lang == "en" else r"(?:er|º|°|\.)?"
    return re.compile(
        rf"(?<!\w)(?:(?:{names}),?\s+(?:den\s+|the\s+)?|(?:el|no|o|il|do|del|al) (?:dia|giorno)\s+)"
        rf"(?P<day>[0-3]?\d){ordinal}(?![\d\w])(?!\.?\s*(?:de\s+|of\s+)?(?:{months})(?!\w)){_FOLLOWING}"
    )


def extract_days_of_month(text: str, lang: str) -> list[tuple[Fact, int]]:
    """Days of the month a text names without their month ('el jueves 17', 'no dia 17'), with the day: the
    month is the reader's to supply from when the text was written."""
    found = []
    for match in _day_of_month_pattern(lang).finditer(fold(text)):
        day = int(match.group("day"))
        if 1 <= day <= 31:
            fact = Fact(
                text=text[match.start() : match.end()], kind="date", value="", start=match.start(), end=match.end()
            )
            found.append((fact, day))
    return found


def english_date(value: str) -> str:
    """'10-31' as 'October 31', 'weekday-1' as 'Monday', from Babel's CLDR names."""
    from babel.dates import get_day_names, get_month_names

    if value.startswith("weekday-"):
        return str(get_day_names("wide", locale="en")[int(value.split("-")[1]) - 1])
    month, day = value.split("-")
    return f"{get_month_names('wide', locale='en')[int(month)]} {int(day)}"


def weekday_of(date: Fact, year: int | None) -> Fact | None:
    """The weekday a day-and-month date falls on, with the date's span, when its year is written or known."""
    import datetime

    if date.value.startswith("weekday-"):
        return None
    written = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", date.text)
    year = int(written.group(1)) if written else year
    if year is None:
        return None
    month, day = map(int, date.value.split("-"))
    try:
        weekday = datetime.date(year, month, day).isoweekday()
    except ValueError:
        return None
    return date.model_copy(update={"value": f"weekday-{weekday}"})


# days named relative to the wire's date, as days from it; "morgen" only in lower case ("Morgen" is morning)
_RELATIVE = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "aujourd'hui": 0, "hier": -1, "demain": 1, "avant-hier": -2,
    "apres-demain": 2, "heute": 0, "gestern": -1, "morgen": 1, "vorgestern": -2, "ubermorgen": 2, "hoy": 0,
    "ayer": -1, "manana": 1, "anteayer": -2, "oggi": 0, "ieri": -1, "domani": 1, "hoje": 0, "ontem": -1,
    "amanha": 1,
}  # fmt: skip
_RELATIVE_PATTERN = re.compile(
    r"(?<![\w'-])(?<!la )(?<!por la )("
    + "|".join(sorted(map(re.escape, _RELATIVE), key=len, reverse=True))
    + r")(?![\w-])"
)


def relative_days(text: str, lang: str) -> list[tuple[Fact, tuple[int, ...]]]:
    """Days named relative to the wire's date ("hier", "yesterday", "gestern"), with their offsets in days."""
    folded = fold(text)
    found: list[tuple[Fact, tuple[int, ...]]] = []
    for match in _RELATIVE_PATTERN.finditer(folded):
        if match.group(1) == "morgen" and text[match.start()].isupper():
            continue
        fact = Fact(text=text[match.start() : match.end()], kind="date", value="", start=match.start(), end=match.end())
        found.append((fact, (_RELATIVE[match.group(1)],)))
    return found
