"""Translation guards: capitals, loops, untranslated output, quotes and mixed-language wires, caught and shown."""

from __future__ import annotations

import ast
import email
import json
from collections.abc import Iterator, Mapping, Sequence
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console

from presssum import Digest, Pipeline, load_config, parse_wire
from presssum.backends import Backend
from presssum.config import Generation, Guards
from presssum.guards import article_casing, cut_repeats, longest_run, loops, quotation_spans, sentence_case
from presssum.render import OUTPUT_FORMATS, RenderOptions
from presssum.segment import split_sentences
from tests.backends import Wrapped
from tests.conftest import CYBER_WIRE, ROOT
from tests.test_pipeline import echoed

CYBER = CYBER_WIRE.read_text(encoding="utf-8")
QUOTE = "Nous ne laisserons pas la Corée du Nord menacer nos réseaux"
ENGLISH_PARAGRAPH = "The White House said the new group would meet again in January to review its progress."
GERMAN_PARAGRAPH = "Die Bundesregierung begrüßte die Einigung und kündigte eigene Maßnahmen gegen Cyberangriffe an."


class EchoDouble(Wrapped):
    """Wraps the echo model's backend; `alter` rewrites each output given its input and the generation
    settings, as Marian models misbehave."""

    def __init__(self, inner: Backend) -> None:
        super().__init__(inner)
        self.seen: list[str] = []

    def alter(self, source: str, output: str, settings: Generation) -> str:
        return output

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        plain = settings.model_copy(update={"no_repeat_ngram_size": 0})
        outputs = self.inner.generate(texts, plain, bounds)
        self.seen += list(texts)
        return [self.alter(s, t, settings) for s, t in zip(texts, outputs, strict=True)]


class LoopingModel(EchoDouble):
    """Says its last word over and over ("sorry sorry sorry", UKPLab/EasyNMT#38); `cured` by
    no_repeat_ngram_size, or not (OpenNMT/CTranslate2#1236)."""

    cured = False

    def alter(self, source: str, output: str, settings: Generation) -> str:
        if self.cured and settings.no_repeat_ngram_size:
            return output
        last = output.split()[-1].strip(".,;:»")
        return output + f" {last}" * 6


class CapsCollapsingModel(EchoDouble):
    """Collapses on text in capitals to its first word (Helsinki-NLP/Opus-MT#49)."""

    def alter(self, source: str, output: str, settings: Generation) -> str:
        letters = [c for c in source if c.isalpha()]
        return output.split()[0] if sum(c.isupper() for c in letters) > 0.9 * len(letters) else output


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory, echo_model: Path) -> Pipeline:
    """Every role on the echo model, every guard on but `untranslated` (the echo copies by design)."""
    model = {"model": str(echo_model)}
    lengths = {name: {"min_new_tokens": 0, "max_new_tokens": 40} for name in ("short", "medium", "long")}
    data = {
        "translation": {"pairs": {"fr": model, "de": model}, "guards": {"untranslated": False}},
        "summarizer": {**model, "generation": {"num_beams": 1}, "lengths": lengths},
        "back_translation": {"pairs": {"fr": model}},
    }
    path = tmp_path_factory.mktemp("guards") / "models.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return Pipeline(load_config(path))


@pytest.fixture(scope="module")
def tokenizer(echo_model: Path) -> Any:
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(echo_model)


@pytest.fixture
def wrap(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Install a double around a role's echo model for one test."""

    def install(double: type[EchoDouble], role: str = "translation") -> EchoDouble:
        models = pipeline.models
        loaded = models.translator("fr").loaded if role == "translation" else models.summarizer().loaded
        wrapped = double(loaded.backend)
        monkeypatch.setattr(loaded, "backend", wrapped)
        return wrapped

    yield install


def with_guards(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, **switches: bool) -> None:
    translation = pipeline.config.translation
    guards = translation.guards.model_copy(update=switches)
    config = pipeline.config.model_copy(update={"translation": translation.model_copy(update={"guards": guards})})
    monkeypatch.setattr(pipeline, "config", config)


def digest_of(pipeline: Pipeline, wire: str) -> Digest:
    (result,) = pipeline.digest_articles([parse_wire(wire)], lang="fr")
    assert isinstance(result, Digest)
    return result


def every_format(digest: Digest) -> dict[str, str]:
    """The digest as each output format shows it with --full (e-mail: its plain-text part), spaces folded."""
    shown = {}
    options = RenderOptions(full=True, to="desk@example.org")
    for name, fmt in OUTPUT_FORMATS.items():
        if name == "rich":
            console = Console(record=True, width=400)
            console.print(fmt.stream(digest, options) if fmt.stream else None)
            shown[name] = console.export_text()
        elif name == "email":
            message = email.message_from_bytes(fmt.document([digest], options), policy=default)
            shown[name] = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        elif name in ("json", "jsonl"):
            shown[name] = json.dumps(json.loads(fmt.document([digest], options)), ensure_ascii=False)
        else:
            shown[name] = fmt.document([digest], options).decode()
    return {name: " ".join(text.split()) for name, text in shown.items()}  # lines wrapped anywhere


def test_text_in_capitals_is_put_in_sentence_case_with_the_articles_own_casing() -> None:
    casing = article_casing(["Selon Anne Neuberger, la Corée du Nord vise Washington.", "MOT EN CAPITALES"])
    assert sentence_case("ANNE NEUBERGER ET LA CORÉE DU NORD. WASHINGTON RÉPOND", casing) == (
        "Anne Neuberger et la Corée du Nord. Washington répond"
    )


def test_loops_are_told_from_repeats_the_source_has_and_cut_to_one() -> None:
    assert loops("Je suis désolé.", "I'm sorry, I'm sorry, I'm sorry, I'm sorry.")
    assert not loops("Non, non, non, a-t-il dit.", "No, no, no, he said.")
    assert cut_repeats("He said no no no no no to the plan.") == "He said no to the plan."
    assert longest_run(["le", "bureau", "a", "dit"]) == 1
    quoted = "« Nous partons », dit-il, et „wir bleiben“."
    assert [(quoted[a:b], words) for a, b, words in quotation_spans(quoted)] == [
        ("« Nous partons »", "Nous partons"),
        ("„wir bleiben“", "wir bleiben"),
    ]


def test_a_wire_in_capitals_is_translated_in_normal_case(
    pipeline: Pipeline, wrap: Any, tokenizer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    headline, rest = CYBER.split("\n", 1)
    first = parse_wire(CYBER).paragraphs[0]
    shouting = f"{headline.upper()}\n{rest.replace(first, first.upper())}"
    wrap(CapsCollapsingModel)
    digest = digest_of(pipeline, shouting)
    assert digest.headline_en == echoed(
        tokenizer, "Cybersécurité : séoul, Washington et tokyo lancent un groupe de consultation"
    )
    assert digest.paragraphs[0].source == first.upper()
    # "Corée" is written so elsewhere in the wire; "Japon" is not, so it can only be read in lower case
    assert digest.paragraphs[0].en.startswith(echoed(tokenizer, "La Corée, les etats-unis et le japon ont convenu"))
    assert "Corée du Nord" in digest.paragraphs[0].en

    with_guards(pipeline, monkeypatch, all_caps=False)
    collapsed = digest_of(pipeline, shouting)
    assert "Corée du Nord" not in collapsed.paragraphs[0].en, "without the guard the double really collapses"


def test_a_loop_cured_by_forbidding_repeats_leaves_no_trace(pipeline: Pipeline, wrap: Any, tokenizer: Any) -> None:
    wrap(LoopingModel).cured = True  # type: ignore[attr-defined]
    digest = digest_of(pipeline, CYBER)
    assert digest.warnings == ()
    assert digest.paragraphs[0].en == echoed(tokenizer, parse_wire(CYBER).paragraphs[0])


def test_a_loop_that_persists_is_cut_and_named_in_every_format(pipeline: Pipeline, wrap: Any, tokenizer: Any) -> None:
    wrap(LoopingModel)
    wrap(LoopingModel, role="summarizer")
    digest = digest_of(pipeline, CYBER)
    assert digest.paragraphs[0].en == echoed(tokenizer, parse_wire(CYBER).paragraphs[0])
    assert all(longest_run(pair.en.lower().split()) < 3 for pair in digest.paragraphs)
    assert "paragraph 1: the translation repeated itself; the repeat was cut: «La Corée, les" in digest.warnings[1]
    assert digest.warnings[0].startswith("headline: the translation repeated itself")
    assert digest.warnings[-1] == "the summary repeated itself; the repeat was cut"
    assert longest_run(digest.summary.en.lower().split()) < 3
    for name, shown in every_format(digest).items():
        assert "the translation repeated itself; the repeat was cut" in shown, name


def test_output_still_in_the_source_language_is_flagged_when_the_guard_is_on(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_guards(pipeline, monkeypatch, untranslated=True)
    flagged = [w for w in digest_of(pipeline, CYBER).warnings if "still in the source language" in w]
    assert len(flagged) == 1 + sum(len(split_sentences(p, "fr")) for p in parse_wire(CYBER).paragraphs)
    assert flagged[1] == (
        "paragraph 1: the translation is still in the source language: "
        "«La Corée, les Etats-Unis et le Japon ont convenu de lancer…»; check it"
    )


def test_a_mixed_wire_keeps_english_routes_german_and_lists_quotes_in_every_format(
    pipeline: Pipeline, wrap: Any, tokenizer: Any
) -> None:
    said = f"« {QUOTE} », a déclaré Anne Neuberger à Washington."
    wire = f"{CYBER.rstrip()}\n\n{ENGLISH_PARAGRAPH}\n\n{GERMAN_PARAGRAPH}\n\n{said}\n"
    french = wrap(EchoDouble)
    digest = digest_of(pipeline, wire)
    english, german = digest.paragraphs[-3:-1]
    assert (english.lang, english.en) == ("en", ENGLISH_PARAGRAPH)
    assert (german.lang, german.en) == ("de", echoed(tokenizer, GERMAN_PARAGRAPH))
    assert not any(ENGLISH_PARAGRAPH[:20] in seen or "Bundesregierung" in seen for seen in french.seen)
    assert {pair.lang for pair in digest.paragraphs[:-3]} == {"fr"}
    number = len(digest.paragraphs)
    assert any(
        (q.source, q.en, q.speaker, q.paragraph) == (QUOTE, echoed(tokenizer, QUOTE), "Anne Neuberger", number)
        for q in digest.quotes
    ), digest.quotes
    assert len(digest.quotes) == 2  # the bureau's statement in paragraph 3 too
    for name, shown in every_format(digest).items():
        assert QUOTE in shown, name
        assert "Anne Neuberger" in shown, name
        if name not in ("json", "jsonl"):
            assert "EN, kept as written" in shown, name
            assert shown.count(QUOTE) >= 3, f"{name}: listed, and marked in the full paragraph pairs"


def test_guards_are_keys_of_one_map_in_models_yaml(tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text("translation: {guards: {untranslated: false}}\n", encoding="utf-8")
    guards = load_config(path).translation.guards
    assert guards == Guards(untranslated=False)
    assert load_config(path).signature_settings("medium", False)["guards"] == (
        "all_caps,repetition,quotes,mixed_language"
    )


def test_guards_only_detect_they_load_and_call_no_model() -> None:
    """Text in, findings out: the stages that own a model (translate, summarize) act on the findings."""
    tree = ast.parse((ROOT / "src" / "presssum" / "guards.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert {name for name in imported if name.startswith("presssum")} <= {"presssum.lang", "presssum.records"}


def test_key_quotes_and_their_speakers_cost_no_second_parse_of_the_wire(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The speaker of each quotation comes from the entities of the one spaCy pass over the source: each
    text is parsed once, the wire and its summary's back-translation (checked for names)."""
    from presssum.facts import analysis, names

    wire = parse_wire(
        "Cybersécurité : Séoul, Washington et Tokyo s'allient\n\n"
        f"« {QUOTE} », a déclaré Anne Neuberger à Washington.\n\n"
        "« Ce groupe se réunira tous les trimestres à Séoul », a précisé Yoon Suk Yeol lors d'un point presse. "
        "Le bureau présidentiel a ajouté : « La coopération trilatérale entre dans une nouvelle phase »."
    )
    parsed: list[str] = []
    nlp = names.french_nlp()
    assert nlp is not None

    class Counting:
        max_length = nlp.max_length

        def __call__(self, text: str) -> Any:
            parsed.append(text)
            return nlp(text)

        def pipe(self, texts: Sequence[str]) -> Any:
            parsed.extend(texts)
            return nlp.pipe(texts)

    for module in (analysis, names):
        monkeypatch.setattr(module, "french_nlp", Counting)
    digest = digest_of(pipeline, wire.text)
    assert [(quote.speaker, quote.paragraph) for quote in digest.quotes] == [
        ("Anne Neuberger", 1),
        ("Yoon Suk Yeol", 2),
        (None, 2),
    ]
    assert parsed == [wire.text, digest.summary.back]
