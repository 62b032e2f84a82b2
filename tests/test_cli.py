"""The installed `presssum` command, run in a subprocess as journalists and scripts run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CYBER_WIRE, ROOT, SAMPLES, WriteConfig, run_cli


def test_digest_prints_a_bilingual_plain_text_digest_when_piped(write_config: WriteConfig) -> None:
    result = run_cli("digest", str(CYBER_WIRE), "--config", str(write_config()), "--full")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Cybersécurité : Séoul, Washington et Tokyo lancent un groupe de consultation" in out
    assert "SUMMARY (EN)" in out and "SUMMARY (FR)" in out
    assert "Hibapress · language: fr" in out
    assert "FULL TRANSLATION" in out and "[5] EN:" in out
    assert "\x1b[" not in out, "no colour codes in a pipe"
    assert out.rstrip().splitlines()[-1].startswith("presssum:"), "ends with the reproducibility signature"


def test_json_output_is_one_document_with_the_public_fields(write_config: WriteConfig) -> None:
    result = run_cli("digest", str(CYBER_WIRE), "--config", str(write_config()), "--format", "json")
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)["articles"]
    assert article["input"] == str(CYBER_WIRE)
    assert {"headline", "translation", "summary", "source_lang", "models"} <= set(article)


def test_stdin_is_read_with_a_dash(write_config: WriteConfig) -> None:
    result = run_cli("digest", "-", "--config", str(write_config()), "--format", "jsonl", stdin=CYBER_WIRE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["input"] == "-"


def test_missing_models_end_with_one_clear_line_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli("digest", str(CYBER_WIRE), env={"HF_HOME": str(tmp_path / "empty-cache")})
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "translation:fr model Helsinki-NLP/opus-mt-fr-en is unavailable" in lines[0]
    assert "presssum models pull" in lines[0]


def test_a_config_error_is_one_line_with_exit_code_2(tmp_path: Path) -> None:
    bad = tmp_path / "models.yaml"
    bad.write_text("summarizer:\n  modle: x\n", encoding="utf-8")
    result = run_cli("digest", str(CYBER_WIRE), "--config", str(bad))
    assert result.returncode == 2
    assert result.stderr.strip() == f"presssum: error: {bad}: summarizer.modle: unknown key"


def test_every_digest_option_is_explained_with_an_example() -> None:
    result = run_cli("digest", "--help", env={"COLUMNS": "200"})
    assert result.returncode == 0
    for option in (
        "--format",
        "--full",
        "--length",
        "--lang",
        "--config",
        "--translation-model",
        "--summary-model",
        "--back-model",
        "--device",
        "--dtype",
        "--glob",
        "--max-bytes",
    ):
        line = next(line for line in result.stdout.splitlines() if option in line)
        assert line, option
    assert result.stdout.count("Example") >= 12
    assert "rich | text | markdown | html | json | jsonl | email" in " ".join(result.stdout.split())


def test_models_list_reports_local_availability(write_config: WriteConfig, tmp_path: Path) -> None:
    result = run_cli("models", "list", "--json", "--config", str(write_config()), env={"HF_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    rows = {row["role"]: row for row in json.loads(result.stdout)}
    assert rows["translation:fr"]["available"] is True
    assert rows["translation:es"] == {
        "role": "translation:es",
        "model": "Helsinki-NLP/opus-mt-es-en",
        "revision": None,
        "available": False,
    }


def test_python_dash_m_runs_the_same_command() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "presssum", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "digest" in result.stdout


def test_samples_folder_digests_in_one_run(write_config: WriteConfig) -> None:
    result = run_cli("digest", str(SAMPLES), "--config", str(write_config()), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(list(SAMPLES.glob("*.txt")))
    assert "digested, 0 failed" in result.stderr


def test_version_is_printed() -> None:
    from typer.testing import CliRunner

    from presssum.about import package_version
    from presssum.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"presssum {package_version()}"


def test_every_missing_model_is_named_in_one_line_with_the_file_to_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from presssum.cli import app

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "empty-cache"))
    user = tmp_path / "newsroom.yaml"
    user.write_text("keep_names: false\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["digest", str(CYBER_WIRE), "--config", str(user)])
    assert result.exit_code == 3
    (line,) = result.output.strip().splitlines()
    for role in ("translation:fr", "summarizer", "back_translation:fr"):
        assert f"{role} model" in line, role
    assert str(user) in line and "presssum models pull" in line


def test_models_pull_names_each_model_it_cannot_fetch_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from presssum.cli import app

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "empty-cache"))
    result = CliRunner().invoke(app, ["models", "pull", "--lang", "de"])
    assert result.exit_code == 3
    errors = [line for line in result.output.splitlines() if line.startswith("presssum: error:")]
    assert len(errors) == 3, "translation:de, summarizer, back_translation:de"
    assert "run `presssum models pull`" not in result.output, "the fix is not the command that just failed"
    assert "local folder" in result.output


def test_traceback_runs_in_one_process_leave_no_log_handlers_behind(tmp_path: Path) -> None:
    """A notebook or test suite calling the CLI again and again gets each log line once, not once per call."""
    import logging

    from typer.testing import CliRunner

    from presssum.cli import app

    before = list(logging.getLogger("presssum").handlers)
    for _ in range(3):
        result = CliRunner().invoke(app, ["digest", str(tmp_path / "missing.txt"), "--traceback", "--quiet"])
        assert result.exit_code == 1, result.output  # that input failed, the run went on
    assert logging.getLogger("presssum").handlers == before


def test_a_grouped_digest_applies_max_words_as_a_plain_digest_does(write_config: WriteConfig) -> None:
    from typer.testing import CliRunner

    from presssum.cli import app

    config = str(write_config())
    result = CliRunner().invoke(app, ["digest", str(CYBER_WIRE), "--group", "--max-words", "20", "--config", config])
    assert result.exit_code == 1, result.output
    assert "--max-words" in result.output


def test_every_option_of_every_command_is_in_the_reference() -> None:
    """docs/reference.md's table lists each option a journalist can type, so a new flag is documented."""
    import typer.main

    from presssum.cli import app

    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    options = {
        option
        for name in ("digest", "brief", "watch")
        for param in commands[name].params
        for option in param.opts
        if option.startswith("--") and option != "--help"
    }
    assert sorted(option for option in options if f"`{option}" not in reference) == []
