"""Regression tests for bugs that loose, dict-shaped records let through (issue 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from presssum import Digest, Pipeline, load_config, parse_wire
from presssum.batch import digest_inputs
from presssum.cache import DigestCache
from presssum.records import Fact, FactReport, ModelInfo, ParagraphPair, Summary
from presssum.render import OUTPUT_FORMATS, RenderOptions, html, markdown, rich_render
from tests.backends import Summarising, echo_loader
from tests.conftest import CYBER_WIRE, WriteConfig

ENGLISH_WIRE = """Rail strike halts long-distance trains across Germany

Reuters

BERLIN, Feb 9 - A strike by train drivers halted most long-distance services across Germany on Thursday.

The union said 80 percent of trains were cancelled, and talks would resume next week.
"""


@pytest.fixture
def pipeline(write_config: WriteConfig) -> Pipeline:
    return Pipeline(load_config(write_config()))


def test_an_english_wire_keeps_its_summary_through_json_and_the_cache(pipeline: Pipeline, tmp_path: Path) -> None:
    wire = tmp_path / "en-strike.txt"
    wire.write_text(ENGLISH_WIRE, encoding="utf-8")
    cache = DigestCache(tmp_path / "cache.sqlite", "settings")
    (first,) = digest_inputs(pipeline, [str(wire)], max_bytes=100_000, cache=cache)
    (again,) = digest_inputs(pipeline, [str(wire)], max_bytes=100_000, cache=cache)
    assert isinstance(first, Digest) and isinstance(again, Digest)
    assert first.source_lang == "en" and first.summary.en
    summary = first.to_dict()["summary"]
    assert summary == {"en": first.summary.en, "method": "abstractive", "sentences": summary["sentences"]}
    assert again.cached and again.summary == first.summary
    options = RenderOptions(to="desk@example.org", sender="presssum <p@localhost>")
    for name, output in OUTPUT_FORMATS.items():
        assert output.document([again], options), f"{name} renders a cached English digest"


def test_a_digest_read_back_from_json_is_the_same_digest(pipeline: Pipeline) -> None:
    (digest,) = pipeline.digest_articles([parse_wire(CYBER_WIRE.read_text(encoding="utf-8"))], lang="fr")
    assert isinstance(digest, Digest)
    assert Digest.from_dict(json.loads(json.dumps(digest.to_dict()))) == digest


def test_a_flagged_figure_is_marked_where_it_was_found_not_inside_another(pipeline: Pipeline) -> None:
    summary = "Growth reached 14% in 4 regions."
    flagged = Fact(text="4", kind="number", value="4", reason="this figure is not in the source", start=22, end=23)
    digest = Digest(
        input="x",
        source_lang="fr",
        headline="Titre",
        headline_en="Title",
        source=None,
        dateline=None,
        paragraphs=(ParagraphPair(source="Texte.", en="Text."),),
        summary=Summary(en=summary),
        models=(),
        fact_checks={"en": FactReport(unverified=[flagged])},
    )
    assert "14% in <mark" in html.render_digest(digest)
    assert ">4</mark> regions" in html.render_digest(digest)
    assert "14% in **4** ⚠ regions" in markdown.render_digest(digest)


def test_each_article_of_a_batch_reports_its_own_share_of_the_time(pipeline: Pipeline) -> None:
    short = parse_wire("Brève\n\nLe conseil se réunit demain.")
    long = parse_wire(CYBER_WIRE.read_text(encoding="utf-8"))
    first, second = pipeline.digest_articles([short, long], lang="fr")
    assert isinstance(first, Digest) and isinstance(second, Digest)
    assert set(first.timings) == {"translate_s", "summarize_s", "back_translate_s", "check_s"}
    assert first.timings["translate_s"] < second.timings["translate_s"], "the long wire took the larger share"


def test_the_rich_view_credits_author_and_date_and_the_signature_names_every_setting(
    write_config: WriteConfig,
) -> None:
    config = load_config(write_config(glossary={"Corée du Nord": "North Korea"}))
    article = parse_wire(CYBER_WIRE.read_text(encoding="utf-8")).model_copy(
        update={"author": "Claire Vasseur", "date": "2024-10-31"}
    )
    (digest,) = Pipeline(config).digest_articles([article], lang="fr", strict=True, length="short")
    assert isinstance(digest, Digest)
    console = Console(record=True, width=100)
    console.print(rich_render.render_digest(digest))
    shown = console.export_text()
    assert "Claire Vasseur" in shown and "2024-10-31" in shown
    for setting in ("length:short", "beams:", "summary_beams:1", "strict:True", "keep_names:True", "dtype:auto"):
        assert setting in digest.signature, setting
    assert "glossary:none" not in digest.signature
    assert all(f"/{model.backend}" in digest.signature for model in digest.models)


def test_a_model_info_keeps_its_role_through_json() -> None:
    info = ModelInfo(role="summarizer", name="m", revision=None, backend="ctranslate2")
    digest = Digest(
        input="x",
        source_lang="fr",
        headline="T",
        headline_en="T",
        source=None,
        dateline=None,
        paragraphs=(),
        summary=Summary(en="s", back="r"),
        models=(info,),
    )
    assert digest.to_dict()["models"] == {"summarizer": {"name": "m", "revision": None, "backend": "ctranslate2"}}
    assert Digest.from_dict(digest.to_dict()).models == (info,)


def test_strict_checks_each_wire_in_its_own_language(write_config: WriteConfig) -> None:
    """'9. Februar' is a date only to a German reader: checked as French, this faithful summary of a
    German wire was thrown away for the lead."""
    wire = parse_wire("Bahnstreik\n\nDie Gewerkschaft will am 9. Februar streiken.")
    summary = "The union will strike on February 9."
    loader = echo_loader(wrap={"summarizer": lambda inner: Summarising(inner, summary)})
    pipeline = Pipeline(load_config(write_config()), loader=loader)
    (digest,) = pipeline.digest_articles([wire], lang="de", strict=True)
    assert isinstance(digest, Digest)
    assert (digest.summary.method, digest.summary.en) == ("abstractive", summary)
