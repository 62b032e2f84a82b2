"""Long articles are summarised in chunks that fit the model, then combined: never truncated."""

from __future__ import annotations

from pathlib import Path

from presssum import Digest, Pipeline, load_config, parse_wire
from presssum.config import LengthSetting, ModelSpec
from presssum.models import load_model
from presssum.render import html
from presssum.segment import split_sentences
from presssum.summarize import Summarizer
from tests.backends import Summarising, echo_loader
from tests.conftest import CYBER_WIRE, LONG_WIRE, WriteConfig


def test_chunks_cover_the_whole_text_and_each_fits_the_limit(tiny_bart: Path) -> None:
    config = load_config()
    loaded = load_model(ModelSpec(model=str(tiny_bart)), "summarizer", config)
    assert loaded.input_limit == 64, "the limit is read from the model, not hard-coded"
    summarizer = Summarizer(loaded, config.summarizer.generation)
    text = parse_wire(LONG_WIRE.read_text(encoding="utf-8")).body
    chunks = summarizer.chunks(split_sentences(text, "en"))
    assert len(chunks) > 10
    assert max(loaded.backend.count_tokens(chunks)) <= 64
    assert " ".join(" ".join(chunks).split()) == " ".join(text.split())


def test_map_reduce_keeps_the_lead_first_and_bounds_the_length(echo_model: Path) -> None:
    """The echo model 'summarises' by copying its input up to max_new_tokens: a lead, in order."""
    config = load_config()
    loaded = load_model(ModelSpec(model=str(echo_model)), "summarizer", config)
    summarizer = Summarizer(loaded, config.summarizer.generation.model_copy(update={"num_beams": 1}))
    long_text = parse_wire(LONG_WIRE.read_text(encoding="utf-8")).body
    assert len(summarizer.chunks(split_sentences(long_text, "en"))) > 10, "the article needs several map-reduce rounds"
    length = LengthSetting(min_new_tokens=0, max_new_tokens=30)
    summaries = summarizer.summarize([long_text, "Un texte court.", ""], length)
    assert summaries[1:] == ["Un texte court.", ""]
    lead = summaries[0]
    assert 5 <= loaded.backend.count_tokens([lead])[0] - 1 <= 30  # less the end-of-sequence token
    assert long_text.startswith(lead.split(",")[0]), "the summary of summaries starts where the article starts"


def test_a_random_bart_summarises_every_text_without_an_index_error(tiny_bart: Path) -> None:
    config = load_config()
    loaded = load_model(ModelSpec(model=str(tiny_bart)), "summarizer", config)
    summarizer = Summarizer(loaded, config.summarizer.generation.model_copy(update={"num_beams": 2}))
    long_text = parse_wire(LONG_WIRE.read_text(encoding="utf-8")).body
    summaries = summarizer.summarize(
        [long_text, long_text[:200], ""], LengthSetting(min_new_tokens=4, max_new_tokens=8)
    )
    assert [bool(summary) for summary in summaries] == [True, True, False]


def test_a_summary_written_with_odd_spacing_is_one_text_with_its_facts_marked_on_their_words(
    write_config: WriteConfig,
) -> None:
    """Line breaks, double spaces and a quotation over two sentences: the summary's text is its sentences,
    and the figure the wire lacks is marked where it is, in the text and in HTML."""
    summary = (
        "Washington and Tokyo  will meet\nevery quarter.\n\n« The group is new.\n  It starts now », "
        "said the presidential office.  The talks will involve 45 officials."
    )
    loader = echo_loader(wrap={"summarizer": lambda inner: Summarising(inner, summary)})
    pipeline = Pipeline(load_config(write_config()), loader=loader)
    (digest,) = pipeline.digest_articles([parse_wire(CYBER_WIRE.read_text(encoding="utf-8"))], lang="fr")
    assert isinstance(digest, Digest)
    sentences = digest.summary.sentences
    assert digest.summary.en == " ".join(sentence.text for sentence in sentences)
    assert "« The group is new. It starts now », said the presidential office." in [s.text for s in sentences]
    report = digest.fact_checks["en"]
    facts = [*report.verified, *report.unverified, *report.uncertain]
    assert facts and all(digest.summary.en[fact.start or 0 : fact.end or 0] == fact.text for fact in facts)
    assert [fact.text for fact in report.unverified] == ["45"]
    assert ">45</mark> officials." in html.render_digest(digest)
