"""Digesting many inputs: loading, cache look-ups, chunks across articles, results in input order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from presssum.cache import DigestCache
from presssum.config import LengthName
from presssum.digest import Pipeline
from presssum.load import load_articles
from presssum.records import Article, Digest, Failure, StoryNotice
from presssum.stories import Plan, StoryStore, attach, plan

# Articles digested together: big enough for full batches across articles, small enough to stream.
CHUNK_ARTICLES = 16


def digest_inputs(
    pipeline: Pipeline,
    paths: Sequence[str],
    *,
    lang: str | None = None,
    length: LengthName = "medium",
    max_bytes: int,
    cache: DigestCache | None = None,
    strict: bool = False,
    chunk_articles: int = CHUNK_ARTICLES,
    on_stage: Callable[[str], None] | None = None,
    hold_embargoed: bool = False,
) -> Iterator[Digest | Failure | StoryNotice]:
    """One result per article, in input order; a bad input is a Failure and the rest go on.

    Of a story's versions only the latest is digested (stories.py); the others, kills and held
    embargoes come back as StoryNotices. Cached digests come back without touching a model; new ones
    are cached as soon as they are done, and so is each translated sentence.
    """
    store = StoryStore(cache.connection) if cache and cache.connection else None
    if cache and cache.sentences:
        pipeline.models.sentence_memory = cache.sentences
    planned = plan(load_articles(paths, max_bytes=max_bytes), store=store, hold_embargoed=hold_embargoed)
    yield from digest_loaded(
        pipeline,
        planned.items,
        versions=planned,
        store=store,
        lang=lang,
        length=length,
        cache=cache,
        strict=strict,
        chunk_articles=chunk_articles,
        on_stage=on_stage,
    )


def digest_loaded(
    pipeline: Pipeline,
    loaded: Iterable[Article | Failure | StoryNotice],
    *,
    versions: Plan | None = None,
    store: StoryStore | None = None,
    lang: str | None = None,
    length: LengthName = "medium",
    cache: DigestCache | None = None,
    strict: bool = False,
    chunk_articles: int = CHUNK_ARTICLES,
    on_stage: Callable[[str], None] | None = None,
) -> Iterator[Digest | Failure | StoryNotice]:
    """digest_inputs for articles already loaded (and perhaps filtered, as `brief --since` does).

    With `versions`, each digest gets its story's versions and changes (stories.attach).
    """
    loaded = iter(loaded)
    while chunk := list(islice(loaded, chunk_articles)):
        cached = {
            index: cache.get(item, lang) if cache and isinstance(item, Article) else None
            for index, item in enumerate(chunk)
        }
        todo: dict[int, Article] = {
            i: item for i, item in enumerate(chunk) if isinstance(item, Article) and cached[i] is None
        }
        fresh = (
            pipeline.digest_articles(list(todo.values()), lang=lang, length=length, strict=strict, on_stage=on_stage)
            if todo
            else []
        )
        results: dict[int, Digest | Failure | None] = {**cached, **dict(zip(todo, fresh, strict=True))}
        for index, item in enumerate(chunk):
            result = item if isinstance(item, Failure | StoryNotice) else results[index]
            if versions and isinstance(item, Article) and isinstance(result, Digest):
                earlier = versions.earlier.get(item.input, [])
                result = attach(
                    result, item, earlier, store, lambda code, s: pipeline.models.translator(code).translate(s)
                )
            if cache and isinstance(item, Article) and isinstance(result, Digest) and index in todo:
                cache.put(item, lang, result)
            if result is not None:
                yield result
