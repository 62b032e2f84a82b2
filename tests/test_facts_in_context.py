"""Facts checked in their sentence's context: a table of faithful and tampered summaries, provenance,
translation checks, and the false flags and misses the set-overlap check had."""

from __future__ import annotations

from typing import Any

import pytest

from presssum import check_facts
from presssum.facts import analyze_source, check_digest, key_facts
from presssum.records import ParagraphPair, SentencePair
from tests.wires import paragraph_pairs

HEADLINE = "RTE lance un plan pour le réseau électrique"
DATELINE = "PARIS, 14 mars (APR) -"
PAIRS = [
    [
        (
            "Le gestionnaire RTE investira 12 milliards d'euros d'ici 2032 pour moderniser le réseau électrique.",
            "The operator RTE will invest 12 billion euros by 2032 to modernise the electricity grid.",
        ),
        (
            "Le plan prévoit 9 000 techniciens et 8 500 km de lignes nouvelles.",
            "The plan provides for 9,000 technicians and 8,500 km of new lines.",
        ),
    ],
    [
        (
            "La ministre Claire Vasseur a présenté le plan lundi 3 juin à Lille, à 20h.",
            "Minister Claire Vasseur presented the plan on Monday 3 June in Lille, at 8pm.",
        ),
        (
            "La demande a augmenté de 15 % en un an, et un tiers des lignes a plus de 50 ans.",
            "Demand rose by 15% in a year, and a third of the lines are more than 50 years old.",
        ),
    ],
    [
        (
            "Selon l'OTAN, la Corée du Nord a mené des cyberattaques contre le réseau.",
            "According to NATO, North Korea carried out cyberattacks against the grid.",
        ),
        ("Le PIB français a progressé de 1,8 %.", "French GDP grew by 1.8%."),
    ],
]
PARAGRAPHS = paragraph_pairs(PAIRS)
SOURCE = "\n\n".join([HEADLINE, DATELINE, *(pair.source for pair in PARAGRAPHS)])
TRANSLATION = "\n\n".join(pair.en for pair in PARAGRAPHS)

FAITHFUL = [
    "RTE will invest €12 billion by 2032 to modernise the grid.",
    "RTE will invest €12bn by 2032 to modernise the grid.",
    "RTE will invest €12-billion by 2032 to modernise the grid.",
    "RTE will invest €12 bln by 2032 to modernise the electricity grid.",
    "The plan provides for 9,000 technicians and 8,500 km of new lines.",
    "The plan provides for nine thousand technicians and 8500 kilometres of new lines.",
    "Minister Claire Vasseur presented the plan on Monday, June 3 in Lille.",
    "Claire Vasseur presented the plan on the 3rd of June in Lille at 8 pm.",
    "The minister presented the plan in Lille on 3/6 at 20:00.",
    "Demand rose 15% in a year and a third of the lines are over 50 years old.",
    "Demand rose by 15pc in a year; one third of lines are older than fifty.",
    "Demand rose 15 per cent in one year.",
    "According to NATO, North Korea carried out cyberattacks against the grid.",
    "Pyongyang carried out cyberattacks against the grid, according to NATO.",
    "French GDP grew by 1.8%.",
    "France's GDP rose 1.8 percent.",
]
TAMPERED = [  # (summary, the fact a reader must see flagged)
    ("RTE will invest €14 billion by 2032 to modernise the grid.", "€14 billion"),
    ("RTE will invest $12 billion by 2032 to modernise the grid.", "$12 billion"),
    ("RTE will invest 12 billion pounds by 2032 to modernise the grid.", "12 billion pounds"),
    ("RTE will invest €12 million by 2032 to modernise the grid.", "€12 million"),
    ("RTE will invest €12 billion by 2031 to modernise the grid.", "2031"),
    ("RTE will invest €12 billion by 2000 to modernise the grid.", "2000"),
    ("The plan provides for 8,500 technicians and new lines.", "8,500"),
    ("The plan provides for 9,000 technicians and 8,500 miles of new lines.", "8,500 miles"),
    ("The plan provides for 9,500 technicians and 8,500 km of new lines.", "9,500"),
    ("The plan provides for fourteen new substations.", "fourteen"),
    ("Minister Claire Vasseur presented the plan on Tuesday, June 3 in Lille.", "Tuesday"),
    ("Minister Claire Vasseur presented the plan on June 4 in Lille.", "June 4"),
    ("Minister Claire Vasseur presented the plan on 4/6 in Lille.", "4/6"),
    ("Minister Claire Vasseur presented the plan at 9pm in Lille.", "9pm"),
    ("Minister Claire Dupont presented the plan on June 3 in Lille.", "Claire Dupont"),
    ("Minister Claire Vasseur presented the plan on June 3 in Marseille.", "Marseille"),
    ("Demand rose 16% in a year.", "16%"),
    ("Demand rose 15% in a year, and half of the lines are more than 50 years old.", "half"),
    ("Demand rose 15% in a year, and a third of the lines are more than 60 years old.", "60"),
    ("According to the UN, North Korea carried out cyberattacks against the grid.", "UN"),
    ("According to NATO, South Korea carried out cyberattacks against the grid.", "South Korea"),
    ("According to NATO, Russia carried out cyberattacks against the grid.", "Russia"),
    ("French GDP grew by 2.8%.", "2.8%"),
    ("French GDP grew by 1.8 points.", "1.8"),
]


@pytest.fixture(scope="module")
def source_facts() -> Any:
    return analyze_source(SOURCE, "fr")


def check(summary: str, source_facts: Any) -> Any:
    return check_facts(SOURCE, summary, translation=TRANSLATION, source_facts=source_facts)


def test_faithful_paraphrases_raise_no_flag(source_facts: Any) -> None:
    flagged = {s: [f.text for f in check(s, source_facts).unverified] for s in FAITHFUL}
    assert {s: facts for s, facts in flagged.items() if facts} == {}


def test_every_changed_figure_date_and_name_is_flagged(source_facts: Any) -> None:
    missed = [(s, fact) for s, fact in TAMPERED if fact not in [f.text for f in check(s, source_facts).unverified]]
    assert len(missed) <= 0.05 * len(TAMPERED), missed


def test_flagged_facts_carry_their_span_in_the_summary(source_facts: Any) -> None:
    summary = "Demand rose 14% in a year, as 4 regions asked."
    report = check(summary, source_facts)
    assert [(f.text, summary[f.start : f.end]) for f in report.unverified] == [("14%", "14%"), ("4", "4")]


def test_a_figure_from_another_sentence_is_found_only_elsewhere(source_facts: Any) -> None:
    report = check("French GDP grew by about 15%.", source_facts)
    assert report.ok and [(f.text, f.status) for f in report.uncertain] == [("15%", "elsewhere")]


def test_a_wrong_translation_does_not_launder_a_wrong_date(source_facts: Any) -> None:
    pairs = list(PARAGRAPHS)
    wrong = PAIRS[1][0][1].replace("3 June", "4 June")
    sentences = (SentencePair(source=PAIRS[1][0][0], en=wrong), pairs[1].sentences[1])
    pairs[1] = ParagraphPair(source=pairs[1].source, en=wrong, sentences=sentences)
    checked = check_digest(source_facts, pairs, "Claire Vasseur presented the plan on June 4.", None, "fr")
    assert [(f.text, f.status) for f in checked.fact_checks["en"].unverified] == [("June 4", "translation")]
    assert any(w.startswith("paragraph 2, sentence 1: the translation") for w in checked.warnings)


def test_locale_number_forms_are_not_translation_mismatches() -> None:
    source = "Le budget atteint 2.200.112 euros, soit 283,82 € par habitant."
    en = "The budget reaches 2,200,112 euros, or €283.82 per inhabitant."
    pair = ParagraphPair(source=source, en=en, sentences=(SentencePair(source=source, en=en),))
    checked = check_digest(analyze_source(source, "es"), [pair], "The budget is €2,200,112.", None, "es")
    assert checked.warnings == () and checked.fact_checks["en"].ok


def test_german_number_words_match_their_translation() -> None:
    source = "Die Stadt investiert drei Millionen Euro in zwölf Schulen."
    en = "The city is investing €3 million in twelve schools."
    pair = ParagraphPair(source=source, en=en, sentences=(SentencePair(source=source, en=en),))
    checked = check_digest(
        analyze_source(source, "de"), [pair], "The city invests €3 million in 12 schools.", None, "de"
    )
    assert checked.warnings == () and checked.fact_checks["en"].ok


def test_every_summary_sentence_cites_its_source_sentences(source_facts: Any) -> None:
    summary = "RTE will invest €12 billion by 2032. Demand rose 15% in a year. Aliens landed on the moon yesterday."
    checked = check_digest(source_facts, PARAGRAPHS, summary, None, "fr")
    assert [s.sources for s in checked.sentences] == [((1, 1),), ((2, 2),), ()]
    assert checked.sentences[0].support >= 0.5
    assert any("summary sentence 3 is not supported" in warning for warning in checked.warnings)


def test_the_back_translated_summary_shares_the_english_sentences_sources(source_facts: Any) -> None:
    back = "RTE investira 12 milliards d'euros d'ici 2032. La demande a augmenté de 16 %."
    checked = check_digest(source_facts, PARAGRAPHS, "RTE will invest €12bn by 2032. Demand rose 15%.", back, "fr")
    assert [f.text for f in checked.fact_checks["fr"].unverified] == ["16 %"]


def test_a_lower_case_summary_is_checked_word_by_word() -> None:
    """Without capitals a new word may be a name or a paraphrase: one is shown as uncertain, two fail."""
    source = "The mayor of Leeds opened a new library on Monday."
    assert check_facts(source, "the mayor of leeds opened a library .", source_lang="en").ok
    one = check_facts(source, "the mayor of leeds opened a big library .", source_lang="en")
    assert one.ok and [(f.text, f.status) for f in one.uncertain] == [("big", "lowercase")]
    report = check_facts(source, "the mayor of bristol opened a swimming pool .", source_lang="en")
    assert {f.text for f in report.unverified} == {"bristol", "swimming", "pool"}
    assert {f.status for f in report.unverified} == {"lowercase"}


ENGLISH_WIRE = (
    "LONDON - England midfielder James Milner will miss two forthcoming games against Celtic. "
    "Greece is due to repay a £330million loan to the IMF on Thursday.\n\n"
    "Zodiac Aerospace spoke to 30 flight attendants from four different continents. "
    "All parties spent more than during the 2009 European election campaign. "
    "A six-year-old boy saw Swansea manager Curtis watch Southend United in the 18th minute. "
    "The water stayed around zero degrees Celsius for between three and four weeks. "
    "Entries at A-level fell to a record level. "
    "The prize went to photographer Hiroshi Ueda, whose dog weighs 20lb."
)
ENGLISH_FAITHFUL = [
    "James Milner will miss two games against Celtic.",  # an adjective of the wire's left out
    "Greece will repay a 330 million loan to the IMF on Thursday.",  # the currency left out, the same loan
    "Zodiac Aerospace spoke to 30 flight attendants from four continents.",
    "All parties spent more than in the 2009 vote.",  # a year names no count
    "a six-year-old boy saw curtis watch southend united .",
    "swansea manager alan curtis watched southend united .",  # a first name the wire never gives: uncertain
    "curtis saw a goal in the 18th minute .",  # an ordinal, not the figure 1
    "The water stayed around zero degrees for three to four weeks.",  # "degrees" is not "de grees"
    "PM James Milner saw the fly-half score in the first half.",  # a title, a position, a period of play
    "entries at a-level fell to the lowest level .",  # one new word before a word of a hyphenated name
    "Photographer Hiroshi Ueda won the prize.",  # a common noun of the wire, capitalised as a first word
    "Hiroshi Ueda's dog weighs 20 lbs.",
]
ENGLISH_TAMPERED = [  # (summary, the fact a reader must see flagged)
    ("Greece will repay a $330 million loan to the IMF.", "$330 million"),
    ("Zodiac Aerospace spoke to 30 flight attendants from five continents.", "five"),
    ("milner will miss nine games against celtic .", "nine"),
    ("a seven-year-old boy saw curtis watch southend united .", "seven"),
    ("adam milner will miss two games against celtic .", "adam milner"),
    ("swansea manager curtis watched torquay united .", "torquay united"),
    ("The water stayed around zero degrees for five weeks.", "five"),
    ("Photographer Kenji Ueda won the prize.", "Kenji Ueda"),
    ("Hiroshi Ueda's dog weighs 30lb.", "30lb"),
    ("Hiroshi Ueda's dog weighs 20kg.", "20kg"),
]


@pytest.fixture(scope="module")
def english_facts() -> Any:
    return analyze_source(ENGLISH_WIRE, "en")


@pytest.mark.parametrize("summary", ENGLISH_FAITHFUL)
def test_faithful_english_restatements_pass(summary: str, english_facts: Any) -> None:
    report = check_facts(ENGLISH_WIRE, summary, source_lang="en", source_facts=english_facts)
    assert report.unverified == []


@pytest.mark.parametrize(("summary", "fact"), ENGLISH_TAMPERED)
def test_changed_english_figures_and_names_are_flagged(summary: str, fact: str, english_facts: Any) -> None:
    report = check_facts(ENGLISH_WIRE, summary, source_lang="en", source_facts=english_facts)
    assert fact in [f.text for f in report.unverified]


KEY_FACT_WIRE = """Cybersécurité : la SNCF renforce son réseau électrique

LILLE - La SNCF investira 2 milliards d'euros d'ici 2032, soit un tiers de son budget, a-t-elle annoncé le 3 juin.

Par la rédaction; Le directeur Jean Castex a salué le plan, comme le ministre Bruno Le Maire. Le débit
atteint 48 Mbit/s. Les Canadiens profitent du réseau."""


def test_key_facts_read_as_a_reader_writes_them() -> None:
    facts = {(fact.kind, fact.source): fact.en for fact in key_facts(KEY_FACT_WIRE, "fr")}
    assert facts[("number", "2032")] == "2032"
    assert facts[("number", "un tiers")] == "a third"
    assert facts[("number", "2 milliards d'euros")] == "€2 billion"
    assert facts[("date", "3 juin")] == "June 3"
    names = {source for kind, source in facts if kind == "name"}
    assert {"SNCF", "Jean Castex", "Bruno Le Maire"} <= names
    assert not names & {"Cybersécurité", "LILLE - La SNCF", "Par la rédaction; Le"}
    assert not any("\n" in name or ". " in name for name in names)  # no name runs over a line or a sentence


def test_the_source_is_parsed_by_spacy_once_for_masking_key_facts_and_checks(
    monkeypatch: pytest.MonkeyPatch, write_config: Any
) -> None:
    import presssum
    from presssum.facts import analysis

    wire = "RTE lance un plan\n\nPARIS, 3 juin (APR) - Anne Neuberger a rencontré Joe Biden à Lille le 3 juin."
    parsed: list[str] = []
    nlp = analysis.french_nlp()

    class Counting:
        max_length = nlp.max_length

        def pipe(self, texts: list[str]) -> Any:
            parsed.extend(texts)
            return nlp.pipe(texts)

    def counting() -> Any:
        return Counting()

    monkeypatch.setattr(analysis, "french_nlp", counting)
    digest = presssum.digest(wire, config=write_config())
    assert len(parsed) == 1 and ("name", "Joe Biden") in {(fact.kind, fact.source) for fact in digest.key_facts}
    assert [sentence.sources for sentence in digest.summary.sentences] == [((1, 1),)]


def test_every_format_shows_each_sentence_source_and_the_weaker_statuses(source_facts: Any) -> None:
    from presssum.records import Digest, Summary
    from presssum.render import html, json_render, markdown, text

    summary = "RTE will invest €12 billion by 2032. French GDP grew by about 15%."
    checked = check_digest(source_facts, PARAGRAPHS, summary, None, "fr")
    digest = Digest(
        input="wire.txt", source_lang="fr", headline=HEADLINE, headline_en="RTE plan", source=None,
        dateline=DATELINE, paragraphs=PARAGRAPHS, summary=Summary(en=summary, sentences=checked.sentences),
        models=(), fact_checks=checked.fact_checks, key_facts=checked.key_facts,
    )  # fmt: skip
    assert "RTE will invest €12 billion by 2032. [1.1]" in text.render_digest(digest)
    assert "UNCERTAIN (EN) number: 15% (found only elsewhere in the source)" in text.render_digest(digest)
    assert "2032.<sup>\\[1.1\\]</sup>" in markdown.render_digest(digest)
    page = html.render_digest(digest, full=True)
    anchor = page.split('<tr id="')[1].split('"')[0].removesuffix("-p1s1")
    assert f'<a href="#{anchor}-p1s1" title="{PAIRS[0][0][0]}">1.1</a>' in page.replace("&#x27;", "'")
    data = json_render.render_document([digest])
    assert '"sources": [\n' in data and '"status": "elsewhere"' in data
