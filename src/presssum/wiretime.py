"""When a wire was sent, as precisely as it says: its date field, else its dateline's day, else its file's time.

Plain-text wires carry their date only in the dateline (`ROME, 12 mars (AFP) -`, `BERLIN, 9. Februar (dpa) -`,
`MADRID, 3 mar (EFE).-`), and a copied or synced inbox gives every file the same modification time, so the
dateline comes before the file. A dateline gives a day without a year: the year is the reference's (the
file's time, else the run's), or the one before when that would put the wire more than a day in the future.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

from presssum.facts import extract_dates
from presssum.records import Article

TimeSource = Literal["field", "dateline", "file"]
# Month names are CLDR's in the wire's language first, then in these (a wire's language may be misdetected).
DATELINE_LANGS = ("fr", "de", "es", "it", "pt", "nl", "en")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_AGENCY = re.compile(r"\(([^()]{2,30})\)")
_FUTURE = timedelta(days=1)
_DATELINE_PLACE = re.compile(r"^[^,(]+")
_LOOSE_DATELINE = re.compile(r"(?P<dateline>[^\n]{2,80}?\([^()\n]{2,30}\)\s*\.?)\s*[-–—]+\s")


@dataclass(frozen=True)
class WireTime:
    """The span a wire was sent in (one instant for a date field or a file, one day for a dateline) and its source."""

    start: datetime
    end: datetime
    source: TimeSource
    # False for a file's time in an inbox whose files were copied or synced (see wire_times): shown, not used
    trusted: bool = True

    def label(self) -> str:
        """ISO 8601: the instant, or the day alone when only the day is known."""
        return self.start.date().isoformat() if self.source == "dateline" else self.start.isoformat()

    def gap(self, other: WireTime) -> timedelta:
        """How far apart two spans lie (zero when they overlap)."""
        return max(other.start - self.end, self.start - other.end, timedelta(0))


def published(article: Article) -> datetime | None:
    """The wire's time from its date field (ISO 8601 or RFC 2822, as feeds write it), in UTC; None if it has none."""
    if not article.date:
        return None
    try:
        moment = datetime.fromisoformat(article.date.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(article.date)
        except (TypeError, ValueError):
            return None
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def wire_times(articles: Sequence[Article], langs: Sequence[str | None], now: datetime) -> list[WireTime | None]:
    """Each wire's time (see wire_time); files' times are untrusted when the inbox shows them to be a copy's.

    A copied or synced inbox gives its files the time of the copy: when a wire that dates itself (a date
    field or a dateline) lies more than a day outside its file's time, no file's time says when its wire came.
    """
    times = [wire_time(article, lang, now) for article, lang in zip(articles, langs, strict=True)]
    copied = False
    for article, moment in zip(articles, times, strict=True):
        modified = file_time(article) if moment and moment.source != "file" else None
        if moment and modified and moment.gap(WireTime(modified, modified, "file")) > _FUTURE:
            copied = True
            break
    if not copied:
        return times
    return [replace(moment, trusted=False) if moment and moment.source == "file" else moment for moment in times]


def wire_time(article: Article, lang: str | None = None, now: datetime | None = None) -> WireTime | None:
    """The wire's own time: its date field, else its dateline's day, else its file's modification time."""
    moment = published(article)
    if moment is not None:
        return WireTime(moment, moment, "field")
    modified = file_time(article)
    reference = min(modified, now) if modified and now else modified or now or datetime.now(timezone.utc)
    day = dateline_day(dateline_of(article) or "", lang or article.lang, reference)
    if day is not None:
        start = datetime.combine(day, time(), tzinfo=timezone.utc)
        return WireTime(start, start + timedelta(days=1), "dateline")
    return WireTime(modified, modified, "file") if modified else None


def dateline_day(dateline: str, lang: str | None, reference: datetime) -> date | None:
    """The day a dateline names, in the year that puts it at most a day after `reference`; None if it names none."""
    for candidate in dict.fromkeys([lang or "en", *DATELINE_LANGS]):
        found = extract_dates(dateline, candidate)
        if found:
            month, day = map(int, found[0].value.split("-"))
            written = _YEAR.search(found[0].text)
            year = int(written.group(0)) if written else reference.year
            try:
                named = date(year, month, day)
                if not written and named > (reference + _FUTURE).date():
                    named = date(year - 1, month, day)
            except ValueError:  # 29 February of a year without one
                return None
            return named
    return None


def dateline_place(article: Article) -> str:
    """The dateline's town, not its date or agency ('ALBOSAGGIA' of 'ALBOSAGGIA (Italie), 14 nov (AFP) -')."""
    match = _DATELINE_PLACE.match(dateline_of(article) or "")
    return match.group(0).strip() if match else ""


def dateline_of(article: Article) -> str | None:
    """The wire's dateline: as its reader found it, else an opening that names an agency in brackets and ends
    in a dash (`ALBOSAGGIA (Italie), 14 nov (AFP) -`, `MADRID, 3 mar (EFE).-`)."""
    if article.dateline:
        return article.dateline
    match = _LOOSE_DATELINE.match(article.paragraphs[0] if article.paragraphs else "")
    return match.group("dateline") if match else None


def dateline_agency(dateline: str | None) -> str | None:
    """The agency a dateline names in brackets: 'AFP' in `ROME, 12 mars (AFP) -`.

    A dateline may also bracket the town's country (`AROUCA (Portugal), 14 sep (EFE).-`): the agency is the
    last bracket, the one before the dash, and a bracket that is a country's name (CLDR, in any dateline
    language) is never the agency.
    """
    brackets = [match.group(1).strip() for match in _AGENCY.finditer(dateline or "")]
    agencies = [bracket for bracket in brackets if bracket.casefold() not in _country_names()]
    return agencies[-1] if agencies else None


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every CLDR territory name in the dateline languages, case-folded: the brackets that are no agency."""
    from babel import Locale

    return frozenset(
        str(name).casefold() for lang in DATELINE_LANGS for name in Locale.parse(lang).territories.values()
    )


def file_time(article: Article) -> datetime | None:
    """The modification time of the wire's file (a JSON Lines article is 'feed.jsonl:LINE'), in UTC."""
    for candidate in (article.input, article.input.rsplit(":", 1)[0]):
        path = Path(candidate)
        if path.is_file():
            return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    return None
