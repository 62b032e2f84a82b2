"""When a wire was sent, as precisely as it says: its date field, else its dateline's day, else its file's time.

Plain-text wires carry their date only in the dateline (`ROME, 12 mars (AFP) -`, `BERLIN, 9. Februar (dpa) -`,
`MADRID, 3 mar (EFE).-`), and a copied or synced inbox gives every file the same modification time, so the
dateline comes before the file. A dateline gives a day without a year: the year is the reference's (the
file's time, else the run's), or the one before when that would put the wire more than a day in the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Literal

from presssum.facts import extract_dates
from presssum.records import Article

TimeSource = Literal["field", "dateline", "file"]
# Month names are CLDR's in the wire's language first, then in these (a wire's language may be misdetected).
DATELINE_LANGS = ("fr", "de", "es", "it", "pt", "en")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_AGENCY = re.compile(r"\(([^()]{2,30})\)")
_FUTURE = timedelta(days=1)


@dataclass(frozen=True)
class WireTime:
    """The span a wire was sent in (one instant for a date field or a file, one day for a dateline) and its source."""

    start: datetime
    end: datetime
    source: TimeSource

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


def wire_time(article: Article, lang: str | None = None, now: datetime | None = None) -> WireTime | None:
    """The wire's own time: its date field, else its dateline's day, else its file's modification time."""
    moment = published(article)
    if moment is not None:
        return WireTime(moment, moment, "field")
    modified = file_time(article)
    reference = min(modified, now) if modified and now else modified or now or datetime.now(timezone.utc)
    day = dateline_day(article.dateline or "", lang or article.lang, reference)
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


def dateline_agency(dateline: str | None) -> str | None:
    """The agency a dateline names in brackets: 'AFP' in `ROME, 12 mars (AFP) -`."""
    match = _AGENCY.search(dateline or "")
    return match.group(1).strip() if match else None


def file_time(article: Article) -> datetime | None:
    """The modification time of the wire's file (a JSON Lines article is 'feed.jsonl:LINE'), in UTC."""
    for candidate in (article.input, article.input.rsplit(":", 1)[0]):
        path = Path(candidate)
        if path.is_file():
            return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    return None
