"""`presssum digest --engine ray`: the local engine's code on a Ray Data actor pool, for whole archives.

What is Ray's: Ray Data reads the files (local disk, s3://, gs://, anything pyarrow opens), tasks parse
them into Articles and a pool of actors digests them (each loads the models once). Discovery, the
writer (JSON Lines parts plus index.json, outdir.py), the exit code and Ctrl-C are every engine's
(engine.py). Ray's own log lines stay off stderr unless --verbose.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console

from presssum import engine
from presssum.batch import CHUNK_ARTICLES, digest_loaded
from presssum.cache import digest_key
from presssum.config import Config, LengthName
from presssum.engine import Outcome, Placed
from presssum.errors import ExitCode, InputError, PresssumError
from presssum.load import DEFAULT_MAX_WORDS, Inputs, articles_in, check_size, find_inputs
from presssum.options import DigestOptions, digest_settings, validate
from presssum.outdir import Destination, JsonLinesParts, read_parts
from presssum.records import Article, Failure

if TYPE_CHECKING:
    from pyarrow.fs import FileSystem

RAY_MISSING = "--engine ray needs Ray: pip install 'presssum[ray]'"
# presssum's stable entry point for reading DEST back; the parts layout itself is outdir.py's
read_back = read_parts


@dataclass(frozen=True)
class RayJob:
    """What to digest and how; `workers` None lets Ray size the actor pool to the cluster."""

    inputs: Sequence[str]
    dest: str
    config: Config
    settings: str  # options.digest_settings: with an article's content, the key a rerun skips by
    lang: str | None = None
    length: LengthName = "medium"
    strict: bool = False
    glob: str | None = None
    max_bytes: int = 5_000_000
    max_words: int = DEFAULT_MAX_WORDS
    workers: int | None = None
    worker_cpus: int = 1
    address: str | None = None
    batch_size: int = CHUNK_ARTICLES
    quiet: bool = False
    fail_fast: bool = False
    verbose: bool = False  # Ray's own warnings on stderr too


@dataclass(frozen=True)
class Sources:
    """The input files: each one's path in `filesystem` and name in records (as the local engine names it)."""

    filesystem: FileSystem
    names: dict[str, str]  # path -> name, in input order
    missing: list[Failure]  # absent or oversized files, reported without reading them


class RayEngine:
    """The Engine (engine.py) on a Ray cluster: files read by Ray Data, articles digested by a pool of actors."""

    def __init__(self, ray: Any, job: RayJob, sources: Sources, done: Mapping[str, str]) -> None:
        self._ray, self._job, self._sources, self._done = ray, job, sources, done

    def digest(self, names: Sequence[str], on_stage: Callable[[str], None]) -> Iterator[Placed]:
        """Files left out before reading first, then the actors' rows as they finish, in no particular order."""
        for failure in self._sources.missing:
            yield Placed(input=failure.input, file=failure.input, result=failure)
        if self._sources.names:
            _connect(self._ray, self._job.address, logging.WARNING if self._job.verbose else logging.ERROR)
            for row in _dataset(self._ray, self._job, self._sources, self._done).iter_rows():
                result = pickle.loads(row["result"]) if len(row["result"]) else None
                yield Placed(row["input"], row["file"], result, row["position"], row["key"])


def run(job: RayJob, err: Console | None = None) -> Outcome:
    """Digest every input into job.dest; per-input failures are counted and reported, not raised."""
    ray = _import_ray()
    inputs = find_inputs(job.inputs, job.glob, object_store=True)
    sources = _sources(inputs, job.max_bytes)
    if not sources.names and not sources.missing:
        raise PresssumError(f"no input files found in {', '.join(job.inputs)}")
    names = [*sources.names.values(), *(failure.input for failure in sources.missing)]
    writer = JsonLinesParts(Destination(job.dest), names)
    err = err or Console(stderr=True, highlight=False)
    progress = engine.progress_bar(err, disable=job.quiet or len(names) < 2)
    done = {name: entry["key"] for name, entry in writer.previous.items()}
    return engine.run(
        RayEngine(ray, job, sources, done), names, writer, progress=progress, err=err, fail_fast=job.fail_fast
    )


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise PresssumError(RAY_MISSING) from None
    return ray


def _connect(ray: Any, address: str | None, level: int) -> None:
    """Join the cluster at `address` (else $RAY_ADDRESS, else start one here); workers' output stays off stdout
    and Ray's loggers say only what is at `level` or above (ERROR hides the token-authentication notice)."""
    if not ray.is_initialized():
        ray.init(address=address, log_to_driver=False, logging_level=level)
    logging.getLogger("ray.data").setLevel(level)
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "Progress bars disabled"
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # presssum's own bar on stderr counts the inputs instead
    context.print_on_execution_start = False


def _dataset(ray: Any, job: RayJob, sources: Sources, done: Mapping[str, str]) -> Any:
    """Read -> parse (tasks) -> digest (actors, models loaded once each): one row per article."""
    pool = ray.data.ActorPoolStrategy(size=job.workers) if job.workers else ray.data.ActorPoolStrategy(min_size=1)
    # Reading and parsing reserve no CPU: with --workers filling the cluster, actors holding every CPU
    # would otherwise wait forever for input that no task could be scheduled to read.
    files = ray.data.read_binary_files(
        list(sources.names), include_paths=True, filesystem=sources.filesystem, num_cpus=0
    )
    parsed = files.flat_map(
        parse_file,
        fn_kwargs={
            "names": sources.names,
            "lang": job.lang,
            "settings": job.settings,
            "done": done,
            "max_words": job.max_words,
        },
        num_cpus=0,
    )
    # Ray Data restarts a dead actor and retries its batch (max_restarts=-1, max_task_retries=-1 by default).
    return parsed.map_batches(
        DigestActor,
        batch_size=job.batch_size,
        compute=pool,
        num_cpus=job.worker_cpus,
        fn_constructor_kwargs={"config": job.config, "lang": job.lang, "length": job.length, "strict": job.strict},
    )


def parse_file(
    row: dict[str, Any],
    *,
    names: Mapping[str, str],
    lang: str | None,
    settings: str,
    done: Mapping[str, str],
    max_words: int = DEFAULT_MAX_WORDS,
) -> list[dict[str, Any]]:
    """One file's bytes -> one row per article (or failure), keyed like cache.py; done ones carry no article."""
    name = names[row["path"]]
    rows = []
    for position, item in enumerate(articles_in(name, row["bytes"], max_words=max_words)):
        key = digest_key(item, lang, settings) if isinstance(item, Article) else ""
        skipped = bool(key) and done.get(item.input) == key
        payload = b"" if skipped else pickle.dumps(item)
        rows.append({"input": item.input, "file": name, "position": position, "key": key, "item": payload})
    return rows


class DigestActor:
    """A Ray actor holding one Pipeline: models load on first use and serve every later batch."""

    def __init__(self, config: Config, lang: str | None, length: LengthName, strict: bool) -> None:
        import ray

        from presssum.digest import Pipeline
        from presssum.models import quiet_transformers

        limit_threads(int(ray.get_runtime_context().get_assigned_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]
        quiet_transformers()
        self._pipeline = Pipeline(config)
        self._options: dict[str, Any] = {"lang": lang, "length": length, "strict": strict}

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        todo = [i for i, payload in enumerate(batch["item"]) if len(payload)]
        items: list[Article | Failure] = [pickle.loads(batch["item"][i]) for i in todo]
        results = [b""] * len(batch["item"])  # empty: already digested in DEST
        for i, result in zip(todo, digest_loaded(self._pipeline, items, **self._options), strict=True):
            results[i] = pickle.dumps(result)
        return {
            "input": batch["input"],
            "file": batch["file"],
            "position": batch["position"],
            "key": batch["key"],
            "result": results,
        }


def limit_threads(threads: int) -> None:
    """Torch and CTranslate2 (which follows torch, models.py) use this actor's CPUs only, so N actors share a node."""
    import torch

    torch.set_num_threads(threads)


def _sources(inputs: Inputs, max_bytes: int) -> Sources:
    """Where Ray reads each input; absent and oversized files are left out, with the local engine's messages."""
    from pyarrow.fs import FileType, LocalFileSystem

    filesystem = inputs.store or LocalFileSystem()
    paths = inputs.paths or {name: os.path.abspath(name) for name in inputs.names}
    readable, missing = {}, []
    for info, name in zip(filesystem.get_file_info(list(paths.values())), paths, strict=True):
        try:
            if info.type == FileType.NotFound:
                raise InputError("no such file")
            if info.type == FileType.Directory:
                raise InputError("is a directory")
            check_size(info.size, max_bytes)
            readable[info.path] = name
        except InputError as exc:
            missing.append(Failure(input=name, error=str(exc)))
    return Sources(filesystem, readable, missing)


def run_digest(
    config: Config,
    options: DigestOptions,
    *,
    dest: str | None,
    workers: int | None,
    worker_cpus: int,
    address: str | None,
) -> ExitCode:
    """The body of `presssum digest --engine ray`: the local engine's options, records, messages and exit codes."""
    if dest is None:
        raise PresssumError("--engine ray needs --output DEST (a folder: local, s3://, gs://, ...)")
    if validate(options, is_terminal=False).name != "jsonl" and options.output_format is not None:
        raise PresssumError("--engine ray writes JSON Lines parts and index.json: use --format jsonl or leave it out")
    if (workers is not None and workers < 1) or worker_cpus < 1:
        raise PresssumError("--workers and --worker-cpus must be at least 1")
    job = RayJob(
        inputs=options.inputs,
        dest=dest,
        config=config,
        settings=digest_settings(config, options),
        lang=options.lang,
        length=options.length,  # type: ignore[arg-type]  # validate() checked it
        strict=options.strict,
        glob=options.glob,
        max_bytes=options.max_bytes,
        max_words=options.max_words,
        workers=workers,
        worker_cpus=worker_cpus,
        address=address,
        quiet=options.quiet,
        fail_fast=options.fail_fast,
        verbose=options.verbose,
    )
    err = Console(stderr=True, highlight=False)
    with ray_output(verbose=options.verbose):
        try:
            outcome = run(job, err)
        finally:
            _disconnect()
    if not options.quiet:
        err.print(
            f"presssum: {outcome.done} digested, {outcome.failed} failed, {outcome.skipped} already in {dest}",
            markup=False,
            soft_wrap=True,  # one line whatever the terminal's width: DEST may be a long URL
        )
    return outcome.exit_code


def _disconnect() -> None:
    """Leave Ray while its output is still kept off stdout and stderr: its driver threads print until
    shutdown (a raylet's out-of-memory notice, say), which at interpreter exit would reach stdout."""
    ray = sys.modules.get("ray")
    if ray is not None and ray.is_initialized():
        ray.shutdown()


@contextlib.contextmanager
def ray_output(*, verbose: bool) -> Iterator[None]:
    """Ray's own lines kept off stderr, which is for presssum's: shown with --verbose, or when the run fails.

    `ray.init(logging_level=ERROR)` quiets Ray's Python loggers (_connect), but its C++ core writes to
    the process's stderr (`core_worker.cc: ...`) whatever the settings, and its driver threads print to
    stdout (a lost actor). So for the run, file descriptor 2 and Python's stdout go to a temporary file,
    and presssum's own messages (sys.stderr) to where stderr went before.
    """
    if verbose:
        with contextlib.redirect_stdout(sys.stderr):  # records go to DEST: stdout carries nothing
            yield
        return
    _import_ray()  # Ray's log handlers, made at import, write to file descriptor 2: into the file below
    sys.stderr.flush()
    terminal = os.dup(2)
    real_stderr = sys.stderr
    with tempfile.TemporaryFile() as log, open(log.fileno(), "w", encoding="utf-8", closefd=False) as text:
        os.dup2(log.fileno(), 2)
        if _on_descriptor_2(real_stderr):
            sys.stderr = open(terminal, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)  # noqa: SIM115
        try:
            with contextlib.redirect_stdout(text):
                yield
        except Exception:
            text.flush()
            log.seek(0)
            sys.stderr.write(log.read().decode("utf-8", "replace"))  # what Ray said may explain the error
            raise
        finally:
            sys.stderr.flush()
            if sys.stderr is not real_stderr:
                sys.stderr.close()
                sys.stderr = real_stderr
            os.dup2(terminal, 2)
            os.close(terminal)


def _on_descriptor_2(stream: object) -> bool:
    """Whether `stream` is the process's stderr (not a test runner's capture)."""
    try:
        return bool(stream.fileno() == 2)  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
