"""The morning brief: digested wires grouped into stories, each with its most complete digest, its sources
and the figures, dates and names its agencies give differently."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from presssum.disagree import agency, disagreements, updates
from presssum.errors import PresssumError
from presssum.facts.text import fold
from presssum.group import DEFAULT_THRESHOLD, DEFAULT_WINDOW, StoryWire, group
from presssum.outdir import slugify
from presssum.records import Article, Digest, Story, StorySource
from presssum.wiretime import WireTime, wire_time, wire_times

# A "translation" sharing this much of its words with the source is a copy (an echo model), not English.
_COPY_OVERLAP = 0.8
_WORDS = re.compile(r"\w+")


def stories(
    pairs: Sequence[tuple[Article, Digest]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window: timedelta = DEFAULT_WINDOW,
) -> list[Story]:
    """One Story per event, the most widely reported first; each article paired with its digest."""
    wires = inbox_wires(pairs, datetime.now(timezone.utc))
    found = []
    for members in group(wires, threshold=threshold, window=window):
        ordered = sorted(members, key=lambda index: _sort_time(wires[index]))
        # the most complete version: the longest, and of equals the latest
        chosen = max(ordered, key=lambda index: (len(pairs[index][0].body), _sort_time(wires[index])))
        found.append(
            Story(
                id=_story_id(pairs[ordered[0]][1]),
                digest=pairs[chosen][1],
                sources=tuple(_source(wires[index], pairs[index][1]) for index in ordered),
                disagreements=disagreements([wires[index] for index in ordered]),
                updates=updates([wires[index] for index in ordered]),
            )
        )
    return sorted(found, key=lambda story: (-len({s.agency for s in story.sources}), story.sources[0].published or ""))


def inbox_wires(pairs: Sequence[tuple[Article, Digest]], now: datetime) -> list[StoryWire]:
    """The grouping's view of an inbox's digested articles, their times read together: a copied inbox's file
    times date no wire (see wiretime.wire_times)."""
    times = wire_times([article for article, _ in pairs], [digest.source_lang for _, digest in pairs], now)
    return [wire_of(article, digest, now, moment) for (article, digest), moment in zip(pairs, times, strict=True)]


def wire_of(article: Article, digest: Digest, now: datetime | None = None, moment: WireTime | None = None) -> StoryWire:
    """The grouping's view of a digested article; its translation counts as English only if a model made one.

    Its time is `moment` when the inbox's times were read together (see wiretime.wire_times).
    """
    english = digest.translation if digest.source_lang == "en" or not _is_copy(digest) else None
    return StoryWire(article, digest.source_lang, moment or wire_time(article, digest.source_lang, now), english)


def is_recent(article: Article, since: timedelta | None, now: datetime) -> bool:
    """True when `since` is unset or the wire is no older than `since` (a wire with no time always counts).

    A wire dated by its dateline counts while any of its day is that recent.
    """
    moment = wire_time(article, now=now)
    return since is None or moment is None or moment.end >= now - since


def parse_since(value: str) -> timedelta:
    """'24h', '90m', '2d' as a duration; anything else is a usage error naming the accepted forms."""
    match = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", value)
    if not match:
        raise PresssumError(f"--since '{value}': expected minutes, hours or days, e.g. 90m, 24h, 2d")
    amount, unit = int(match.group(1)), match.group(2)
    return {"m": timedelta(minutes=amount), "h": timedelta(hours=amount), "d": timedelta(days=amount)}[unit]


def _is_copy(digest: Digest) -> bool:
    source = {fold(word) for pair in digest.paragraphs for word in _WORDS.findall(pair.source)}
    english = [fold(word) for word in _WORDS.findall(digest.translation)]
    return bool(english) and sum(word in source for word in english) >= _COPY_OVERLAP * len(english)


def _source(wire: StoryWire, digest: Digest) -> StorySource:
    return StorySource(
        agency=agency(wire),
        lang=wire.lang,
        published=wire.time.label() if wire.time else None,
        published_from=wire.time.source if wire.time else None,
        headline=digest.headline,
        headline_en=digest.headline_en,
        input=digest.input,
    )


def _story_id(first: Digest) -> str:
    """Stable while the story's first wire stays first: a slug of its headline and a hash of its input."""
    digest = hashlib.sha1(f"{first.input}\n{first.headline}".encode()).hexdigest()[:6]
    return f"{slugify(first.headline_en or first.headline)[:48].rstrip('-')}-{digest}"


def _sort_time(wire: StoryWire) -> datetime:
    return wire.published or datetime.min.replace(tzinfo=timezone.utc)
