"""The one place that knows the output formats: each renderer's name, file suffix, and how it is written.

A streaming format prints each digest as soon as it is done; a document format (JSON, HTML, e-mail)
is one document for the whole run, written at the end. Every format can also be one file per article
(--output DIR). The CLI looks formats up here and never branches on a format's name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from presssum.records import Digest, Failure, StoryNotice

Result = Digest | Failure | StoryNotice  # a story notice: only the JSON formats show it


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer needs besides the digests: --full, and the e-mail envelope."""

    full: bool = False
    to: str = ""
    sender: str = ""


@dataclass(frozen=True)
class OutputFormat:
    """One output format: how a run's results become bytes, and (streaming formats) one result on its own."""

    name: str
    suffix: str
    document: Callable[[Sequence[Result], RenderOptions], bytes]
    # streaming formats: one result as it comes (None to print nothing for it); rich gives a renderable
    stream: Callable[[Result, RenderOptions], Any] | None = None
    needs_recipient: bool = False
    shows_notices: bool = False  # machine-readable: story notices (withdrawn, held…) are records of the output

    @property
    def streams(self) -> bool:
        return self.stream is not None


def _digests(results: Sequence[Result]) -> list[Digest]:
    return [result for result in results if isinstance(result, Digest)]


def _text_document(results: Sequence[Result], options: RenderOptions) -> bytes:
    from presssum.render import text

    return "\n".join(text.render_digest(d, full=options.full) for d in _digests(results)).encode()


def _text_stream(result: Result, options: RenderOptions) -> str | None:
    from presssum.render import text

    return text.render_digest(result, full=options.full) if isinstance(result, Digest) else None


def _rich_stream(result: Result, options: RenderOptions) -> Any:
    from presssum.render import rich_render

    return rich_render.render_digest(result, full=options.full) if isinstance(result, Digest) else None


def _markdown_document(results: Sequence[Result], options: RenderOptions) -> bytes:
    from presssum.render import markdown

    return markdown.render_document(_digests(results), full=options.full).encode()


def _markdown_stream(result: Result, options: RenderOptions) -> str | None:
    from presssum.render import markdown

    return markdown.render_digest(result, full=options.full) if isinstance(result, Digest) else None


def _html_document(results: Sequence[Result], options: RenderOptions) -> bytes:
    from presssum.render import html

    return html.render_document(_digests(results), full=options.full).encode()


def _json_document(results: Sequence[Result], options: RenderOptions) -> bytes:
    from presssum.render import json_render

    return (json_render.render_document(results) + "\n").encode()


def _jsonl_document(results: Sequence[Result], options: RenderOptions) -> bytes:
    from presssum.render import json_render

    return "".join(json_render.render_line(result) + "\n" for result in results).encode()


def _jsonl_stream(result: Result, options: RenderOptions) -> str:
    from presssum.render import json_render

    return json_render.render_line(result)


def _email_document(results: Sequence[Result], options: RenderOptions) -> bytes:
    from presssum.render import email

    return email.render_message(_digests(results), to=options.to, sender=options.sender, full=options.full)


_ALL = (
    OutputFormat("rich", ".txt", _text_document, _rich_stream),
    OutputFormat("text", ".txt", _text_document, _text_stream),
    OutputFormat("markdown", ".md", _markdown_document, _markdown_stream),
    OutputFormat("html", ".html", _html_document),
    OutputFormat("json", ".json", _json_document, shows_notices=True),
    OutputFormat("jsonl", ".json", _jsonl_document, _jsonl_stream, shows_notices=True),
    OutputFormat("email", ".eml", _email_document, needs_recipient=True),
)
OUTPUT_FORMATS: dict[str, OutputFormat] = {fmt.name: fmt for fmt in _ALL}
FORMATS = tuple(OUTPUT_FORMATS)


def output_format(name: str) -> OutputFormat:
    """The format called `name`; an unknown name lists the choices."""
    from presssum.errors import PresssumError

    if name not in OUTPUT_FORMATS:
        raise PresssumError(f"unknown --format '{name}' (choose from {', '.join(FORMATS)})")
    return OUTPUT_FORMATS[name]
