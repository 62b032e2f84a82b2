"""Trust in the pipeline: cut-short translations retried or flagged, invented facts flagged everywhere."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

import presssum
from presssum import Pipeline, load_config, parse_wire
from presssum.backends import Backend
from presssum.config import Generation
from presssum.render import html, markdown, rich_render, text
from tests.backends import Wrapped, echo_loader
from tests.conftest import CYBER_WIRE, LONG_WIRE, WriteConfig
from tests.test_pipeline import normalise

INVENTED = "The minister announced 40 million euros on March 14."


class Dropping(Wrapped):
    """Any input longer than `longest` tokens loses the second half of its output, as Marian models are
    reported to do (marian-nmt/marian#389, Helsinki-NLP/OPUS-CAT#93)."""

    def __init__(self, inner: Backend, longest: int) -> None:
        super().__init__(inner)
        self.longest, self.cut = longest, 0

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        outputs = self.inner.generate(texts, settings, bounds)
        lengths = self.inner.count_tokens(texts)
        self.cut += sum(length > self.longest for length in lengths)
        return [
            " ".join(output.split()[: len(output.split()) // 2]) if length > self.longest else output
            for output, length in zip(outputs, lengths, strict=True)
        ]


class Inventing(Wrapped):
    """'Summarises' into a sentence whose figure and date the wire lacks, unless asked with
    `honest_beams` beams or more."""

    def __init__(self, inner: Backend, honest_beams: int = 99) -> None:
        super().__init__(inner)
        self.honest_beams = honest_beams

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        if settings.num_beams >= self.honest_beams:
            return self.inner.generate(texts, settings, bounds)
        return [INVENTED] * len(texts)


def pipeline_with(config: Path, role: str, double: Callable[[Backend], Backend], input_limit: int = 96) -> Pipeline:
    return Pipeline(load_config(config), loader=echo_loader(input_limit, wrap={role: double}))


def digest_one(pipeline: Pipeline, wire: Path, **options: Any) -> presssum.Digest:
    (result,) = pipeline.digest_articles([parse_wire(wire.read_text(encoding="utf-8"))], lang="fr", **options)
    assert isinstance(result, presssum.Digest)
    return result


def test_a_segment_cut_short_is_split_and_translated_again(write_config: WriteConfig) -> None:
    pipeline = pipeline_with(write_config(), "translation", lambda echo: Dropping(echo, 30), input_limit=48)
    digest = digest_one(pipeline, LONG_WIRE)
    dropping = pipeline.models.translator("fr").loaded.backend
    assert isinstance(dropping, Dropping) and dropping.cut > 0, "some pieces came back cut short and went again"
    article = parse_wire(LONG_WIRE.read_text(encoding="utf-8"))
    for paragraph, pair in zip(article.paragraphs, digest.paragraphs, strict=True):
        assert normalise(pair.en) == normalise(paragraph), "every sentence back, in order"
    assert digest.warnings == ()


def test_a_segment_that_stays_short_is_flagged(write_config: WriteConfig) -> None:
    pipeline = pipeline_with(write_config(), "translation", lambda echo: Dropping(echo, 8))
    digest = digest_one(pipeline, CYBER_WIRE)
    cut = [warning for warning in digest.warnings if "the translation looks cut short" in warning]
    assert cut, digest.warnings
    assert cut[0].startswith("paragraph 1: the translation looks cut short: «La Corée")
    assert cut[0].endswith("»; check it")


@pytest.fixture
def inventing(write_config: WriteConfig) -> Pipeline:
    return pipeline_with(write_config(), "summarizer", Inventing)


def test_an_invented_figure_and_date_are_flagged_in_every_format(inventing: Pipeline) -> None:
    digest = digest_one(inventing, CYBER_WIRE)
    assert digest.summary.en == INVENTED
    flagged = {(fact.kind, fact.text) for fact in digest.fact_checks["en"].unverified}
    assert flagged == {("number", "40 million euros"), ("date", "March 14")}
    data = digest.to_dict()
    assert {fact["reason"] for fact in data["facts"]["en"]["unverified"]} == {
        "this figure is not in the source",
        "this date is not in the source",
    }
    assert "UNVERIFIED (EN) number: 40 million euros (this figure is not in the source)" in text.render_digest(digest)
    assert "**40 million euros** ⚠" in markdown.render_digest(digest)
    assert '<mark class="unverified" title="this date is not in the source">March 14</mark>' in html.render_digest(
        digest
    )
    console = Console(record=True, width=100, color_system="truecolor")
    console.print(rich_render.render_digest(digest))
    page = console.export_html(inline_styles=True, clear=False)
    assert "unverified number: 40 million euros" in console.export_text()
    assert re.search(r'<span style="[^"]*background-color[^"]*">40 million euros</span>', page), (
        "highlighted in the summary"
    )


def test_strict_falls_back_to_the_lead_and_says_so(inventing: Pipeline) -> None:
    digest = digest_one(inventing, CYBER_WIRE, strict=True)
    assert digest.summary.method == "extractive-lead"
    assert digest.fact_checks["en"].unverified == []
    assert digest.summary.en.startswith("La Corée, les Etats-Unis")
    assert any("this is the lead instead" in warning for warning in digest.warnings)


def test_strict_keeps_a_conservative_summary_that_passes(write_config: WriteConfig) -> None:
    pipeline = pipeline_with(write_config(), "summarizer", lambda echo: Inventing(echo, honest_beams=6))
    digest = digest_one(pipeline, CYBER_WIRE, strict=True)
    assert digest.summary.method == "abstractive-conservative"
    assert digest.fact_checks["en"].unverified == []
