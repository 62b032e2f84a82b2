"""Through the whole pipeline, the echo model must give back every source sentence, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from transformers import AutoTokenizer

import presssum
from presssum import Digest, parse_wire
from presssum.segment import split_sentences
from tests.conftest import CYBER_WIRE, LONG_WIRE, WriteConfig


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def echo_tokenizer(echo_model: Path) -> object:
    return AutoTokenizer.from_pretrained(echo_model)


def echoed(tokenizer: object, text: str) -> str:
    """What a perfect copy looks like: the text as the model's own tokenizer reads it."""
    ids = tokenizer(text).input_ids  # type: ignore[operator]
    return normalise(tokenizer.decode(ids, skip_special_tokens=True))  # type: ignore[attr-defined]


def assert_every_sentence_in_order(digest: Digest, wire: Path, tokenizer: object) -> None:
    article = parse_wire(wire.read_text(encoding="utf-8"))
    assert [pair.source for pair in digest.paragraphs] == list(article.paragraphs)
    for paragraph, pair in zip(article.paragraphs, digest.paragraphs, strict=True):
        translated = normalise(pair.en)
        position = 0
        for sentence in split_sentences(paragraph):
            found = translated.find(echoed(tokenizer, sentence), position)
            assert found >= 0, f"lost or altered: {sentence!r}"
            position = found + 1
        assert translated == echoed(tokenizer, paragraph), "nothing added, nothing dropped"


def test_shared_wire_comes_back_whole(write_config: WriteConfig, echo_tokenizer: object) -> None:
    digest = presssum.digest(CYBER_WIRE.read_text(encoding="utf-8"), config=write_config())
    assert_every_sentence_in_order(digest, CYBER_WIRE, echo_tokenizer)
    assert digest.headline_en == echoed(echo_tokenizer, digest.headline)
    assert digest.translation == "\n\n".join(pair.en for pair in digest.paragraphs)


def test_long_article_over_the_limit_comes_back_whole(write_config: WriteConfig, echo_tokenizer: object) -> None:
    text = LONG_WIRE.read_text(encoding="utf-8")
    limit = echo_tokenizer.model_max_length  # type: ignore[attr-defined]
    article = parse_wire(text)
    lengths = [len(echo_tokenizer(s).input_ids) for p in article.paragraphs for s in split_sentences(p)]  # type: ignore[operator]
    assert sum(lengths) > 1500, "the fixture must be longer than 1,500 tokens"
    assert max(lengths) > limit, "one sentence (the run-on without a full stop) must exceed the limit"
    assert not article.paragraphs[2].endswith("."), "paragraph 3 is the run-on sentence"

    digest = presssum.digest(text, config=write_config())
    assert_every_sentence_in_order(digest, LONG_WIRE, echo_tokenizer)


def test_digest_as_data_has_the_public_fields(write_config: WriteConfig) -> None:
    data = presssum.digest(CYBER_WIRE.read_text(encoding="utf-8"), config=write_config()).to_dict()
    assert data["headline"]["source"].startswith("Cybersécurité")
    assert data["source_lang"] == "fr"
    assert data["translation"].count("\n\n") == 4
    assert set(data["summary"]) >= {"en", "fr"}
    assert data["summary"]["en"], "the echo summariser returns the lead"
    assert data["models"]["translation:fr"]["name"].endswith("echo-marian")
    assert data["models"]["summarizer"]["name"].endswith("echo-marian")


def test_any_seq2seq_checkpoint_fills_the_summariser_role(write_config: WriteConfig, tiny_bart: Path) -> None:
    digest = presssum.digest(LONG_WIRE.read_text(encoding="utf-8"), config=write_config(summarizer=tiny_bart))
    roles = {model.role: model.name for model in digest.models}
    assert roles["summarizer"] == str(tiny_bart)
    assert len(digest.paragraphs) == 7


def test_bfloat16_runs_from_a_copy_converted_once_and_still_copies_every_sentence(
    write_config: WriteConfig, echo_tokenizer: object, isolated_cache: Path
) -> None:
    """`dtype: bfloat16` (what `auto` picks on CPUs with native bf16) maps a converted copy of the weights."""
    config = presssum.load_config(write_config(dtype="bfloat16"))
    article = parse_wire(LONG_WIRE.read_text(encoding="utf-8"))
    models = isolated_cache / "models"  # shared by the session's tests: look only at what this test adds
    before = set(models.iterdir())
    (first,) = presssum.Pipeline(config).digest_articles([article], lang="fr")
    copies = {folder: folder.stat().st_mtime_ns for folder in set(models.iterdir()) - before}
    (second,) = presssum.Pipeline(config).digest_articles([article], lang="fr")
    assert isinstance(first, Digest) and isinstance(second, Digest)
    assert len(copies) == 1, "every role uses the echo model: one converted copy"
    assert {folder: folder.stat().st_mtime_ns for folder in set(models.iterdir()) - before} == copies
    assert {model.backend for model in first.models} == {"torch-bfloat16"}
    assert_every_sentence_in_order(first, LONG_WIRE, echo_tokenizer)
    assert second.translation == first.translation
