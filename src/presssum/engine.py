"""What every engine shares: list inputs -> digest records -> write outputs, counted into one exit code.

An engine (the local one in cli_run.py, Ray's in engine_ray.py) turns input names into Placed results;
a Writer (stdout, or --output's folder in outdir.py) records them; `run` drives the two, shows progress,
reports failures and notices on stderr and counts the outcome. Ctrl-C is not caught here but turned into
Interrupted, which says what was done; the CLI's one boundary prints it and exits 130.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from presssum.errors import ExitCode
from presssum.records import Digest, Failure, StoryNotice

Result = Digest | Failure | StoryNotice


@dataclass(frozen=True)
class Placed:
    """One article's result, with the input file it came from and its place there (a feed holds several).

    `result` None: the destination already holds this article, digested with the same content and settings.
    """

    input: str
    file: str
    result: Result | None
    position: int = 0
    key: str = ""  # the article's content and settings (cache.digest_key), where the engine computed it


class Engine(Protocol):
    """Digests named inputs, one Placed per article, as each is done (in any order)."""

    def digest(self, names: Sequence[str], on_stage: Callable[[str], None]) -> Iterator[Placed]: ...


class Writer(Protocol):
    """Where results go: stdout, one file per article, or JSON Lines parts, each with index.json."""

    def add(self, placed: Placed) -> Result | None:
        """Record one result; what it returns is what happened to it (a Failure when it could not be written)."""
        ...

    def finish(self, *, complete: bool) -> None:
        """The run ended (`complete`: every input was seen, else --fail-fast stopped it)."""
        ...

    def keep(self) -> None:
        """The run was cut short (Ctrl-C, a crash): make what is written so far whole, and nothing more."""
        ...


@dataclass
class Outcome:
    """A run's count of articles: the one source of its exit code, whichever engine and command ran."""

    done: int = 0
    failed: int = 0
    skipped: int = 0

    def count(self, result: Result | None) -> None:
        if result is None:
            self.skipped += 1
        elif isinstance(result, Failure):
            self.failed += 1
        elif isinstance(result, Digest):
            self.done += 1

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.SOME_FAILED if self.failed else ExitCode.OK


class Interrupted(KeyboardInterrupt):
    """Ctrl-C in the middle of a run; the message says what was done and kept."""


def progress_bar(console: Console, *, disable: bool) -> Progress:
    """The inputs done of all, on `console`, gone once the run ends; only on a terminal, since anywhere
    else rich draws nothing but leaves a blank line among presssum's messages."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=disable or not console.is_terminal,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )


def run(
    engine: Engine, names: Sequence[str], writer: Writer, *, progress: Progress, err: Console, fail_fast: bool = False
) -> Outcome:
    """Every input through the engine into the writer; failures and notices said on `err` as they come."""
    outcome, files = Outcome(), set[str]()
    complete = False
    try:
        with progress:
            task = progress.add_task("digesting", total=len(names))

            def show(stage: str) -> None:  # a single wire shows what it is waiting for, too
                progress.update(task, description=f"digesting · {stage}")

            for placed in engine.digest(names, show):
                result = writer.add(placed)
                outcome.count(result)
                report(err, result)
                files.add(placed.file)
                progress.update(task, completed=len(files))
                if outcome.failed and fail_fast:
                    break
            else:
                complete = True
    except KeyboardInterrupt:
        writer.keep()
        raise Interrupted(f"interrupted after {outcome.done} digested; finished outputs are kept") from None
    except BaseException:
        writer.keep()
        raise
    writer.finish(complete=complete)
    return outcome


def report(err: Console, result: Result | None) -> None:
    """A failure or a story notice, one line on stderr; digests are the output, not news."""
    if isinstance(result, Failure):
        err.print(f"presssum: error: {result.input}: {result.error}", markup=False, soft_wrap=True)
    elif isinstance(result, StoryNotice):
        err.print(f"presssum: {result.kind}: {result.input}: {result.message}", markup=False, soft_wrap=True)
