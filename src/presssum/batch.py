"""Digesting many inputs: loading, cache look-ups, chunks across articles, results in input order."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from presssum.cache import DigestCache
from presssum.config import LengthName
from presssum.digest import Pipeline
from presssum.errors import PresssumError
from presssum.load import DEFAULT_MAX_WORDS, load_articles
from presssum.records import Article, Digest, Failure, StoryNotice
from presssum.stories import Plan, StoryStore, attach, plan

# Articles digested together: big enough for full batches across articles, small enough to stream.
CHUNK_ARTICLES = 16
log = logging.getLogger(__name__)


def digest_inputs(
    pipeline: Pipeline,
    paths: Sequence[str],
    *,
    lang: str | None = None,
    length: LengthName = "medium",
    max_bytes: int,
    max_words: int = DEFAULT_MAX_WORDS,
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
        pipeline.remember_sentences(cache.sentences)
    planned = plan(
        load_articles(paths, max_bytes=max_bytes, max_words=max_words), store=store, hold_embargoed=hold_embargoed
    )
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
        fresh = digest_isolating_bugs(pipeline, list(todo.values()), lang, length, strict, on_stage) if todo else []
        results: dict[int, Digest | Failure | None] = {**cached, **dict(zip(todo, fresh, strict=True))}
        for index, item in enumerate(chunk):
            result = item if isinstance(item, Failure | StoryNotice) else results[index]
            if versions and isinstance(item, Article) and isinstance(result, Digest):
                earlier = versions.earlier.get(item.input, [])
                result = attach(result, item, earlier, store, pipeline.translate_sentences)
            if cache and isinstance(item, Article) and isinstance(result, Digest) and index in todo:
                cache.put(item, lang, result)
            if result is not None:
                yield result


def digest_isolating_bugs(
    pipeline: Pipeline,
    articles: list[Article],
    lang: str | None,
    length: LengthName,
    strict: bool,
    on_stage: Callable[[str], None] | None,
) -> list[Digest | Failure]:
    """Pipeline.digest_articles, where a bug that one article sets off fails that article, not the batch.

    The batch is digested again one article at a time, so only the article that still fails is lost
    (as one named Failure; --traceback shows the trace). Smaller batches also get past memory errors.
    presssum's own errors (models unavailable, bad settings) concern the whole run and are raised.
    """
    try:
        return pipeline.digest_articles(articles, lang=lang, length=length, strict=strict, on_stage=on_stage)
    except PresssumError:
        raise
    except Exception as exc:
        if len(articles) > 1:
            alone = (digest_isolating_bugs(pipeline, [a], lang, length, strict, on_stage) for a in articles)
            return [result for results in alone for result in results]
        log.error("bug while digesting %s", articles[0].input, exc_info=True)
        error = f"internal error ({type(exc).__name__}: {exc}); please report it with this input"
        return [Failure(input=articles[0].input, error=error)]
