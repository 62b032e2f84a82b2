"""The one place that knows the output formats: each renderer's name, file suffix, and how it is written.

A streaming format prints each digest as soon as it is done; a document format (JSON, HTML, e-mail)
is one document for the whole run, written at the end. Every format can also be one file per article
(--output DIR), and renders a brief (stories) as well as digests. The commands look formats up here
and never branch on a format's name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from presssum.records import Digest, Failure, Story, StoryNotice

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
    # the stories of a brief as one file
    brief: Callable[[Sequence[Story], RenderOptions], bytes]
    # streaming formats: one result as it comes (None to print nothing for it); rich gives a renderable
    stream: Callable[[Result, RenderOptions], Any] | None = None
    # a format shown on a terminal rather than written: the brief as a rich renderable
    brief_view: Callable[[Sequence[Story], RenderOptions], Any] | None = None
    needs_recipient: bool = False
    shows_notices: bool = False  # machine-readable: story notices (withdrawn, held…) are records of the output
    # the document lists failures too, so it is written even when no input was digested
    lists_failures: bool = False
    # one document holds every story (an e-mail is one message), so --output writes one file, not one per story
    one_brief_file: bool = False


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


def _text_brief(stories: Sequence[Story], options: RenderOptions) -> bytes:
    from presssum.render import brief

    return brief.render_text(stories, full=options.full).encode()


def _rich_brief(stories: Sequence[Story], options: RenderOptions) -> Any:
    from presssum.render import brief

    return brief.render_rich(stories, full=options.full)


def _markdown_brief(stories: Sequence[Story], options: RenderOptions) -> bytes:
    from presssum.render import brief

    return brief.render_markdown(stories, full=options.full).encode()


def _html_brief(stories: Sequence[Story], options: RenderOptions) -> bytes:
    from presssum.render import brief

    return brief.render_html(stories, full=options.full).encode()


def _json_brief(stories: Sequence[Story], options: RenderOptions) -> bytes:
    from presssum.render import brief

    return (brief.render_json(stories) + "\n").encode()


def _email_brief(stories: Sequence[Story], options: RenderOptions) -> bytes:
    from presssum.render import brief

    return brief.render_message(stories, to=options.to, sender=options.sender, full=options.full)


_ALL = (
    OutputFormat("rich", ".txt", _text_document, _text_brief, _rich_stream, brief_view=_rich_brief),
    OutputFormat("text", ".txt", _text_document, _text_brief, _text_stream),
    OutputFormat("markdown", ".md", _markdown_document, _markdown_brief, _markdown_stream),
    OutputFormat("html", ".html", _html_document, _html_brief),
    OutputFormat("json", ".json", _json_document, _json_brief, lists_failures=True, shows_notices=True),
    # a brief is one JSON document: its stories nest, so they are not one line each
    OutputFormat("jsonl", ".json", _jsonl_document, _json_brief, _jsonl_stream, shows_notices=True),
    OutputFormat("email", ".eml", _email_document, _email_brief, needs_recipient=True, one_brief_file=True),
)
OUTPUT_FORMATS: dict[str, OutputFormat] = {fmt.name: fmt for fmt in _ALL}
FORMATS = tuple(OUTPUT_FORMATS)


def output_format(name: str) -> OutputFormat:
    """The format called `name`; an unknown name lists the choices."""
    from presssum.errors import PresssumError

    if name not in OUTPUT_FORMATS:
        raise PresssumError(f"unknown --format '{name}' (choose from {', '.join(FORMATS)})")
    return OUTPUT_FORMATS[name]
