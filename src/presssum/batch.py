"""Digesting many inputs: loading, chunking across articles, results streamed back in input order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice

from presssum.config import LengthName
from presssum.digest import Failure, Pipeline
from presssum.load import LoadFailure, load_articles
from presssum.records import Article, Digest

# Articles digested together: big enough for full batches across articles, small enough to stream.
CHUNK_ARTICLES = 16


def digest_inputs(
    pipeline: Pipeline,
    paths: Sequence[str],
    *,
    lang: str | None = None,
    length: LengthName = "medium",
    max_bytes: int,
    chunk_articles: int = CHUNK_ARTICLES,
) -> Iterator[Digest | Failure]:
    """One result per input, in input order; a bad input is a Failure and the rest go on."""
    loaded = load_articles(paths, max_bytes=max_bytes)
    while chunk := list(islice(loaded, chunk_articles)):
        articles = [item for item in chunk if isinstance(item, Article)]
        digests = iter(pipeline.digest_articles(articles, lang=lang, length=length))
        for item in chunk:
            yield Failure(item.input, item.error) if isinstance(item, LoadFailure) else next(digests)
