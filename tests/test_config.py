"""models.yaml: validated, layered, and wrong settings named in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from presssum import ConfigError, load_config
from presssum.config import role_overrides


def test_packaged_registry_lists_the_opus_mt_pairs() -> None:
    config = load_config()
    for lang in ("fr", "de", "es", "it", "pt", "nl", "ru"):
        assert config.translation.pairs[lang].model.startswith("Helsinki-NLP/opus-mt-")
    assert config.summarizer.model == "sshleifer/distilbart-cnn-12-6"
    assert config.back_translation.pairs["fr"].model == "Helsinki-NLP/opus-mt-en-fr"


def test_a_partial_user_file_changes_only_what_it_sets(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("translation:\n  generation:\n    num_beams: 2\n", encoding="utf-8")
    config = load_config(path)
    assert config.translation.generation.num_beams == 2
    assert config.translation.pairs["fr"].model == "Helsinki-NLP/opus-mt-fr-en"


def test_an_unknown_key_names_the_file_and_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("translation:\n  generation:\n    beams: 2\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: translation.generation.beams: unknown key"


def test_a_wrong_type_names_the_field_and_the_value(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("device: gpu\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml: device: .*'gpu'"):
        load_config(path)


def test_broken_yaml_is_a_config_error_with_a_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("translation: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.yaml: line \d+"):
        load_config(path)


def test_local_folders_are_relative_to_the_file_that_names_them(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "models.yaml"
    path.parent.mkdir()
    path.write_text("summarizer:\n  model: ./my-summariser\n", encoding="utf-8")
    assert load_config(path).summarizer.model == str(tmp_path / "conf" / "my-summariser")


def test_a_folder_written_without_dot_slash_is_still_a_folder(tmp_path: Path) -> None:
    """`model: models/opus-fr` (a folder beside the file) or `a/b/c` (no hub id has two slashes) are
    folders, as transformers prefers a local folder; `org/name` with no such folder stays a hub id."""
    (tmp_path / "models" / "opus-fr").mkdir(parents=True)
    path = tmp_path / "models.yaml"
    path.write_text(
        "translation:\n  pairs:\n    fr: {model: models/opus-fr}\n    de: {model: Helsinki-NLP/opus-mt-de-en}\n"
        "summarizer:\n  model: shared/models/bart\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.translation.pairs["fr"].model == str(tmp_path / "models" / "opus-fr")
    assert config.translation.pairs["de"].model == "Helsinki-NLP/opus-mt-de-en"
    assert config.summarizer.model == str(tmp_path / "shared" / "models" / "bart")


def test_env_variable_is_used_and_an_explicit_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_env = tmp_path / "env.yaml"
    from_env.write_text("device: cpu\n", encoding="utf-8")
    explicit = tmp_path / "explicit.yaml"
    explicit.write_text("dtype: bfloat16\n", encoding="utf-8")
    monkeypatch.setenv("PRESSSUM_CONFIG", str(from_env))
    assert load_config().device == "cpu"
    config = load_config(explicit)
    assert (config.device, config.dtype) == ("auto", "bfloat16")


def test_role_flags_override_the_files() -> None:
    base = load_config()
    layer = role_overrides(base=base, translation_model="org/other-model", device="cpu")
    config = load_config(overrides=layer)
    assert {spec.model for spec in config.translation.pairs.values()} == {"org/other-model"}
    assert config.device == "cpu"
