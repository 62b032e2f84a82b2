"""Finding and reading inputs: files, folders, globs, stdin, web pages and object stores, into Articles."""

from __future__ import annotations

import fnmatch
import glob as globbing
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from presssum.errors import InputError, PresssumError, warn
from presssum.readers import KNOWN_SUFFIXES, read_articles
from presssum.readers.fetch import fetch, is_url
from presssum.records import Article, Failure

if TYPE_CHECKING:
    from pyarrow.fs import FileSystem

STDIN = "-"
DEFAULT_MAX_BYTES = 5_000_000
# A 300-page report: minutes of work on a CPU. Translating is linear in words, so this bounds each input's time.
DEFAULT_MAX_WORDS = 50_000
# Text without spaces (a blob, a pasted data dump) counts a word per this many characters, so it cannot
# slip past the limit; ordinary prose has a word every 6 or 7.
_CHARS_PER_WORD = 12
# C0 and C1 controls but newline and tab: ESC, OSC 8 links and clear-screen would reach the terminal.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TEXT_FIELDS = ("headline", "source", "dateline", "lang", "id", "url", "author", "date")

Note = Callable[[str], None]


def check_pattern(pattern: str | None) -> None:
    """A --glob picks files inside the folders given: an absolute pattern or '..' would leave them."""
    if pattern is not None and (PurePath(pattern).is_absolute() or ".." in PurePath(pattern).parts or not pattern):
        raise PresssumError(f"--glob '{pattern}' must be a pattern inside the folder, such as '*.txt'")


@dataclass(frozen=True)
class Inputs:
    """A run's inputs in order, each by the name its records carry; an object store's with where it is read."""

    names: list[str]
    store: FileSystem | None = None  # the object store holding them all; None: local files, stdin, web pages
    paths: Mapping[str, str] = field(default_factory=dict)  # name -> path in `store`


def find_inputs(
    inputs: Sequence[str], pattern: str | None = None, *, note: Note = warn, object_store: bool = False
) -> Inputs:
    """Expand folders (recursively) and globs into files, sorted; keep files, '-' and web pages as given.

    In a folder, `pattern` picks the files; without one, every file with a known input suffix. With
    `object_store` (--engine ray), inputs are local files or URLs of one object store (s3://, gs://, ...),
    listed the same way; without it, an object store's URL is a usage error.
    """
    check_pattern(pattern)
    schemes = {_scheme(name) for name in inputs}
    if object_store:
        if STDIN in inputs:
            raise PresssumError("--engine ray reads files, not stdin")
        if len(schemes) > 1:
            raise PresssumError("--engine ray reads from one filesystem per run: local paths or one kind of URL")
        if schemes != {""}:
            return _list_store(inputs, pattern)
    elif stores := sorted({_scheme(name) for name in inputs if _scheme(name) and not is_url(name)}):
        raise PresssumError(f"{', '.join(stores)}:// inputs are object stores, read by --engine ray")
    found: list[str] = []
    for path in inputs:
        if path != STDIN and not is_url(path) and Path(path).is_dir():
            found += folder_files(Path(path), pattern, note=note)
        elif _is_glob(path) and not Path(path).exists():
            found += sorted(globbing.glob(path)) or [path]  # a pattern the shell left quoted; none found: named
        else:
            found.append(path)
    return Inputs(found)


def store_for(uri: str) -> tuple[FileSystem, str]:
    """The object store a URL names and the path in it; a scheme pyarrow cannot open is the user's error."""
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


def _list_store(uris: Sequence[str], pattern: str | None) -> Inputs:
    """Every file the URLs name in their object store, each named by its URL without credentials or query."""
    located = [store_for(uri) for uri in uris]
    store = located[0][0]
    paths: dict[str, str] = {}
    for uri, (_, path) in zip(uris, located, strict=True):
        prefix = uri.split("://", 1)[0] + "://"
        paths.update({prefix + found: found for found in _listed(store, path, pattern)})
    return Inputs(list(paths), store, paths)


def _listed(store: FileSystem, path: str, pattern: str | None) -> list[str]:
    """A folder's files (recursively, picked as folder_files picks them), a glob's matches, or the path itself."""
    from pyarrow.fs import FileSelector, FileType

    if _is_glob(path):
        base = path[: min(path.find(c) for c in "*?[" if c in path)].rsplit("/", 1)[0]
        infos = store.get_file_info(FileSelector(base, recursive=True))
        return sorted(info.path for info in infos if info.type == FileType.File and fnmatch.fnmatch(info.path, path))
    if store.get_file_info(path).type != FileType.Directory:
        return [path]
    infos = store.get_file_info(FileSelector(path, recursive=True))
    return sorted(
        info.path
        for info in infos
        if info.type == FileType.File
        and not info.base_name.startswith(".")
        and (fnmatch.fnmatch(info.base_name, pattern) if pattern else _known(info.base_name))
    )


def folder_files(folder: Path, pattern: str | None = None, *, note: Note = warn) -> list[str]:
    """The inputs in a folder tree, sorted, as `ls -R` minus what a user would not mean.

    Hidden files and folders (`.git/`) are skipped; links are followed only while they stay inside
    the folder, and one that leaves it is skipped with a note.
    """
    root = folder.resolve()
    found: list[str] = []
    for directory, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in [*subfolders]:
            if Path(directory, name).is_symlink():
                subfolders.remove(name)
                if not _inside(Path(directory, name), root):
                    note(f"{Path(directory, name)}: skipped, a link to a folder outside {folder}")
        for name in files:
            path = Path(directory, name)
            wanted = PurePath(os.path.relpath(path, folder)).match(pattern) if pattern else _known(name)
            if name.startswith(".") or not wanted:
                continue
            if path.is_symlink() and not _inside(path, root):
                note(f"{path}: skipped, a link to a file outside {folder}")
            elif path.is_file():
                found.append(str(path))
    return sorted(found)


def _known(name: str) -> bool:
    return PurePath(name).suffix.lower() in KNOWN_SUFFIXES


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop
        return False


def load_articles(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, max_words: int = DEFAULT_MAX_WORDS
) -> Iterator[Article | Failure]:
    """The Articles of each input (or the reason one failed), in order; a JSONL feed gives several."""
    for path in paths:
        try:
            data = read_bytes(path, max_bytes)
        except InputError as exc:
            yield Failure(input=path, error=str(exc))
            continue
        yield from articles_in(path, data, max_words=max_words)


def articles_in(name: str, data: bytes, *, max_words: int = DEFAULT_MAX_WORDS) -> Iterator[Article | Failure]:
    """The Articles of one input's bytes, however they were fetched (a file here, an object store);
    an article over `max_words` is refused before any model sees it."""
    try:
        for item in read_articles(name, data):
            if isinstance(item, Failure):
                yield item
            elif (words := word_count(item)) > max_words:  # a feed's other items go on
                yield Failure(input=item.input, error=over_words(words, max_words))
            else:
                yield without_controls(item)
    except InputError as exc:
        yield Failure(input=name, error=str(exc))


def without_controls(article: Article) -> Article:
    """The article with terminal control characters removed from every text field; a headline is one line."""
    fields = {name: _strip(getattr(article, name)) for name in _TEXT_FIELDS if getattr(article, name) is not None}
    fields["headline"] = " ".join(fields["headline"].split())
    return article.model_copy(update={**fields, "paragraphs": tuple(_strip(p) for p in article.paragraphs)})


def _strip(text: str) -> str:
    return _CONTROLS.sub("", text)


def word_count(article: Article) -> int:
    """The article's words, as the limit counts them (a long run without spaces counts as several)."""
    texts = (article.headline, *article.paragraphs)
    return sum(max(len(text.split()), len(text) // _CHARS_PER_WORD) for text in texts)


def over_words(words: int, max_words: int) -> str:
    """Why an article is refused, naming the flag that lets it through."""
    return f"article is {words:,} words, over the {max_words:,}-word limit; --max-words {words} digests it"


def check_size(size: int, max_bytes: int) -> None:
    """Refuse a file over `max_bytes` from its size alone, before anything reads it."""
    if size > max_bytes:
        raise InputError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")


def read_bytes(path: str, max_bytes: int) -> bytes:
    """The raw input, never more than `max_bytes + 1` bytes of it, whatever it is (file, pipe, device, URL)."""
    if is_url(path):
        return fetch(path, max_bytes)
    try:
        if path == STDIN:
            if sys.stdin is None:  # started with stdin closed (`<&-`)
                raise InputError("stdin is closed")
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            file = Path(path)
            check_size(file.stat().st_size, max_bytes)
            with file.open("rb") as stream:  # a device or pipe reports size 0 and may never end
                data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except (OSError, ValueError) as exc:  # EIO, EBADF, a closed stdin's "I/O operation on closed file"
        raise InputError(f"cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"input is over the {max_bytes:,}-byte limit (--max-bytes)")
    return data
