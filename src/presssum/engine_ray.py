"""`presssum digest --engine ray`: the local engine's code on a Ray Data actor pool, for whole archives.

Ray Data reads the files (local disk, s3://, gs://, anything pyarrow opens), tasks parse them into
Articles, a pool of actors digests them (each loads the models once) and this process writes JSON Lines
parts plus index.json, which maps every input, in input order, to its record or its error. A rerun
into the same destination skips inputs whose content and settings are already digested there.
"""

from __future__ import annotations

import contextlib
import fnmatch
import glob as globbing
import json
import logging
import os
import pickle
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from presssum.batch import CHUNK_ARTICLES, digest_loaded
from presssum.cache import digest_key
from presssum.config import Config, LengthName
from presssum.errors import ExitCode, InputError, PresssumError
from presssum.load import DEFAULT_MAX_WORDS, STDIN, articles_in, check_size, discover
from presssum.outdir import write_atomic
from presssum.readers import KNOWN_SUFFIXES
from presssum.records import Article, Digest, Failure
from presssum.render.json_render import render_line

if TYPE_CHECKING:
    from pyarrow.fs import FileSystem

    from presssum.cli_run import DigestOptions

RAY_MISSING = "--engine ray needs Ray: pip install 'presssum[ray]'"
INDEX = "index.json"
PARTS = "parts"
# Records per JSON Lines part; the index is rewritten as each part lands, so a crash loses at most one.
PART_RECORDS = 500


@dataclass(frozen=True)
class RayJob:
    """What to digest and how; `workers` None lets Ray size the actor pool to the cluster."""

    inputs: Sequence[str]
    dest: str
    config: Config
    settings: str  # cli_run.digest_settings: with an article's content, the key a rerun skips by
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


@dataclass
class RayOutcome:
    done: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.SOME_FAILED if self.failed else ExitCode.OK


@dataclass(frozen=True)
class Sources:
    """The input files: each one's name in records (as the local engine names it) and path in `filesystem`."""

    filesystem: FileSystem
    names: dict[str, str]  # path -> name, in input order
    missing: list[Failure]  # absent or oversized files, reported without reading them


def run(job: RayJob) -> RayOutcome:
    """Digest every input into job.dest; per-input failures are counted and reported, not raised."""
    ray = _import_ray()
    sources = find_sources(job.inputs, job.glob, job.max_bytes)
    if not sources.names and not sources.missing:
        raise PresssumError(f"no input files found in {', '.join(job.inputs)}")
    dest = Destination(job.dest)
    previous = {entry["input"]: entry for entry in dest.read_index() if entry.get("file") and entry.get("key")}
    names = [*sources.names.values(), *(failure.input for failure in sources.missing)]
    index = IndexWriter(dest, previous, names)
    outcome, err = RayOutcome(), Console(stderr=True, highlight=False)
    progress = Progress(
        TextColumn("digesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=job.quiet or len(names) < 2,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    complete, started = False, set()
    try:
        with progress:
            task = progress.add_task("digest", total=len(names))
            for row in chain(map(_failure_row, sources.missing), _digested(ray, job, sources, previous)):
                if row["skipped"]:
                    outcome.skipped += 1
                elif row["error"]:
                    outcome.failed += 1
                    err.print(f"presssum: error: {row['input']}: {row['error']}", markup=False, soft_wrap=True)
                else:
                    outcome.done += 1
                index.add(row)
                started.add(row["file"])
                progress.update(task, completed=len(started))
                if outcome.failed and job.fail_fast:
                    break
            else:
                complete = True
    finally:
        index.finish(complete=complete)
    return outcome


def _failure_row(failure: Failure) -> dict[str, Any]:
    """A file left out before reading, shaped like the actors' rows."""
    return {"input": failure.input, "file": failure.input, "position": 0, "skipped": False, "error": failure.error}


def _digested(ray: Any, job: RayJob, sources: Sources, previous: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The actors' rows as they finish, in no particular order."""
    if sources.names:
        _connect(ray, job.address)
        yield from _dataset(ray, job, sources, {name: entry["key"] for name, entry in previous.items()}).iter_rows()


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise PresssumError(RAY_MISSING) from None
    return ray


def _connect(ray: Any, address: str | None) -> None:
    """Join the cluster at `address` (else $RAY_ADDRESS, else start one here); workers' output stays off stdout."""
    if not ray.is_initialized():
        ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.WARNING)
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
        size = len(batch["item"])
        record, error, headline = [""] * size, [""] * size, [""] * size
        for i, result in zip(todo, digest_loaded(self._pipeline, items, **self._options), strict=True):
            if isinstance(result, Digest):
                record[i], headline[i] = render_line(result), result.headline_en
            elif isinstance(result, Failure):
                error[i] = result.error
            else:  # a withdrawn, replaced or embargoed story: its notice is the record, as in `-f jsonl`
                record[i], headline[i] = render_line(result), result.headline
        return {
            "input": batch["input"],
            "file": batch["file"],
            "position": batch["position"],
            "key": batch["key"],
            "skipped": [not len(payload) for payload in batch["item"]],
            "record": record,
            "error": error,
            "headline": headline,
        }


def limit_threads(threads: int) -> None:
    """Torch and CTranslate2 (which follows torch, models.py) use this actor's CPUs only, so N actors share a node."""
    import torch

    torch.set_num_threads(threads)


def find_sources(inputs: Sequence[str], pattern: str | None, max_bytes: int) -> Sources:
    """Expand folders and globs as the local engine does; local names stay as given, remote ones are URIs."""
    from pyarrow.fs import LocalFileSystem

    if STDIN in inputs:
        raise PresssumError("--engine ray reads files, not stdin")
    remote = {_scheme(path) for path in inputs}
    if len(remote) > 1:
        raise PresssumError("--engine ray reads from one filesystem per run: local paths or one kind of URL")
    if remote == {""}:
        expanded = [found for path in inputs for found in (sorted(globbing.glob(path)) if _is_glob(path) else [path])]
        local = LocalFileSystem()
        return _checked(local, {os.path.abspath(name): name for name in discover(expanded, pattern)}, max_bytes)
    located = [_filesystem(uri) for uri in inputs]
    filesystem = located[0][0]
    names: dict[str, str] = {}
    for uri, (_, path) in zip(inputs, located, strict=True):
        prefix = uri.split("://", 1)[0] + "://"
        names.update({found: prefix + found for found in _list_remote(filesystem, path, pattern)})
    return _checked(filesystem, names, max_bytes)


def _filesystem(uri: str) -> tuple[FileSystem, str]:
    """The filesystem a URL names and the path in it; a scheme pyarrow cannot open is the user's error."""
    from pyarrow import ArrowInvalid
    from pyarrow.fs import FileSystem

    try:
        return FileSystem.from_uri(uri)  # type: ignore[no-any-return]
    except ArrowInvalid:
        raise PresssumError(
            f"{uri}: --engine ray reads and writes local paths and object stores (s3://, gs://, hdfs://), "
            f"not {_scheme(uri)}:// (digest web pages with the local engine)"
        ) from None


def _scheme(path: str) -> str:
    return path.split("://", 1)[0] if "://" in path else ""


def _is_glob(path: str) -> bool:
    return any(char in path for char in "*?[")


def _list_remote(filesystem: FileSystem, path: str, pattern: str | None) -> list[str]:
    """A folder's files (recursively, picked as discover() picks them), a glob's matches, or the path itself."""
    from pyarrow.fs import FileSelector, FileType

    if _is_glob(path):
        base = path[: min(path.find(c) for c in "*?[" if c in path)].rsplit("/", 1)[0]
        infos = filesystem.get_file_info(FileSelector(base, recursive=True))
        return sorted(info.path for info in infos if info.type == FileType.File and fnmatch.fnmatch(info.path, path))
    if filesystem.get_file_info(path).type != FileType.Directory:
        return [path]
    infos = filesystem.get_file_info(FileSelector(path, recursive=True))
    return sorted(
        info.path
        for info in infos
        if info.type == FileType.File
        and not info.base_name.startswith(".")
        and (fnmatch.fnmatch(info.base_name, pattern) if pattern else info.extension.lower() in _EXTENSIONS)
    )


_EXTENSIONS = {suffix.lstrip(".") for suffix in KNOWN_SUFFIXES}


def _checked(filesystem: FileSystem, names: dict[str, str], max_bytes: int) -> Sources:
    """Leave out absent and oversized files, with the local engine's messages, before Ray reads anything."""
    from pyarrow.fs import FileType

    readable, missing = {}, []
    for info, name in zip(filesystem.get_file_info(list(names)), names.values(), strict=True):
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


class Destination:
    """DEST: parts/*.jsonl and index.json, on the local disk or in an object store."""

    def __init__(self, uri: str) -> None:
        from pyarrow.fs import LocalFileSystem

        if _scheme(uri):
            self.filesystem, self.root = _filesystem(uri)
        else:
            self.filesystem, self.root = LocalFileSystem(), os.path.abspath(uri)
        self.filesystem.create_dir(f"{self.root}/{PARTS}", recursive=True)

    def read_index(self) -> list[dict[str, Any]]:
        from pyarrow.fs import FileType

        path = f"{self.root}/{INDEX}"
        if self.filesystem.get_file_info(path).type == FileType.NotFound:
            return []
        with self.filesystem.open_input_stream(path) as stream:
            articles: list[dict[str, Any]] = json.loads(stream.read())["articles"]
        return articles

    def write(self, relative: str, data: bytes) -> None:
        """Whole files only: renamed into place on a disk, a single upload to an object store."""
        from pyarrow.fs import LocalFileSystem

        if isinstance(self.filesystem, LocalFileSystem):
            write_atomic(Path(self.root) / relative, data)
        else:
            with self.filesystem.open_output_stream(f"{self.root}/{relative}") as stream:
                stream.write(data)


class IndexWriter:
    """Gathers records into parts and every input's entry into index.json, in input order."""

    def __init__(self, dest: Destination, previous: dict[str, dict[str, Any]], names: Sequence[str]) -> None:
        self._dest = dest
        self._previous = previous
        self._order = {name: number for number, name in enumerate(names)}
        self._entries: dict[tuple[int, int], dict[str, Any]] = {}
        self._pending: list[str] = []
        self._run = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        self._parts = 0

    def add(self, row: dict[str, Any]) -> None:
        """File one article's row: an earlier run's entry, an error, or a record for the current part."""
        where = (self._order[row["file"]], row["position"])
        if row["skipped"]:
            self._entries[where] = self._previous[row["input"]]
        elif row["error"]:
            self._entries[where] = {"input": row["input"], "file": None, "error": row["error"]}
        else:
            self._pending.append(row["record"])
            part = f"{PARTS}/{self._run}-{self._parts:05d}.jsonl"
            line = len(self._pending)
            self._entries[where] = {
                "input": row["input"],
                "file": part,
                "line": line,
                "key": row["key"],
                "headline": row["headline"],
            }
            if line == PART_RECORDS:
                self._flush(final=False)

    def finish(self, *, complete: bool) -> None:
        """Write what is pending; an incomplete run (Ctrl-C, --fail-fast) keeps earlier runs' entries."""
        self._flush(final=complete)

    def _flush(self, *, final: bool) -> None:
        if self._pending:
            self._dest.write(
                f"{PARTS}/{self._run}-{self._parts:05d}.jsonl", "".join(f"{r}\n" for r in self._pending).encode()
            )
            self._pending, self._parts = [], self._parts + 1
        entries = [self._entries[where] for where in sorted(self._entries)]
        if not final:  # until the run ends, earlier runs' entries stay, so an interrupted rerun keeps them
            seen = {entry["input"] for entry in entries}
            entries += [entry for name, entry in self._previous.items() if name not in seen]
        index = {"articles": entries}
        self._dest.write(INDEX, json.dumps(index, ensure_ascii=False, indent=2).encode("utf-8"))


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
    from presssum.cli_run import digest_settings, validate

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
    )
    try:
        # Records go to DEST, so stdout carries nothing; what Ray's driver threads print (raylet notices
        # about a lost actor, say) goes to stderr with the rest of the run's messages.
        with contextlib.redirect_stdout(sys.stderr):
            outcome = run(job)
    except KeyboardInterrupt:
        Console(stderr=True).print("presssum: interrupted; finished parts and index.json are kept", markup=False)
        raise SystemExit(130) from None
    if not options.quiet:
        Console(stderr=True, highlight=False).print(
            f"presssum: {outcome.done} digested, {outcome.failed} failed, {outcome.skipped} already in {dest}",
            markup=False,
        )
    return outcome.exit_code


def read_back(dest: str) -> list[dict[str, Any]]:
    """Every input's record (or {"input", "error"}) in input order: what `digest -f jsonl` prints locally."""
    folder = Destination(dest)
    parts: dict[str, list[str]] = {}
    results = []
    for entry in folder.read_index():
        if entry.get("file") is None:
            results.append({"input": entry["input"], "error": entry["error"]})
            continue
        if entry["file"] not in parts:
            with folder.filesystem.open_input_stream(f"{folder.root}/{entry['file']}") as stream:
                parts[entry["file"]] = stream.read().decode("utf-8").splitlines()
        results.append(json.loads(parts[entry["file"]][entry["line"] - 1]))
    return results
