"""`presssum.digest(text)`: one wire in, one Digest out, for scripts and notebooks; the CLI and batches use
`Pipeline` directly. Models stay loaded between calls, one pipeline per configuration."""

from __future__ import annotations

from pathlib import Path

from presssum.config import LengthName, load_config
from presssum.digest import Pipeline
from presssum.errors import InputError
from presssum.load import without_controls
from presssum.readers.plain import parse_wire
from presssum.readers.text import decode
from presssum.records import Digest, Failure

_pipelines: dict[str, Pipeline] = {}


def digest(
    text: str | bytes,
    *,
    config: str | Path | None = None,
    lang: str | None = None,
    length: LengthName = "medium",
    strict: bool = False,
) -> Digest:
    """Digest one wire given as text (or bytes, decoded as the CLI does); models stay loaded for later calls."""
    loaded_config = load_config(config)
    pipeline = _pipelines.setdefault(loaded_config.model_dump_json(), Pipeline(loaded_config))
    wire = decode(text) if isinstance(text, bytes) else text
    result = pipeline.digest_articles([without_controls(parse_wire(wire))], lang=lang, length=length, strict=strict)[0]
    if isinstance(result, Failure):
        raise InputError(result.error)
    return result
