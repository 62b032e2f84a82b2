"""bench/trust_cases.py counts strong and weak flags, precision and recall as ../shared/scoring/README.md
defines them, on a case file written here."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "trust_cases", Path(__file__).resolve().parents[1] / "bench" / "trust_cases.py"
)
assert _SPEC is not None and _SPEC.loader is not None
trust_cases = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = trust_cases  # its dataclasses look their module up
_SPEC.loader.exec_module(trust_cases)

WIRE = (
    "Leeds opens a library\n\nLEEDS, 3 June 2025 (APR) - The city of Leeds opened a library of 12,000 books on "
    "Monday, mayor Anne Rowe said.\n\nIt cost 4 million pounds, and 300 children visited it on the first day."
)
CASES = [  # (summary, faithful, planted words, planted words of a swap)
    ("Leeds opened a library of 12,000 books on Monday.", True, None, None),
    ("Leeds opened a library of 15,000 books on Monday.", False, "15,000", None),
    ("Mayor Anne Rowe said Leeds opened a library of 12,000 books in York.", True, None, None),  # York: not in it
    ("Mayor Anne Rowe said the library cost 4 million pounds.", False, "children", None),  # an error it misses
]


def test_flags_are_counted_as_the_scoring_readme_defines(tmp_path: Path) -> None:
    (tmp_path / "wires").mkdir()
    (tmp_path / "wires" / "en-leeds.txt").write_text(WIRE, encoding="utf-8")
    rows = [
        {"id": f"dev-{i}", "wire": "en-leeds.txt", "translation": None, "source_lang": "en", "summary": summary,
         "faithful": faithful, "kind": "figure", "planted": planted, "planted_value": None}
        for i, (summary, faithful, planted, _) in enumerate(CASES)
    ]  # fmt: skip
    rows[3]["summary"] += " The children came."
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    score = trust_cases.score(trust_cases.run(trust_cases.load(path))).as_dict()
    assert score == {
        "strong_flags": 2,  # 15,000 (right) and York (on a faithful summary)
        "strong_precision": 0.5,
        "planted_errors": 2,
        "planted_caught": 1,
        "recall": 0.5,
        "faithful_summaries": 2,
        "faithful_strongly_flagged": 1,
        "weak_flags_on_correct_facts": 0,
    }
