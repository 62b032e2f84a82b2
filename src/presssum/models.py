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

from presssum.backends import Backend, CTranslate2Backend, TorchBackend
from presssum.config import Config, ModelSpec, is_local_path
from presssum.errors import ConfigError, ModelUnavailableError, fix_for_missing_models
from presssum.paths import cache_root
from presssum.records import ModelInfo

if TYPE_CHECKING:
    import torch

# What a seq2seq checkpoint needs; pickled weights (which can run code when loaded) only on request.
_FILE_PATTERNS = ["*.json", "*.safetensors", "*.spm", "*.model", "merges.txt", "*.txt"]
_PICKLE_PATTERNS = ["pytorch_model*.bin"]
# Tokenizers with no real limit report a huge sentinel as model_max_length.
_NO_LIMIT = 1_000_000
# CTranslate2 workers per model on a CPU: more would split batches too thin to fill a core each.
_MAX_WORKERS = 4


@dataclass
class LoadedModel:
    """A model ready to generate through its backend, with the limits read from its config and tokenizer."""

    info: ModelInfo
    backend: Backend
    input_limit: int
    output_limit: int


# How a Pipeline gets a role's model: the real loader, or a test's in-process stand-in.
ModelLoader = Callable[[ModelSpec, str, Config], LoadedModel]


def is_local(spec: ModelSpec) -> bool:
    return is_local_path(spec.model)


def resolve_model(spec: ModelSpec, role: str, *, offline: bool, safetensors_only: bool = True) -> Path:
    """A local folder holding the model: the folder itself, the hub cache, or a fresh download."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import (
        HfHubHTTPError,
        HFValidationError,
        LocalEntryNotFoundError,
        RepositoryNotFoundError,
    )

    if is_local(spec):
        folder = Path(spec.model).expanduser()
        if not (folder / "config.json").is_file():
            problem = "has no config.json" if folder.is_dir() else "does not exist"
            raise ModelUnavailableError(f"{role} model folder {folder} {problem}; point `model:` at a saved checkpoint")
        return folder
    patterns = _FILE_PATTERNS if safetensors_only else _FILE_PATTERNS + _PICKLE_PATTERNS
    try:
        cached = snapshot_download(spec.model, revision=spec.revision, allow_patterns=patterns, local_files_only=True)
        return Path(cached)
    except LocalEntryNotFoundError:
        pass
    except HFValidationError:
        reason = "no such folder, and not a hub id (NAMESPACE/NAME); write a folder as ./path or /path"
        raise _unavailable(spec, role, reason) from None
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


def choose_backend(spec: ModelSpec, config: Config, device: torch.device) -> str:
    """The backend a role runs on. `auto`: CTranslate2 int8 on a CPU that runs it, unless the config
    asks torch for a precision (`dtype` other than auto, or `quantize: int8`); torch everywhere else."""
    if spec.backend != "auto":
        return spec.backend
    wants_torch = config.dtype != "auto" or config.quantize != "none"
    return "ctranslate2" if device.type == "cpu" and not wants_torch and ctranslate2_int8() else "torch"


def ctranslate2_int8() -> bool:
    """Whether CTranslate2 is installed and computes int8 on this CPU."""
    try:
        import ctranslate2
    except ImportError:
        return False
    return "int8" in ctranslate2.get_supported_compute_types("cpu")


def load_model(spec: ModelSpec, role: str, config: Config) -> LoadedModel:
    """Load tokenizer and seq2seq model through the Auto classes, safetensors only, no remote code."""
    from transformers import AutoConfig, AutoTokenizer

    quiet_transformers()
    folder = resolve_model(spec, role, offline=config.offline, safetensors_only=config.safetensors_only)
    if config.safetensors_only and not any(folder.glob("*.safetensors")):
        # refused before any loading or conversion: pickled weights can run code when read
        raise ModelUnavailableError(
            f"{role} model {spec.model} has no safetensors weights in {folder}; pickled weights run only "
            "with `safetensors_only: false` in models.yaml (they can run code when loaded)"
        )
    device = pick_device(config)
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, trust_remote_code=False)
        model_config = AutoConfig.from_pretrained(folder, trust_remote_code=False)
        backend = _load_backend(spec, folder, model_config, tokenizer, config, device)
    except (OSError, ValueError, TypeError) as exc:  # transformers raises TypeError for a missing tokenizer file
        raise ModelUnavailableError(f"{role} model {spec.model} cannot be loaded from {folder}: {exc}") from None
    positions = getattr(model_config, "max_position_embeddings", None) or _NO_LIMIT
    tokenizer_limit = tokenizer.model_max_length if tokenizer.model_max_length < _NO_LIMIT else _NO_LIMIT
    input_limit = min(positions, tokenizer_limit)
    if input_limit >= _NO_LIMIT:
        input_limit = 512  # relative-position models (T5) have no hard limit; keep inputs to what they saw
    return LoadedModel(
        info=ModelInfo(role=role, name=spec.model, revision=spec.revision, backend=backend.name),
        backend=backend,
        input_limit=input_limit,
        output_limit=positions if positions < _NO_LIMIT else input_limit,
    )


def _load_backend(
    spec: ModelSpec, folder: Path, model_config: Any, tokenizer: Any, config: Config, device: torch.device
) -> Backend:
    import torch

    if choose_backend(spec, config, device) == "ctranslate2":
        try:
            return _load_ctranslate2(folder, tokenizer, device)
        except ValueError:  # CTranslate2 cannot convert this checkpoint: auto falls back to torch
            if spec.backend != "auto":
                raise
    # auto on a CPU without CTranslate2 (or without a converter for the model): int8 unless bf16 is native
    fallback = spec.backend == "auto" and config.dtype == "auto" and not native_bfloat16()
    int8 = device.type == "cpu" and (config.quantize == "int8" or fallback)
    dtype = torch.float32 if int8 else pick_dtype(config, device)  # int8 quantises float32 Linear layers
    model = _load_torch(folder, model_config.dtype, dtype, use_safetensors=config.safetensors_only, device=device)
    if int8:
        with warnings.catch_warnings():  # torch marks its eager quantisation API as deprecated in favour of torchao
            warnings.simplefilter("ignore")
            # in place: a quantised copy beside the float32 model would hold both at once
            torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
                model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True
            )
        return TorchBackend(model, tokenizer, device, "torch-int8")
    name = "torch" if dtype == torch.float32 else f"torch-{str(dtype).removeprefix('torch.')}"
    return TorchBackend(model, tokenizer, device, name)


def _load_torch(
    folder: Path, stored: torch.dtype | None, dtype: torch.dtype, *, use_safetensors: bool, device: torch.device
) -> Any:
    import torch
    from transformers import AutoModelForSeq2SeqLM

    if device.type == "cpu" and dtype != (stored or torch.float32):
        folder = _converted(folder, dtype, use_safetensors=use_safetensors)
    model = AutoModelForSeq2SeqLM.from_pretrained(
        folder, dtype=dtype, use_safetensors=True if use_safetensors else None, trust_remote_code=False
    )
    return model.to(device).eval()


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


def _load_ctranslate2(folder: Path, tokenizer: Any, device: torch.device) -> Backend:
    """Convert the checkpoint once into presssum's cache (int8 for CPU, float16 for GPU), then load it."""
    import torch

    try:
        import ctranslate2
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ConfigError("backend: ctranslate2 needs CTranslate2: pip install 'ctranslate2>=4.5'") from None
    on_gpu = device.type == "cuda"
    quantization = "float16" if on_gpu else "int8"
    target = _cache_folder(folder, f"ctranslate2-{quantization}")
    failed = target.with_name(target.name + ".failed")  # remembered, so `auto` does not retry at every load
    if failed.is_file():
        raise ValueError(failed.read_text(encoding="utf-8"))
    if not (target / "model.bin").is_file():
        partial = target.with_name(target.name + ".partial")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            TransformersConverter(str(folder)).convert(str(partial), quantization=quantization, force=True)
        except Exception as exc:  # its loaders know only some architectures, and read config keys unchecked
            reason = f"CTranslate2 cannot convert it ({type(exc).__name__}: {exc})"
            failed.write_text(reason, encoding="utf-8")
            raise ValueError(reason) from None
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    # As many threads as torch, which a Ray actor limits to its CPUs (engine_ray.limit_threads). On a CPU
    # they run as up to _MAX_WORKERS workers sharing those threads, each on its part of a batch: on 2
    # cores, 2 workers of 1 thread took 40 % less time than 1 worker of 2 (decoding steps are too small
    # to share).
    threads = torch.get_num_threads()
    workers = 1 if on_gpu else min(threads, _MAX_WORKERS)
    translator = ctranslate2.Translator(
        str(target),
        device="cuda" if on_gpu else "cpu",
        compute_type=quantization,
        inter_threads=workers,
        intra_threads=max(1, threads // workers),
    )
    # Loading sets the OpenMP thread count it shares with torch to intra_threads; the next model loaded
    # would read 1 and run on one core.
    torch.set_num_threads(threads)
    return CTranslate2Backend(translator, tokenizer, f"ctranslate2-{quantization}", on_gpu=on_gpu, workers=workers)
