"""Parity with a peer's readings of the shared wire files (tests/parity.py): no field may be a bug."""

from __future__ import annotations

import pytest

from presssum.records import Article
from tests.parity import WIRE_FORMATS, agrees, compare, conventions, table

pytestmark = pytest.mark.skipif(
    not (WIRE_FORMATS / "expected.jsonl").exists(), reason=f"no {WIRE_FORMATS} (the shared wire files)"
)


def test_every_expected_field_agrees_or_is_a_documented_convention(capsys: pytest.CaptureFixture[str]) -> None:
    rows = compare()
    with capsys.disabled():
        print("\n" + table(rows))
    bugs = [f"{r.file} {r.field}: expected {r.expected!r}, found {r.found!r}" for r in rows if r.verdict == "bug"]
    assert not bugs, "\n".join(bugs)
    # a documented difference that now agrees is stale: the docs must say what presssum does
    compared = {(r.file, r.field): r.verdict for r in rows}
    stale = [key for key in conventions() if compared.get(key) != "convention"]
    assert not stale, f"docs/formats.md lists differences that are not ones: {stale}"


ARTICLE = Article(headline="H", paragraphs=("Wage employment grew.", "It ends in job positions."), input="-")


@pytest.mark.parametrize(
    ("match", "expected", "found", "result"),
    [
        ("eq", "By BERNARD CONDON", "Bernard  Condon", True),
        ("eq", "By BERNARD CONDON", "Bernard Condon AP Business Writer", False),
        ("absent", "", None, True),
        ("absent", "", "gr/bp", False),
        (
            "ednote",
            "This is part of an investigation.",
            "Eds: With AP Photos.; EDITOR'S NOTE _ This is part of an investigation.",
            True,
        ),
        ("lang", "fr-CA", "fr", True),
        ("lang", "en", None, False),
        ("instant", "2019-01-21T10:36:00+00:00", "20190121T113600+0100", True),
        ("instant", "2013-11-13T15:09:00+00:00", "AP-WF-11-13-13 1509GMT", False),
        ("subset", ["04000000"], ["04000000", "04011000"], True),
        ("one_of", ["business", "bankruptcy"], "bankruptcy", True),
        ("take_key", "REFILE 1ST LEAD", {"version": 2, "signals": ["refile", "update"]}, True),
        ("take_key", "(Achtung)", {"version": 1, "signals": []}, True),
        ("take_key", "1stLd-Writethru", {"version": 1, "signals": []}, False),
        ("suffix", " job positions.", ARTICLE.paragraphs[-1], True),
        ("paras_in", ["It ends in job positions."], list(ARTICLE.paragraphs), True),
    ],
)
def test_each_match_kind_compares_as_the_expectations_say(
    match: str, expected: object, found: object, result: bool
) -> None:
    assert agrees(match, expected, found, ARTICLE) is result
