"""A summary restates a wire's figures and names in other forms: units converted within their dimension,
acronyms for names the wire spells out, fractions in words with a figure or a qualifier. Each is the same
fact; a figure moved to another unit or dimension is still an error."""

from __future__ import annotations

import pytest

from presssum import check_facts

SAME_FACT = [
    # power, energy, length: one dimension, another unit
    (
        "fr",
        "La ligne portera la capacité de 2 800 à 5 000 mégawatts.",
        "The line will lift capacity from 2.8 GW to 5 GW.",
    ),
    ("en", "The plant will generate 1,200 megawatts from 2029.", "The 1.2 GW plant will open in 2029."),
    ("en", "The farm will produce 3.4 terawatt hours a year.", "The farm will produce 3,400 GWh a year."),
    ("de", "Die Leitung ist 1,5 Kilometer lang.", "The line is 1,500 metres long."),
    # durations counted in another unit
    ("de", "Die Gewerkschaft streikte zuletzt 72 Stunden lang.", "The union last struck for three days."),
    ("en", "Talks will resume in two weeks.", "Talks will resume in 14 days."),
    # basis points and percentage points
    ("en", "The central bank cut its rate by 50 basis points to 9.75%.", "The bank cut by half a percentage point."),
    ("en", "The central bank cut its rate by a quarter point.", "The bank cut its rate by 25 basis points."),
    # acronyms for names the wire spells out, in its language or in English
    ("de", "Der Verband warnte vor neuen Zöllen der Europäischen Union.", "The group warned against EU tariffs."),
    ("en", "The International Monetary Fund expects growth of 5.2%.", "The IMF expects growth of 5.2%."),
    ("en", "The Central Bank of Kenya held its rate.", "The CBK held its rate."),
    ("en", "The human resources director, Anna Berg, signed it.", "HR director Anna Berg signed it."),
    # fractions in words with a figure, and qualified fractions
    ("de", "Die Exporte stiegen um 3,5 Prozent.", "Exports rose three and a half per cent."),
    ("en", "Tourism accounts for 35% of the islands' GDP.", "Tourism makes up over a third of the islands' GDP."),
    ("en", "Turnout was 47%, the commission said.", "Nearly half of voters turned out, the commission said."),
    ("fr", "67 % des salariés ont voté.", "Two-thirds of employees voted."),
    ("de", "Die Hälfte der Mitarbeiter stimmte zu.", "Half of the staff agreed."),
    ("en", "One in five workers is on a temporary contract.", "20% of workers are on temporary contracts."),
    ("fr", "Un quart des lignes sera enterré, selon Enedis.", "Enedis will bury 25% of its lines."),
    ("es", "El Fondo Monetario Internacional prevé un crecimiento.", "The IMF expects growth."),
    ("en", "The Organisation for Economic Co-operation and Development expects growth.", "The OECD expects growth."),
    ("en", "The union represents 1,100 dockers.", "The union represents more than a thousand dockers."),
    # a range's scale and unit, a change as the difference of two figures or in per cent
    ("fr", "Le budget passe de 4 à 6 milliards d'euros.", "The budget rises from €4bn to €6bn."),
    ("fr", "Le budget passe de 4 à 6 milliards d'euros.", "The budget rises by €2 billion to €6 billion."),
    ("fr", "Le budget passe de 4 à 6 milliards d'euros.", "The budget rises by 50% to €6 billion."),
    ("en", "Growth was revised to 5.2 per cent from 5.6 per cent.", "Growth was cut by 0.4 percentage points."),
    # a summary that opens with a figure and names nothing is no lower-case summary
    ("es", "Llegaron 14,2 millones de turistas en 2025, un 3,1 % más.", "14.2 million tourists came in 2025, up 3.1%."),
    # currencies by their CLDR names or symbols, with or without the country
    ("en", "The port cost 5 million Australian dollars.", "The port cost AUD 5 million."),
    ("en", "The bank lent 1.2 billion Kenyan shillings.", "The bank lent KES 1.2 billion."),
    ("en", "The bank lent KES 1.2 billion to farmers.", "The bank lent 1.2 billion shillings to farmers."),
    ("en", "Exports were worth $1.5 billion.", "Exports were worth US$1.5bn."),
]


@pytest.mark.parametrize(("lang", "wire", "summary"), SAME_FACT)
def test_a_fact_restated_in_another_form_raises_no_strong_flag(lang: str, wire: str, summary: str) -> None:
    report = check_facts(wire, summary, source_lang=lang)
    assert report.unverified == [], [fact.text for fact in report.unverified]


ANOTHER_FACT = [
    # the same number in another unit of the dimension, or another dimension, in any language
    (
        "de",
        "Die Donau erreichte in Passau einen Pegelstand von 10,2 Metern.",
        "The Danube reached 10.2 feet.",
        "10.2 feet",
    ),
    ("fr", "La ligne, longue de 400 kilomètres, reliera les deux pays.", "The 400-mile line links them.", "400-mile"),
    ("de", "Der Vertrag läuft 26 Monate.", "The agreement runs for 26 weeks.", "26 weeks"),
    ("de", "Die Gewerkschaft streikte zuletzt 72 Stunden lang.", "The union last struck for 72 days.", "72 days"),
    ("fr", "La récolte est estimée à 33,5 millions de tonnes.", "The harvest covers 33.5 million hectares.", "33.5"),
    # a qualifier on the wrong side of the wire's figure
    ("en", "More than 8,400 jobs were created.", "Nearly 8,000 jobs were created.", "8,000"),
]


@pytest.mark.parametrize(("lang", "wire", "summary", "flagged"), ANOTHER_FACT)
def test_a_figure_in_another_unit_or_range_is_still_flagged(lang: str, wire: str, summary: str, flagged: str) -> None:
    report = check_facts(wire, summary, source_lang=lang)
    assert any(flagged in fact.text or fact.text in flagged for fact in report.unverified), report


def test_a_qualified_fraction_holds_only_on_its_side_of_the_figure() -> None:
    wire = "Tourism accounts for 35% of the islands' GDP and farming for 24%."
    summary = "Tourism makes up over a third of the islands' GDP and farming over a quarter."
    report = check_facts(wire, summary, source_lang="en")
    assert [fact.text for fact in report.unverified] == ["a quarter"]


def test_an_acronym_holds_only_where_the_wire_spells_it_out_in_a_name() -> None:
    wire = "The International Monetary Fund expects growth of 5.2%, under negotiation with unions."
    report = check_facts(wire, "The IMF and the UN expect growth of 5.2%.", source_lang="en")
    assert [fact.text for fact in report.unverified] == ["UN"]


def test_a_change_holds_only_as_the_difference_the_wire_states() -> None:
    wire = "Le budget passe de 4 à 6 milliards d'euros."
    report = check_facts(wire, "The budget rises by €2 billion to €6 billion, not by €3 billion.", source_lang="fr")
    assert [fact.text for fact in report.unverified] == ["€3 billion"]
