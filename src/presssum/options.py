"""What a run of the pipeline is asked for, shared by every command and engine: options, their checks, the cache."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from presssum.about import package_version
from presssum.cache import DigestCache, cache_settings, default_cache_path
from presssum.config import Config, LengthName
from presssum.errors import PresssumError
from presssum.load import DEFAULT_MAX_WORDS, check_pattern
from presssum.models import is_local
from presssum.render import OutputFormat, RenderOptions, output_format
from presssum.render.email import DEFAULT_SENDER

_LENGTHS = get_args(LengthName)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class DigestOptions:
    inputs: Sequence[str]
    output_format: str | None = None
    full: bool = False
    length: str = "medium"
    lang: str | None = None
    glob: str | None = None
    max_bytes: int = 5_000_000
    max_words: int = DEFAULT_MAX_WORDS
    quiet: bool = False
    output: Path | None = None
    fail_fast: bool = False
    use_cache: bool = True
    to: str | None = None
    sender: str = DEFAULT_SENDER
    strict: bool = False
    hold_embargoed: bool = False
    verbose: bool = False

    @property
    def render(self) -> RenderOptions:
        return RenderOptions(full=self.full, to=self.to or "", sender=self.sender)


def validate(options: DigestOptions, is_terminal: bool) -> OutputFormat:
    """The output format to use; bad option values are usage errors, raised before any work."""
    chosen = output_format(options.output_format or ("rich" if is_terminal and options.output is None else "text"))
    if options.length not in _LENGTHS:
        raise PresssumError(f"unknown --length '{options.length}' (choose from {', '.join(_LENGTHS)})")
    if chosen.needs_recipient and not options.to:
        raise PresssumError(f"--format {chosen.name} needs --to ADDRESS")
    for flag, value in (("--to", options.to), ("--from", options.sender)):
        if value and _CONTROL.search(value):
            raise PresssumError(f"{flag} {value!r}: an address cannot hold a line break or other control character")
    if options.max_bytes <= 0:
        raise PresssumError(f"--max-bytes {options.max_bytes}: must be a positive number of bytes")
    if options.max_words <= 0:
        raise PresssumError(f"--max-words {options.max_words}: must be a positive number of words")
    check_pattern(options.glob)
    return chosen


def open_cache(config: Config, options: DigestOptions) -> DigestCache | None:
    if not options.use_cache:
        return None
    return DigestCache(default_cache_path(), digest_settings(config, options))


def digest_settings(config: Config, options: DigestOptions) -> str:
    """What, besides an article's content, decides its digest: the cache key's other half."""
    local = sorted({spec.model for _, spec in config.roles() if is_local(spec)})
    mode = f"{options.length}/strict" if options.strict else options.length
    return cache_settings(config.model_dump_json(exclude={"sources"}), mode, package_version(), local)
