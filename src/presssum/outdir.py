"""--output: one file per article (or per story) or JSON Lines parts, with one index.json; every write whole.

Both layouts are Writers (engine.py) and share the index: `{"articles": [entry, ...]}`, an entry per
input: `{"input", "file", "headline", ...}` for a record (parts add its `line` and cache `key`),
`{"input", "file": null, "error"}` for a failure, a notice's own fields for a story not digested.
Readers must ignore fields they do not know: entries grow.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presssum.errors import PresssumError, warn
from presssum.load import store_for
from presssum.records import Digest, Failure, StoryNotice

if TYPE_CHECKING:  # the engines' types: outdir is below them, and the brief stage uses slugify
    from pyarrow.fs import FileSystem

    from presssum.engine import Placed, Result

INDEX = "index.json"
PARTS = "parts"
# Records per JSON Lines part; the index is rewritten as each part lands, so a crash loses at most one.
PART_RECORDS = 500
_SLUG_MAX = 80


class OutputError(PresssumError):
    """An article's file could not be written (disk full, folder gone); the batch goes on."""


def slugify(text: str) -> str:
    """A file name from a headline: ASCII letters, digits and dashes only, so no path can escape."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:_SLUG_MAX].rstrip("-") or "article"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.

    The file is created with mode 0666 less the umask, as any other program's output would be.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def index_entry(result: Result, file: str | None, **where: Any) -> dict[str, Any]:
    """One input's line in index.json: where its output is (`where`: its line in a part, its key) and what."""
    if isinstance(result, Failure):
        return {"input": result.input, "file": None, "error": result.error}
    if isinstance(result, StoryNotice):
        return {"input": result.input, "file": file, **where, **result.to_dict()}
    entry = {"input": result.input, "file": file, **where, "headline": result.headline_en}
    entry |= {"story": result.story.id} if result.story else {}
    if result.wire and "correction" in result.wire.signals:  # as the JSON output's "corrected" notice
        entry |= {"corrected": True, "reason": result.wire.ednote}
    return entry


def index_document(entries: Sequence[dict[str, Any]], listing: str = "articles") -> bytes:
    """index.json's bytes: `{"articles": [...]}` (a brief's: `{"stories": [...]}`)."""
    return json.dumps({listing: list(entries)}, ensure_ascii=False, indent=2).encode("utf-8")


def index_entries(data: bytes, listing: str = "articles") -> list[dict[str, Any]]:
    """index.json's entries; ValueError, KeyError or TypeError when it is not one."""
    entries = json.loads(data)[listing]
    if not isinstance(entries, list):
        raise TypeError(f"'{listing}' is not a list")
    return entries


class OutputDir:
    """A folder of digests; rerunning into it rewrites an input's file instead of adding another."""

    def __init__(self, folder: Path, suffix: str) -> None:
        """Create or open the folder; one that cannot be written is a usage error, before any work."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except FileExistsError:
            raise PresssumError(f"--output {folder}: exists and is not a folder") from None
        except OSError as exc:
            raise PresssumError(f"--output {folder}: cannot write there ({exc.strerror or exc})") from None
        self.folder = folder
        self.suffix = suffix
        self.entries: dict[str, dict[str, Any]] = _read_index(folder / INDEX)

    def path_for(self, digest: Digest) -> Path:
        """The input's existing file, else a new name from its headline that no other input holds."""
        previous = self.entries.get(digest.input, {}).get("file")
        if isinstance(previous, str) and previous.endswith(self.suffix):
            return self.folder / previous
        taken = {entry.get("file") for entry in self.entries.values()}
        stem = (
            previous.removesuffix(Path(previous).suffix) if previous else slugify(digest.headline_en or digest.headline)
        )
        name, number = f"{stem}{self.suffix}", 1
        while name in taken or name == INDEX or (self.folder / name).exists():
            number += 1
            name = f"{stem}-{number}{self.suffix}"
        return self.folder / name

    def write(self, digest: Digest, content: bytes) -> Path:
        """Write one article's file and the updated index; a file left in another format is removed."""
        path = self.path_for(digest)
        previous = self.entries.get(digest.input, {}).get("file")
        try:
            write_atomic(path, content)
            self.entries[digest.input] = index_entry(digest, path.name)
            self._write_index()
            if isinstance(previous, str) and previous != path.name:
                (self.folder / previous).unlink(missing_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write {path} ({exc.strerror or exc})") from None
        return path

    def record_failure(self, failure: Failure) -> None:
        self.entries[failure.input] = index_entry(failure, None)
        try:
            self._write_index()
        except OSError as exc:
            warn(f"cannot update {self.folder / INDEX} ({exc.strerror or exc})")

    def record_notice(self, notice: StoryNotice) -> None:
        """A withdrawn story's earlier digest files become a withdrawal notice; the index says why."""
        if notice.kind == "withdrawn":
            for entry in self.entries.values():
                if notice.story and entry.get("story") == notice.story and isinstance(entry.get("file"), str):
                    message = f"WITHDRAWN: {entry.get('headline', '')}\n{notice.message} ({notice.input})\n"
                    write_atomic(self.folder / entry["file"], message.encode("utf-8"))
                    entry["withdrawn"] = True
                    entry |= {"reason": notice.reason} if notice.reason else {}
        self.entries[notice.input] = index_entry(notice, None)
        self._write_index()

    def _write_index(self) -> None:
        write_atomic(self.folder / INDEX, index_document(list(self.entries.values())))


class ArticleFiles:
    """--output DIR as the local engine writes it: one file per article in the chosen format."""

    def __init__(self, folder: OutputDir, render: Callable[[Digest], bytes]) -> None:
        self.folder = folder
        self._render = render

    def add(self, placed: Placed) -> Result | None:
        """Write a digest's file; one that cannot be written (disk full) becomes that input's failure."""
        result = placed.result
        if isinstance(result, Digest):
            try:
                self.folder.write(result, self._render(result))
            except OutputError as exc:
                result = Failure(input=result.input, error=str(exc))
        if isinstance(result, Failure):
            self.folder.record_failure(result)
        elif isinstance(result, StoryNotice):
            self.folder.record_notice(result)
        return result

    def finish(self, *, complete: bool) -> None:
        """Nothing left: each file and the index were written as each article came."""

    def keep(self) -> None:
        """Nothing to do: each file and the index were written whole as each article came."""


def _read_index(path: Path) -> dict[str, dict[str, Any]]:
    """The index's entries by input; an unreadable index is replaced, a file name that is not plain dropped."""
    if not path.exists():
        return {}
    try:
        articles = index_entries(path.read_bytes())
        entries = {entry["input"]: entry for entry in articles if isinstance(entry["input"], str)}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        warn(f"{path} is not a presssum index ({exc}); starting a new one, its files are left as they are")
        return {}
    for entry in entries.values():
        if not _plain_name(entry.get("file")):
            entry["file"] = None
    return entries


def _plain_name(name: object) -> bool:
    """A file directly in the folder: no separator, no '..', not hidden, not the index itself."""
    return (
        isinstance(name, str) and bool(name) and Path(name).name == name and not name.startswith(".") and name != INDEX
    )


class Destination:
    """A folder on the local disk or in an object store (s3://, gs://, ...): whole files in, whole files out."""

    def __init__(self, uri: str) -> None:
        from pyarrow.fs import LocalFileSystem

        self.filesystem: FileSystem
        if "://" in uri:
            self.filesystem, self.root = store_for(uri)
        else:
            self.filesystem, self.root = LocalFileSystem(), os.path.abspath(uri)

    def read(self, relative: str) -> bytes | None:
        """A file's bytes, None if it is not there."""
        from pyarrow.fs import FileType

        path = f"{self.root}/{relative}"
        if self.filesystem.get_file_info(path).type == FileType.NotFound:
            return None
        with self.filesystem.open_input_stream(path) as stream:
            data: bytes = stream.read()
        return data

    def write(self, relative: str, data: bytes) -> None:
        """Whole files only: renamed into place on a disk, a single upload to an object store."""
        from pyarrow.fs import LocalFileSystem

        if isinstance(self.filesystem, LocalFileSystem):
            write_atomic(Path(self.root) / relative, data)
        else:
            with self.filesystem.open_output_stream(f"{self.root}/{relative}") as stream:
                stream.write(data)


class JsonLinesParts:
    """--output DEST as JSON Lines parts (parts/*.jsonl), every input's entry in index.json in input order.

    A rerun into DEST skips inputs whose content and settings (`key`) are digested there already.
    """

    def __init__(self, dest: Destination, names: Sequence[str]) -> None:
        self._dest = dest
        dest.filesystem.create_dir(f"{dest.root}/{PARTS}", recursive=True)
        self.previous = {entry["input"]: entry for entry in read_index(dest) if entry.get("file") and entry.get("key")}
        self._order = {name: number for number, name in enumerate(names)}
        self._entries: dict[tuple[int, int], dict[str, Any]] = {}
        self._pending: list[str] = []
        self._run = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        self._parts = 0

    def add(self, placed: Placed) -> Result | None:
        """File one article: an earlier run's entry, an error, or a record for the current part."""
        from presssum.render.json_render import render_line

        where, result = (self._order[placed.file], placed.position), placed.result
        if result is None:
            self._entries[where] = self.previous[placed.input]
        elif isinstance(result, Failure):
            self._entries[where] = index_entry(result, None)
        else:
            self._pending.append(render_line(result))
            part, line = f"{PARTS}/{self._run}-{self._parts:05d}.jsonl", len(self._pending)
            self._entries[where] = index_entry(result, part, line=line, key=placed.key)
            if line == PART_RECORDS:
                self._flush(final=False)
        return result

    def finish(self, *, complete: bool) -> None:
        """Write what is pending; an incomplete run (--fail-fast) keeps earlier runs' entries."""
        self._flush(final=complete)

    def keep(self) -> None:
        self._flush(final=False)

    def _flush(self, *, final: bool) -> None:
        if self._pending:
            self._dest.write(
                f"{PARTS}/{self._run}-{self._parts:05d}.jsonl", "".join(f"{r}\n" for r in self._pending).encode()
            )
            self._pending, self._parts = [], self._parts + 1
        entries = [self._entries[where] for where in sorted(self._entries)]
        if not final:  # until the run ends, earlier runs' entries stay, so an interrupted rerun keeps them
            seen = {entry["input"] for entry in entries}
            entries += [entry for name, entry in self.previous.items() if name not in seen]
        self._dest.write(INDEX, index_document(entries))


def read_index(dest: Destination) -> list[dict[str, Any]]:
    data = dest.read(INDEX)
    return [] if data is None else index_entries(data)


def read_parts(dest: str) -> list[dict[str, Any]]:
    """Every input's record (or {"input", "error"}) in input order: what `digest -f jsonl` prints locally."""
    folder = Destination(dest)
    parts: dict[str, list[str]] = {}
    results = []
    for entry in read_index(folder):
        if entry.get("file") is None:
            results.append({"input": entry["input"], "error": entry["error"]})
            continue
        if entry["file"] not in parts:
            parts[entry["file"]] = (folder.read(entry["file"]) or b"").decode("utf-8").splitlines()
        results.append(json.loads(parts[entry["file"]][entry["line"] - 1]))
    return results
