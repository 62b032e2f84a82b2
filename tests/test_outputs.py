"""Every output format fits where it goes: parsed back, checked for escaping, written safely."""

from __future__ import annotations

import email
import io
import json
import os
import re
import signal
import subprocess
import time
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from presssum.brief import stories
from presssum.readers.plain import parse_wire
from presssum.records import (
    Claim,
    Digest,
    Disagreement,
    ParagraphPair,
    SentencePair,
    Story,
    StorySource,
    Summary,
    SummarySentence,
)
from presssum.render import OUTPUT_FORMATS, RenderOptions, brief, html, markdown, rich_render
from tests.conftest import CYBER_WIRE, PRESSSUM, ROOT, SAMPLES, WriteConfig, ctrl_c_as_at_a_terminal, run_cli

HOSTILE_WIRE = """Alerte <script>alert('x')</script> à Paris

Un message <img src=x onerror=alert(1)> circule, avec un [lien](javascript:alert(1)) et du **gras** suspect.

# Pas un titre
1. Pas une liste, mais une phrase sur le <b>budget</b> & le reste.
"""


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and (dict(attrs).get("href") or "").startswith("#"):
            tag = "in-page-link"  # a summary sentence's citation of its paragraph: presssum's own markup
        self.tags.append(tag)
        if any(name.startswith("on") for name, _ in attrs):
            self.tags.append("event-handler")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(markup: str) -> Tags:
    parser = Tags()
    parser.feed(markup)
    return parser


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE_WIRE, encoding="utf-8")
    return path


def assert_no_injected_markup(page: Tags) -> None:
    assert not {"script", "img", "a", "b", "strong", "event-handler"} & set(page.tags), page.tags
    visible = "".join(page.text)
    assert "<script>alert('x')</script>" in visible
    assert "<img src=x onerror=alert(1)>" in visible


def test_html_page_is_self_contained_and_shows_markup_as_text(hostile: Path, write_config: WriteConfig) -> None:
    result = run_cli("digest", str(hostile), "--config", str(write_config()), "--format", "html", "--full")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!doctype html>")
    assert "<link" not in result.stdout and "src=" not in result.stdout.replace("src=x", "")
    assert_no_injected_markup(parse_html(result.stdout))


def test_markdown_renders_article_text_verbatim(hostile: Path, write_config: WriteConfig) -> None:
    result = run_cli("digest", str(hostile), "--config", str(write_config()), "--format", "markdown", "--full")
    assert result.returncode == 0, result.stderr
    rendered = parse_html(MarkdownIt("commonmark").render(result.stdout))
    assert_no_injected_markup(rendered)
    assert "ol" not in rendered.tags
    assert rendered.tags.count("h1") == 1, "only the digest's own headline is a heading"
    assert "**gras**" in "".join(rendered.text)


def test_email_is_a_complete_mime_message(hostile: Path, write_config: WriteConfig) -> None:
    result = run_cli(
        "digest", str(hostile), str(CYBER_WIRE), "--config", str(write_config()), "--format", "email",
        "--to", "desk@example.org", "--from", "Wires <wires@example.org>",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    message = email.message_from_bytes(result.stdout.encode(), policy=policy.default)
    assert message["To"] == "desk@example.org"
    assert message["From"] == "Wires <wires@example.org>"
    assert message["Date"] and message["Message-ID"]
    assert str(message["Subject"]).startswith("2 wires: Alerte <script>")
    assert "Cybersécurité" in str(message["Subject"])
    assert all(ord(char) < 128 for char in result.stdout.split("\n\n", 1)[0]), "headers are RFC 2047-encoded"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    assert plain is not None and rich is not None
    assert "Cybersécurité : Séoul" in plain.get_content()
    assert_no_injected_markup(parse_html(rich.get_content()))


def test_email_without_a_recipient_is_a_usage_error() -> None:
    result = run_cli("digest", str(CYBER_WIRE), "--format", "email")
    assert result.returncode == 2
    assert "--format email needs --to ADDRESS" in result.stderr


def test_json_schema_is_the_one_the_docs_document(write_config: WriteConfig) -> None:
    result = run_cli("digest", str(CYBER_WIRE), "--config", str(write_config()), "--format", "json")
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    (article,) = document["articles"]
    reference = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = re.search(r"```json\n(\{.*?\})\n```", reference, re.DOTALL)
    assert documented is not None
    assert set(article) == set(json.loads(documented.group(1))), "docs/api.md's schema and the output differ"
    assert sorted(article) == sorted(
        ["input", "source_lang", "headline", "source", "dateline", "id", "url", "author", "date", "source_text",
         "translation", "paragraphs", "summary", "models", "settings", "warnings", "timings", "signature",
         "version", "cached", "facts", "key_facts", "wire", "story", "quotes", "error"]
    )  # fmt: skip
    assert set(article["headline"]) == {"source", "en"}
    assert set(article["summary"]) == {"en", "fr", "method", "sentences"}
    assert all(set(s) == {"text", "sources", "support"} for s in article["summary"]["sentences"])
    assert set(article["timings"]) == {"translate_s", "summarize_s", "back_translate_s", "check_s"}
    assert set(article["facts"]) == {"en", "fr"}
    assert all(set(report) == {"verified", "unverified", "uncertain"} for report in article["facts"].values())
    assert {"kind": "name", "source": "Keiichi Ichikawa", "en": "Keiichi Ichikawa"} in article["key_facts"]


def test_output_folder_gets_safe_names_an_index_and_no_duplicates_on_rerun(
    tmp_path: Path, write_config: WriteConfig
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "evil.txt").write_text("../../etc/passwd\n\nUn texte qui veut sortir du dossier.\n", encoding="utf-8")
    (inbox / "twin-1.txt").write_text("Même titre\n\nPremier texte.\n", encoding="utf-8")
    (inbox / "twin-2.txt").write_text("Même titre\n\nSecond texte, différent.\n", encoding="utf-8")
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    arguments = ["digest", str(inbox), "--config", str(write_config()), "--output", str(out), "--format", "markdown"]
    first = run_cli(*arguments)
    assert first.returncode == 1
    assert first.stdout == ""
    names = sorted(path.name for path in out.iterdir())
    assert names == ["etc-passwd.md", "index.json", "meme-titre-2.md", "meme-titre.md"]
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))["articles"]
    assert {entry["input"]: entry["file"] for entry in index} == {
        str(inbox / "empty.txt"): None,
        str(inbox / "evil.txt"): "etc-passwd.md",
        str(inbox / "twin-1.txt"): "meme-titre.md",
        str(inbox / "twin-2.txt"): "meme-titre-2.md",
    }
    assert run_cli(*arguments).returncode == 1
    assert sorted(path.name for path in out.iterdir()) == names, "a rerun rewrites, it does not add"


def test_a_rerun_takes_finished_digests_from_the_cache(tmp_path: Path, write_config: WriteConfig) -> None:
    config = str(write_config())
    first = run_cli("digest", str(CYBER_WIRE), "--config", config, "--format", "jsonl")
    second = run_cli(
        "digest", str(CYBER_WIRE), str(SAMPLES / "fr-sante-hopital.txt"), "--config", config, "--format", "jsonl"
    )
    rows = [json.loads(line) for line in second.stdout.splitlines()]
    assert [row["cached"] for row in rows] == [True, False]
    assert rows[0]["translation"] == json.loads(first.stdout)["translation"]
    no_cache = run_cli("digest", str(CYBER_WIRE), "--config", config, "--format", "jsonl", "--no-cache")
    assert json.loads(no_cache.stdout)["cached"] is False


def test_ctrl_c_keeps_finished_outputs_and_a_rerun_redoes_only_the_rest(
    tmp_path: Path, write_config: WriteConfig
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    wires = sorted(SAMPLES.glob("fr-*.txt"))
    for number in range(20):  # more than one chunk of 16 articles
        text = wires[number % len(wires)].read_text(encoding="utf-8")
        (inbox / f"wire-{number:02}.txt").write_text(f"Dépêche {number}\n\n{text}", encoding="utf-8")
    out = tmp_path / "out"
    arguments = [str(PRESSSUM), "digest", str(inbox), "--config", str(write_config()), "--output", str(out)]
    process = subprocess.Popen(
        arguments,
        stderr=subprocess.PIPE,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        start_new_session=True,
        preexec_fn=ctrl_c_as_at_a_terminal,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(out.glob("*.txt"))) < 16:
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert b"interrupted after" in stderr and b"finished outputs are kept" in stderr
    kept = {path.name: path.read_bytes() for path in out.glob("*.txt")}
    assert 16 <= len(kept) < 20
    assert not list(out.glob(".*.tmp")), "no half-written file is left behind"

    rerun = run_cli("digest", str(inbox), "--config", str(write_config()), "--output", str(out), "--format", "text")
    assert rerun.returncode == 0, rerun.stderr
    assert len(list(out.glob("*.txt"))) == 20
    assert all((out / name).read_bytes() == content for name, content in kept.items())


def _views(document: bytes, name: str, digest: Digest) -> dict[str, str]:
    """What a reader of format `name` sees of the digest, as text: markup parsed, each e-mail part decoded."""
    if name == "rich":
        console = Console(record=True, width=200, file=io.StringIO())
        console.print(rich_render.render_digest(digest))
        return {name: console.export_text()}
    if name == "html":
        return {name: "".join(parse_html(document.decode()).text)}
    if name == "markdown":
        return {name: "".join(parse_html(MarkdownIt("commonmark").render(document.decode())).text)}
    if name == "email":
        message = email.message_from_bytes(document, policy=policy.default)
        plain, markup = (message.get_body((kind,)) for kind in ("plain", "html"))
        assert plain is not None and markup is not None
        return {"email text": plain.get_content(), "email html": "".join(parse_html(markup.get_content()).text)}
    return {name: document.decode()}


def test_every_format_cites_each_summary_sentence_whatever_the_spacing_of_the_summary() -> None:
    """The summary's text and its sentence records once differed by a space or a line break (a quote
    spanning two sentences, a model's double space); HTML and Markdown then dropped every citation."""
    sentences = (
        SummarySentence(text="Seoul, Washington and Tokyo set up a cyber group.", sources=((1, 1),)),
        SummarySentence(text="« It will meet  every quarter », an official said.", sources=((4, 1), (2, 1), (3, 1))),
        SummarySentence(text="North Korea denied it.", sources=()),
    )
    odd_spacing = (
        "Seoul, Washington and Tokyo set up a cyber group.\n« It will meet every quarter »,  an official said."
    )
    digest = Digest(
        input="wire.txt",
        source_lang="fr",
        headline="Cybersécurité",
        headline_en="Cybersecurity",
        source=None,
        dateline=None,
        paragraphs=tuple(ParagraphPair(source=f"Phrase {n}.", en=f"Sentence {n}.") for n in range(1, 5)),
        summary=Summary.model_validate({"en": odd_spacing, "sentences": sentences, "back": "Résumé."}),
        models=(),
    )
    options = RenderOptions(to="desk@example.org")
    for name, fmt in OUTPUT_FORMATS.items():
        document = fmt.document([digest], options)
        if name in ("json", "jsonl"):
            data = json.loads(document)
            (article,) = data["articles"] if name == "json" else [data]
            assert [s["sources"] for s in article["summary"]["sentences"]] == [[[1, 1]], [[4, 1], [2, 1], [3, 1]], []]
            assert article["summary"]["en"] == " ".join(sentence.text for sentence in sentences), "one summary text"
            continue
        for view, shown in _views(document, name, digest).items():
            shown = " ".join(shown.split())
            for sentence, marker in zip(sentences, ("[1.1]", "[4.1; 2.1; 3.1]", "[unsupported]"), strict=True):
                last_words = re.escape(" ".join(sentence.text.split()[-2:]))
                assert re.search(rf"{last_words} ?{re.escape(marker)}", shown), f"{view}: {marker} after its sentence"


class Targets(HTMLParser):
    """Every in-page link's target and every element id of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "a" and (attributes.get("href") or "").startswith("#"):
            self.links.append((attributes["href"] or "")[1:])


def test_every_citation_link_of_a_digest_or_brief_page_lands_on_an_element_with_or_without_full() -> None:
    """A journalist reading the default page (no full translation) clicks a citation and lands on the
    sentence it cites: every in-page link has its element, on digest and brief pages, full or not."""
    split = ParagraphPair(
        source="Séoul crée un groupe. Il se réunira chaque trimestre.",
        en="Seoul sets up a group. It will meet every quarter.",
        sentences=(
            SentencePair(source="Séoul crée un groupe.", en="Seoul sets up a group."),
            SentencePair(source="Il se réunira chaque trimestre.", en="It will meet every quarter."),
        ),
    )
    whole = ParagraphPair(source="Pyongyang dément.", en="Pyongyang denies it.")  # translated as one piece
    summary = (
        SummarySentence(text="Seoul set up a group that meets every quarter.", sources=((1, 1), (1, 2))),
        SummarySentence(text="Pyongyang denied it.", sources=((2, 1), (1, 1))),
    )
    digests = [
        Digest(
            input=f"wire-{n}.txt",
            source_lang="fr",
            headline=f"Cybersécurité {n}",
            headline_en=f"Cyber {n}",
            source="AFP" if n == 1 else "Belga",
            dateline=None,
            paragraphs=(split, whole),
            summary=Summary.model_validate({"en": " ".join(s.text for s in summary), "sentences": summary}),
            models=(),
        )
        for n in (1, 2)
    ]
    found = stories([(parse_wire(f"Cybersécurité {d.input}\n\n{d.paragraphs[0].source}"), d) for d in digests])
    for full in (False, True):
        pages = {
            "digest": html.render_document(digests, full=full),
            "brief": brief.render_html(found, full=full),
        }
        for name, page in pages.items():
            targets = Targets()
            targets.feed(page)
            assert len(targets.links) >= 8, (name, full, targets.links)
            missing = [link for link in targets.links if link not in targets.ids]
            assert missing == [], f"{name} page, full={full}: links to no element: {missing}"
            assert "It will meet every quarter." in page and "Pyongyang denies it." in page, "the cited sentences"


def test_markdown_has_no_in_page_links_to_lose() -> None:
    """Markdown cites as plain text ([1.2]): no link can point at a heading that a mode leaves out."""
    digest = Digest(
        input="wire.txt", source_lang="fr", headline="Alerte", headline_en="Alert", source=None, dateline=None,
        paragraphs=(ParagraphPair(source="Phrase.", en="Sentence."),),
        summary=Summary.model_validate({"en": "Sentence.", "sentences": [{"text": "Sentence.", "sources": [[1, 1]]}]}),
        models=(),
    )  # fmt: skip
    for full in (False, True):
        rendered = MarkdownIt("commonmark").render(markdown.render_document([digest], full=full))
        targets = Targets()
        targets.feed(rendered)
        assert targets.links == [] and "<sup>[1.1]</sup>" in rendered


def test_every_brief_format_shows_an_agencys_own_update_apart_from_disagreements() -> None:
    """An agency raising its own toll is news a desk must see in whichever format it reads the brief."""
    digest = Digest(
        input="efe-2.txt", source_lang="es", headline="Terremoto", headline_en="Earthquake", source="EFE",
        dateline=None, paragraphs=(ParagraphPair(source="Nueve muertos.", en="Nine dead."),),
        summary=Summary(sentences=(SummarySentence(text="Nine dead.", sources=((1, 1),)),)), models=(),
    )  # fmt: skip
    update = Disagreement(
        kind="number",
        about="deaths",
        claims=(Claim(source="EFE", text="7 muertos", value="7"), Claim(source="EFE", text="9 muertos", value="9")),
    )
    source = StorySource(
        agency="EFE", lang="es", published=None, headline="Terremoto", headline_en="Earthquake", input="efe-2.txt"
    )
    story = Story(id="earthquake", digest=digest, sources=(source,), updates=(update,))
    options = RenderOptions(to="desk@example.org")
    for name, fmt in OUTPUT_FORMATS.items():
        if fmt.brief_view is not None:
            console = Console(record=True, width=100, file=io.StringIO())
            console.print(fmt.brief_view([story], options))
            views = {name: console.export_text()}
        else:
            views = _views(fmt.brief([story], options), name, digest)
        for view, shown in views.items():
            assert "EFE: 7 muertos -> 9 muertos" in shown or '"9 muertos"' in shown, f"{view}: the update is missing"
            assert name in ("json", "jsonl") or "updates" in shown.lower(), view
