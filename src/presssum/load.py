"""Reading inputs: files, folders and stdin, decoded whatever their encoding, into Articles."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from charset_normalizer import from_bytes

from presssum.errors import InputError
from presssum.formats import KNOWN_SUFFIXES, read_articles
from presssum.records import Article, Failure

STDIN = "-"
DEFAULT_MAX_BYTES = 5_000_000
# Control characters never found in text; a few of them mark a file as binary.
_BINARY_BYTES = set(range(0, 9)) | {11} | set(range(14, 32)) - {27}


def discover(paths: Sequence[str], pattern: str | None = None) -> list[str]:
    """Expand folders recursively into files, sorted; keep files and '-' as given.

    In a folder, `pattern` picks the files; without one, every wire, HTML and JSON Lines file.
    """
    found: list[str] = []
    for path in paths:
        if path != STDIN and Path(path).is_dir():
            candidates = Path(path).rglob(pattern or "*")
            found += sorted(
                str(p)
                for p in candidates
                if p.is_file() and (pattern or p.suffix.lower() in KNOWN_SUFFIXES) and not p.name.startswith(".")
            )
        else:
            found.append(path)
    return found


def load_articles(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """The Articles of each input (or the reason one failed), in order; a JSONL feed gives several."""
    for path in paths:
        try:
            data = read_bytes(path, max_bytes)
        except InputError as exc:
            yield Failure(input=path, error=str(exc))
            continue
        yield from articles_in(path, data)


def articles_in(name: str, data: bytes) -> Iterator[Article | Failure]:
    """The Articles of one input's bytes, however they were fetched (a file here, an object store)."""
    try:
        yield from read_articles(name, decode(data))
    except InputError as exc:
        yield Failure(input=name, error=str(exc))


def read_bytes(path: str, max_bytes: int) -> bytes:
    """The raw input, refusing anything over `max_bytes` before reading it whole."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        file = Path(path)
        try:
            check_size(file.stat().st_size, max_bytes)
            data = file.read_bytes()
        except FileNotFoundError:
            raise InputError("no such file") from None
        except IsADirectoryError:
            raise InputError("is a directory") from None
        except PermissionError:
            raise InputError("permission denied") from None
    if len(data) > max_bytes:
        raise InputError(f"input is over the {max_bytes:,}-byte limit (--max-bytes)")
    return data


def check_size(size: int, max_bytes: int) -> None:
    """Refuse a file over `max_bytes` from its size alone, before anything reads it."""
    if size > max_bytes:
        raise InputError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")


def decode(data: bytes) -> str:
    """Text from bytes in any common encoding (BOMs honoured); binary data is refused."""
    if not data.strip():
        raise InputError("empty input")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _strict_decode(data, codec)
    sample = data[:4096]
    if b"\x00" in sample or sum(byte in _BINARY_BYTES for byte in sample) > len(sample) // 100:
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot detect the text encoding")
    return str(best)


def _strict_decode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {codec} text ({exc.reason})") from None
