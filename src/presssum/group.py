"""Wires into stories across agencies and languages: one story per event, not per set of shared names.

Each wire becomes a set of language-neutral features (fingerprint.py: figures with their unit, dates, names,
CLDR places; events.py: what happened and in which sector), weighted by how rare they are in the batch, and a
vector of what it says (meaning.py: a multilingual sentence encoder). A logistic regression fitted on the
labelled halves (`WEIGHTS`, bench/brief_fit.py) turns a pair's signals (the two cosines, their events,
languages and times) into the chance the two wires tell one event. Versions of one wire join first by
identity; then average linkage merges the stories of highest average chance while it stays above a
threshold, under constraints no chance overrides: a story never spans more than the time window, nor two
events or two sectors (a verdict and an arrest, a rail strike and an air-traffic strike), however many names
they share. Average linkage does not chain: a wire joins a story through its chance with all of it, not with
one member. A wire left alone then joins the story it is clearly closest to (`_adopt_strays`).

Only pairs of wires that share a feature are scored, so the pairs are found through an inverted
index from each feature to its wires, within the time window. Features that many wires of one day share
(`France`, `strike`) are left out of that index (`rare`): they add to a pair's similarity but do not make
it a candidate, which keeps grouping near-linear in the number of wires. `exhaustive=True` compares every
pair instead; on sets where no feature is that common both give the same stories.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from itertools import combinations

from presssum.events import compatible, dominant, looks_back, profile, wire_event
from presssum.facts.text import fold
from presssum.fingerprint import Fingerprint, fingerprint, named_in_headline
from presssum.meaning import Vector as Meaning
from presssum.meaning import meaning
from presssum.records import Article
from presssum.wiretime import WireTime, dateline_of, dateline_place, published

__all__ = ["DEFAULT_THRESHOLD", "DEFAULT_WINDOW", "StoryWire", "group", "pairwise_scores", "published"]

DEFAULT_WINDOW = timedelta(hours=12)
# A story's wires may span up to this when each joins within the window of the rest: an earthquake's night flash,
# the next morning's tolls and the aftershock of the day after are one story; a second quake a week later is not.
STORY_SPAN = timedelta(hours=84)
# Two stories are one while the average chance that a wire of one and a wire of the other tell one event is at
# least this. Below one half, since each wire must reach it on average over every wire of a story; the
# leave-one-half-out scores of bench/brief_fit.py are flat from 0.35 to 0.45 and lower at 0.5.
DEFAULT_THRESHOLD = 0.4
# A wire left alone joins the story it is closest to when its average chance there reaches this, and is this
# many times its chance with any other story it could join (see _adopt_strays).
STRAY_THRESHOLD = 0.1
STRAY_MARGIN = 3.0
# A feature shared by more wires than this in one day makes no candidate pair (it still adds to similarity).
DEFAULT_RARE = 50
# The share of the English words' cosine in the similarity of two wires' features when both have English. Two
# English wires on two earthquakes share most of their words ("magnitude", "injured"); names and figures differ.
ENGLISH_SHARE = 0.3
# Pairs less likely one story than this count as unrelated, as pairs sharing no feature are (see _candidates).
_UNRELATED = 0.05
# What each of a pair's signals (see `signals`) adds to the log-odds that two wires tell one event: a logistic
# regression fitted on the labelled halves of tests/data/brief-v2 (bench/brief_fit.py prints it, and how well
# it groups each half when fitted on the others). Wires in one language read alike to the encoder
# ("same language" corrects that); a day apart, or an undated wire, make one event less likely.
WEIGHTS = {
    "meaning": 10.69,
    "features": 10.83,
    "same event": 5.27,
    "related events": 4.47,
    "no event": 4.83,
    "one event": 4.24,
    "same language": -4.51,
    "undated": -0.81,
    "days apart": -1.65,
    "bias": -14.21,
}
_ENGLISH_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


# The markers agencies open a flash's headline with, in capitals as they send them ('URGENT Belgique: ...').
_FLASH = re.compile(
    r"^\s*(?:EILMELDUNG|EIL|URGENTE?|ÚLTIMA HORA|ULTIMA HORA|Última hora|ULTIM['’]ORA|FLASH|BREAKING(?: NEWS)?|SPOED)"
    r"(?![\w'’])\s*[:\-–—]?\s*"
)


@dataclass(frozen=True)
class StoryWire:
    """One wire as grouping sees it: its article, language, time and, when a model made one, its English text."""

    article: Article
    lang: str
    time: WireTime | None
    english: str | None = None
    facts: Fingerprint = field(init=False, compare=False)
    event: str | None = field(init=False, compare=False)
    sector: str | None = field(init=False, compare=False)
    looks_back: bool = field(init=False, compare=False)
    subject: frozenset[str] = field(init=False, compare=False)
    meaning: Meaning = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        headline, place = self.headline, dateline_place(self.article)
        # the dateline's town on a line of its own: 'MADRID' is no part of the name that opens the lead
        lead_in = f"{place}\n" if place else ""
        text = f"{headline}\n\n{lead_in}{self.article.body}"
        object.__setattr__(self, "facts", fingerprint(text, self.lang))
        object.__setattr__(self, "meaning", meaning(f"{headline}\n\n{self.article.body}"))
        paragraphs = self.article.paragraphs
        object.__setattr__(self, "event", wire_event(headline, paragraphs, self.lang))
        sectors = profile(headline, paragraphs, self.lang, "sectors")
        object.__setattr__(self, "sector", dominant(sectors))
        object.__setattr__(self, "looks_back", looks_back(headline, self.lang))
        first, dateline = (paragraphs[0] if paragraphs else ""), dateline_of(self.article) or ""
        lead = first.removeprefix(dateline)  # 'VIENNA, June 5 (Reuters) - ' names no subject
        object.__setattr__(self, "subject", named_in_headline(headline, lead, self.lang))

    @property
    def when(self) -> WireTime | None:
        """The wire's time where grouping may rely on it (not a copied file's)."""
        return self.time if self.time and self.time.trusted else None

    @property
    def headline(self) -> str:
        """The headline without a flash's marker ('EILMELDUNG:', 'ÚLTIMA HORA', "ULTIM'ORA"): how fast a wire
        was sent is not what it tells, and the marker's word would pull an agency's flashes of other news near."""
        return _FLASH.sub("", self.article.headline, count=1)

    @property
    def lead(self) -> str:
        """The headline and first paragraph: where a wire says what happened, where, and whom it is about."""
        paragraphs = self.article.paragraphs
        return f"{self.headline}\n{paragraphs[0] if paragraphs else ''}\n"

    @property
    def published(self) -> datetime | None:
        """The start of the wire's time (its day's midnight for a dateline), in UTC."""
        return self.time.start if self.time else None

    @property
    def identity(self) -> str | None:
        """The agency's id shared by every version of this wire, when its format carries one."""
        guid = self.article.wire.guid if self.article.wire else None
        return f"{self.article.source or ''}|{guid}" if guid else None


def group(
    wires: Sequence[StoryWire],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window: timedelta = DEFAULT_WINDOW,
    rare: int = DEFAULT_RARE,
    exhaustive: bool = False,
) -> list[list[int]]:
    """Indices of `wires` in stories, each story in wire order, stories in order of their first wire."""
    neutral, english = weighted_features(wires)
    pairs = combinations(range(len(wires)), 2) if exhaustive else _candidates(wires, neutral, english, window, rare)
    similarity: dict[tuple[int, int], float] = {}
    for a, b in pairs:
        found = signals(wires[a], wires[b], neutral[a], neutral[b], english[a], english[b])
        chance = 1 / (1 + math.exp(-WEIGHTS["bias"] - sum(WEIGHTS[name] * value for name, value in found.items())))
        if chance >= _UNRELATED:
            similarity[(a, b)] = chance
    return _average_linkage(wires, _by_identity(wires), similarity, threshold, window)


def weighted_features(wires: Sequence[StoryWire]) -> tuple[list[Vector], list[Vector]]:
    """Each wire's language-neutral features and English words, weighted by how rare they are in `wires`."""
    neutral = _vectors([features(wire) for wire in wires])
    english = _vectors([_english_words(wire.english) if wire.english else set() for wire in wires])
    return neutral, english


def signals(
    first: StoryWire, second: StoryWire, neutral: Vector, other: Vector, english: Vector, other_english: Vector
) -> dict[str, float]:
    """What says two wires tell one event: their meanings' cosine, their weighted features' (names, figures,
    places...; and English words when both have them), the events they name, their languages and times."""
    shared = _cosine(neutral, other)
    if english and other_english:
        shared = (1 - ENGLISH_SHARE) * shared + ENGLISH_SHARE * _cosine(english, other_english)
    early, late = sorted((first.when, second.when), key=lambda moment: moment.start if moment else _EPOCH)
    # days between the end of one's span and the start of the other's: a dateline's day and the next are 0 apart
    days = max(0.0, (late.start - early.end).total_seconds() / 86400) if early and late else None
    return {
        "meaning": float(first.meaning @ second.meaning),
        "features": shared,
        "same event": float(first.event is not None and first.event == second.event),
        # two events one story can hold: a strike and its march, a crash and the fire it started
        "related events": float(
            first.event is not None
            and second.event is not None
            and first.event != second.event
            and compatible({first.event, second.event})
        ),
        "no event": float(first.event is None and second.event is None),
        "one event": float((first.event is None) != (second.event is None)),
        "same language": float(first.lang == second.lang),
        "undated": float(days is None),
        "days apart": min(3.0, days or 0.0),
    }


def pairwise_scores(predicted: Sequence[Sequence[int]], labels: Sequence[str]) -> tuple[float, float]:
    """Pairwise precision and recall: of the wire pairs put together, how many belong together, and vice versa."""
    story_of = {index: number for number, story in enumerate(predicted) for index in story}
    together = {(a, b) for a in story_of for b in story_of if a < b and story_of[a] == story_of[b]}
    truth = {(a, b) for a in story_of for b in story_of if a < b and labels[a] == labels[b]}
    hits = len(together & truth)
    return (hits / len(together) if together else 1.0), (hits / len(truth) if truth else 1.0)


def features(wire: StoryWire) -> set[str]:
    """The wire's language-neutral features: figures with unit, dates, names, CLDR places, event and sector."""
    found = {f"n:{figure.value:.6g}:{figure.unit}" for figure in wire.facts.figures}
    found |= {f"d:{date.value}" for date in wire.facts.dates}
    found |= {f"w:{name}" for name in wire.facts.names}
    found |= {f"p:{place}" for place in wire.facts.places}
    found |= {f"e:{wire.event}"} if wire.event else set()
    found |= {f"s:{wire.sector}"} if wire.sector else set()
    found |= {"k:looks-back"} if wire.looks_back else set()
    return found


Vector = dict[str, float]


def _vectors(sets: Sequence[set[str]]) -> list[Vector]:
    """Each set as unit-length weights: a feature weighs log(N / df); one of a single wire links nothing."""
    frequency = Counter(feature for features in sets for feature in features)
    weight = {feature: math.log(len(sets) / count) for feature, count in frequency.items() if count > 1}
    vectors = []
    for features in sets:
        weighted = {f: weight[f] for f in features if weight.get(f)}
        norm = math.sqrt(sum(value * value for value in weighted.values())) or 1.0
        vectors.append({f: value / norm for f, value in weighted.items()})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(value * b[f] for f, value in a.items() if f in b)


def _candidates(
    wires: Sequence[StoryWire], neutral: list[Vector], english: list[Vector], window: timedelta, rare: int
) -> Iterable[tuple[int, int]]:
    """Pairs of wires within the window that share a feature no more than `rare` wires of one day have."""
    index: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for number, wire in enumerate(wires):
        for feature in (*neutral[number], *(f"en:{word}" for word in english[number])):
            index[(feature, _day(wire.when))].append(number)
    days = {day for _, day in index}
    found: set[tuple[int, int]] = set()
    for number, wire in enumerate(wires):
        near = _near_days(wire.when, window, days)
        for feature in (*neutral[number], *(f"en:{word}" for word in english[number])):
            for day in near:
                members = index.get((feature, day), ())
                if len(members) <= rare:
                    found.update((number, other) for other in members if other > number)
    return sorted(found)


def _day(moment: WireTime | None) -> int | None:
    return (moment.start - _EPOCH).days if moment else None


def _near_days(moment: WireTime | None, window: timedelta, days: set[int | None]) -> list[int | None]:
    """The days a wire's story partners can lie in: within the window of its span; every day for a timeless one."""
    if moment is None:
        return list(days)
    first, last = _day_of(moment.start - window), _day_of(moment.end + window)
    return [None, *range(first, last + 1)]


def _day_of(moment: datetime) -> int:
    return (moment - _EPOCH).days


@dataclass
class _Story:
    """A story being built: its wires, the span they were sent in, and the events and sectors they name."""

    members: list[int]
    first: datetime | None  # the earliest start of its dated wires' times
    last: datetime | None  # the latest end
    events: set[str]
    sectors: set[str]
    looks_back: set[bool]
    named: list[tuple[frozenset[str], str]]  # each wire's headline names, and its headline and lead folded

    @classmethod
    def of(cls, wires: Sequence[StoryWire], members: list[int]) -> _Story:
        times = [moment for index in members if (moment := wires[index].when) is not None]
        return cls(
            members,
            min((t.start for t in times), default=None),
            max((t.end for t in times), default=None),
            {event for index in members if (event := wires[index].event)},
            {sector for index in members if (sector := wires[index].sector)},
            {wires[index].looks_back for index in members},
            [
                (wires[index].subject, fold(wires[index].lead))
                for index in members
                if wires[index].subject and wires[index].event in _WHO
            ],
        )

    def can_join(self, other: _Story, window: timedelta) -> bool:
        """Whether one story could hold both: sent within the window of each other and together within the story
        span (see STORY_SPAN), naming compatible events and one sector at most."""
        if self.first and self.last and other.first and other.last:
            if max(self.first, other.first) - min(self.last, other.last) > window:
                return False
            if max(self.last, other.last) - min(self.first, other.first) > STORY_SPAN:
                return False
        if len(self.looks_back | other.looks_back) > 1:  # an anniversary piece and news of a new event
            return False
        if any(_strangers(one, another) for one in self.named for another in other.named):
            return False
        return compatible(self.events | other.events) and len(self.sectors | other.sectors) <= 1

    def absorb(self, other: _Story) -> None:
        self.members += other.members
        self.first = min((m for m in (self.first, other.first) if m), default=None)
        self.last = max((m for m in (self.last, other.last) if m), default=None)
        self.events |= other.events
        self.sectors |= other.sectors
        self.named += other.named
        self.looks_back |= other.looks_back


def _average_linkage(
    wires: Sequence[StoryWire],
    clusters: list[list[int]],
    similarity: dict[tuple[int, int], float],
    threshold: float,
    window: timedelta,
) -> list[list[int]]:
    """Merge the two stories of highest average similarity while it reaches `threshold` and they can be one."""
    story_of = {index: number for number, members in enumerate(clusters) for index in members}
    stories = {number: _Story.of(wires, members) for number, members in enumerate(clusters)}
    links: dict[int, dict[int, float]] = defaultdict(dict)  # story -> other story -> sum of wire similarities
    for (a, b), score in similarity.items():
        first, second = story_of[a], story_of[b]
        if first != second:
            links[first][second] = links[first].get(second, 0.0) + score
            links[second][first] = links[first][second]
    version = dict.fromkeys(stories, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        average = links[a][b] / (len(stories[a].members) * len(stories[b].members))
        if average >= threshold:
            heapq.heappush(heap, (-average, a, b, version[a], version[b]))

    for a, others in links.items():
        for b in others:
            if a < b:
                push(a, b)
    while heap:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        if a not in stories or b not in stories or (version[a], version[b]) != (version_a, version_b):
            continue  # a stale entry: one of the two has merged since
        if not stories[a].can_join(stories[b], window):
            continue  # stories only grow, so they never can
        _merge(stories, links, a, b)
        version[a] += 1
        for other in links[a]:
            push(a, other)
    _adopt_strays(stories, links, window)
    return sorted((sorted(story.members) for story in stories.values()), key=lambda members: members[0])


def _adopt_strays(stories: dict[int, _Story], links: dict[int, dict[int, float]], window: timedelta) -> None:
    """A wire left alone joins the story it is clearly closest to, though not as close as the threshold asks.

    A flash of one sentence, or a wire whose words the encoder reads less well, shares too little with each
    wire of its story to reach the threshold on average; but where one story stands out from every other it
    could join, that story is the wire's.
    """
    for stray in [number for number, story in stories.items() if len(story.members) == 1]:
        chances = sorted(
            (
                (total / len(stories[other].members), other)
                for other, total in links[stray].items()
                if other in stories and stories[stray].can_join(stories[other], window)
            ),
            reverse=True,
        )
        if not chances:
            continue
        best, home = chances[0]
        runner_up = chances[1][0] if len(chances) > 1 else 0.0
        if best >= STRAY_THRESHOLD and best >= STRAY_MARGIN * runner_up:
            _merge(stories, links, home, stray)


# Events told apart by who they are about: two companies' strikes or job cuts on one day
_WHO = frozenset({"strike", "job cuts", "results", "order", "takeover"})


def _strangers(one: tuple[frozenset[str], str], another: tuple[frozenset[str], str]) -> bool:
    """Whether two wires' headlines name two different subjects, neither named in the other's headline or lead:
    'Austrian Airlines grounds 180 flights' and 'ITA Airways cancels 282 flights', two strikes on one day."""
    (names, lead), (other_names, other_lead) = one, another
    return not names & other_names and not _said(names, other_lead) and not _said(other_names, lead)


def _said(names: frozenset[str], text: str) -> bool:
    """Whether `text` (folded) has one of the folded `names` as a whole word."""
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names)


def _merge(stories: dict[int, _Story], links: dict[int, dict[int, float]], into: int, gone: int) -> None:
    """Story `gone` joins story `into`; its links to other stories add to those of `into`."""
    stories[into].absorb(stories.pop(gone))
    for other, total in links.pop(gone).items():
        del links[other][gone]
        if other != into:
            links[into][other] = links[into].get(other, 0.0) + total
            links[other][into] = links[into][other]


def _english_words(text: str) -> set[str]:
    """Words of four letters or more; those every text shares weigh nothing (see _vectors)."""
    return set(_ENGLISH_WORD.findall(fold(text)))


def _by_identity(wires: Sequence[StoryWire]) -> list[list[int]]:
    """One cluster per wire, except versions of one wire, which start together."""
    clusters: dict[str, list[int]] = {}
    for index, wire in enumerate(wires):
        clusters.setdefault(wire.identity or f"#{index}", []).append(index)
    return list(clusters.values())
