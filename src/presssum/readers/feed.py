"""RSS and Atom feeds (feedparser): each entry an article, its text from the entry's content or summary."""

from __future__ import annotations

from typing import Any

from presssum.errors import InputError
from presssum.readers.dateline import split_dateline
from presssum.readers.text import clean
from presssum.records import Article, Failure

ROOTS = ("rss", "feed", "RDF")


def parse(data: bytes, name: str) -> list[Article | Failure]:
    """One Article per entry with text; an entry without any is a Failure of its own."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        raise InputError("feed without entries")
    source = clean(feed.feed.get("title", "")) or None
    results: list[Article | Failure] = []
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{name}#{number}"
        paragraphs = _paragraphs(entry)
        headline = clean(entry.get("title", ""))
        if not paragraphs or not headline:
            results.append(Failure(input=where, error="feed entry without a title or text"))
            continue
        dateline, paragraphs[0] = split_dateline(paragraphs[0])
        results.append(
            Article(
                headline=headline,
                paragraphs=tuple(paragraphs),
                source=source,
                dateline=dateline,
                input=where,
                lang=(entry.get("language") or feed.feed.get("language") or None),
                id=entry.get("id") or None,
                url=entry.get("link") or None,
                author=clean(entry.get("author", "")) or None,
                date=entry.get("published") or entry.get("updated") or None,
            )
        )
    return results


def _paragraphs(entry: Any) -> list[str]:
    """The entry's longest text (full content over summary), one paragraph per <p> or line."""
    from lxml import html

    texts = [part.get("value", "") for part in entry.get("content", [])] + [entry.get("summary", "")]
    best = max(texts, key=len, default="")
    if not best.strip():
        return []
    fragment = html.fragment_fromstring(best, create_parent="div")
    blocks = [clean(node.text_content()) for node in fragment.iter("p", "li", "h2", "h3")]
    blocks = [block for block in blocks if block] or [clean(line) for line in fragment.text_content().splitlines()]
    return [block for block in blocks if block]
