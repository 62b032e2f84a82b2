"""--output DIR: one file per article with a safe name, an index, every write atomic."""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from presssum.errors import PresssumError, warn
from presssum.records import Digest, Failure, StoryNotice

INDEX = "index.json"
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
            self.entries[digest.input] = {"input": digest.input, "file": path.name, "headline": digest.headline_en}
            if digest.story:
                self.entries[digest.input]["story"] = digest.story.id
            if digest.wire and "correction" in digest.wire.signals:  # as the JSON output's "corrected" notice
                self.entries[digest.input] |= {"corrected": True, "reason": digest.wire.ednote}
            self._write_index()
            if isinstance(previous, str) and previous != path.name:
                (self.folder / previous).unlink(missing_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write {path} ({exc.strerror or exc})") from None
        return path

    def record_failure(self, failure: Failure) -> None:
        self.entries[failure.input] = {"input": failure.input, "file": None, "error": failure.error}
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
        self.entries[notice.input] = {"input": notice.input, "file": None, **notice.to_dict()}
        self._write_index()

    def _write_index(self) -> None:
        index = {"articles": list(self.entries.values())}
        write_atomic(self.folder / INDEX, json.dumps(index, ensure_ascii=False, indent=2).encode("utf-8"))


def _read_index(path: Path) -> dict[str, dict[str, Any]]:
    """The index's entries by input; an unreadable index is replaced, a file name that is not plain dropped."""
    if not path.exists():
        return {}
    try:
        articles = json.loads(path.read_text("utf-8"))["articles"]
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
