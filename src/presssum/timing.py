"""Stage timings for batched work: each stage timed once, then shared out between the articles it served."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

Key = TypeVar("Key")


def group_by(values: Sequence[Key]) -> dict[Key, list[int]]:
    """Positions of each distinct value, in first-seen order: one batch per language."""
    groups: dict[Key, list[int]] = {}
    for position, value in enumerate(values):
        groups.setdefault(value, []).append(position)
    return groups


class StageClock:
    """Times each stage and reports it (for progress bars); an article's share follows its share of the text.

    A batch translates many articles in one call, so no article has a time of its own: splitting the
    stage's time by text length gives each digest a figure that sums, over the batch, to the real total.
    """

    def __init__(self, on_stage: Callable[[str], None] | None = None) -> None:
        self._on_stage = on_stage
        self._shares: dict[int, dict[str, float]] = {}

    @contextmanager
    def __call__(
        self, name: str, key: str | None = None, articles: Iterable[int] = (), weights: Collection[float] = ()
    ) -> Iterator[None]:
        if self._on_stage:
            self._on_stage(name)
        started = time.perf_counter()
        yield
        elapsed = time.perf_counter() - started
        if key is None:
            return
        indices = list(articles)
        total = sum(weights) or len(indices) or 1
        for index, weight in zip(indices, weights or [1.0] * len(indices), strict=True):
            self._shares.setdefault(index, {})[key] = round(elapsed * weight / total, 3)

    def note(self, message: str) -> None:
        """Say what a long stage is doing now."""
        if self._on_stage:
            self._on_stage(message)

    def counter(self, stage: str) -> Callable[[int, int], None] | None:
        """A stage's progress in sentences done of the batch's total, or None when nobody listens."""
        report = self._on_stage
        return None if report is None else lambda done, total: report(f"{stage} · {done:,} of {total:,} sentences")

    def shares(self) -> dict[int, dict[str, float]]:
        """Per article index, its share of each timed stage in seconds."""
        return self._shares
