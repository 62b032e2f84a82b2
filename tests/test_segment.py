"""French sentences split where a reader would split them; over-long pieces fit without loss."""

from __future__ import annotations

from presssum.segment import fit_to_limit, split_sentences


def test_abbreviations_and_figures_do_not_end_sentences() -> None:
    text = (
        "M. Dupont et Mme Martin ont rencontré le Dr Lebrun. La croissance atteint 1,8 % en 2023, "
        "soit 12 milliards d'euros. Le PIB a progressé de 3,5 %."
    )
    assert split_sentences(text) == [
        "M. Dupont et Mme Martin ont rencontré le Dr Lebrun.",
        "La croissance atteint 1,8 % en 2023, soit 12 milliards d'euros.",
        "Le PIB a progressé de 3,5 %.",
    ]


def test_a_quotation_of_several_sentences_with_a_nested_quote_stays_whole() -> None:
    text = "« Nous avons dit : « non ». C'est tout », a-t-il déclaré. La séance a été levée."
    assert split_sentences(text) == [
        "« Nous avons dit : « non ». C'est tout », a-t-il déclaré.",
        "La séance a été levée.",
    ]


def words(text: str) -> int:
    return len(text.split())


def test_an_over_long_sentence_is_cut_at_clauses_and_nothing_is_lost() -> None:
    sentence = ", ".join(f"la commune numéro {i} a voté le budget" for i in range(12)) + "."
    pieces = fit_to_limit(sentence, words, 20)
    assert len(pieces) > 1
    assert all(words(piece) <= 20 for piece in pieces)
    assert " ".join(pieces) == sentence
    assert all(piece.endswith((",", ".")) for piece in pieces), "cut at the commas, not mid-clause"


def test_a_run_on_without_punctuation_falls_back_to_word_windows() -> None:
    sentence = " ".join(f"mot{i}" for i in range(100))
    pieces = fit_to_limit(sentence, words, 15)
    assert all(words(piece) <= 15 for piece in pieces)
    assert " ".join(pieces) == sentence


def test_a_single_overlong_token_is_cut_by_characters() -> None:
    def chars(text: str) -> int:
        return len(text)

    word = "x" * 50
    pieces = fit_to_limit(word, chars, 16)
    assert "".join(pieces) == word
    assert all(len(piece) <= 16 for piece in pieces)
