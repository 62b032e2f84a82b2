"""Benchmark: presssum's fact check on FRANK's human-annotated news summaries, beside FactCC.

Scores "the checker flags the summary" (`not check_facts(article, summary, source_lang="en",
summary_lang="en").ok`, the headline) against the labels that ../shared/frank/README.md defines, and
as a second score "not ok, or a fact uncertain" (found only elsewhere, a new word of a lower-case
summary). Develop on `valid`, report `test`; never tune on `test`.

    python bench/facts.py                          # both splits, a table on stdout
    python bench/facts.py --split test --out frank.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FRANK = ROOT.parent / "shared" / "frank" / "frank_joined.jsonl.gz"
ERROR_KINDS = ("EntE", "OutE", "CircE")


def entity_error(row: dict[str, Any]) -> bool:
    """A wrong entity, out-of-article content or wrong circumstance (time, place, number), per README."""
    return sum(row["Other"] - row[kind] for kind in ERROR_KINDS) > 0


def any_error(row: dict[str, Any]) -> bool:
    return bool(row["Factuality"] < 1)


def load(split: str) -> list[dict[str, Any]]:
    with gzip.open(FRANK, "rt", encoding="utf-8") as file:
        return [row for row in map(json.loads, file) if row["split"] == split]


def scores(flags: list[bool], labels: list[bool]) -> dict[str, float]:
    """Balanced accuracy, precision and recall of the flags against the labels."""
    tp = sum(f and y for f, y in zip(flags, labels, strict=True))
    fp = sum(f and not y for f, y in zip(flags, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    recall = tp / positives if positives else 0.0
    specificity = (negatives - fp) / negatives if negatives else 0.0
    return {
        "balanced_accuracy": round((recall + specificity) / 2, 3),
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(recall, 3),
        "flagged": sum(flags),
        "positives": positives,
        "n": len(labels),
    }


def evaluate(rows: list[dict[str, Any]], flags: list[bool]) -> dict[str, Any]:
    """Every label's scores, the share of fully correct summaries flagged, and what the flags the
    entity/number/date label counts as false hold: most are summaries annotators judged wrong otherwise."""
    correct = [f for f, row in zip(flags, rows, strict=True) if row["Factuality"] == 1]
    false_flags = [row for f, row in zip(flags, rows, strict=True) if f and not entity_error(row)]
    return {
        "entity_number_date": scores(flags, [entity_error(row) for row in rows]),
        "any_error": scores(flags, [any_error(row) for row in rows]),
        "correct_flagged": round(sum(correct) / len(correct), 3) if correct else 0.0,
        "false_flags": {
            "total": len(false_flags),
            # a sentence in FRANK's Other bucket counts in every column, so never as an entity error
            "other_bucket": sum(row["Other"] < 1 for row in false_flags),
            "other_error_kind": sum(row["Other"] == 1 and any_error(row) for row in false_flags),
            "fully_correct": sum(not any_error(row) for row in false_flags),
        },
    }


@lru_cache(maxsize=64)
def analysed(article: str) -> Any:
    """Nine systems summarise each article: analyse it once (check_facts would give the same result)."""
    from presssum.facts import analyze_source

    return analyze_source(article, "en")


def presssum_report(row: dict[str, Any]) -> Any:
    from presssum import check_facts

    source = analysed(row["article"])
    return check_facts(row["article"], row["summary"], source_lang="en", summary_lang="en", source_facts=source)


def table(results: dict[str, dict[str, Any]]) -> Iterable[str]:
    yield "| split | checker | ent/num/date BA | P | R | any-error BA | P | R | correct flagged |"
    yield "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    for key, result in results.items():
        entity, anything = result["entity_number_date"], result["any_error"]
        yield (
            f"| {key.replace('/', ' | ')} | {entity['balanced_accuracy']:.3f} | {entity['precision']:.3f} "
            f"| {entity['recall']:.3f} | {anything['balanced_accuracy']:.3f} | {anything['precision']:.3f} "
            f"| {anything['recall']:.3f} | {result['correct_flagged']:.1%} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("valid", "test", "both"), default="both")
    parser.add_argument("--out", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    if not FRANK.exists():
        print(f"FRANK not found at {FRANK}", file=sys.stderr)
        return 2
    results: dict[str, dict[str, Any]] = {}
    for split in ("valid", "test") if args.split == "both" else (args.split,):
        rows = load(split)
        started = time.perf_counter()
        reports = [presssum_report(row) for row in rows]
        seconds = round(time.perf_counter() - started, 1)
        results[f"{split}/presssum"] = evaluate(rows, [not report.ok for report in reports])
        results[f"{split}/presssum"]["seconds"] = seconds
        results[f"{split}/presssum, or uncertain"] = evaluate(
            rows, [not report.ok or bool(report.uncertain) for report in reports]
        )
        results[f"{split}/FactCC"] = evaluate(rows, [row["FactCC"] < 1 for row in rows])
    print("\n".join(table(results)))
    for key, result in results.items():
        false = result["false_flags"]
        print(
            f"{key}: {false['total']} flags without an entity/number/date label: {false['other_bucket']} in "
            f"FRANK's Other bucket, {false['other_error_kind']} with another error kind, "
            f"{false['fully_correct']} fully correct"
        )
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
