"""Markdown, for notes and tickets; article text is escaped so it can never become markup."""

from __future__ import annotations

import re
from collections.abc import Sequence

from presssum.records import Digest

# Every ASCII punctuation mark that CommonMark can give a meaning to, and the HTML openers.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|~>])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Text that Markdown renders exactly as written: no links, emphasis, HTML or list markers."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(r"\1\2\\\3", text)


def render_digest(digest: Digest, *, full: bool = False) -> str:
    lang = digest.source_lang.upper()
    meta = " · ".join(escape(part) for part in digest.credits)
    lines = [f"# {escape(digest.headline_en)}", ""]
    if digest.headline_en != digest.headline:
        lines += [f"*{lang}: {escape(digest.headline)}*", ""]
    lines += [meta, "", "## Summary (EN)", "", escape(digest.summary.en), ""]
    if digest.summary.back is not None:
        lines += [f"## Summary ({lang})", "", escape(digest.summary.back), ""]
    if digest.summary.method != "abstractive":
        lines += [f"*Summary method: {escape(digest.summary.method)}*", ""]
    lines += [f"> **Warning:** {escape(warning)}\n" for warning in digest.warnings]
    if full:
        lines += ["## Full translation", ""]
        for pair in digest.paragraphs:
            lines += [f"> {escape(pair.source)}", "", escape(pair.en), ""]
    lines += [f"<sub>{escape(digest.signature)}</sub>", ""]
    return "\n".join(lines)


def render_document(digests: Sequence[Digest], *, full: bool = False) -> str:
    return "\n---\n\n".join(render_digest(digest, full=full) for digest in digests)
