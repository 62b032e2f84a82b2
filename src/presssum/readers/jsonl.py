"""JSON Lines feeds: one article per line; a bad line is an error of its own and the others go on.

A line is presssum's own record (title, text, …) or a whole ninjs item.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from presssum.errors import InputError
from presssum.readers import ninjs
from presssum.readers.plain import parse_wire
from presssum.records import Article, Failure

FIELDS = {"title", "text", "id", "source", "date", "url", "lang", "author", "dateline"}


def parse(text: str, name: str) -> Iterator[Article | Failure]:
    """Each non-empty line as an Article, or as a Failure naming the line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield _article(f"{name}:{number}", line)
            except InputError as exc:
                yield Failure(input=f"{name}:{number}", error=str(exc))


def _article(where: str, line: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:  # `[[[[…` 100,000 deep: a hostile line, not a bug
        raise InputError("invalid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise InputError("a line must be a JSON object")
    if ninjs.is_ninjs(record):
        return ninjs.parse_document(record, where)[0]
    unknown = sorted(set(record) - FIELDS)
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(FIELDS))})")
    values = {key: value for key, value in record.items() if value is not None}
    if not all(isinstance(value, str) for value in values.values()):
        raise InputError("every field must be a string")
    if not values.get("title", "").strip() or not values.get("text", "").strip():
        raise InputError("'title' and 'text' are required")
    # The text is a plain wire without its headline: its source line and dateline are found as in a file.
    body = parse_wire(f"{values['title']}\n\n{values['text']}", input_name=where)
    return Article(
        headline=values["title"].strip(),
        paragraphs=body.paragraphs,
        source=values.get("source") or body.source,
        dateline=values.get("dateline") or body.dateline,
        input=where,
        lang=values.get("lang"),
        id=values.get("id"),
        url=values.get("url"),
        date=values.get("date"),
        author=values.get("author"),
    )
