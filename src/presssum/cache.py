"""Finished digests kept in SQLite, keyed by content and settings: a rerun redoes only what is missing.

The cache only saves time: whatever goes wrong with it (garbage or a truncated file, a read-only
database or folder, a path under a file, a row from another version) is reported once on stderr and
the run goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from presssum.errors import warn
from presssum.paths import cache_root
from presssum.records import RECORD_FORMAT, Article, Digest

# What a broken cache raises: SQLite's own errors, the file system's, and a row that does not parse.
_FAULTS = (sqlite3.Error, OSError, ValueError, KeyError, TypeError)


def default_cache_path() -> Path:
    return cache_root() / "digests.sqlite"


def digest_key(article: Article, lang: str | None, settings: str) -> str:
    """Content of the article (not its file name), every setting that changes the result and the format
    the digest is stored in."""
    content = article.model_dump(mode="json", exclude={"input"})
    payload = json.dumps([content, lang, settings, RECORD_FORMAT], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


class DigestCache:
    """One row per digest; each write commits at once, so an interrupted batch keeps what it finished."""

    def __init__(self, path: Path, settings: str) -> None:
        self._path = path
        self._settings = settings
        self._db: sqlite3.Connection | None = None
        self.sentences: SentenceCache | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute("CREATE TABLE IF NOT EXISTS digests (key TEXT PRIMARY KEY, digest TEXT NOT NULL)")
            self._db.commit()
            self.sentences = SentenceCache(self._db)
        except _FAULTS as exc:
            self._give_up(exc)

    @property
    def connection(self) -> sqlite3.Connection | None:
        """The database, shared with the sentence cache and the story versions; None once it failed."""
        return self._db

    def key(self, article: Article, lang: str | None) -> str:
        return digest_key(article, lang, self._settings)

    def get(self, article: Article, lang: str | None) -> Digest | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT digest FROM digests WHERE key = ?", (self.key(article, lang),)).fetchone()
            if row is None:
                return None
            return Digest.from_dict({**json.loads(row[0]), "input": article.input, "cached": True})
        except _FAULTS as exc:
            self._give_up(exc)
            return None

    def put(self, article: Article, lang: str | None, digest: Digest) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO digests VALUES (?, ?)",
                (self.key(article, lang), json.dumps(digest.to_dict(), ensure_ascii=False)),
            )
            self._db.commit()
        except _FAULTS as exc:
            self._give_up(exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    def _give_up(self, exc: BaseException) -> None:
        """Warn once and work without the cache from here on."""
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        warn(f"digest cache {self._path} is unusable ({reason}); going on without it (--no-cache skips it)")
        if self._db is not None:
            self._db.close()
        self._db = None
        self.sentences = None


def cache_settings(config_json: str, length: str, version: str, local_models: list[str]) -> str:
    """Everything besides the article that shapes a digest; local model folders count by their files' times."""
    stamps = {
        folder: sorted((p.name, p.stat().st_mtime_ns) for p in Path(folder).glob("*") if p.is_file())
        for folder in local_models
        if Path(folder).is_dir()
    }
    return json.dumps([config_json, length, version, stamps], sort_keys=True)


class SentenceCache:
    """Translations of single sentences, per model and settings: a writethru that repeats most of its lead
    sends only its new sentences to the model. Lives in the digest cache's database."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS sentences (key TEXT PRIMARY KEY, output TEXT NOT NULL, complete INTEGER)"
        )
        self._db.commit()
        self.sent_to_model = 0  # sentences this process translated because they were not cached

    def get_many(self, model: str, texts: list[str]) -> dict[str, tuple[str, bool]]:
        """The cached translations among `texts`, by text."""
        keys = {_sentence_key(model, text): text for text in texts}
        found: dict[str, tuple[str, bool]] = {}
        items = list(keys.items())
        for start in range(0, len(items), 500):
            chunk = dict(items[start : start + 500])
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, output, complete FROM sentences WHERE key IN ({marks})"
            for key, output, complete in self._db.execute(query, list(chunk)):
                found[chunk[key]] = (output, bool(complete))
        return found

    def put_many(self, model: str, translations: dict[str, tuple[str, bool]]) -> None:
        self.sent_to_model += len(translations)
        rows = [(_sentence_key(model, text), out, int(ok)) for text, (out, ok) in translations.items()]
        self._db.executemany("INSERT OR REPLACE INTO sentences VALUES (?, ?, ?)", rows)
        self._db.commit()


def _sentence_key(model: str, text: str) -> str:
    return hashlib.sha256(json.dumps([model, text], ensure_ascii=False).encode()).hexdigest()
