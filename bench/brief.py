"""Pairwise precision and recall of story grouping on the labelled wires in tests/data/brief.

    python bench/brief.py                 # the default threshold and window
    python bench/brief.py --sweep         # precision and recall across thresholds

Grouping here sees no English translation (as in the tests, where the echo model only copies), so the
numbers measure the language-neutral signals alone.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from presssum.group import DEFAULT_THRESHOLD, Wire, group, pairwise_scores, published
from presssum.load import load_articles
from presssum.records import Article

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "brief"


def labelled_wires() -> tuple[list[Wire], list[str]]:
    """The labelled set's wires (English ones carry their own text as English) and each one's story id."""
    with (DATA / "labels.tsv").open(encoding="utf-8") as file:
        story_of = {row["id"]: row["story"] for row in csv.DictReader(file, delimiter="\t")}
    articles = [a for a in load_articles([str(DATA / "wires.jsonl")]) if isinstance(a, Article)]
    wires = [Wire(a, a.lang or "en", published(a), english=a.body if a.lang == "en" else None) for a in articles]
    return wires, [story_of[a.id or ""] for a in articles]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="Also print precision and recall for other thresholds.")
    args = parser.parse_args()
    started = time.perf_counter()
    wires, labels = labelled_wires()
    stories = group(wires)
    precision, recall = pairwise_scores(stories, labels)
    seconds = time.perf_counter() - started
    print(f"{len(wires)} wires, {len(set(labels))} stories labelled, {len(stories)} found")
    print(f"threshold {DEFAULT_THRESHOLD}: pairwise precision {precision:.3f}, recall {recall:.3f} ({seconds:.1f} s)")
    for story in stories:
        names = sorted({labels[i] for i in story})
        flag = "" if len(names) == 1 else "  <- mixed"
        print(f"  {len(story):2} wires: {', '.join(names)}{flag}")
    if args.sweep:
        for threshold in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
            p, r = pairwise_scores(group(wires, threshold=threshold), labels)
            print(f"threshold {threshold:.2f}: precision {p:.3f}, recall {r:.3f}")


if __name__ == "__main__":
    main()
