"""Small real models, built once per test session, loaded through the same code as hub models."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ECHO_MODEL = ROOT / "tests" / "assets" / "echo-marian"
CYBER_WIRE = SAMPLES / "fr-cyber-consultation.txt"
LONG_WIRE = SAMPLES / "fr-long-climat.txt"
PRESSSUM = Path(sys.executable).with_name("presssum")


@pytest.fixture(scope="session")
def converted_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Converted model copies (CTranslate2, bfloat16), made once per session: a conversion costs seconds."""
    return tmp_path_factory.mktemp("converted-models")


@pytest.fixture(scope="session")
def gazetteer_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The towns' name index (presssum.gazetteer), built once per session: building it takes seconds."""
    return tmp_path_factory.mktemp("gazetteer")


@pytest.fixture(autouse=True)
def isolated_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, converted_models: Path, gazetteer_index: Path
) -> Path:
    """Each test starts with an empty digest cache, so no result leaks from one test to another; the
    converted model copies and the towns' index are shared, as they depend on no test's input."""
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "models").symlink_to(converted_models, target_is_directory=True)
    (folder / "gazetteer").symlink_to(gazetteer_index, target_is_directory=True)
    monkeypatch.setenv("PRESSSUM_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def echo_model() -> Path:
    """The committed echo MarianMT (scripts/train_echo_model.py): copies its input, limit 96 tokens."""
    assert (ECHO_MODEL / "model.safetensors").is_file(), "run scripts/train_echo_model.py"
    return ECHO_MODEL


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight BART summariser with a byte-level BPE trained on the samples, 64-token limit."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer, GenerationConfig

    folder = tmp_path_factory.mktemp("tiny-bart")
    bpe = ByteLevelBPETokenizer()
    bpe.train(
        files=[str(p) for p in sorted(SAMPLES.glob("*.txt"))],
        vocab_size=600,
        min_frequency=2,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        show_progress=False,
    )
    bpe.save_model(str(folder))
    tokenizer = BartTokenizer(vocab=str(folder / "vocab.json"), merges=str(folder / "merges.txt"), model_max_length=64)
    torch.manual_seed(0)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=64,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
    )
    model = BartForConditionalGeneration(config)
    model.generation_config = GenerationConfig(
        decoder_start_token_id=config.decoder_start_token_id,
        eos_token_id=config.eos_token_id,
        pad_token_id=config.pad_token_id,
    )
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    return folder


WriteConfig = Callable[..., Path]


@pytest.fixture
def write_config(tmp_path: Path, echo_model: Path) -> WriteConfig:
    """A models.yaml with every role on a small local model (echo by default)."""

    def write(summarizer: Path | None = None, **extra: object) -> Path:
        return write_echo_config(tmp_path / "models.yaml", echo_model, summarizer, **extra)

    return write


def write_echo_config(path: Path, echo_model: Path, summarizer: Path | None = None, **extra: object) -> Path:
    """write_config's file at `path`, for fixtures that outlive one test."""
    model = str(echo_model)
    data: dict[str, object] = {
        # the echo model copies by design, so the untranslated guard is on only where a test says so
        "translation": {"pairs": {"fr": {"model": model}, "de": {"model": model}}, "guards": {"untranslated": False}},
        "summarizer": {
            "model": str(summarizer or echo_model),
            "generation": {"num_beams": 1},
            "lengths": {
                "short": {"min_new_tokens": 0, "max_new_tokens": 24},
                "medium": {"min_new_tokens": 0, "max_new_tokens": 40},
                "long": {"min_new_tokens": 0, "max_new_tokens": 60},
            },
        },
        "back_translation": {"pairs": {"fr": {"model": model}, "de": {"model": model}}},
        **extra,
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def run_cli(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, process: bool = False
) -> subprocess.CompletedProcess[str]:
    """`presssum ARGS`, offline, as a user would run it: in this process by default (the command's
    own code, without paying for a new interpreter and spaCy per test), or with `process=True` as the
    installed console script in a subprocess, for what only a real process shows."""
    environment = {"HF_HUB_OFFLINE": "1", "NO_COLOR": "1", **(env or {})}
    if not process:
        from typer.testing import CliRunner

        from presssum.cli import app

        result = CliRunner().invoke(app, list(args), input=stdin, env=environment)
        return subprocess.CompletedProcess(["presssum", *args], result.exit_code, result.stdout, result.stderr)
    return subprocess.run(
        [str(PRESSSUM) if PRESSSUM.exists() else shutil.which("presssum") or "presssum", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
        timeout=600,
        check=False,
    )


def ctrl_c_as_at_a_terminal() -> None:
    """Popen's preexec_fn for tests that press Ctrl-C: a test run started as a background job (CI,
    `cmd &`) inherits SIGINT ignored, and Python then installs no KeyboardInterrupt handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
