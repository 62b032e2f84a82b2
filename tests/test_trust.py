"""Trust in the pipeline: cut-short translations retried or flagged, invented facts flagged everywhere."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

import presssum
from presssum import Pipeline, load_config, parse_wire
from presssum.render import html, markdown, rich_render, text
from tests.conftest import CYBER_WIRE, LONG_WIRE, WriteConfig
from tests.test_pipeline import assert_every_sentence_in_order, echoed

INVENTED = "The minister announced 40 million euros on March 14."


class DroppingModel:
    """Wraps the echo model: any input longer than `longest` tokens loses the second half of its output,
    as Marian models are reported to do (marian-nmt/marian#389, Helsinki-NLP/OPUS-CAT#93)."""

    def __init__(self, model: Any, longest: int) -> None:
        self.model, self.longest = model, longest
        self.config = model.config  # generate() reads it, as from the model it wraps

    def generate(self, input_ids: Any, attention_mask: Any, **arguments: Any) -> Any:
        output = self.model.generate(input_ids=input_ids, attention_mask=attention_mask, **arguments)
        pad = self.model.config.pad_token_id
        for row, length in enumerate(attention_mask.sum(dim=1).tolist()):
            if length > self.longest:
                output[row, 1 + length // 2 :] = pad
        return output


class InventingModel:
    """Wraps the echo summariser: it 'summarises' into a sentence whose figure and date the wire lacks,
    unless asked with `honest_beams` beams or more."""

    def __init__(self, model: Any, tokenizer: Any, honest_beams: int = 99) -> None:
        self.model, self.tokenizer, self.honest_beams = model, tokenizer, honest_beams
        self.config = model.config  # generate() reads it, as from the model it wraps

    def generate(self, input_ids: Any, attention_mask: Any, **arguments: Any) -> Any:
        if arguments.get("num_beams", 1) >= self.honest_beams:
            return self.model.generate(input_ids=input_ids, attention_mask=attention_mask, **arguments)
        import torch

        invented = self.tokenizer(INVENTED, return_tensors="pt").input_ids[0]
        start = torch.tensor([self.model.config.decoder_start_token_id])
        return torch.cat([start, invented]).repeat(input_ids.shape[0], 1)


def pipeline_with(config: Path, role: str, wrap: Any) -> Pipeline:
    pipeline = Pipeline(load_config(config))
    loaded = pipeline.models.translator("fr").loaded if role == "translation" else pipeline.models.summarizer().loaded
    loaded.model = wrap(loaded)
    return pipeline


def digest_one(pipeline: Pipeline, wire: Path, **options: Any) -> presssum.Digest:
    (result,) = pipeline.digest_articles([parse_wire(wire.read_text(encoding="utf-8"))], lang="fr", **options)
    assert isinstance(result, presssum.Digest)
    return result


def test_a_segment_cut_short_is_split_and_translated_again(write_config: WriteConfig, echo_model: Path) -> None:
    from transformers import AutoTokenizer

    pipeline = pipeline_with(write_config(), "translation", lambda loaded: DroppingModel(loaded.model, 60))
    digest = digest_one(pipeline, LONG_WIRE)
    assert_every_sentence_in_order(digest, LONG_WIRE, AutoTokenizer.from_pretrained(echo_model))
    assert digest.warnings == ()


def test_a_segment_that_stays_short_is_flagged(write_config: WriteConfig) -> None:
    pipeline = pipeline_with(write_config(), "translation", lambda loaded: DroppingModel(loaded.model, 8))
    digest = digest_one(pipeline, CYBER_WIRE)
    cut = [warning for warning in digest.warnings if "the translation looks cut short" in warning]
    assert cut, digest.warnings
    assert cut[0].startswith("paragraph 1: the translation looks cut short: «La Corée")
    assert cut[0].endswith("»; check it")


@pytest.fixture
def inventing(write_config: WriteConfig) -> Pipeline:
    return pipeline_with(write_config(), "summarizer", lambda loaded: InventingModel(loaded.model, loaded.tokenizer))


def test_an_invented_figure_and_date_are_flagged_in_every_format(inventing: Pipeline) -> None:
    digest = digest_one(inventing, CYBER_WIRE)
    assert digest.summary.en == INVENTED
    flagged = {(fact.kind, fact.text) for fact in digest.fact_checks["en"].unverified}
    assert flagged == {("number", "40 million"), ("date", "March 14")}
    data = digest.to_dict()
    assert {fact["reason"] for fact in data["facts"]["en"]["unverified"]} == {
        "this figure is not in the source",
        "this date is not in the source",
    }
    assert "UNVERIFIED (EN) number: 40 million (this figure is not in the source)" in text.render_digest(digest)
    assert "**40 million** ⚠" in markdown.render_digest(digest)
    assert '<mark class="unverified" title="this date is not in the source">March 14</mark>' in html.render_digest(
        digest
    )
    console = Console(record=True, width=100, color_system="truecolor")
    console.print(rich_render.render_digest(digest))
    page = console.export_html(inline_styles=True, clear=False)
    assert "unverified number: 40 million" in console.export_text()
    assert re.search(r'<span style="[^"]*background-color[^"]*">40 million</span>', page), "highlighted in the summary"


def test_strict_falls_back_to_the_lead_and_says_so(inventing: Pipeline) -> None:
    digest = digest_one(inventing, CYBER_WIRE, strict=True)
    assert digest.summary.method == "extractive-lead"
    assert digest.fact_checks["en"].unverified == []
    assert digest.summary.en.startswith(
        echoed(inventing.models.summarizer().loaded.tokenizer, "La Corée, les Etats-Unis")
    )
    assert any("this is the lead instead" in warning for warning in digest.warnings)


def test_strict_keeps_a_conservative_summary_that_passes(write_config: WriteConfig) -> None:
    pipeline = pipeline_with(
        write_config(), "summarizer", lambda loaded: InventingModel(loaded.model, loaded.tokenizer, honest_beams=6)
    )
    digest = digest_one(pipeline, CYBER_WIRE, strict=True)
    assert digest.summary.method == "abstractive-conservative"
    assert digest.fact_checks["en"].unverified == []
