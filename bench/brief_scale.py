"""Grouping time as a desk's inbox grows: 1,000 / 5,000 / 20,000 wires, and the fitted exponent.

    python bench/brief_scale.py                          # 1,000, 5,000 and 20,000 wires
    python bench/brief_scale.py --sizes 1000 10000 --exact-check 400

The wires are copies of a labelled set's wires (tests/data/brief-v2/dev when present, else tests/data/brief;
the few its datelines leave undated take their story's day), each copy a desk's next batch: its figures
and names made its own (no figure or name of one copy is another's), its meaning turned by the batch's own
rotation (a copy is as far from its original as an unrelated wire is), its time moved on so that the inbox
holds about `--per-day` wires a day. Dates, places and events stay as written, so they are shared by
thousands of wires, as `France` and `strike` are on a real desk. The bench says how close the stories are
to every copy grouped as the original set is (pairwise precision and recall against that), and whether the
inverted index gives the same stories as comparing every pair (`--exact-check N`: on the first N wires,
where that is affordable).
Fingerprinting is not timed: each wire is fingerprinted once as it arrives, whatever the grouping.
"""

from __future__ import annotations

import argparse
import copy
import math
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.brief import labelled_set
from bench.run import cpu_features

from presssum.fingerprint import Figure
from presssum.group import StoryWire, group, pairwise_scores
from presssum.meaning import Vector as Meaning
from presssum.wiretime import WireTime

ROOT = Path(__file__).resolve().parents[1]


def copies(originals: list[StoryWire], count: int, per_day: int) -> list[StoryWire]:
    """At least `count` wires, in whole batches of `originals`, each with its own figures, names and time."""
    step = timedelta(days=len(originals) / per_day)
    wires = []
    for batch in range(math.ceil(count / len(originals))):
        for wire in originals:
            wires.append(_copy(wire, batch, step * batch))
    return wires


def _copy(wire: StoryWire, batch: int, later: timedelta) -> StoryWire:
    made = copy.copy(wire)
    facts = wire.facts
    shifted = tuple(Figure(f.text, f.value, f"{f.unit}#{batch}", f.role) for f in facts.figures)  # its own figures
    names = frozenset(f"{name}{batch}" for name in facts.names)
    object.__setattr__(made, "facts", replace(facts, figures=shifted, names=names))
    object.__setattr__(made, "meaning", _turned(wire.meaning, batch))  # and its own meaning
    moved = WireTime(wire.time.start + later, wire.time.end + later, wire.time.source) if wire.time else None
    object.__setattr__(made, "time", moved)
    return made


def _turned(meaning: Meaning, batch: int) -> Meaning:
    """The meaning with its axes shuffled and their signs flipped, the same way for every wire of one batch: the
    wires of a batch keep their cosines, while a wire and its copy in another batch are about as close as two
    unrelated wires (a rotation of the space the encoder maps texts into)."""
    if batch == 0:
        return meaning
    rng = np.random.default_rng(batch)
    turned: Meaning = (meaning[rng.permutation(meaning.size)] * rng.choice([-1.0, 1.0], meaning.size)).astype(
        meaning.dtype
    )
    return turned


def dated(wires: list[StoryWire], labels: list[str]) -> list[StoryWire]:
    """The wires, those without a time of their own (a copied file's) given their story's: on a desk's inbox
    files land as wires are sent, so every copy has a time."""
    times = {label: wire.time for wire, label in zip(wires, labels, strict=True) if wire.when}
    found = []
    for wire, label in zip(wires, labels, strict=True):
        made = copy.copy(wire)
        if not wire.when:
            object.__setattr__(made, "time", times.get(label))
        found.append(made)
    return found


def expected(originals: list[StoryWire], count: int) -> list[list[int]]:
    """The stories of `count` copies (whole batches) if every batch groups as the originals do."""
    size = len(originals)
    return sorted(
        [batch * size + index for index in story] for batch in range(count // size) for story in group(originals)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--per-day", type=int, default=5000, help="Wires a day in the inbox (default 5000).")
    parser.add_argument("--exact-check", type=int, default=300, help="Wires compared pair by pair as a check.")
    args = parser.parse_args()
    originals = dated(*labelled_set())
    print(f"cpu: {cpu_features()}")  # timings differ with the CPU: say which one made them
    print(f"{len(originals)} labelled wires copied; {args.per_day} wires a day")
    if args.exact_check:
        sample = copies(originals, args.exact_check, args.per_day)
        same = group(sample) == group(sample, exhaustive=True)
        print(f"{args.exact_check} wires: inverted index and every pair give the same stories: {same}")
    timings = []
    for size in args.sizes:
        wires = copies(originals, size, args.per_day)
        started = time.perf_counter()
        stories = group(wires)
        seconds = time.perf_counter() - started
        timings.append((len(wires), seconds))
        truth = expected(originals, len(wires))
        labels = [""] * len(wires)
        for number, story in enumerate(truth):
            for index in story:
                labels[index] = str(number)
        precision, recall = pairwise_scores(stories, labels)
        print(
            f"{len(wires):6} wires: {seconds:6.2f} s, {len(stories)} stories ({len(truth)} if every copy grouped as"
            f" the original; pairwise precision {precision:.3f}, recall {recall:.3f} against those)"
        )
    if len(timings) > 1:
        xs = [math.log(size) for size, _ in timings]
        ys = [math.log(seconds) for _, seconds in timings]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
        print(f"fitted exponent (least squares of log time on log wires, time ~ n^k): k = {slope:.2f}")


if __name__ == "__main__":
    main()
