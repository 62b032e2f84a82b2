"""Fused sentences, paraphrased figures and names, and relations: what a summariser writes that the wire
says in other words or other sentences, and errors whose every word is in the wire, only not together."""

from __future__ import annotations

from typing import Any

import pytest

from presssum import check_facts
from presssum.facts import analyze_source, check_digest
from tests.wires import paragraph_pairs

PAIRS = [
    [
        (
            "LYON, 5 juin 2025 (APR) - Le gestionnaire du réseau Enerlis financera 69,8 % de l'investissement, "
            "a annoncé jeudi la ministre de l'Énergie, Claire Vasseur, lors d'une visite à Grenoble.",
            "LYON, 5 June 2025 (APR) - The grid operator Enerlis will fund 69.8% of the investment, Energy "
            "Minister Claire Vasseur announced on Thursday during a visit to Grenoble.",
        ),
        (
            "La hausse du tarif de transport est estimée à 1,8 % par an pendant quatre ans.",
            "The transmission tariff rise is estimated at 1.8% a year for four years.",
        ),
    ],
    [
        (
            "Le plan ne crée pas de nouvelle taxe, a précisé le Premier ministre, Paul Renaud.",
            "The plan does not create a new tax, Prime Minister Paul Renaud said.",
        ),
        (
            "Les entreprises recevront une aide de 3 000 euros par an, et un quart des lignes sera enterré.",
            "Companies will receive aid of 3,000 euros a year, and a quarter of the lines will be buried.",
        ),
        (
            "Le syndicat Sud-Énergie, dirigé par Dmitri Tchernov, réclame 12 milliards d'euros depuis vingt ans.",
            "The Sud-Energie union, led by Dmitri Tchernov, has demanded 12 billion euros for twenty years.",
        ),
        (
            "L'Italie, premier fournisseur de la région, n'a pas été retenue cette fois.",
            "Italy, the region's main supplier, was not chosen this time.",
        ),
        ("Les syndicats ont manifesté hier à Valence.", "The unions demonstrated yesterday in Valence."),
    ],
]
PARAGRAPHS = paragraph_pairs(PAIRS)
SOURCE = "\n\n".join(["Enerlis financera le réseau", *(pair.source for pair in PARAGRAPHS)])
TRANSLATION = "\n\n".join(["Enerlis will fund the grid", *(pair.en for pair in PARAGRAPHS)])
FUSED = (
    "The grid operator will fund about 70% of the investment, with a transmission tariff rise estimated at "
    "1.8% a year over four years."
)


@pytest.fixture(scope="module")
def source_facts() -> Any:
    return analyze_source(SOURCE, "fr")


def check(summary: str, source_facts: Any) -> Any:
    return check_facts(SOURCE, summary, translation=TRANSLATION, source_facts=source_facts)


def test_a_fused_sentence_cites_every_sentence_it_draws_on_and_raises_no_flag(source_facts: Any) -> None:
    checked = check_digest(source_facts, PARAGRAPHS, FUSED, None, "fr")
    assert [sentence.sources for sentence in checked.sentences] == [((1, 1), (1, 2))]
    report = checked.fact_checks["en"]
    assert report.unverified == [] and report.uncertain == []
    assert {fact.text for fact in report.verified} >= {"70%", "1.8%", "four"}


FAITHFUL = [
    FUSED,
    "Companies will get EUR 3.000 a year, and a quarter of the lines will be buried.",  # code, locale, share
    "Sud-Energie, led by D. Tchernov, has demanded twelve billion euros for two decades.",  # initial, words
    "Dmitri Chernov's union wants 12 Mds euros.",  # another transliteration, a French scale
    "Claire Vasseur announced it on Thursday, June 5, in Grenoble.",  # the dated day's weekday
    "Mr Renaud said the plan creates no new tax.",  # a title for a name, the negation kept
    "Claire Vasseur, the energy minister, announced it in Grenoble.",
    "Italy, the region's main supplier, lost out this time.",
    "The unions demonstrated in Valence on Wednesday, June 4.",  # "yesterday" in a wire dated 5 June
]
TAMPERED = [  # (summary, the words a reader must see flagged)
    ("The grid operator will fund about 80% of the investment.", "80%"),
    ("Companies will get EUR 3.500 a year.", "3.500"),
    ("Claire Vasseur announced it on Friday, June 5, in Grenoble.", "Friday"),
    ("Prime Minister Claire Vasseur announced the plan in Grenoble.", "Prime Minister Claire Vasseur"),
    ("Claire Vasseur, the prime minister, announced the plan.", "the prime minister"),
    ("Claire Vasseur announced the plan on a visit to Lyon.", "Lyon"),
    ("The plan creates a new tax, Paul Renaud said.", "creates a new tax"),
    ("Italy, the region's main supplier, was chosen again.", "was chosen again"),
    ("The unions demonstrated in Valence on June 3.", "June 3"),
    ("Paul Renaud announced the investment on a visit to Grenoble, and Claire Vasseur said it adds no tax.", "Paul"),
]


@pytest.mark.parametrize("summary", FAITHFUL)
def test_paraphrased_figures_names_and_dates_raise_no_strong_flag(summary: str, source_facts: Any) -> None:
    assert check(summary, source_facts).unverified == []


@pytest.mark.parametrize(("summary", "words"), TAMPERED)
def test_errors_of_every_kind_are_flagged(summary: str, words: str, source_facts: Any) -> None:
    report = check(summary, source_facts)
    start = summary.index(words)
    flagged = [(f.text, f.reason) for f in report.unverified + report.uncertain if (f.start or 0) < start + len(words)]
    assert any(
        (fact.start or 0) < start + len(words) and start < (fact.end or 0)
        for fact in report.unverified + report.uncertain
    ), flagged
