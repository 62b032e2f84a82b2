"""Story versions: items of one story chained by their format's identity, only the latest digested.

Agencies send a story as a stream of versions (flash, lead, writethru, correction) and may kill it.
G2 items chain by guid and order by version, NewsML 1.2 by NewsItemId and RevisionId, IPTC 7901 and
ANPA-1312 by agency and slug, ordered by their take and lead markers. A kill withdraws the story; an
earlier version is superseded. The versions digested in earlier runs are kept in the cache database, so
a writethru arriving tomorrow is compared with today's lead.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from presssum.records import (
    Article,
    Digest,
    Failure,
    NoticeKind,
    StoryChanges,
    StoryNotice,
    StoryVersion,
    VersionChain,
)
from presssum.segment import split_sentences

# Leading slugline segments that name a story ("Tennis/Großbritannien/WTA"); later ones name its angle.
_SLUG_STEM = 3
# Sentences in the source language -> their English, for the changes between versions.
TranslateSentences = Callable[[str, list[str]], list[str]]


def story_id(article: Article) -> str | None:
    """The identity every version of the article's story shares, None for a wire outside any story."""
    wire = article.wire
    if wire is None:
        return None
    if wire.format in ("iptc7901", "anpa1312") and wire.slug:
        return f"{wire.format}:{(article.source or '').lower()}:{wire.slug}"
    if wire.format == "newsml-g2" and wire.guid and wire.slug and wire.located and wire.created:
        # dpa sends a story's update or summary under a new guid: same provider, day, place and slug stem.
        provider = wire.guid.rsplit(":", 1)[0]
        stem = "/".join(wire.slug.split("/")[:_SLUG_STEM])
        return f"{provider}|{wire.created[:10]}|{wire.located}|{stem}"
    return wire.guid


@dataclass
class Plan:
    """What to do with each loaded item, in input order, and the earlier versions behind each latest."""

    items: list[Article | Failure | StoryNotice] = field(default_factory=list)
    earlier: dict[str, list[Article]] = field(default_factory=dict)


class StoryStore:
    """The versions digested in earlier runs: id, version, input, language and source sentences."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS story_versions (story TEXT, version INTEGER, input TEXT, lang TEXT,"
            " sentences TEXT, withdrawn INTEGER, PRIMARY KEY (story, version))"
        )
        self._db.commit()

    def versions(self, story: str) -> list[tuple[int, str, str, list[str], bool]]:
        rows = self._db.execute(
            "SELECT version, input, lang, sentences, withdrawn FROM story_versions WHERE story = ? ORDER BY version",
            (story,),
        )
        return [(v, name, lang, json.loads(s), bool(w)) for v, name, lang, s, w in rows]

    def put(self, story: str, version: int, name: str, lang: str, sentences: list[str], withdrawn: bool) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO story_versions VALUES (?, ?, ?, ?, ?, ?)",
            (story, version, name, lang, json.dumps(sentences, ensure_ascii=False), int(withdrawn)),
        )
        self._db.commit()


def plan(
    items: Iterable[Article | Failure],
    *,
    store: StoryStore | None = None,
    hold_embargoed: bool = False,
    now: datetime | None = None,
) -> Plan:
    """Keep the latest version of each story; the others become notices (withdrawn, superseded, held)."""
    loaded = list(items)
    stories: dict[str, list[int]] = {}
    for index, item in enumerate(loaded):
        if isinstance(item, Article) and (key := story_id(item)):
            stories.setdefault(key, []).append(index)
    result = Plan(items=list(loaded))
    for key, indices in stories.items():
        ordered = sorted(indices, key=lambda i: _order(loaded[i], i))
        latest_index = ordered[-1]
        latest = loaded[latest_index]
        assert isinstance(latest, Article)
        stored = store.versions(key) if store else []
        newer = [row for row in stored if row[0] > _version(latest)]
        for index in ordered[:-1]:
            old = loaded[index]
            assert isinstance(old, Article)
            message = f"superseded by {latest.input} (version {_version(latest)})"
            message += ", which withdraws the story" if _withdrawn(latest) else ""
            result.items[index] = _notice(old, "superseded", message, key)
        if _withdrawn(latest) or any(row[4] for row in newer):
            withdrawn = _notice(latest, "withdrawn", "the agency withdrew this story (kill)", key)
            result.items[latest_index] = withdrawn.model_copy(update={"reason": _note(latest)})
            if store and _withdrawn(latest):
                store.put(key, _version(latest), latest.input, latest.lang or "", [], True)
        elif newer:
            message = f"a later version ({newer[-1][0]}) was digested before"
            result.items[latest_index] = _notice(latest, "superseded", message, key)
        else:
            result.earlier[latest.input] = [loaded[i] for i in ordered[:-1]]  # type: ignore[misc]
    if hold_embargoed:
        moment = now or datetime.now(timezone.utc)
        for index, entry in enumerate(result.items):
            if isinstance(entry, Article) and entry.wire and _embargoed(entry.wire.embargo, moment):
                message = f"EMBARGOED until {entry.wire.embargo}; held (--hold-embargoed)"
                held = _notice(entry, "held", message, story_id(entry))
                result.items[index] = held.model_copy(update={"until": entry.wire.embargo, "reason": _note(entry)})
    return result


def attach(
    digest: Digest,
    article: Article,
    earlier: Sequence[Article],
    store: StoryStore | None,
    translate: TranslateSentences,
) -> Digest:
    """The digest with its story: the versions read and the sentences changed since the previous one."""
    key = story_id(article)
    if key is None:
        return digest
    lang = digest.source_lang
    # dpa's updates under a new guid may repeat the version number: any other digested input counts
    stored = [
        row
        for row in (store.versions(key) if store else [])
        if row[0] <= _version(article) and row[1] != article.input and not row[4]
    ]
    versions = [StoryVersion(input=row[1], version=row[0]) for row in stored]
    versions += [StoryVersion(input=a.input, version=a.wire.version if a.wire else None) for a in earlier]
    versions.append(StoryVersion(input=article.input, version=article.wire.version if article.wire else None))
    sentences = _sentences(article, lang)
    previous: tuple[int, list[str]] | None = None
    if earlier:
        previous = (_version(earlier[-1]), _sentences(earlier[-1], lang))
    elif stored:
        previous = (stored[-1][0], stored[-1][3])
    changes = None
    if previous is not None:
        added = [s for s in sentences if s not in set(previous[1])]
        removed = [s for s in previous[1] if s not in set(sentences)]
        english = iter(translate(lang, added + removed) if lang != "en" else added + removed)
        changes = StoryChanges(
            since_version=previous[0],
            added=tuple(next(english) for _ in added),
            removed=tuple(next(english) for _ in removed),
        )
    if store:
        store.put(key, _version(article), article.input, lang, sentences, False)
    return digest.model_copy(update={"story": VersionChain(id=key, versions=tuple(versions), changes=changes)})


def _note(article: Article) -> str | None:
    return article.wire.ednote if article.wire else None


def _notice(article: Article, kind: NoticeKind, message: str, story: str | None) -> StoryNotice:
    return StoryNotice(input=article.input, kind=kind, message=message, story=story, headline=article.headline)


def _sentences(article: Article, lang: str) -> list[str]:
    return [sentence for paragraph in article.paragraphs for sentence in split_sentences(paragraph, lang)]


def _version(article: Article) -> int:
    return article.wire.version or 0 if article.wire else 0


def _order(item: Article | Failure, position: int) -> tuple[int, str, int]:
    assert isinstance(item, Article)
    return (_version(item), (item.wire.created or "") if item.wire else "", position)


def _withdrawn(article: Article) -> bool:
    return bool(article.wire and (article.wire.status == "canceled" or "kill" in article.wire.signals))


def embargo_passed(embargo: str, moment: datetime | None = None) -> bool:
    """Whether an agency embargo time has passed (an unreadable one never passes on its own)."""
    return not _embargoed(embargo, moment or datetime.now(timezone.utc))


def _embargoed(embargo: str | None, moment: datetime) -> bool:
    if not embargo:
        return False
    try:
        until = datetime.fromisoformat(embargo.replace("Z", "+00:00"))
    except ValueError:
        return True  # an embargo we cannot read is kept until someone looks
    return (until if until.tzinfo else until.replace(tzinfo=timezone.utc)) > moment
