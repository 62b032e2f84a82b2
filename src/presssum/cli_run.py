"""The body of `presssum digest`: progress on stderr, digests on stdout, failures counted."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from presssum.batch import digest_inputs
from presssum.config import Config, LengthName
from presssum.digest import Failure, Pipeline
from presssum.errors import ExitCode, PresssumError
from presssum.load import discover
from presssum.records import Digest
from presssum.render import json_render, rich_render, text

_LENGTHS = ("short", "medium", "long")
_FORMATS = ("rich", "text", "json", "jsonl")


@dataclass(frozen=True)
class DigestOptions:
    inputs: Sequence[str]
    output_format: str | None
    full: bool
    length: str
    lang: str | None
    glob: str
    max_bytes: int
    quiet: bool


def run(config: Config, options: DigestOptions, stdout: Console | None = None) -> ExitCode:
    """Digest every input; return 0 when all succeeded, 1 when some failed."""
    _quiet_transformers()
    out = stdout or Console(soft_wrap=False)
    err = Console(stderr=True, highlight=False)
    output_format = options.output_format or ("rich" if out.is_terminal else "text")
    if output_format not in _FORMATS:
        raise PresssumError(f"unknown --format '{output_format}' (choose from {', '.join(_FORMATS)})")
    if options.length not in _LENGTHS:
        raise PresssumError(f"unknown --length '{options.length}' (choose from {', '.join(_LENGTHS)})")
    paths = discover(options.inputs, options.glob)
    if not paths:
        raise PresssumError(f"no input files found (looked for {options.glob!r} in {', '.join(options.inputs)})")
    results = digest_inputs(
        Pipeline(config),
        paths,
        lang=options.lang,
        length=cast(LengthName, options.length),
        max_bytes=options.max_bytes,
    )
    collected: list[Digest | Failure] = []
    failed = 0
    progress = Progress(
        TextColumn("digesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=options.quiet or len(paths) < 2,
        transient=True,
    )
    with progress:
        task = progress.add_task("digest", total=len(paths))
        for result in results:
            progress.advance(task)
            if isinstance(result, Failure):
                failed += 1
                err.print(f"presssum: error: {result.input}: {result.error}", markup=False, soft_wrap=True)
            if output_format == "json":
                collected.append(result)
            else:
                _emit(out, result, output_format, options.full)
    if output_format == "json":
        print(json_render.render_document(collected), file=sys.stdout)
    if not options.quiet and len(paths) > 1:
        err.print(f"presssum: {len(paths) - failed} digested, {failed} failed", markup=False)
    return ExitCode.SOME_FAILED if failed else ExitCode.OK


def _emit(out: Console, result: Digest | Failure, output_format: str, full: bool) -> None:
    if output_format == "jsonl":
        print(json_render.render_line(result), file=sys.stdout, flush=True)
    elif isinstance(result, Failure):
        return
    elif output_format == "rich":
        out.print(rich_render.render_digest(result, full=full))
    else:
        print(text.render_digest(result, full=full), file=sys.stdout, flush=True)


def _quiet_transformers() -> None:
    """Model-loading bars and generation notices are noise on a journalist's terminal."""
    from transformers.utils import logging

    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.disable_progress_bar()  # type: ignore[no-untyped-call]
