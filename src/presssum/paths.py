"""Where presssum keeps what it makes: finished digests and converted model copies."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir

CACHE_ENV = "PRESSSUM_CACHE_DIR"


def cache_root() -> Path:
    """presssum's cache folder ($PRESSSUM_CACHE_DIR, else the platform's user cache)."""
    return Path(os.environ.get(CACHE_ENV) or user_cache_dir("presssum"))
