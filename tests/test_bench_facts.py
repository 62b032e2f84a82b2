"""bench/facts.py scores check_facts on FRANK as the data's README defines; its numbers go in the README."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

# bench/ is not a package: load its script as a module, without putting bench/ on everyone's path
_SPEC = importlib.util.spec_from_file_location(
    "frank_bench", Path(__file__).resolve().parents[1] / "bench" / "facts.py"
)
assert _SPEC is not None and _SPEC.loader is not None
frank = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(frank)

pytestmark = pytest.mark.skipif(not frank.FRANK.exists(), reason="../shared/frank is not beside the checkout")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    """The first CNN/DM and XSum summaries of the development split: cased and lower-case systems."""
    valid = frank.load("valid")
    return [row for row in valid if row["dataset"] == "cnndm"][:12] + [row for row in valid if row["dataset"] == "bbc"][
        :12
    ]


def test_a_sentence_in_the_other_bucket_is_never_an_entity_error() -> None:
    """README: Other-bucket sentences count in every column, so only Other - C > 0 marks category C."""
    clean = dict.fromkeys((*frank.ERROR_KINDS, "Other", "Factuality"), 1.0)
    assert not frank.entity_error(clean)
    assert not frank.entity_error({**clean, "EntE": 0.5, "OutE": 0.5, "CircE": 0.5, "Other": 0.5, "Factuality": 0.5})
    assert frank.entity_error({**clean, "OutE": 0.5, "Factuality": 0.5})


def test_the_scores_account_for_every_flag(rows: list[dict[str, Any]]) -> None:
    flags = [not frank.presssum_report(row).ok for row in rows]
    assert any(flags) and not all(flags)
    result = frank.evaluate(rows, flags)
    entity, false = result["entity_number_date"], result["false_flags"]
    true_flags = sum(flag and frank.entity_error(row) for flag, row in zip(flags, rows, strict=True))
    assert entity["flagged"] == sum(flags) == true_flags + false["total"]
    assert false["total"] == false["other_bucket"] + false["other_error_kind"] + false["fully_correct"]
    assert entity["precision"] == pytest.approx(true_flags / sum(flags), abs=1e-3)
