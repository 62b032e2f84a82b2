"""Benchmark: the facts check on a labelled set of summaries, scored as ../shared/scoring/README.md defines.

Each case is one summary of one wire, either faithful or carrying planted errors (a wrong figure, date,
name, unit, scale, title, role, place or negation) whose words in the summary are marked. The check is
`check_facts(source, summary, translation=..., source_lang=..., summary_lang=...)`:

- a *strong flag* is a fact in `report.unverified`, a *weak flag* one in any other non-verified list;
- a flag *points at* a planted error when its span overlaps the planted words in the summary, or its
  normalised value equals the planted value;
- precision = strong flags pointing at a planted error / all strong flags;
- recall = planted errors pointed at by a flag of any status;
- also counted: faithful summaries with a strong flag, and weak flags pointing at no planted error.

    python bench/trust_cases.py tests/data/trust-cases/dev.jsonl            # a summary table
    python bench/trust_cases.py tests/data/trust-cases/dev.jsonl --show     # every flag and miss
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presssum import check_facts
from presssum.facts.text import fold
from presssum.records import Fact, FactReport

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Planted:
    """A planted error: its words in the summary (both names of a swap), and the value it states."""

    spans: tuple[tuple[int, int], ...]
    value: str
    kind: str

    def pointed_at_by(self, fact: Fact) -> bool:
        if (
            fact.start is not None
            and fact.end is not None
            and any(fact.start < end and start < fact.end for start, end in self.spans)
        ):
            return True
        return bool(self.value) and fold(fact.value) == fold(self.value)

    def words(self, summary: str) -> str:
        return " / ".join(summary[start:end] for start, end in self.spans)


@dataclass
class Case:
    """One summary of one wire and what was planted in it (nothing, for a faithful summary)."""

    name: str
    source: str
    summary: str
    source_lang: str
    summary_lang: str
    translation: str | None
    planted: list[Planted]
    faithful: bool
    report: FactReport | None = None


@dataclass
class Score:
    """What the scoring README counts, with the flags behind each number for --show."""

    strong: int = 0
    strong_right: int = 0
    planted: int = 0
    caught: int = 0
    faithful: int = 0
    faithful_flagged: int = 0
    weak_on_correct: int = 0
    lines: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "strong_flags": self.strong,
            "strong_precision": round(self.strong_right / self.strong, 3) if self.strong else 1.0,
            "planted_errors": self.planted,
            "planted_caught": self.caught,
            "recall": round(self.caught / self.planted, 3) if self.planted else 1.0,
            "faithful_summaries": self.faithful,
            "faithful_strongly_flagged": self.faithful_flagged,
            "weak_flags_on_correct_facts": self.weak_on_correct,
        }


def _span(summary: str, words: str) -> tuple[int, int]:
    """The planted words' span in the summary: their first occurrence."""
    start = summary.find(words)
    if start < 0:
        raise ValueError(f"planted words {words!r} are not in the summary {summary!r}")
    return start, start + len(words)


def load(path: Path) -> list[Case]:
    """Cases from a JSON-lines file whose wires and translations are files under `wires/` beside it."""
    wires = path.parent / "wires"
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        summary = row["summary"]
        also = row.get("planted_also") or []
        words = [row["planted"], *([also] if isinstance(also, str) else also)] if row.get("planted") else []
        planted = (
            [Planted(tuple(_span(summary, w) for w in words), row.get("planted_value") or "", row["kind"])]
            if words
            else []
        )
        translation = row.get("translation")
        cases.append(
            Case(
                name=row["id"],
                source=(wires / row["wire"]).read_text(encoding="utf-8"),
                summary=summary,
                source_lang=row["source_lang"],
                summary_lang=row.get("summary_lang", "en"),
                translation=(wires / translation).read_text(encoding="utf-8") if translation else None,
                planted=planted,
                faithful=bool(row["faithful"]),
            )
        )
    return cases


def run(cases: Iterable[Case]) -> Iterator[Case]:
    for case in cases:
        case.report = check_facts(
            case.source,
            case.summary,
            translation=case.translation,
            source_lang=case.source_lang,
            summary_lang=case.summary_lang,
        )
        yield case


def score(cases: Iterable[Case]) -> Score:
    result = Score()
    for case in cases:
        assert case.report is not None
        strong, weak = case.report.unverified, case.report.uncertain
        right = [fact for fact in strong if any(error.pointed_at_by(fact) for error in case.planted)]
        result.strong += len(strong)
        result.strong_right += len(right)
        result.planted += len(case.planted)
        caught = [error for error in case.planted if any(error.pointed_at_by(fact) for fact in strong + weak)]
        result.caught += len(caught)
        wrong_weak = [fact for fact in weak if not any(error.pointed_at_by(fact) for error in case.planted)]
        result.weak_on_correct += len(wrong_weak)
        if case.faithful:
            result.faithful += 1
            result.faithful_flagged += bool(strong)
        for fact in strong:
            if fact not in right:
                result.lines.append(f"{case.name}: FALSE STRONG {fact.kind} {fact.text!r} ({fact.reason})")
        for fact in wrong_weak:
            result.lines.append(f"{case.name}: weak on correct {fact.kind} {fact.text!r} ({fact.reason})")
        for error in case.planted:
            if error not in caught:
                result.lines.append(f"{case.name}: MISSED {error.kind} {error.words(case.summary)!r}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", type=Path, nargs="+", help="JSON-lines case files")
    parser.add_argument("--show", action="store_true", help="print every false flag and every miss")
    parser.add_argument("--out", type=Path, help="also write the scores as JSON")
    args = parser.parse_args(argv)
    results = {}
    for path in args.cases:
        result = score(run(load(path)))
        results[path.name] = result.as_dict()
        if args.show:
            print("\n".join(result.lines))
    print(json.dumps(results, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
