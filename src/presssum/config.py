"""models.yaml: schema, validation, and the precedence packaged file < user file < flags."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from presssum.errors import ConfigError

CONFIG_ENV = "PRESSSUM_CONFIG"
LengthName = Literal["short", "medium", "long"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModelSpec(_Strict):
    """Where a role's model comes from: a hub id (optionally pinned) or a local folder."""

    model: str
    revision: str | None = None
    # auto: CTranslate2 int8 on CPU unless dtype or quantize asks torch for a precision; torch elsewhere
    backend: Literal["auto", "torch", "ctranslate2"] = "auto"


class Generation(_Strict):
    num_beams: int = Field(4, ge=1)
    max_batch_tokens: int = Field(4096, ge=16)
    max_batch_size: int = Field(16, ge=1)
    max_length_ratio: float = Field(2.0, gt=0)
    no_repeat_ngram_size: int = Field(0, ge=0)
    length_penalty: float = 1.0
    # Fixed output bounds for translation; unset, they follow the input (max_length_ratio). Benchmarks
    # set both to force equal work in every arm.
    min_new_tokens: int | None = Field(None, ge=0)
    max_new_tokens: int | None = Field(None, ge=1)


class LengthSetting(_Strict):
    min_new_tokens: int = Field(ge=0)
    max_new_tokens: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> LengthSetting:
        if self.min_new_tokens > self.max_new_tokens:
            raise ValueError("min_new_tokens is larger than max_new_tokens")
        return self


class CoverageBand(_Strict):
    """Acceptable translation/source length ratio (characters); outside it a segment was likely cut short."""

    min_ratio: float = Field(0.6, gt=0)  # English runs ~0.85x French; half a segment dropped is ~0.5
    max_ratio: float = Field(3.0, gt=0)
    min_chars: int = Field(40, ge=0)  # shorter segments vary too much to judge


class Guards(_Strict):
    """Which translation guards run (docs/guards.md); each costs only its detection unless it trips."""

    all_caps: bool = True  # text in capitals is put in sentence case before translation
    repetition: bool = True  # looping output is decoded again without repeats, else cut and flagged
    untranslated: bool = True  # output still in the source language is retried, else flagged
    quotes: bool = True  # direct quotations listed in the original beside their translation
    mixed_language: bool = True  # English paragraphs kept as written, third-language ones sent to their pair


class TranslationSection(_Strict):
    target: str = "en"
    default_source: str = "fr"
    pairs: dict[str, ModelSpec]
    generation: Generation = Generation()
    coverage: dict[str, CoverageBand] = {}  # per source language; others use the default band
    guards: Guards = Guards()


class SummarizerSection(ModelSpec):
    generation: Generation = Generation()
    lengths: dict[LengthName, LengthSetting]


class BackTranslationSection(_Strict):
    pairs: dict[str, ModelSpec]
    generation: Generation = Generation()


class Config(_Strict):
    """The validated registry; `source` names the files it was read from."""

    device: Literal["auto", "cpu", "cuda", "mps"] = "auto"
    dtype: Literal["auto", "float32", "float16", "bfloat16"] = "auto"
    offline: bool = False
    safetensors_only: bool = True
    quantize: Literal["none", "int8"] = "none"
    keep_names: bool = True
    glossary: dict[str, str] = {}
    translation: TranslationSection
    summarizer: SummarizerSection
    back_translation: BackTranslationSection
    sources: tuple[str, ...] = ()

    def roles(self) -> list[tuple[str, ModelSpec]]:
        """Every role the registry fills, with its model: translation:LANG, summarizer, back_translation:LANG."""
        roles: list[tuple[str, ModelSpec]] = [(f"translation:{k}", v) for k, v in self.translation.pairs.items()]
        roles.append(("summarizer", self.summarizer))
        return roles + [(f"back_translation:{k}", v) for k, v in self.back_translation.pairs.items()]

    def routable_languages(self) -> frozenset[str]:
        """The languages a wire or paragraph can be sent to a model in: each translation pair's, and the target."""
        return frozenset({*self.translation.pairs, self.translation.target})

    def spec(self, role: str) -> ModelSpec:
        """The model of one role, by its name in roles()."""
        return dict(self.roles())[role]

    def roles_for(self, languages: set[str]) -> list[str]:
        """The roles a batch of wires in these languages needs (English wires need only the summariser)."""
        known = dict(self.roles())
        needed = [f"translation:{lang}" for lang in sorted(languages) if lang != self.translation.target]
        needed.append("summarizer")
        needed += [f"back_translation:{lang}" for lang in sorted(languages) if lang != self.translation.target]
        return [role for role in needed if role in known]

    def signature_settings(self, length: str, strict: bool) -> dict[str, str | int | bool]:
        """Every setting besides the models that changes a digest, for its reproducibility signature."""
        glossary = json.dumps(self.glossary, sort_keys=True, ensure_ascii=False)
        return {
            "length": length,
            "beams": self.translation.generation.num_beams,
            "summary_beams": self.summarizer.generation.num_beams,
            "strict": strict,
            "keep_names": self.keep_names,
            "glossary": hashlib.sha256(glossary.encode()).hexdigest()[:12] if self.glossary else "none",
            "dtype": self.dtype,
            "quantize": self.quantize,
            "guards": ",".join(name for name, on in self.translation.guards if on) or "none",
        }


def packaged_config_path() -> Path:
    return Path(str(resources.files("presssum") / "models.yaml"))


def load_config(path: str | Path | None = None, *, overrides: Mapping[str, Any] | None = None) -> Config:
    """Read the packaged registry, lay the user's file (path, else $PRESSSUM_CONFIG) and flags over it."""
    layers = [packaged_config_path()]
    user_path = path if path is not None else os.environ.get(CONFIG_ENV) or None
    if user_path is not None:
        layers.append(Path(user_path).expanduser())
    merged: dict[str, Any] = {}
    for layer in layers:
        merged = _deep_merge(merged, _read_layer(layer))
    if overrides:
        merged = _deep_merge(merged, dict(overrides))
    merged["sources"] = tuple(str(layer) for layer in layers)
    try:
        return Config.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, layers[-1])) from None


def role_overrides(
    *,
    translation_model: str | None = None,
    summary_model: str | None = None,
    back_model: str | None = None,
    device: str | None = None,
    dtype: str | None = None,
    fast: bool = False,
    backend: str | None = None,
    glossary: dict[str, str] | None = None,
    base: Config | None = None,
) -> dict[str, Any]:
    """Turn CLI flags into a config layer; a translation flag applies to every language."""
    layer: dict[str, Any] = {}
    if device:
        layer["device"] = device
    if dtype:
        layer["dtype"] = dtype
    if fast:
        layer["quantize"] = "int8"
    if glossary:
        layer["glossary"] = glossary
    if summary_model:
        layer["summarizer"] = {"model": _flag_model(summary_model), "revision": None}
    languages = base.translation.pairs if base else {}
    if translation_model:
        spec = {"model": _flag_model(translation_model), "revision": None}
        layer["translation"] = {"pairs": {lang: spec for lang in languages}}
    back_languages = base.back_translation.pairs if base else {}
    if back_model:
        spec = {"model": _flag_model(back_model), "revision": None}
        layer["back_translation"] = {"pairs": {lang: spec for lang in back_languages}}
    if backend:
        layer = _deep_merge(
            layer,
            {
                "translation": {"pairs": {lang: {"backend": backend} for lang in languages}},
                "summarizer": {"backend": backend},
                "back_translation": {"pairs": {lang: {"backend": backend} for lang in back_languages}},
            },
        )
    return layer


# A config names a few dozen settings; aliases that expand past this are a bomb (nine anchors of nine
# aliases each reach gigabytes), refused before anything is expanded. Plain anchors and aliases stay legal.
_MAX_CONFIG_VALUES = 10_000


def _load_yaml(text: str, path: Path) -> Any:
    """YAML through SafeLoader, its expanded size measured on the node graph before it is built."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, {}) > _MAX_CONFIG_VALUES:
            raise ConfigError(f"{path}: its aliases expand to over {_MAX_CONFIG_VALUES:,} values (an alias bomb?)")
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values `node` becomes once every alias is copied out; each node is measured once."""
    if id(node) in sizes:
        return sizes[id(node)]
    sizes[id(node)] = 0  # a recursive alias counts once; building it fails later as "nested too deeply"
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    else:
        children = []
    sizes[id(node)] = min(1 + sum(_expanded_size(child, sizes) for child in children), _MAX_CONFIG_VALUES + 1)
    return sizes[id(node)]


def _read_layer(path: Path) -> dict[str, Any]:
    try:
        data = _load_yaml(path.read_text(encoding="utf-8"), path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is not UTF-8 text") from None
    except RecursionError:
        raise ConfigError(f"{path}: is nested too deeply") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}:{where} is not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of settings")
    resolved: dict[str, Any] = _resolve_local_models(data, path.parent)
    return resolved


def _resolve_local_models(node: Any, base: Path) -> Any:
    """Make `model: ./folder` relative to the file that says it, not to the working directory."""
    if isinstance(node, dict):
        return {
            key: _resolve_model(value, base)
            if key == "model" and isinstance(value, str)
            else _resolve_local_models(value, base)
            for key, value in node.items()
        }
    return node


def _flag_model(name: str) -> str:
    """A flag names a folder when one exists at that path, else a hub id."""
    folder = Path(name).expanduser()
    return str(folder.resolve()) if folder.is_dir() else name


def is_local_path(name: str) -> bool:
    """Whether a `model:` value names a folder (absolute, ./, ../, ~, or more than one slash, which no
    hub id has) rather than a hub id."""
    return name.startswith(("./", "../", "~")) or Path(name).is_absolute() or name.count("/") > 1


def _resolve_model(name: str, base: Path) -> str:
    """A folder relative to the config file, where the name says so or such a folder exists there (as
    transformers prefers a local folder to a hub id of the same name); else the hub id as written."""
    folder = base / Path(name).expanduser()
    if is_local_path(name) or folder.is_dir():
        return str(folder.resolve())
    return name


def _deep_merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _describe(exc: ValidationError, path: Path) -> str:
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        reason = "unknown key"
    else:
        reason = error["msg"].lower()
        if "input" in error and not isinstance(error["input"], dict):
            reason += f" (got {error['input']!r})"
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return f"{path}: {field}: {reason}{more}"
