"""Finished digests kept in SQLite, keyed by content and settings: a rerun redoes only what is missing.

The cache only saves time: whatever goes wrong with it is reported once on stderr and no article fails
for it. A cache that cannot be written (a read-only file, folder or mount, a full disk, a database
another process keeps locked) is still read, and nothing new is stored; one that cannot be read
(garbage, a truncated file, a path under a file, a database of another presssum version) is left alone.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from presssum.errors import warn
from presssum.paths import cache_root
from presssum.records import RECORD_FORMAT, Article, Digest

# What a broken cache raises: SQLite's own errors, the file system's, and a row that does not parse.
_FAULTS = (sqlite3.Error, OSError, ValueError, KeyError, TypeError)
# How long a statement waits for another process's lock: a presssum run holds one for a single commit.
BUSY_TIMEOUT_S = 2.0
# The layout this version reads and writes, stamped in the file (PRAGMA user_version; 0: before stamping).
SCHEMA_VERSION = 1
_TABLES = {
    "digests": "key TEXT PRIMARY KEY, digest TEXT NOT NULL",
    "sentences": "key TEXT PRIMARY KEY, output TEXT NOT NULL, complete INTEGER",
}


def default_cache_path() -> Path:
    return cache_root() / "digests.sqlite"


def digest_key(article: Article, lang: str | None, settings: str) -> str:
    """Content of the article (not its file name), every setting that changes the result and the format
    the digest is stored in."""
    content = article.model_dump(mode="json", exclude={"input"})
    payload = json.dumps([content, lang, settings, RECORD_FORMAT], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


class CacheConnection(sqlite3.Connection):
    """The cache's database, for every table in it (digests, sentences, story versions): no statement raises.

    The first statement that fails is the one warning. A failed write leaves the database read-only for
    the rest of the run, a failed read leaves it unused; either way the statement yields no rows.
    """

    path: Path
    mode = "write"  # "write", then "read" once a write failed, "off" once a read failed

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        return self._guarded(sql, lambda: super(CacheConnection, self).execute(sql, parameters))

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        return self._guarded(sql, lambda: super(CacheConnection, self).executemany(sql, parameters))

    def commit(self) -> None:
        if self.mode == "write":
            try:
                super().commit()
            except sqlite3.Error as exc:
                self.fail(exc, writing=True)

    def fail(self, exc: BaseException, *, writing: bool) -> None:
        """Warn (the first time only) and stop writing, or stop using the database altogether."""
        if self.mode == "write":
            if writing:
                warn(f"digest cache {self.path} cannot be written ({_reason(exc)}); reading it, storing nothing new")
            else:
                _warn_unusable(self.path, exc)
        self.mode = "read" if writing and self.mode == "write" and self._rolled_back() else "off"

    def _rolled_back(self) -> bool:
        try:
            super().rollback()
        except sqlite3.Error:
            return False
        return True

    def _guarded(self, sql: str, run: Callable[[], sqlite3.Cursor]) -> sqlite3.Cursor:
        writing = not sql.lstrip().upper().startswith("SELECT")
        if self.mode == "off" or (writing and self.mode == "read"):
            return _no_rows()
        try:
            return run()
        except sqlite3.Error as exc:
            # a table a read-only cache could not create holds no rows; the others are still worth reading
            if not (self.mode == "read" and str(exc).startswith("no such table")):
                self.fail(exc, writing=writing)
            return _no_rows()


def _warn_unusable(path: Path, exc: BaseException) -> None:
    warn(f"digest cache {path} is unusable ({_reason(exc)}); going on without it (--no-cache skips it)")


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _no_rows() -> sqlite3.Cursor:
    """An empty result, from a database that cannot fail."""
    return sqlite3.connect(":memory:").execute("SELECT 1 WHERE 0")


class DigestCache:
    """One row per digest; each write commits at once, so an interrupted batch keeps what it finished."""

    def __init__(self, path: Path, settings: str) -> None:
        self._settings = settings
        self._db: CacheConnection | None = None
        self.sentences: SentenceCache | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, factory=CacheConnection)
        except _FAULTS as exc:
            _warn_unusable(path, exc)
            return
        db.path = path
        self._db = db
        if (problem := _foreign(db)) is not None:
            db.fail(sqlite3.DatabaseError(problem), writing=False)
            return
        for table, columns in _TABLES.items():
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")  # also finds out, now, whether it can be written
        db.commit()
        self.sentences = SentenceCache(db) if self.connection is not None else None

    @property
    def connection(self) -> sqlite3.Connection | None:
        """The database, shared with the sentence cache and the story versions; None once it failed."""
        return self._db if self._db is not None and self._db.mode != "off" else None

    def key(self, article: Article, lang: str | None) -> str:
        return digest_key(article, lang, self._settings)

    def get(self, article: Article, lang: str | None) -> Digest | None:
        if self.connection is None:
            return None
        row = self.connection.execute("SELECT digest FROM digests WHERE key = ?", (self.key(article, lang),)).fetchone()
        if row is None:
            return None
        try:
            return Digest.from_dict({**json.loads(row[0]), "input": article.input, "cached": True})
        except _FAULTS as exc:  # a row this version cannot read: the rest of the file is no safer
            self._fail(exc)
            return None

    def put(self, article: Article, lang: str | None, digest: Digest) -> None:
        if self.connection is None:
            return
        payload = json.dumps(digest.to_dict(), ensure_ascii=False)
        self.connection.execute("INSERT OR REPLACE INTO digests VALUES (?, ?)", (self.key(article, lang), payload))
        self.connection.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    def _fail(self, exc: BaseException) -> None:
        if self._db is not None:
            self._db.fail(exc, writing=False)


def _foreign(db: sqlite3.Connection) -> str | None:
    """Why the database is not one this version can use ('written by presssum schema N'), or None."""
    version = db.execute("SELECT * FROM pragma_user_version").fetchone()
    if version is not None and version[0] > SCHEMA_VERSION:
        return f"written by a newer presssum (cache schema {version[0]}; this version reads {SCHEMA_VERSION})"
    for table, columns in _TABLES.items():
        found = [row[0] for row in db.execute(f"SELECT name FROM pragma_table_info('{table}')")]
        wanted = [column.split()[0] for column in columns.split(", ")]
        if found and found != wanted:
            return f"written by another presssum version (table {table} has columns {', '.join(found)})"
    return None


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
        self._db = db  # the digest cache's guarded connection: a fault is its warning, never an exception
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
