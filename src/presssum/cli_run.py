"""The body of `presssum digest` and `presssum watch` on the local engine: digests on stdout or in a folder."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

from rich.console import Console
from rich.progress import Progress

from presssum import engine
from presssum.batch import digest_inputs
from presssum.config import Config, LengthName
from presssum.digest import Pipeline
from presssum.engine import Placed, Result, report
from presssum.errors import ExitCode, PresssumError
from presssum.load import find_inputs
from presssum.models import ModelLoader, load_model
from presssum.options import DigestOptions, open_cache, validate
from presssum.outdir import ArticleFiles, OutputDir
from presssum.records import Digest, Failure, StoryNotice
from presssum.render import OutputFormat, RenderOptions


class LocalEngine:
    """The Engine (engine.py) in this process: one Pipeline, the SQLite cache, results in input order."""

    def __init__(self, config: Config, options: DigestOptions, pipeline: Pipeline) -> None:
        self._config, self._options, self._pipeline = config, options, pipeline

    def digest(self, names: Sequence[str], on_stage: Callable[[str], None]) -> Iterator[Placed]:
        options, files = self._options, set(names)
        cache = open_cache(self._config, options)
        try:
            for result in digest_inputs(
                self._pipeline,
                names,
                lang=options.lang,
                length=cast(LengthName, options.length),
                max_bytes=options.max_bytes,
                max_words=options.max_words,
                cache=cache,
                strict=options.strict,
                on_stage=on_stage,
                hold_embargoed=options.hold_embargoed,
            ):
                yield Placed(result.input, _file_of(result.input, files), result)
        finally:
            if cache:
                cache.close()


class Stdout:
    """The Writer without --output: each digest printed as it comes (streaming formats), or one document at the end.

    Story notices are said on stderr, and are records of the machine-readable formats too: scripts read them
    in the output itself.
    """

    def __init__(self, out: Console, progress: Progress, chosen: OutputFormat, options: RenderOptions) -> None:
        self._out, self._progress, self._chosen, self._options = out, progress, chosen, options
        self._collected: list[Digest | Failure | StoryNotice] = []

    def add(self, placed: Placed) -> Result | None:
        result = placed.result
        if result is None or (isinstance(result, StoryNotice) and not self._chosen.shows_notices):
            return result
        if self._chosen.stream is not None:
            self._print(self._chosen.stream(result, self._options))
        else:
            self._collected.append(result)
        return result

    def finish(self, *, complete: bool) -> None:
        """A document format's one document, unless nothing was digested and the format would be empty; a format
        that lists failures and notices always prints one, so a script reading it gets a document."""
        digested = any(isinstance(result, Digest) for result in self._collected)
        if self._chosen.lists_failures or digested:
            sys.stdout.buffer.write(self._chosen.document(self._collected, self._options))
            sys.stdout.flush()

    def keep(self) -> None:
        """Streamed digests are out already; half a document is not printed."""

    def _print(self, rendered: Any) -> None:
        """A streamed digest: rich renderables through the console, plain text straight to stdout."""
        if rendered is None:
            return
        if isinstance(rendered, str):
            if self._out.is_terminal:
                self._progress.console.print(rendered, markup=False, highlight=False, soft_wrap=True)
            else:
                print(rendered, flush=True)
        else:
            self._progress.console.print(rendered)


def run(config: Config, options: DigestOptions, loader: ModelLoader = load_model) -> ExitCode:
    """Digest every input; 0 when all succeeded, 1 when some failed."""
    out = Console(soft_wrap=False)
    err = Console(stderr=True, highlight=False)
    chosen = validate(options, out.is_terminal)
    names = find_inputs(options.inputs, options.glob).names
    if not names:
        raise PresssumError(f"no input files found in {', '.join(options.inputs)}")
    # On a terminal the bar and the panels share stdout's console, so the bar never cuts through a panel.
    progress = engine.progress_bar(out if out.is_terminal else err, disable=options.quiet)
    writer: engine.Writer
    if options.output:
        writer = ArticleFiles(OutputDir(options.output, chosen.suffix), _one_file(chosen, options))
    else:
        writer = Stdout(out, progress, chosen, options.render)
    local = LocalEngine(config, options, Pipeline(config, loader=loader))
    outcome = engine.run(local, names, writer, progress=progress, err=err, fail_fast=options.fail_fast)
    if not options.quiet and (len(names) > 1 or outcome.failed):
        err.print(f"presssum: {outcome.done} digested, {outcome.failed} failed", markup=False)
    return outcome.exit_code


def run_watch(config: Config, options: DigestOptions, inbox: Path) -> ExitCode:
    """Digest the inbox's pending wires into --output, then new ones as they land, until Ctrl-C."""
    from presssum.watch import check_output_outside, watch

    err = Console(stderr=True, highlight=False)
    chosen = validate(options, is_terminal=False)
    if options.output is None:
        raise PresssumError("watch needs --output DIR")
    check_output_outside(inbox, options.output)
    folder = OutputDir(options.output, chosen.suffix)
    writer = ArticleFiles(folder, _one_file(chosen, options))
    local = LocalEngine(config, options, Pipeline(config))

    def digest_paths(paths: list[str]) -> None:
        for placed in local.digest(paths, on_stage=lambda _: None):
            result = writer.add(placed)
            report(err, result)
            if isinstance(result, Digest) and not options.quiet:
                err.print(f"presssum: {result.input} -> {folder.path_for(result)}", markup=False, soft_wrap=True)

    def ready() -> None:
        if not options.quiet:
            err.print(f"presssum: watching {inbox} for new wires (Ctrl-C to stop)", markup=False)

    watch(inbox, folder, digest_paths, ready)  # only Ctrl-C ends it: the CLI's boundary turns that into 130
    return ExitCode.OK


def _one_file(chosen: OutputFormat, options: DigestOptions) -> Callable[[Digest], bytes]:
    def render(digest: Digest) -> bytes:
        return chosen.document([digest], options.render)

    return render


def _file_of(input_name: str, files: set[str]) -> str:
    """The file a result came from: a JSON Lines article is named 'feed.jsonl:LINE'."""
    return input_name if input_name in files else input_name.rsplit(":", 1)[0]
