"""One reader per input format: plain-text wires, HTML pages (trafilatura) and JSON Lines feeds."""

from __future__ import annotations

import json
from collections.abc import Iterator

from presssum.article import is_boilerplate, parse_wire
from presssum.errors import InputError
from presssum.records import Article, Failure

HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WIRE_SUFFIXES = (".txt",)
KNOWN_SUFFIXES = WIRE_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
_JSONL_FIELDS = {"title", "text", "id", "source", "date", "url", "lang", "author", "dateline"}


def read_articles(name: str, text: str) -> Iterator[Article | Failure]:
    """Articles in one decoded input; a bad JSON line is an error of its own, the others go on."""
    kind = sniff(name, text)
    if kind == "jsonl":
        yield from _jsonl(name, text)
    elif kind == "html":
        yield html_article(text, name)
    else:
        yield parse_wire(text, input_name=name)


def sniff(name: str, text: str) -> str:
    """'html', 'jsonl' or 'wire', from the file's suffix, else (stdin, .txt) from its first characters."""
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    start = text.lstrip()[:200].lower()
    if start.startswith(("<!doctype html", "<html")):
        return "html"
    if start.startswith("{"):
        return "jsonl"
    return "wire"


def html_article(html: str, name: str) -> Article:
    """Headline, date, author and body of a web page; navigation, banners and comments left out."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False, as_dict=True
    )
    document: dict[str, str | None] = found if isinstance(found, dict) else {}
    text = document.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML page")
    title = (document.get("title") or "").strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0] == title:
        lines = lines[1:]
    paragraphs = tuple(line for line in lines if not is_boilerplate(line))
    if not title and paragraphs:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    if not paragraphs:
        raise InputError("no article text found in the HTML page")
    return Article(
        headline=title,
        paragraphs=paragraphs,
        source=document.get("sitename") or None,
        input=name,
        author=document.get("author") or None,
        date=document.get("date") or None,
        url=document.get("url") or None,
    )


def _jsonl(name: str, text: str) -> Iterator[Article | Failure]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield _json_article(f"{name}:{number}", line)
            except InputError as exc:
                yield Failure(input=f"{name}:{number}", error=str(exc))


def _json_article(where: str, line: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError("a line must be a JSON object")
    unknown = sorted(set(record) - _JSONL_FIELDS)
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(_JSONL_FIELDS))})")
    values = {key: value for key, value in record.items() if value is not None}
    if not all(isinstance(value, str) for value in values.values()):
        raise InputError("every field must be a string")
    if not values.get("title", "").strip() or not values.get("text", "").strip():
        raise InputError("'title' and 'text' are required")
    body = parse_wire(f"{values['title']}\n\n{values['text']}", input_name=where)
    return Article(
        headline=values["title"].strip(),
        paragraphs=body.paragraphs,
        source=values.get("source"),
        dateline=values.get("dateline"),
        input=where,
        lang=values.get("lang"),
        id=values.get("id"),
        url=values.get("url"),
        date=values.get("date"),
        author=values.get("author"),
    )
