"""JSON: one document for the whole run, or one line per article (jsonl)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

SCHEMA_VERSION = 1


class _Result(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def render_line(result: _Result) -> str:
    """One article, failure or story notice as a single JSON line (a notice's has a "notice" key)."""
    return json.dumps(result.to_dict(), ensure_ascii=False)


def render_document(results: Sequence[_Result]) -> str:
    """All articles as one JSON document, and the story notices (withdrawn, superseded, held, corrected).

    Always a valid document: a run of withdrawals alone has no articles and its notices.
    """
    from presssum.records import Digest, StoryNotice

    notices = [r for r in results if isinstance(r, StoryNotice)]
    notices += [n for r in results if isinstance(r, Digest) and (n := r.correction_notice())]
    return json.dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "articles": [r.to_dict() for r in results if not isinstance(r, StoryNotice)],
            "notices": [notice.to_dict() for notice in notices],
        },
        ensure_ascii=False,
        indent=2,
    )
