"""Loading and cleaning wires: structured fields kept, web boilerplate gone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presssum import InputError, parse_wire
from presssum.load import load_articles
from presssum.readers.plain import is_boilerplate
from presssum.records import Article
from tests.conftest import CYBER_WIRE, SAMPLES


def test_the_shared_wire_keeps_headline_source_and_every_paragraph() -> None:
    article = parse_wire(CYBER_WIRE.read_text(encoding="utf-8"))
    assert article.headline == "Cybersécurité : Séoul, Washington et Tokyo lancent un groupe de consultation"
    assert article.source == "Hibapress"
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("La Corée, les Etats-Unis et le Japon")
    assert article.paragraphs[-1].endswith("la portée de la coopération en la matière.")


def test_no_boilerplate_survives_in_any_sample() -> None:
    for path in SAMPLES.glob("*.txt"):
        body = parse_wire(path.read_text(encoding="utf-8")).body.lower()
        for chrome in (
            "commentaire",
            "adresse e-mail",
            "retour en haut",
            "close button",
            "partager",
            "cookies",
            "©",
        ):
            assert chrome not in body, f"{path.name}: {chrome!r} reached the body"


def test_dateline_becomes_a_field_and_leaves_the_paragraph() -> None:
    article = parse_wire((SAMPLES / "fr-economie-croissance.txt").read_text(encoding="utf-8"))
    assert article.dateline == "PARIS, 14 mars (APR) -"
    assert article.source == "Agence Presse Régionale"
    assert article.paragraphs[0].startswith("Le produit intérieur brut (PIB)")


@pytest.mark.parametrize(
    "line",
    [
        "Partager sur LinkedIn",
        "Cliquez ici pour vous abonner à notre newsletter",
        "Ce site utilise des cookies. En savoir plus",
        "Leave a comment",
        "Back to top",
        "© 2024 Le Journal du Soir. Tous droits réservés.",
        "À lire aussi : la réforme des retraites en débat",
        "3 commentaires",
    ],
)
def test_boilerplate_rules_reach_beyond_the_sample_strings(line: str) -> None:
    assert is_boilerplate(line)


def test_a_real_paragraph_that_mentions_a_comment_is_kept() -> None:
    paragraph = (
        "Le porte-parole du gouvernement n'a fait aucun commentaire sur les chiffres publiés mardi par l'institut, "
        "préférant renvoyer les journalistes vers le ministère de l'Économie, qui doit présenter son propre bilan "
        "à la fin du mois devant la commission des finances de l'Assemblée nationale."
    )
    article = parse_wire(f"Titre\n\n{paragraph}\n\nLaisser un commentaire\n")
    assert article.paragraphs == (paragraph,)


def test_hard_wrapped_paragraphs_are_joined_and_crlf_is_harmless() -> None:
    article = parse_wire("Titre du jour\r\n\r\nPremière ligne du paragraphe\r\nqui continue ici.\r\n")
    assert article.paragraphs == ("Première ligne du paragraphe qui continue ici.",)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "Laisser un commentaire\n\nBouton retour en haut de la page\nclose button"],
)
def test_empty_or_boilerplate_only_input_is_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_wire(text)


@pytest.mark.parametrize(
    ("headline", "dateline", "opening"),
    [
        ("Bahnstreik legt Fernverkehr in weiten Teilen Deutschlands lahm", "BERLIN, 9. Februar -", "Die Lokführer"),
        ("Comment la SNCF compte rattraper les retards de l'hiver", "PARIS -", "La SNCF a présenté"),
        ("Menu de la cantine : les parents d'élèves réclament du bio", "LILLE -", "Les parents d'élèves"),
        ("La sequía obliga a Barcelona a restringir el riego", "BARCELONA, 1 de febrero -", "El Govern ha"),
        ("Lo sciopero dei treni blocca Roma", "ROMA, 3 marzo (ANSA) -", "Lo sciopero"),
    ],
)
def test_real_headlines_and_datelines_in_every_language_survive(headline: str, dateline: str, opening: str) -> None:
    """Issue 9, bug 7: chrome words inside a headline dropped it; date-less and es/it/de datelines were lost."""
    paragraph = (
        f"{opening} am Montag eine Erklärung abgegeben, die viele Fragen offen lässt und weitere Schritte ankündigt."
    )
    wire = f"{headline}\n\nAgence Presse Régionale\n\n{dateline} {paragraph}\n\nZweiter Absatz mit Einzelheiten.\n"
    article = parse_wire(wire)
    assert article.headline == headline
    assert article.source == "Agence Presse Régionale"
    assert article.dateline == dateline
    assert article.paragraphs[0] == paragraph


@pytest.mark.parametrize(
    "line",
    [
        "Les cookies de Noël de Mamie Jeanne font un tabac sur les marchés",
        "Menu de la cantine : les parents réclament du bio",
        "Die Gewerkschaft will die Kosten teilen, sagte der Sprecher.",
        "Comment la SNCF compte rattraper les retards",
        "Partager les richesses, une promesse de campagne qui divise la majorité au Parlement européen depuis mars",
    ],
)
def test_a_line_that_only_uses_a_chrome_word_is_not_chrome(line: str) -> None:
    assert not is_boilerplate(line)


def test_json_lines_keep_the_source_line_and_dateline_found_in_the_text(tmp_path: Path) -> None:
    """Issue 9, bug 2: a JSON Lines record's text had its source line and dateline parsed, then dropped."""
    record = {
        "title": "Grève à la SNCF",
        "text": "Agence Presse Régionale\n\nPARIS, 14 mars (APR) - La grève a commencé mardi matin en France.",
    }
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = load_articles([str(feed)])
    assert isinstance(article, Article)
    assert article.source == "Agence Presse Régionale"
    assert article.dateline == "PARIS, 14 mars (APR) -"
    assert article.paragraphs == ("La grève a commencé mardi matin en France.",)
