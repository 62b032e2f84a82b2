"""One renderer per output format, all reading the same Digest."""

from __future__ import annotations

from collections.abc import Sequence

from presssum.records import Digest

FORMATS = ("rich", "text", "markdown", "html", "json", "jsonl", "email")
# Formats whose output is one document for the whole run; the others stream article by article.
DOCUMENT_FORMATS = ("json", "html", "email")
SUFFIXES = {"rich": ".txt", "text": ".txt", "markdown": ".md", "html": ".html", "json": ".json", "jsonl": ".json"}


def render_file(digests: Sequence[Digest], output_format: str, *, full: bool, to: str, sender: str) -> bytes:
    """The digests as one file's content in `output_format` (rich falls back to plain text)."""
    from presssum.render import email, html, json_render, markdown, text

    if output_format == "email":
        return email.render_message(digests, to=to, sender=sender, full=full)
    if output_format == "html":
        document = html.render_document(digests, full=full)
    elif output_format == "markdown":
        document = markdown.render_document(digests, full=full)
    elif output_format == "json":
        document = json_render.render_document(digests) + "\n"
    elif output_format == "jsonl":
        document = "".join(json_render.render_line(d) + "\n" for d in digests)
    else:
        document = "\n".join(text.render_digest(d, full=full) for d in digests)
    return document.encode("utf-8")
