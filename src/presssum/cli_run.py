"""The body of `presssum digest`: progress on stderr, digests on stdout or in a folder, failures counted."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import cast, get_args

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from presssum.batch import digest_inputs
from presssum.cache import DigestCache, cache_settings, default_cache_path
from presssum.config import Config, LengthName
from presssum.digest import Pipeline
from presssum.errors import ExitCode, PresssumError
from presssum.load import discover
from presssum.models import is_local
from presssum.outdir import OutputDir
from presssum.records import Digest, Failure
from presssum.render import DOCUMENT_FORMATS, FORMATS, SUFFIXES, json_render, markdown, render_file, rich_render, text
from presssum.render.email import DEFAULT_SENDER

_LENGTHS = get_args(LengthName)


@dataclass(frozen=True)
class DigestOptions:
    inputs: Sequence[str]
    output_format: str | None = None
    full: bool = False
    length: str = "medium"
    lang: str | None = None
    glob: str | None = None
    max_bytes: int = 5_000_000
    quiet: bool = False
    output: Path | None = None
    fail_fast: bool = False
    use_cache: bool = True
    to: str | None = None
    sender: str = DEFAULT_SENDER
    strict: bool = False


@dataclass
class Outcome:
    done: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.SOME_FAILED if self.failed else ExitCode.OK


def validate(options: DigestOptions, is_terminal: bool) -> str:
    """The output format to use; bad option values are usage errors."""
    output_format = options.output_format or ("rich" if is_terminal and options.output is None else "text")
    if output_format not in FORMATS:
        raise PresssumError(f"unknown --format '{output_format}' (choose from {', '.join(FORMATS)})")
    if options.length not in _LENGTHS:
        raise PresssumError(f"unknown --length '{options.length}' (choose from {', '.join(_LENGTHS)})")
    if output_format == "email" and not options.to:
        raise PresssumError("--format email needs --to ADDRESS")
    return output_format


def open_cache(config: Config, options: DigestOptions) -> DigestCache | None:
    if not options.use_cache:
        return None
    return DigestCache(default_cache_path(), digest_settings(config, options))


def digest_settings(config: Config, options: DigestOptions) -> str:
    """What, besides an article's content, decides its digest: the cache key's other half."""
    roles = [*config.translation.pairs.values(), config.summarizer, *config.back_translation.pairs.values()]
    local = sorted({spec.model for spec in roles if is_local(spec)})
    mode = f"{options.length}/strict" if options.strict else options.length
    return cache_settings(config.model_dump_json(exclude={"sources"}), mode, version("presssum"), local)


def results(
    config: Config, options: DigestOptions, paths: Sequence[str], pipeline: Pipeline
) -> Iterator[Digest | Failure]:
    cache = open_cache(config, options)
    try:
        yield from digest_inputs(
            pipeline,
            paths,
            lang=options.lang,
            length=cast(LengthName, options.length),
            max_bytes=options.max_bytes,
            cache=cache,
            strict=options.strict,
        )
    finally:
        if cache:
            cache.close()


def run(config: Config, options: DigestOptions) -> ExitCode:
    """Digest every input; 0 when all succeeded, 1 when some failed."""
    _quiet_transformers()
    out = Console(soft_wrap=False)
    err = Console(stderr=True, highlight=False)
    output_format = validate(options, out.is_terminal)
    paths = discover(options.inputs, options.glob)
    if not paths:
        raise PresssumError(f"no input files found in {', '.join(options.inputs)}")
    folder = OutputDir(options.output, SUFFIXES.get(output_format, ".eml")) if options.output else None
    outcome, collected = Outcome(), []
    progress = Progress(
        TextColumn("digesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=options.quiet or len(paths) < 2,
        transient=True,
        # rich would move our stdout into its live display; a pipe must get the digests themselves
        redirect_stdout=out.is_terminal,
        redirect_stderr=False,
    )
    try:
        with progress:
            task = progress.add_task("digest", total=len(paths))
            started: set[str] = set()
            for result in results(config, options, paths, Pipeline(config)):
                started.add(_path_of(result.input, paths))
                progress.update(task, completed=len(started))
                if isinstance(result, Failure):
                    outcome.failed += 1
                    _report_failure(err, folder, result)
                else:
                    outcome.done += 1
                if folder and isinstance(result, Digest):
                    _write(folder, result, output_format, options)
                elif output_format in DOCUMENT_FORMATS:
                    collected.append(result)
                elif not folder:
                    _stream(out, result, output_format, options.full)
                if outcome.failed and options.fail_fast:
                    break
    except KeyboardInterrupt:
        err.print(f"presssum: interrupted after {outcome.done} digested; finished outputs are kept", markup=False)
        raise SystemExit(130) from None
    if collected and not folder:
        _emit_document(collected, output_format, options)
    if not options.quiet and (len(paths) > 1 or outcome.failed):
        err.print(f"presssum: {outcome.done} digested, {outcome.failed} failed", markup=False)
    return outcome.exit_code


def run_watch(config: Config, options: DigestOptions, inbox: Path) -> ExitCode:
    """Digest the inbox's pending wires into --output, then new ones as they land, until Ctrl-C."""
    from presssum.watch import watch

    _quiet_transformers()
    err = Console(stderr=True, highlight=False)
    output_format = validate(options, is_terminal=False)
    if options.output is None:
        raise PresssumError("watch needs --output DIR")
    folder = OutputDir(options.output, SUFFIXES.get(output_format, ".eml"))
    pipeline = Pipeline(config)

    def digest_paths(paths: list[str]) -> None:
        for result in results(config, options, paths, pipeline):
            if isinstance(result, Failure):
                err.print(f"presssum: error: {result.input}: {result.error}", markup=False, soft_wrap=True)
                folder.record_failure(result)
            else:
                written = folder.write(
                    result, render_file([result], output_format, full=options.full, **_mail(options))
                )
                if not options.quiet:
                    err.print(f"presssum: {result.input} -> {written}", markup=False, soft_wrap=True)

    def ready() -> None:
        if not options.quiet:
            err.print(f"presssum: watching {inbox} for new wires (Ctrl-C to stop)", markup=False)

    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how a watch ends
        watch(inbox, folder, digest_paths, ready)
    return ExitCode.OK


def _report_failure(err: Console, folder: OutputDir | None, failure: Failure) -> None:
    err.print(f"presssum: error: {failure.input}: {failure.error}", markup=False, soft_wrap=True)
    if folder:
        folder.record_failure(failure)


def _write(folder: OutputDir, digest: Digest, output_format: str, options: DigestOptions) -> Path:
    return folder.write(digest, render_file([digest], output_format, full=options.full, **_mail(options)))


def _path_of(input_name: str, paths: Sequence[str]) -> str:
    """The file a result came from: a JSON Lines article is named 'feed.jsonl:LINE'."""
    return input_name if input_name in paths else input_name.rsplit(":", 1)[0]


def _mail(options: DigestOptions) -> dict[str, str]:
    return {"to": options.to or "", "sender": options.sender}


def _stream(out: Console, result: Digest | Failure, output_format: str, full: bool) -> None:
    if output_format == "jsonl":
        print(json_render.render_line(result), flush=True)
    elif isinstance(result, Failure):
        return
    elif output_format == "rich":
        out.print(rich_render.render_digest(result, full=full))
    elif output_format == "markdown":
        print(markdown.render_digest(result, full=full), flush=True)
    else:
        print(text.render_digest(result, full=full), flush=True)


def _emit_document(collected: list[Digest | Failure], output_format: str, options: DigestOptions) -> None:
    if output_format == "json":
        print(json_render.render_document(collected))
        return
    digests = [result for result in collected if isinstance(result, Digest)]
    if digests:
        sys.stdout.buffer.write(render_file(digests, output_format, full=options.full, **_mail(options)))
        sys.stdout.flush()


def _quiet_transformers() -> None:
    """Model-loading bars and generation notices are noise on a journalist's terminal."""
    from transformers.utils import logging

    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.disable_progress_bar()  # type: ignore[no-untyped-call]
