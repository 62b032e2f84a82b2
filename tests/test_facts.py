"""Names, numbers and dates: found in French and English forms, and every summary fact traced to the wire."""

from __future__ import annotations

from pathlib import Path

import pytest

from presssum import check_facts, parse_wire
from presssum.facts import extract_dates, extract_numbers, key_facts
from tests.conftest import CYBER_WIRE, SAMPLES

DATA = Path(__file__).parent / "data"
CYBER_SOURCE = CYBER_WIRE.read_text(encoding="utf-8")
CYBER_TRANSLATION = (DATA / "fr-cyber-consultation.en.txt").read_text(encoding="utf-8")
CYBER_SUMMARY = (
    "Korea, the United States and Japan agreed to launch a high-level cybersecurity consultation group to block "
    "North Korea's cyber activities. The group, which will meet every quarter, was announced after a meeting of "
    "In Seong-hwan, Anne Neuberger and Keiichi Ichikawa on October 31 in Washington. It implements an agreement "
    "reached by Yoon Suk Yeol, Joe Biden and Fumio Kishida at Camp David, so that the three nations can respond "
    "to cyber threats together. Darren Goldie of Australia met the Korean adviser."
)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("12 milliards d'euros", "fr", "1.2e+10"),
        ("12 billion euros", "en", "1.2e+10"),
        ("€12bn", "en", "1.2e+10"),
        ("€12-billion", "en", "1.2e+10"),
        ("€12 bln", "en", "1.2e+10"),
        ("8 500 emplois", "fr", "8500"),
        ("8\u202f500 emplois", "fr", "8500"),
        ("8,500 jobs", "en", "8500"),
        ("2.200.112 personas", "es", "2200112"),
        ("2,200,112 people", "en", "2200112"),
        ("283,82 €", "fr", "283.82"),
        ("€283.82", "en", "283.82"),
        ("1,8 %", "fr", "1.8"),
        ("1.8%", "en", "1.8"),
        ("70pc", "en", "70"),
        ("20kg", "en", "20"),
        ("un tiers de la hausse", "fr", "0.3333333333"),
        ("a third of the rise", "en", "0.3333333333"),
        ("quatre ministres", "fr", "4"),
        ("four ministers", "en", "4"),
        ("180 millions d'euros", "fr", "180000000"),
        ("180 million euros", "en", "180000000"),
        ("drei Millionen Autos", "de", "3000000"),
        ("dreihundertfünfzig Stellen", "de", "350"),
        ("einundzwanzig Tage", "de", "21"),
    ],
)
def test_numbers_normalise_across_french_and_english_forms(text: str, lang: str, value: str) -> None:
    assert [fact.value for fact in extract_numbers(text, lang)] == [value]


@pytest.mark.parametrize(
    "text", ["the 3rd quarter", "the 18th century", "le 1er trimestre", "au XXe siècle", "l'autoroute A7", "COVID-19"]
)
def test_ordinals_and_codes_are_not_figures(text: str) -> None:
    assert extract_numbers(text, "en" if "the" in text else "fr") == []


def test_two_number_words_joined_by_and_are_two_figures() -> None:
    assert [fact.value for fact in extract_numbers("between three and four weeks", "en")] == ["3", "4"]
    assert [fact.value for fact in extract_numbers("one hundred and five people", "en")] == ["105"]


def test_german_articles_and_ordinals_are_not_figures() -> None:
    assert extract_numbers("Eine Firma und ein Haus, Achtung: die sechste Runde", "de") == []


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("tenue le 31 octobre à Washington", "fr", "10-31"),
        ("le 2 avril", "fr", "04-02"),
        ("le 1er mai", "fr", "05-01"),
        ("on October 31", "en", "10-31"),
        ("on 31 October", "en", "10-31"),
        ("April 2nd", "en", "04-02"),
        ("am 8. März", "de", "03-08"),
        ("the 14th of March", "en", "03-14"),
        ("31/10", "en", "10-31"),
        ("31.10.2024", "de", "10-31"),
        ("1 de febrero", "es", "02-01"),
        ("9. Februar", "de", "02-09"),
        ("le 3 juin.", "fr", "06-03"),
    ],
)
def test_dates_normalise_across_languages(text: str, lang: str, value: str) -> None:
    assert [fact.value for fact in extract_dates(text, lang)] == [value]


def test_the_shared_wire_facts_are_found() -> None:
    facts = {(fact.kind, fact.source) for fact in key_facts(CYBER_SOURCE, "fr")}
    for name in ("In Seong-hwan", "Anne Neuberger", "Keiichi Ichikawa", "Yoon Suk Yeol", "Joe Biden", "Fumio Kishida",
                 "Darren Goldie", "Washington", "Camp David"):  # fmt: skip
        assert ("name", name) in facts, name
    assert ("date", "31 octobre") in facts
    english = {fact.source: fact.en for fact in key_facts(CYBER_SOURCE, "fr")}
    assert english["31 octobre"] == "October 31"


def test_a_faithful_english_summary_raises_no_flag() -> None:
    report = check_facts(CYBER_SOURCE, CYBER_SUMMARY, translation=CYBER_TRANSLATION)
    assert report.unverified == []
    kinds = {fact.kind for fact in report.verified}
    assert kinds == {"name", "date", "number"}


@pytest.mark.parametrize(
    ("inserted", "kind"),
    [
        ("The group received 40 million dollars.", "number"),
        ("It will meet again on March 14.", "date"),
        ("Kim Jong Un was not consulted.", "name"),
    ],
)
def test_an_invented_fact_is_flagged_with_its_reason(inserted: str, kind: str) -> None:
    report = check_facts(CYBER_SOURCE, f"{CYBER_SUMMARY} {inserted}", translation=CYBER_TRANSLATION)
    assert [fact.kind for fact in report.unverified] == [kind]
    assert report.unverified[0].reason.startswith(f"this {'figure' if kind == 'number' else kind}")


def test_a_french_summary_is_checked_with_french_entities() -> None:
    summary = "Séoul, Washington et Tokyo créent un groupe. Anne Neuberger a rencontré Vladimir Poutine le 31 octobre."
    report = check_facts(CYBER_SOURCE, summary, source_lang="fr", summary_lang="fr")
    assert [fact.text for fact in report.unverified] == ["Vladimir Poutine"]


def test_figures_of_a_long_article_restated_in_english_are_verified() -> None:
    source = (SAMPLES / "fr-economie-croissance.txt").read_text(encoding="utf-8")
    summary = (
        "France's GDP grew 1.8% in the third quarter, Insee said on March 14. Bruno Le Maire recalled that "
        "€12bn had been mobilised. Exports rose 3.1% and unemployment fell to 7.2%, down 0.3 point; "
        "almost 8,500 industrial jobs were created. A third of the rise is catch-up, said Isabelle Martin."
    )
    assert check_facts(source, summary).unverified == []


def test_country_names_are_traced_through_cldr_data() -> None:
    report = check_facts("La Corée du Nord a tiré un missile.", "North Korea fired a missile.")
    assert report.unverified == [] and [fact.text for fact in report.verified] == ["North Korea"]


def test_the_wire_parses_to_the_same_text_the_checks_read() -> None:
    article = parse_wire(CYBER_SOURCE)
    assert "Keiichi Ichikawa" in article.body


def test_the_long_article_restated_in_english_raises_no_flag() -> None:
    source = (SAMPLES / "fr-long-climat.txt").read_text(encoding="utf-8")
    summary = (
        "Local officials meeting in Bordeaux on June 21 warned that adapting to climate change will cost "
        "between 2.3 and 3.1 billion euros a year by 2030. Pierre Hurmic said his city had 23 days above 35 "
        "degrees; it will plant 20,000 trees and renovate 45 public buildings for 180 million euros over six "
        "years, a third of it from subsidies. Christophe Béchu said the green fund would double from 2 to 4 "
        "billion euros. Disasters cost 10 billion euros last year, against 3.5 billion, and Jean Jouzel warned "
        "of 4 degrees of warming. The declaration asks for 5,000 technicians by 2028 and goes to the prime "
        "minister on July 15."
    )
    report = check_facts(source, summary)
    assert report.unverified == []
    assert len([fact for fact in report.verified if fact.kind == "number"]) >= 15


def test_german_nouns_are_not_taken_for_names() -> None:
    source = (SAMPLES / "de-bahn-streik.txt").read_text(encoding="utf-8")
    facts = key_facts(source, "de")
    assert "name" not in {fact.kind for fact in facts}
    assert [fact.en for fact in facts] == ["80%", "35", "18:00", "March 8", "Thursday"]


ENGLISH_KEY_FACT_WIRE = """Coalition talks stall

Berlin (dpa) - Negotiations between Theresa May and April Ryan stalled on Aug 29, aides said.

Test results came late. "We are tired.'' SPD AND CDU LEADERS END TALKS

Cancer is the second cause of death, Jan Koum told the BBC in Paris March 3."""


def test_english_key_facts_are_names_not_sentence_openers_or_months() -> None:
    names = {fact.source for fact in key_facts(ENGLISH_KEY_FACT_WIRE, "en") if fact.kind == "name"}
    assert {"Theresa May", "April Ryan", "Jan Koum", "BBC", "Paris"} <= names  # a month in a name stays
    assert not names & {"Negotiations", "Test", "Cancer", "Aug", "March", "Paris March"}  # openers, dates
    assert not any("LEADERS" in name for name in names)  # a line in capitals is a headline
