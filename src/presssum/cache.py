"""Finished digests kept in SQLite, keyed by content and settings: a rerun redoes only what is missing."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from platformdirs import user_cache_dir

from presssum.records import Article, Digest

CACHE_ENV = "PRESSSUM_CACHE_DIR"


def cache_root() -> Path:
    """presssum's cache folder: finished digests and converted model copies."""
    return Path(os.environ.get(CACHE_ENV) or user_cache_dir("presssum"))


def default_cache_path() -> Path:
    return cache_root() / "digests.sqlite"


def digest_key(article: Article, lang: str | None, settings: str) -> str:
    """Content of the article (not its file name) plus every setting that changes the result."""
    content = article.model_dump(mode="json", exclude={"input"})
    payload = json.dumps([content, lang, settings], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


class DigestCache:
    """One row per digest; each write commits at once, so an interrupted batch keeps what it finished."""

    def __init__(self, path: Path, settings: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS digests (key TEXT PRIMARY KEY, digest TEXT NOT NULL)")
        self._db.commit()
        self._settings = settings

    def key(self, article: Article, lang: str | None) -> str:
        return digest_key(article, lang, self._settings)

    def get(self, article: Article, lang: str | None) -> Digest | None:
        row = self._db.execute("SELECT digest FROM digests WHERE key = ?", (self.key(article, lang),)).fetchone()
        if row is None:
            return None
        return Digest.from_dict({**json.loads(row[0]), "input": article.input, "cached": True})

    def put(self, article: Article, lang: str | None, digest: Digest) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO digests VALUES (?, ?)",
            (self.key(article, lang), json.dumps(digest.to_dict(), ensure_ascii=False)),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


def cache_settings(config_json: str, length: str, version: str, local_models: list[str]) -> str:
    """Everything besides the article that shapes a digest; local model folders count by their files' times."""
    stamps = {
        folder: sorted((p.name, p.stat().st_mtime_ns) for p in Path(folder).glob("*") if p.is_file())
        for folder in local_models
        if Path(folder).is_dir()
    }
    return json.dumps([config_json, length, version, stamps], sort_keys=True)
