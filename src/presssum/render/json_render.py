"""JSON: one document for the whole run, or one line per article (jsonl)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

SCHEMA_VERSION = 1


class _Result(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def render_line(result: _Result) -> str:
    """One article (or failure) as a single JSON line."""
    return json.dumps(result.to_dict(), ensure_ascii=False)


def render_document(results: Sequence[_Result]) -> str:
    """All articles as one JSON document."""
    return json.dumps(
        {"schema_version": SCHEMA_VERSION, "articles": [r.to_dict() for r in results]},
        ensure_ascii=False,
        indent=2,
    )
