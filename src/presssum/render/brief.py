"""The morning brief in every format: each story's digest (by the per-digest renderers), sources, disagreements."""

from __future__ import annotations

import json
from collections.abc import Sequence
from email.message import EmailMessage
from email.policy import default
from email.utils import formatdate, make_msgid
from html import escape as html_escape

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from presssum.records import Disagreement, Story, StorySource
from presssum.render import html, markdown, rich_render, text
from presssum.render.json_render import SCHEMA_VERSION

_SUBJECT_MAX = 150


def title(stories: Sequence[Story]) -> str:
    wires = sum(len(story.sources) for story in stories)
    return f"Morning brief: {len(stories)} {'story' if len(stories) == 1 else 'stories'} from {wires} wires"


def _when(source: StorySource) -> str:
    return source.published[:16].replace("T", " ") + " UTC" if source.published else "time unknown"


def _source_line(source: StorySource) -> str:
    headline = source.headline if source.headline == source.headline_en else f"{source.headline} [{source.headline_en}]"
    return f"{source.agency} · {source.lang} · {_when(source)} · {headline}"


def _claims_line(row: Disagreement) -> str:
    return "; ".join(
        f"{claim.source}: {claim.text}" + (f" (= {claim.value})" if claim.value != claim.text else "")
        for claim in row.claims
    )


def _update_line(row: Disagreement) -> str:
    """'EFE: 7 muertos -> 9 muertos': one agency's figure, then what it changed it to."""
    return f"{row.claims[0].source}: " + " -> ".join(claim.text for claim in row.claims)


def render_text(stories: Sequence[Story], *, full: bool = False) -> str:
    lines = [title(stories).upper(), ""]
    for number, story in enumerate(stories, start=1):
        lines += [
            f"STORY {number}: {story.digest.headline_en}  [{story.id}]",
            text.render_digest(story.digest, full=full),
        ]
        lines += ["SOURCES", *(f"  {_source_line(source)}" for source in story.sources)]
        if story.disagreements:
            lines += ["DISAGREEMENTS", *(f"  {row.about}: {_claims_line(row)}" for row in story.disagreements)]
        if story.updates:
            lines += ["UPDATES", *(f"  {row.about}: {_update_line(row)}" for row in story.updates)]
        lines.append("")
    return "\n".join(lines)


def render_markdown(stories: Sequence[Story], *, full: bool = False) -> str:
    parts = [f"# {markdown.escape(title(stories))}", ""]
    for story in stories:
        parts += [markdown.render_digest(story.digest, full=full).replace("\n# ", "\n## ", 1), "### Sources", ""]
        parts += [f"- {markdown.escape(_source_line(source))}" for source in story.sources]
        if story.disagreements:
            parts += [
                "",
                "### Disagreements",
                "",
                "| about | source | as written | value |",
                "| --- | --- | --- | --- |",
            ]
            parts += [
                f"| {markdown.escape(row.about)} | {markdown.escape(claim.source)} | {markdown.escape(claim.text)} "
                f"| {markdown.escape(claim.value)} |"
                for row in story.disagreements
                for claim in row.claims
            ]
        if story.updates:
            parts += ["", "### Updates", ""]
            parts += [f"- {markdown.escape(row.about)}: {markdown.escape(_update_line(row))}" for row in story.updates]
        parts += ["", "---", ""]
    return "\n".join(parts)


def _html_story(story: Story, *, full: bool) -> str:
    sources = "".join(f"<li>{html_escape(_source_line(source))}</li>" for source in story.sources)
    parts = [f'<section id="{html_escape(story.id)}">', html.render_digest(story.digest, full=full)]
    parts.append(f"<h2>Sources</h2><ul>{sources}</ul>")
    if story.disagreements:
        rows = "".join(
            f"<tr><td>{html_escape(row.about)}</td><td>{html_escape(claim.source)}</td>"
            f"<td>{html_escape(claim.text)}</td><td>{html_escape(claim.value)}</td></tr>"
            for row in story.disagreements
            for claim in row.claims
        )
        parts.append(
            "<h2>Disagreements</h2><table><tr><th>about</th><th>source</th><th>as written</th><th>value</th></tr>"
            f"{rows}</table>"
        )
    if story.updates:
        updates = "".join(
            f"<li>{html_escape(row.about)}: {html_escape(_update_line(row))}</li>" for row in story.updates
        )
        parts.append(f"<h2>Updates</h2><ul>{updates}</ul>")
    parts.append("</section>")
    return "".join(parts)


def render_html(stories: Sequence[Story], *, full: bool = False) -> str:
    body = "\n".join(_html_story(story, full=full) for story in stories)
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html_escape(title(stories))}</title><style>{html.STYLE}</style></head>\n"
        f"<body>\n<h1>{html_escape(title(stories))}</h1>\n{body}\n</body></html>\n"
    )


def render_json(stories: Sequence[Story]) -> str:
    """`{"schema_version", "stories": [{id, digest, sources, disagreements}]}`."""
    document = {"schema_version": SCHEMA_VERSION, "stories": [story.to_dict() for story in stories]}
    return json.dumps(document, ensure_ascii=False, indent=2)


def render_rich(stories: Sequence[Story], *, full: bool = False) -> RenderableType:
    parts: list[RenderableType] = [Text(title(stories), style="bold")]
    for story in stories:
        parts.append(rich_render.render_digest(story.digest, full=full))
        sources = Table("agency", "lang", "time", "headline", title="Sources", expand=True, show_edge=False)
        for source in story.sources:
            sources.add_row(source.agency or "", source.lang, _when(source), source.headline)
        parts.append(sources)
        if story.disagreements:
            table = Table("about", "source", "as written", "value", title="Disagreements", expand=True)
            for row in story.disagreements:
                for claim in row.claims:
                    table.add_row(row.about, claim.source, claim.text, claim.value, style="yellow")
            parts.append(table)
        if story.updates:
            changes = Table("about", "agency: first -> latest", title="Updates", expand=True, show_edge=False)
            for row in story.updates:
                changes.add_row(row.about, _update_line(row))
            parts.append(changes)
    return Group(*parts)


def render_message(stories: Sequence[Story], *, to: str, sender: str, full: bool = False) -> bytes:
    """One morning-brief e-mail: plain text and HTML alternatives, every story in it."""
    message = EmailMessage()
    subject = f"{title(stories)}: " + "; ".join(story.digest.headline_en for story in stories)
    message["Subject"] = subject if len(subject) <= _SUBJECT_MAX else subject[: _SUBJECT_MAX - 1].rstrip() + "…"
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="presssum.localhost")
    message.set_content(render_text(stories, full=full), charset="utf-8")
    message.add_alternative(render_html(stories, full=full), subtype="html", charset="utf-8")
    return message.as_bytes(policy=default)
