"""Resolving a role's model (local folder, cache, hub) and loading it once, on the right device."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presssum.cache import cache_root
from presssum.config import Config, ModelSpec, is_local_path
from presssum.errors import ConfigError, ModelUnavailableError, fix_for_missing_models
from presssum.records import ModelInfo

if TYPE_CHECKING:
    import torch

# What a seq2seq checkpoint needs; pickled weights (which can run code when loaded) only on request.
_FILE_PATTERNS = ["*.json", "*.safetensors", "*.spm", "*.model", "merges.txt", "*.txt"]
_PICKLE_PATTERNS = ["pytorch_model*.bin"]
# Tokenizers with no real limit report a huge sentinel as model_max_length.
_NO_LIMIT = 1_000_000


@dataclass
class LoadedModel:
    """A model and tokenizer ready to generate, with the limits read from them."""

    info: ModelInfo
    model: Any
    tokenizer: Any
    device: torch.device
    input_limit: int
    output_limit: int


# How a Pipeline gets a role's model: the real loader, or a test's in-process stand-in.
ModelLoader = Callable[[ModelSpec, str, Config], LoadedModel]


def is_local(spec: ModelSpec) -> bool:
    return is_local_path(spec.model)


def resolve_model(spec: ModelSpec, role: str, *, offline: bool, safetensors_only: bool = True) -> Path:
    """A local folder holding the model: the folder itself, the hub cache, or a fresh download."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError, RepositoryNotFoundError

    if is_local(spec):
        folder = Path(spec.model).expanduser()
        if not (folder / "config.json").is_file():
            raise ModelUnavailableError(
                f"{role} model folder {folder} has no config.json; point `model:` at a saved checkpoint"
            )
        return folder
    patterns = _FILE_PATTERNS if safetensors_only else _FILE_PATTERNS + _PICKLE_PATTERNS
    try:
        cached = snapshot_download(spec.model, revision=spec.revision, allow_patterns=patterns, local_files_only=True)
        return Path(cached)
    except LocalEntryNotFoundError:
        pass
    offline = offline or os.environ.get("HF_HUB_OFFLINE", "0") not in ("", "0", "false", "False")
    if offline:
        raise _unavailable(spec, role, "not in the local cache and offline mode is on")
    try:
        return Path(snapshot_download(spec.model, revision=spec.revision, allow_patterns=patterns))
    except RepositoryNotFoundError:
        raise _unavailable(spec, role, "no such model on the hub (check the id, or log in for a gated one)") from None
    except (HfHubHTTPError, OSError) as exc:
        reason = "not in the local cache and the hub is unreachable"
        raise _unavailable(spec, role, f"{reason} ({type(exc).__name__})") from None


def is_available(spec: ModelSpec) -> bool:
    """Whether the model can load without the network."""
    try:
        resolve_model(spec, "check", offline=True)
    except ModelUnavailableError:
        return False
    return True


def _unavailable(spec: ModelSpec, role: str, reason: str) -> ModelUnavailableError:
    line = f"{role} model {spec.model} is unavailable: {reason}"
    return ModelUnavailableError(f"{line}. {fix_for_missing_models(())}", missing=(line,))


def quiet_transformers() -> None:
    """Model-loading bars and generation notices are noise on a journalist's terminal and in a script."""
    from transformers.utils import logging

    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.disable_progress_bar()  # type: ignore[no-untyped-call]


def pick_device(config: Config) -> torch.device:
    import torch

    if config.device != "auto":
        return torch.device(config.device)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def pick_dtype(config: Config, device: torch.device) -> torch.dtype:
    import torch

    if config.dtype != "auto":
        return getattr(torch, config.dtype)  # type: ignore[no-any-return]
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "mps":
        return torch.float16
    return torch.bfloat16 if native_bfloat16() else torch.float32


def native_bfloat16() -> bool:
    """Whether this CPU computes bfloat16 in hardware (AVX512-BF16 or AMX); elsewhere it is slower than float32."""
    import torch

    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")  # torch.cpu's own probes
    return any(getattr(torch.cpu, name, lambda: False)() for name in checks)


def load_model(spec: ModelSpec, role: str, config: Config) -> LoadedModel:
    """Load tokenizer and seq2seq model through the Auto classes, safetensors only, no remote code."""
    from transformers import AutoConfig, AutoTokenizer

    quiet_transformers()
    folder = resolve_model(spec, role, offline=config.offline, safetensors_only=config.safetensors_only)
    device = pick_device(config)
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, trust_remote_code=False)
        model_config = AutoConfig.from_pretrained(folder, trust_remote_code=False)
        if spec.backend == "ctranslate2":
            model, backend = _load_ctranslate2(folder, device), "ctranslate2"
        else:
            model, backend = _load_torch(folder, model_config.dtype, config, device)
    except (OSError, ValueError) as exc:
        pickled = config.safetensors_only and "safetensors" in str(exc).lower()
        hint = " (it may have only pickled weights: see safetensors_only in models.yaml)" * pickled
        raise ModelUnavailableError(f"{role} model {spec.model} cannot be loaded from {folder}: {exc}{hint}") from None
    positions = getattr(model_config, "max_position_embeddings", None) or _NO_LIMIT
    tokenizer_limit = tokenizer.model_max_length if tokenizer.model_max_length < _NO_LIMIT else _NO_LIMIT
    input_limit = min(positions, tokenizer_limit)
    if input_limit >= _NO_LIMIT:
        input_limit = 512  # relative-position models (T5) have no hard limit; keep inputs to what they saw
    return LoadedModel(
        info=ModelInfo(role=role, name=spec.model, revision=spec.revision, backend=backend),
        model=model,
        tokenizer=tokenizer,
        device=device,
        input_limit=input_limit,
        output_limit=positions if positions < _NO_LIMIT else input_limit,
    )


def _load_torch(folder: Path, stored: torch.dtype | None, config: Config, device: torch.device) -> tuple[Any, str]:
    import torch
    from transformers import AutoModelForSeq2SeqLM

    int8 = config.quantize == "int8" and device.type == "cpu"
    dtype = torch.float32 if int8 else pick_dtype(config, device)  # int8 quantises float32 Linear layers
    if device.type == "cpu" and dtype != (stored or torch.float32):
        folder = _converted(folder, dtype, use_safetensors=config.safetensors_only)
    model = AutoModelForSeq2SeqLM.from_pretrained(
        folder,
        dtype=dtype,
        use_safetensors=True if config.safetensors_only else None,
        trust_remote_code=False,
    )
    model.to(device).eval()
    if int8:
        with warnings.catch_warnings():  # torch marks its eager quantisation API as deprecated in favour of torchao
            warnings.simplefilter("ignore")
            model = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
                model, {torch.nn.Linear}, dtype=torch.qint8
            )
        return model, "torch-int8"
    return model, "torch" if dtype == torch.float32 else f"torch-{str(dtype).removeprefix('torch.')}"


def _converted(folder: Path, dtype: torch.dtype, *, use_safetensors: bool) -> Path:
    """A copy of the checkpoint with its weights in `dtype`, converted once into the cache.

    Converting while loading would hold both copies at once (distilbart read from float32 to run
    in bfloat16 peaks 1.2 GB higher than mapping a bfloat16 copy).
    """
    from transformers import AutoModelForSeq2SeqLM

    target = _cache_folder(folder, str(dtype))
    if not (target / "config.json").is_file():
        model = AutoModelForSeq2SeqLM.from_pretrained(
            folder, dtype=dtype, use_safetensors=True if use_safetensors else None, trust_remote_code=False
        )
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)  # left by an interrupted conversion
        model.save_pretrained(partial, safe_serialization=True)
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    return target


def _cache_folder(folder: Path, kind: str) -> Path:
    """Where a converted copy of a checkpoint lives; a changed checkpoint gets a new one."""
    stamp = json.dumps([str(folder.resolve()), sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir()), kind])
    return cache_root() / "models" / hashlib.sha256(stamp.encode()).hexdigest()[:16]


def _load_ctranslate2(folder: Path, device: torch.device) -> Any:
    """Convert the checkpoint once into presssum's cache (int8 for CPU, float16 for GPU), then load it."""
    try:
        import ctranslate2
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ConfigError("backend: ctranslate2 needs the extra: pip install 'presssum[ctranslate2]'") from None
    quantization = "float16" if device.type == "cuda" else "int8"
    target = _cache_folder(folder, f"ctranslate2-{quantization}")
    if not (target / "model.bin").is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        TransformersConverter(str(folder)).convert(str(target), quantization=quantization, force=True)
    return ctranslate2.Translator(
        str(target), device="cuda" if device.type == "cuda" else "cpu", compute_type=quantization
    )
