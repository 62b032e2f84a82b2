"""presssum's own version, looked up once: digests, the cache key and `--version` all name it."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version


@cache
def package_version() -> str:
    try:
        return version("presssum")
    except PackageNotFoundError:
        return "unknown"
