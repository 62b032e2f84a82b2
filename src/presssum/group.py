"""Wires into stories across agencies and languages: shared names, figures, dates and places, close in time.

Each wire becomes a set of language-neutral features (see fingerprint.py), weighted by how rare they are in
the batch; two wires are as similar as the cosine of those weights (averaged with the cosine of their English
words when both have an English text). Versions of one wire join first by identity; then average-linkage
clustering merges the most similar stories while their similarity stays above a threshold and no story spans
more than a time window, so a follow-up a day later is a story of its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from presssum.facts.text import fold
from presssum.fingerprint import Fingerprint, fingerprint
from presssum.records import Article

DEFAULT_WINDOW = timedelta(hours=12)
# Average similarity above which two stories are one; measured on tests/data/brief (see docs/brief.md).
DEFAULT_THRESHOLD = 0.2
_ENGLISH_WORD = re.compile(r"[a-z][a-z'-]{3,}")


@dataclass(frozen=True)
class Wire:
    """One wire as grouping sees it: its article, language, time and, when a model made one, its English text."""

    article: Article
    lang: str
    published: datetime | None
    english: str | None = None
    facts: Fingerprint = field(init=False, compare=False)

    def __post_init__(self) -> None:
        text = f"{self.article.headline}\n\n{self.article.body}"
        object.__setattr__(self, "facts", fingerprint(text, self.lang))

    @property
    def identity(self) -> str | None:
        """The agency's id shared by every version of this wire, when its format carries one."""
        guid = getattr(getattr(self.article, "wire", None), "guid", None)
        return f"{self.article.source or ''}|{guid}" if guid else None


def published(article: Article) -> datetime | None:
    """The wire's time from its date field (ISO 8601 or RFC 2822, as feeds write it), in UTC; None if it has none."""
    from email.utils import parsedate_to_datetime

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


def group(
    wires: Sequence[Wire], *, threshold: float = DEFAULT_THRESHOLD, window: timedelta = DEFAULT_WINDOW
) -> list[list[int]]:
    """Indices of `wires` in stories, each story in wire order, stories in order of their first wire."""
    similarity = _similarities(wires)
    clusters = _by_identity(wires)
    average = {
        (a, b): _average(similarity, clusters[a], clusters[b])
        for a in range(len(clusters))
        for b in range(a + 1, len(clusters))
    }
    alive = set(range(len(clusters)))
    while True:
        candidates = [
            (score, pair)
            for pair, score in average.items()
            if score >= threshold and _within(wires, clusters[pair[0]] + clusters[pair[1]], window)
        ]
        if not candidates:
            break
        _, (keep, gone) = max(candidates)
        size_keep, size_gone = len(clusters[keep]), len(clusters[gone])
        clusters[keep] = clusters[keep] + clusters[gone]
        alive.discard(gone)
        for other in alive - {keep}:  # Lance-Williams update for average linkage
            merged = (size_keep * average[_pair(keep, other)] + size_gone * average[_pair(gone, other)]) / (
                size_keep + size_gone
            )
            average[_pair(keep, other)] = merged
        average = {pair: score for pair, score in average.items() if gone not in pair}
    return sorted((sorted(clusters[index]) for index in alive), key=lambda story: story[0])


def pairwise_scores(predicted: Sequence[Sequence[int]], labels: Sequence[str]) -> tuple[float, float]:
    """Pairwise precision and recall: of the wire pairs put together, how many belong together, and vice versa."""
    story_of = {index: number for number, story in enumerate(predicted) for index in story}
    together = {(a, b) for a in story_of for b in story_of if a < b and story_of[a] == story_of[b]}
    truth = {(a, b) for a in story_of for b in story_of if a < b and labels[a] == labels[b]}
    hits = len(together & truth)
    return (hits / len(together) if together else 1.0), (hits / len(truth) if truth else 1.0)


def features(wire: Wire) -> set[str]:
    """The wire's language-neutral features: figures with their unit, dates, name tokens and CLDR places."""
    found = {f"n:{figure.value:.6g}:{figure.unit}" for figure in wire.facts.figures}
    found |= {f"d:{date.value}" for date in wire.facts.dates}
    found |= {f"w:{name}" for name in wire.facts.names}
    found |= {f"p:{place}" for place in wire.facts.places}
    return found


def _similarities(wires: Sequence[Wire]) -> list[list[float]]:
    neutral = _cosines([features(wire) for wire in wires])
    english_sets = [_english_words(wire.english) if wire.english else set() for wire in wires]
    english = _cosines(english_sets)
    return [
        [
            (neutral[a][b] + english[a][b]) / 2 if english_sets[a] and english_sets[b] else neutral[a][b]
            for b in range(len(wires))
        ]
        for a in range(len(wires))
    ]


def _cosines(sets: Sequence[set[str]]) -> list[list[float]]:
    """Cosine similarity of every pair of feature sets, each feature weighted by its inverse frequency."""
    frequency = Counter(feature for features in sets for feature in features)
    # a feature of one wire links nothing; one of every wire tells nothing apart
    weight = {feature: math.log(len(sets) / count) for feature, count in frequency.items() if count > 1}
    norms = [math.sqrt(sum(weight.get(f, 0.0) ** 2 for f in features)) or 1.0 for features in sets]
    return [
        [sum(weight.get(f, 0.0) ** 2 for f in sets[a] & sets[b]) / (norms[a] * norms[b]) for b in range(len(sets))]
        for a in range(len(sets))
    ]


def _english_words(text: str) -> set[str]:
    """Words of four letters or more; those every text shares weigh nothing (see _cosines)."""
    return set(_ENGLISH_WORD.findall(fold(text)))


def _by_identity(wires: Sequence[Wire]) -> list[list[int]]:
    """One cluster per wire, except versions of one wire, which start together."""
    clusters: dict[str, list[int]] = {}
    for index, wire in enumerate(wires):
        clusters.setdefault(wire.identity or f"#{index}", []).append(index)
    return list(clusters.values())


def _average(similarity: list[list[float]], first: list[int], second: list[int]) -> float:
    return sum(similarity[a][b] for a in first for b in second) / (len(first) * len(second))


def _within(wires: Sequence[Wire], members: list[int], window: timedelta) -> bool:
    times = [moment for index in members if (moment := wires[index].published) is not None]
    return not times or max(times) - min(times) <= window


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)
