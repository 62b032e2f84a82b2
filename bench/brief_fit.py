"""Fit the weights grouping gives each signal of a wire pair (group.WEIGHTS), and say how well they generalise.

    python bench/brief_fit.py                       # every labelled half of tests/data/brief-v2
    python bench/brief_fit.py --halves dev heldout  # some of them

A logistic regression over every pair of wires of each labelled half: does the pair tell one event? Its
inputs are `group.signals` (the meanings' cosine, the weighted features' cosine, events, languages, times).
Before printing the weights fitted on all halves, it fits on all halves but one and groups the one left out
with those weights (leave one half out): those scores, on a half the weights never saw, are the ones to
expect on a new inbox. The weights are pasted into group.WEIGHTS by hand, so a refit is a reviewed change.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.brief import labelled_set

from presssum import group as grouping

ROOT = Path(__file__).resolve().parents[1]
HALVES = ROOT / "tests" / "data" / "brief-v2"
# The labelled halves' datelines carry no year: one fixed "now" dates them all alike, whatever the day of the run.
NOW = datetime(2026, 12, 6, tzinfo=timezone.utc)
RIDGE = 0.1  # a little shrinkage: the halves are small, and a signal absent from them should weigh nothing


def pair_signals(wires: list[grouping.StoryWire]) -> dict[tuple[int, int], dict[str, float]]:
    """Every pair's signals, as group() computes them for its candidate pairs."""
    neutral, english = grouping.weighted_features(wires)
    return {
        (a, b): grouping.signals(wires[a], wires[b], neutral[a], neutral[b], english[a], english[b])
        for a, b in combinations(range(len(wires)), 2)
    }


def fit(halves: list[tuple[list[grouping.StoryWire], list[str]]], names: list[str]) -> dict[str, float]:
    """Ridge-penalised logistic regression by Newton's method; the bias is not penalised."""
    rows, truth = [], []
    for wires, labels in halves:
        for (a, b), found in pair_signals(wires).items():
            rows.append([found[name] for name in names] + [1.0])
            truth.append(float(labels[a] == labels[b]))
    x, y = np.array(rows), np.array(truth)
    penalty = np.diag([RIDGE] * len(names) + [0.0])
    weights = np.zeros(x.shape[1])
    for _ in range(50):
        chance = 1 / (1 + np.exp(-x @ weights))
        gradient = x.T @ (chance - y) + penalty @ weights
        hessian = (x * (chance * (1 - chance))[:, None]).T @ x + penalty
        weights -= np.linalg.solve(hessian, gradient)
    return {**dict(zip(names, weights[:-1].round(2).tolist(), strict=True)), "bias": round(float(weights[-1]), 2)}


def scores(wires: list[grouping.StoryWire], labels: list[str], weights: dict[str, float]) -> tuple[float, float]:
    """Pairwise precision and recall of grouping `wires` with `weights`."""
    saved = dict(grouping.WEIGHTS)
    grouping.WEIGHTS.update(weights)
    try:
        return grouping.pairwise_scores(grouping.group(wires), labels)
    finally:
        grouping.WEIGHTS.update(saved)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    found = sorted(path.parent.name for path in HALVES.glob("*/labels.json"))
    parser.add_argument("--halves", nargs="+", default=found, help=f"Labelled halves (default: {' '.join(found)}).")
    args = parser.parse_args()
    names = [name for name in grouping.WEIGHTS if name != "bias"]
    halves = {half: labelled_set(HALVES / half, NOW) for half in args.halves}
    print("leave one half out (fitted on the others, grouped with the default threshold):")
    for left_out, (wires, labels) in halves.items():
        weights = fit([h for name, h in halves.items() if name != left_out], names)
        precision, recall = scores(wires, labels, weights)
        print(f"  {left_out:10} pairwise precision {precision:.2f}, recall {recall:.2f}")
    weights = fit(list(halves.values()), names)
    print(f"fitted on {', '.join(halves)}:")
    for name, value in weights.items():
        print(f'    "{name}": {value},')
    for half, (wires, labels) in halves.items():
        precision, recall = scores(wires, labels, weights)
        print(f"  {half:10} pairwise precision {precision:.2f}, recall {recall:.2f} (seen in the fit)")


if __name__ == "__main__":
    main()
