"""Loading and cleaning wires: structured fields kept, web boilerplate gone."""

from __future__ import annotations

import pytest

from presssum import InputError, parse_wire
from presssum.article import is_boilerplate
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
