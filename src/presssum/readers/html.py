"""Web pages (trafilatura): headline, date, author and body; navigation, banners and comments left out."""

from __future__ import annotations

from presssum.errors import InputError
from presssum.readers.dateline import split_dateline
from presssum.readers.plain import is_boilerplate
from presssum.records import Article


def parse(html: str, name: str, *, url: str | None = None) -> Article:
    """The article of a web page, or InputError when it has none."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    if found is None:
        raise InputError("no article text found in the HTML page")
    document: dict[str, str | None] = found if isinstance(found, dict) else found.as_dict()
    text = document.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML page")
    title = (document.get("title") or "").strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0] == title:
        lines = lines[1:]
    paragraphs = [line for line in lines if not is_boilerplate(line)]
    if not title and paragraphs:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    if not paragraphs:
        raise InputError("no article text found in the HTML page")
    dateline, paragraphs[0] = split_dateline(paragraphs[0])
    return Article(
        headline=title,
        paragraphs=tuple(paragraphs),
        source=document.get("sitename") or None,
        dateline=dateline,
        input=name,
        author=document.get("author") or None,
        date=document.get("date") or None,
        url=document.get("url") or url,
    )
