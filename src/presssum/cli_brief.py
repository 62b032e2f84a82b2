"""The body of `presssum brief` and `digest --group`: digest the inbox, group it into stories, print or write them."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import cast

from rich.console import Console

from presssum.batch import digest_loaded
from presssum.brief import is_recent, stories
from presssum.config import Config, LengthName
from presssum.digest import Pipeline
from presssum.engine import Outcome, report
from presssum.errors import ExitCode, PresssumError
from presssum.load import find_inputs, load_articles
from presssum.options import DigestOptions, open_cache, validate
from presssum.outdir import INDEX, index_document, index_entries, write_atomic
from presssum.records import Article, Digest, Failure, Story
from presssum.render import OutputFormat
from presssum.watch import modified_time, wake_ups


def collect(
    config: Config, options: DigestOptions, pipeline: Pipeline, since: timedelta | None, *, watching: bool = False
) -> tuple[list[Story], list[Failure]]:
    """Every recent wire of the inputs digested (cached ones from the cache) and grouped into stories.

    An empty inbox is an error, except to a watcher, which waits for the first wire.
    """
    paths = find_inputs(options.inputs, options.glob).names
    if not paths and not watching:
        raise PresssumError(f"no input files found in {', '.join(options.inputs)}")
    now = datetime.now(timezone.utc)
    loaded = [
        item
        for item in load_articles(paths, max_bytes=options.max_bytes, max_words=options.max_words)
        if isinstance(item, Failure) or is_recent(item, since, now)
    ]
    cache = open_cache(config, options)
    try:
        length = cast(LengthName, options.length)
        results = list(
            digest_loaded(pipeline, loaded, lang=options.lang, length=length, cache=cache, strict=options.strict)
        )
    finally:
        if cache:
            cache.close()
    pairs = [
        (item, result)
        for item, result in zip(loaded, results, strict=True)
        if isinstance(item, Article) and isinstance(result, Digest)
    ]
    return stories(pairs), [result for result in results if isinstance(result, Failure)]


def run_brief(
    config: Config, options: DigestOptions, since: timedelta | None = None, watch: Path | None = None
) -> ExitCode:
    """Print the brief, or write it into --output (again at every change of `watch`, until Ctrl-C)."""
    from presssum.models import quiet_transformers

    quiet_transformers()
    out = Console(soft_wrap=False)
    err = Console(stderr=True, highlight=False)
    chosen = validate(options, out.is_terminal)
    if watch is not None and options.output is None:
        raise PresssumError("brief --watch needs --output DIR")
    pipeline = Pipeline(config)

    def once() -> ExitCode:
        found, failures = collect(config, options, pipeline, since, watching=watch is not None)
        outcome = Outcome()
        for failure in failures:
            outcome.count(failure)
            report(err, failure)
        if options.output is not None:
            for path in write_brief(options.output, found, chosen, options):
                if not options.quiet:
                    err.print(f"presssum: {path}", markup=False, soft_wrap=True)
        elif chosen.brief_view is not None:
            out.print(chosen.brief_view(found, options.render))
        else:
            sys.stdout.buffer.write(chosen.brief(found, options.render))
            sys.stdout.flush()
        if not options.quiet:
            err.print(f"presssum: {len(found)} stories, {len(failures)} failed", markup=False)
        return outcome.exit_code

    state = inbox_state(options)
    code = once()
    if watch is None:
        return code
    if not options.quiet:
        err.print(f"presssum: watching {watch} for new wires (Ctrl-C to stop)", markup=False)
    # every wake-up compares the inbox with what the last brief read. Only Ctrl-C ends it: the CLI's
    # boundary turns that into 130, and every brief written stays whole.
    for _ in wake_ups(watch):
        current = inbox_state(options)
        if current != state:
            state = current
            once()
    return ExitCode.OK


def inbox_state(options: DigestOptions) -> dict[str, float]:
    """Each input file and its modification time: what a brief was made from."""
    paths = find_inputs(options.inputs, options.glob, note=lambda _: None).names  # the brief itself warns once
    return {path: modified_time(path) for path in paths}


def write_brief(folder: Path, found: list[Story], chosen: OutputFormat, options: DigestOptions) -> list[Path]:
    """One file per story (one for all, where the format holds them in one: e-mail) and index.json;
    files of stories gone are removed.

    Only files whose content changed are rewritten, and returned: a watcher sees which stories moved.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if chosen.one_brief_file:
        files = {f"brief{chosen.suffix}": chosen.brief(found, options.render)}
        names = [f"brief{chosen.suffix}"] * len(found)
    else:
        files = {f"{story.id}{chosen.suffix}": chosen.brief([story], options.render) for story in found}
        names = list(files)
    index_path = folder / INDEX
    previous = index_entries(index_path.read_bytes(), "stories") if index_path.is_file() else []
    for entry in previous:
        if entry["file"] not in files:
            (folder / entry["file"]).unlink(missing_ok=True)
    written = []
    for name, content in files.items():
        path = folder / name
        if not path.is_file() or _without_dates(path.read_bytes()) != _without_dates(content):
            write_atomic(path, content)
            written.append(path)
    entries = [
        {"id": story.id, "file": name, "headline": story.digest.headline_en, "sources": len(story.sources)}
        for story, name in zip(found, names, strict=True)
    ]
    write_atomic(index_path, index_document(entries, "stories"))
    return written


def _without_dates(content: bytes) -> bytes:
    """A message's Date and Message-ID change at every render; the story has not."""
    return b"\n".join(line for line in content.split(b"\n") if not line.startswith((b"Date:", b"Message-ID:")))
