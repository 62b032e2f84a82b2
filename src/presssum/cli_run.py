"""The body of `presssum digest`: progress on stderr, digests on stdout or in a folder, failures counted."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import cast, get_args

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from presssum.about import package_version
from presssum.batch import digest_inputs
from presssum.cache import DigestCache, cache_settings, default_cache_path
from presssum.config import Config, LengthName
from presssum.digest import Pipeline
from presssum.errors import ExitCode, PresssumError
from presssum.load import DEFAULT_MAX_WORDS, check_pattern, discover
from presssum.models import ModelLoader, is_local, load_model
from presssum.outdir import OutputDir, OutputError
from presssum.records import Digest, Failure, StoryNotice
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

    @property
    def render(self) -> RenderOptions:
        return RenderOptions(full=self.full, to=self.to or "", sender=self.sender)


@dataclass
class Outcome:
    done: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.SOME_FAILED if self.failed else ExitCode.OK


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


def results(
    config: Config,
    options: DigestOptions,
    paths: Sequence[str],
    pipeline: Pipeline,
    on_notice: Callable[[StoryNotice], None],
    on_stage: Callable[[str], None] | None = None,
) -> Iterator[Digest | Failure]:
    """Digests and failures; story notices (withdrawn, superseded, held) go to `on_notice`."""
    cache = open_cache(config, options)
    try:
        for result in digest_inputs(
            pipeline,
            paths,
            lang=options.lang,
            length=cast(LengthName, options.length),
            max_bytes=options.max_bytes,
            max_words=options.max_words,
            cache=cache,
            strict=options.strict,
            on_stage=on_stage,
            hold_embargoed=options.hold_embargoed,
        ):
            if isinstance(result, StoryNotice):
                on_notice(result)
            else:
                yield result
    finally:
        if cache:
            cache.close()


def run(config: Config, options: DigestOptions, loader: ModelLoader = load_model) -> ExitCode:
    """Digest every input; 0 when all succeeded, 1 when some failed."""
    out = Console(soft_wrap=False)
    err = Console(stderr=True, highlight=False)
    chosen = validate(options, out.is_terminal)
    paths = discover(options.inputs, options.glob)
    if not paths:
        raise PresssumError(f"no input files found in {', '.join(options.inputs)}")
    folder = OutputDir(options.output, chosen.suffix) if options.output else None
    outcome = Outcome()
    collected: list[Digest | Failure | StoryNotice] = []
    # On a terminal the bar and the panels share stdout's console, so the bar never cuts through a panel.
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=out if out.is_terminal else err,
        disable=options.quiet,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    try:
        with progress:
            task = progress.add_task("digesting", total=len(paths))
            started: set[str] = set()
            pipeline = Pipeline(config, loader=loader)

            def on_notice(notice: StoryNotice) -> None:
                _notice(err, folder, notice)
                if folder is None and chosen.shows_notices:  # scripts read notices in the output itself
                    if chosen.stream is not None:
                        _print(out, progress, chosen.stream(notice, options.render))
                    else:
                        collected.append(notice)

            for computed in results(config, options, paths, pipeline, on_notice, _describe(progress, task)):
                started.add(_path_of(computed.input, paths))
                progress.update(task, completed=len(started))
                result = _write(folder, computed, chosen, options) if folder else computed
                if isinstance(result, Failure):
                    outcome.failed += 1
                    _report_failure(err, folder, result)
                else:
                    outcome.done += 1
                if folder is None and chosen.stream is not None:
                    _print(out, progress, chosen.stream(result, options.render))
                elif folder is None:
                    collected.append(result)
                if outcome.failed and options.fail_fast:
                    break
    except KeyboardInterrupt:
        err.print(f"presssum: interrupted after {outcome.done} digested; finished outputs are kept", markup=False)
        raise SystemExit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:
        return _reader_gone()
    try:
        if not folder and (chosen.name == "json" or any(isinstance(r, Digest) for r in collected)):
            sys.stdout.buffer.write(chosen.document(collected, options.render))
            sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()
    if not options.quiet and (len(paths) > 1 or outcome.failed):
        err.print(f"presssum: {outcome.done} digested, {outcome.failed} failed", markup=False)
    return outcome.exit_code


def _describe(progress: Progress, task: TaskID) -> Callable[[str], None]:
    """Stage names on the progress bar: a single wire shows what it is waiting for, too."""

    def show(stage: str) -> None:
        progress.update(task, description=f"digesting · {stage}")

    return show


def _print(out: Console, progress: Progress, rendered: object) -> None:
    """A streamed digest: rich renderables through the console, plain text straight to stdout."""
    if rendered is None:
        return
    if isinstance(rendered, str):
        if out.is_terminal:
            progress.console.print(rendered, markup=False, highlight=False, soft_wrap=True)
        else:
            print(rendered, flush=True)
    else:
        progress.console.print(rendered)


def run_watch(config: Config, options: DigestOptions, inbox: Path) -> ExitCode:
    """Digest the inbox's pending wires into --output, then new ones as they land, until Ctrl-C."""
    from presssum.watch import check_output_outside, watch

    err = Console(stderr=True, highlight=False)
    chosen = validate(options, is_terminal=False)
    if options.output is None:
        raise PresssumError("watch needs --output DIR")
    check_output_outside(inbox, options.output)
    folder = OutputDir(options.output, chosen.suffix)
    pipeline = Pipeline(config)

    def digest_paths(paths: list[str]) -> None:
        for result in results(config, options, paths, pipeline, partial(_notice, err, folder)):
            if isinstance(result, Failure):
                _report_failure(err, folder, result)
            elif isinstance(written := _write(folder, result, chosen, options), Failure):
                _report_failure(err, folder, written)
            elif not options.quiet:
                err.print(f"presssum: {result.input} -> {folder.path_for(result)}", markup=False, soft_wrap=True)

    def ready() -> None:
        if not options.quiet:
            err.print(f"presssum: watching {inbox} for new wires (Ctrl-C to stop)", markup=False)

    watch(inbox, folder, digest_paths, ready)  # Ctrl-C ends it; the CLI's boundary turns that into 130
    return ExitCode.OK


def _notice(err: Console, folder: OutputDir | None, notice: StoryNotice) -> None:
    """A story item not digested: said on stderr, and in --output the folder's files and index follow."""
    err.print(f"presssum: {notice.kind}: {notice.input}: {notice.message}", markup=False, soft_wrap=True)
    if folder:
        folder.record_notice(notice)


def _report_failure(err: Console, folder: OutputDir | None, failure: Failure) -> None:
    err.print(f"presssum: error: {failure.input}: {failure.error}", markup=False, soft_wrap=True)
    if folder:
        folder.record_failure(failure)


def _write(
    folder: OutputDir, result: Digest | Failure, chosen: OutputFormat, options: DigestOptions
) -> Digest | Failure:
    """Write a digest's file; one that cannot be written (disk full) becomes that input's failure."""
    if isinstance(result, Failure):
        return result
    try:
        folder.write(result, chosen.document([result], options.render))
    except OutputError as exc:
        return Failure(input=result.input, error=str(exc))
    return result


def _reader_gone() -> ExitCode:
    """stdout's reader closed it (`| head`): stop quietly, as `cat` does on SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # Python flushes stdout at exit; that must not fail again
    return ExitCode.BROKEN_PIPE


def _path_of(input_name: str, paths: Sequence[str]) -> str:
    """The file a result came from: a JSON Lines article is named 'feed.jsonl:LINE'."""
    return input_name if input_name in paths else input_name.rsplit(":", 1)[0]
