"""--output DIR: one file per article with a safe name, an index, every write atomic."""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from presssum.records import Digest, Failure, StoryNotice

INDEX = "index.json"
_SLUG_MAX = 80


def slugify(text: str) -> str:
    """A file name from a headline: ASCII letters, digits and dashes only, so no path can escape."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:_SLUG_MAX].rstrip("-") or "article"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class OutputDir:
    """A folder of digests; rerunning into it rewrites an input's file instead of adding another."""

    def __init__(self, folder: Path, suffix: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.suffix = suffix
        index = folder / INDEX
        self.entries: dict[str, dict[str, Any]] = {}
        if index.is_file():
            self.entries = {entry["input"]: entry for entry in json.loads(index.read_text("utf-8"))["articles"]}

    def path_for(self, digest: Digest) -> Path:
        """The input's existing file, else a new name from its headline that no other input holds."""
        previous = self.entries.get(digest.input, {}).get("file")
        if isinstance(previous, str):
            return self.folder / previous
        taken = {entry.get("file") for entry in self.entries.values()}
        stem = slugify(digest.headline_en or digest.headline)
        name, number = f"{stem}{self.suffix}", 1
        while name in taken or (self.folder / name).exists():
            number += 1
            name = f"{stem}-{number}{self.suffix}"
        return self.folder / name

    def write(self, digest: Digest, content: bytes) -> Path:
        """Write one article's file and the updated index."""
        path = self.path_for(digest)
        write_atomic(path, content)
        self.entries[digest.input] = {"input": digest.input, "file": path.name, "headline": digest.headline_en}
        if digest.story:
            self.entries[digest.input]["story"] = digest.story.id
        self._write_index()
        return path

    def record_failure(self, failure: Failure) -> None:
        self.entries[failure.input] = {"input": failure.input, "file": None, "error": failure.error}
        self._write_index()

    def record_notice(self, notice: StoryNotice) -> None:
        """A withdrawn story's earlier digest files become a withdrawal notice; the index says why."""
        if notice.kind == "withdrawn":
            for entry in self.entries.values():
                if notice.story and entry.get("story") == notice.story and isinstance(entry.get("file"), str):
                    message = f"WITHDRAWN: {entry.get('headline', '')}\n{notice.message} ({notice.input})\n"
                    write_atomic(self.folder / entry["file"], message.encode("utf-8"))
                    entry["withdrawn"] = True
        self.entries[notice.input] = {"input": notice.input, "file": None, **notice.to_dict()}
        self._write_index()

    def _write_index(self) -> None:
        index = {"articles": list(self.entries.values())}
        write_atomic(self.folder / INDEX, json.dumps(index, ensure_ascii=False, indent=2).encode("utf-8"))
