"""Names and glossary terms come through translation exactly as the wire or the glossary says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from presssum import ConfigError, Digest, Pipeline, load_config, parse_wire
from presssum.mask import load_glossary, mask, unmask
from tests.conftest import CYBER_WIRE, WriteConfig, run_cli

NAMES = ("In Seong-hwan", "Anne Neuberger", "Keiichi Ichikawa", "Yoon Suk Yeol", "Fumio Kishida", "Darren Goldie")


REPLACEMENTS = {"Seong-hwan": "Song-hwan", "Ichikawa": "Ichigawa", "Neuberger": "Neuburger"}


class ManglingModel:
    """Wraps the echo model into one that alters names, as real models do ('In Song-hwan')."""

    def __init__(self, model: Any, tokenizer: Any, drop_placeholders: bool = False) -> None:
        self.model, self.tokenizer, self.drop_placeholders = model, tokenizer, drop_placeholders
        self.config = model.config  # generate() reads it, as from the model it wraps

    def generate(self, **arguments: Any) -> Any:
        output = self.model.generate(**arguments)
        texts = self.tokenizer.batch_decode(output, skip_special_tokens=True)
        for before, after in REPLACEMENTS.items():
            texts = [text.replace(before, after) for text in texts]
        if self.drop_placeholders:
            texts = [text.replace("ZQX", "") for text in texts]
        ids = self.tokenizer(texts, return_tensors="pt", padding=True).input_ids
        start = self.model.config.decoder_start_token_id
        import torch

        return torch.cat([torch.full((ids.shape[0], 1), start), ids], dim=1)


def translate_cyber(config: Path, **double: Any) -> Digest:
    pipeline = Pipeline(load_config(config))
    loaded = pipeline.models.translator("fr").loaded
    loaded.model = ManglingModel(loaded.model, loaded.tokenizer, **double)
    (digest,) = pipeline.digest_articles([parse_wire(CYBER_WIRE.read_text(encoding="utf-8"))], lang="fr")
    assert isinstance(digest, Digest)
    return digest


def test_without_protection_the_double_really_alters_names(write_config: WriteConfig) -> None:
    digest = translate_cyber(write_config(keep_names=False))
    assert "In Song-hwan" in digest.translation and "In Seong-hwan" not in digest.translation


def test_masked_names_come_back_untouched(write_config: WriteConfig) -> None:
    digest = translate_cyber(write_config())
    for name in NAMES:
        assert name in digest.translation, name
    assert "Song-hwan" not in digest.translation and "ZQX" not in digest.translation
    assert digest.warnings == ()


def test_a_lost_placeholder_is_translated_again_unprotected_and_flagged(write_config: WriteConfig) -> None:
    digest = translate_cyber(write_config(), drop_placeholders=True)
    assert "ZQX" not in digest.translation
    assert any("was lost, so this was translated unprotected" in warning for warning in digest.warnings)


def test_glossary_terms_come_out_exactly_as_given(write_config: WriteConfig) -> None:
    config = write_config(glossary={"Corée du Nord": "North Korea", "Camp David": "Camp David"})
    digest = translate_cyber(config)
    assert digest.translation.count("North Korea") == 3
    assert "Corée du Nord" not in digest.translation
    assert "Camp David" in digest.translation


def test_a_glossary_file_on_the_command_line(tmp_path: Path, write_config: WriteConfig) -> None:
    glossary = tmp_path / "newsroom.tsv"
    glossary.write_text("# desk glossary\nCorée du Nord\tNorth Korea\nHibapress\n", encoding="utf-8")
    assert load_glossary(glossary) == {"Corée du Nord": "North Korea", "Hibapress": "Hibapress"}
    result = run_cli(
        "digest", str(CYBER_WIRE), "--config", str(write_config()), "--glossary", str(glossary), "-f", "jsonl"
    )
    assert result.returncode == 0, result.stderr
    assert "North Korea" in result.stdout


def test_a_malformed_glossary_is_a_clear_error(tmp_path: Path) -> None:
    glossary = tmp_path / "bad.tsv"
    glossary.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.tsv: line 1: expected"):
        load_glossary(glossary)


def test_mask_and_unmask_round_trip_longest_terms_first() -> None:
    masked = mask("La Corée du Nord et la Corée.", {"Corée": "Korea", "Corée du Nord": "North Korea"})
    assert masked.text == "La ZQX1Q et la ZQX2Q."
    assert unmask("The ZQX1Q and ZQX2Q.", masked) == "The North Korea and Korea."
    assert unmask("The ZQX1Q and.", masked) is None
