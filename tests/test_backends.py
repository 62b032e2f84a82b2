"""The default path is chosen from what the CPU runs, and every fast path gives the float32 text."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import presssum
from presssum.config import ModelSpec, role_overrides
from presssum.errors import ModelUnavailableError
from presssum.models import choose_backend, ctranslate2_int8, load_model, native_bfloat16
from presssum.translate import Translator
from tests.conftest import LONG_WIRE, WriteConfig

DEFAULT_ON_CPU = "ctranslate2-int8" if ctranslate2_int8() else "torch-bfloat16" if native_bfloat16() else "torch-int8"


def test_the_default_and_int8_paths_give_the_float32_text_on_the_echo_model(write_config: WriteConfig) -> None:
    path = write_config(device="cpu")
    base = presssum.load_config(path)
    article = presssum.parse_wire(LONG_WIRE.read_text(encoding="utf-8"))
    digests = {}
    for label, flags in {"float32": {"dtype": "float32"}, "default": {}, "int8": {"fast": True}}.items():
        config = presssum.load_config(path, overrides=role_overrides(base=base, **flags))  # type: ignore[arg-type]
        (digests[label],) = presssum.Pipeline(config).digest_articles([article], lang="fr")
    reference = digests.pop("float32")
    assert isinstance(reference, presssum.Digest)
    assert {model.backend for model in reference.models} == {"torch"}
    for label, backend in {"default": DEFAULT_ON_CPU, "int8": "torch-int8"}.items():
        digest = digests[label]
        assert isinstance(digest, presssum.Digest)
        assert {model.backend for model in digest.models} == {backend}, label
        assert f"/{backend}" in digest.signature
        assert digest.translation == reference.translation, label
        assert digest.summary == reference.summary, label


def test_the_default_backend_follows_the_cpu_and_yields_to_an_explicit_precision() -> None:
    import torch

    cpu, base = torch.device("cpu"), presssum.load_config()
    spec = ModelSpec(model="any")
    assert choose_backend(spec, base, cpu) == ("ctranslate2" if ctranslate2_int8() else "torch")
    for update in ({"dtype": "float32"}, {"dtype": "bfloat16"}, {"quantize": "int8"}):
        assert choose_backend(spec, base.model_copy(update=update), cpu) == "torch", update
    assert choose_backend(ModelSpec(model="any", backend="torch"), base, cpu) == "torch"
    assert choose_backend(spec, base, torch.device("cuda")) == "torch"


def test_without_ctranslate2_the_default_is_a_fast_torch_path(
    echo_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("presssum.models.ctranslate2_int8", lambda: False)
    loaded = load_model(ModelSpec(model=str(echo_model)), "translation:fr", presssum.load_config())
    assert loaded.info.backend == ("torch-bfloat16" if native_bfloat16() else "torch-int8")


class CountingTokenizer:
    """The model's tokenizer, noting every text it encodes."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer, self.seen = tokenizer, list[str]()

    def __call__(self, texts: list[str], **arguments: Any) -> Any:
        self.seen.extend(texts)
        return self.tokenizer(texts, **arguments)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def test_each_piece_is_tokenised_once(echo_model: Path) -> None:
    """Segmenting counts every piece's tokens; generating reuses those ids instead of tokenising again."""
    config = presssum.load_config()
    loaded = load_model(ModelSpec(model=str(echo_model)), "translation:fr", config)
    encodings: Any = getattr(loaded.backend, "encodings")  # noqa: B009 (not part of the Backend protocol)
    counting = CountingTokenizer(encodings.tokenizer)
    encodings.tokenizer = counting
    article = presssum.parse_wire(LONG_WIRE.read_text(encoding="utf-8"))
    translator = Translator(loaded, config.translation.generation.model_copy(update={"num_beams": 1}))
    translator.translate(list(article.paragraphs[:2]))
    assert counting.seen and len(counting.seen) == len(set(counting.seen)), "no text was tokenised twice"


def test_a_pickled_only_checkpoint_is_refused_before_any_conversion(
    echo_model: Path, tmp_path: Path, isolated_cache: Path
) -> None:
    pickled = tmp_path / "pickled-model"
    shutil.copytree(echo_model, pickled)
    (pickled / "model.safetensors").rename(pickled / "pytorch_model.bin")
    before = set((isolated_cache / "models").iterdir())
    with pytest.raises(ModelUnavailableError, match="no safetensors weights") as raised:
        load_model(ModelSpec(model=str(pickled)), "translation:fr", presssum.load_config())
    assert "\n" not in str(raised.value) and "safetensors_only: false" in str(raised.value)
    assert set((isolated_cache / "models").iterdir()) == before, "nothing was converted"


def test_beam_search_leaves_encoder_states_in_place_without_changing_the_output() -> None:
    """presssum skips transformers' per-step copy of the encoder's keys and values; beams must not notice.

    The random model's weights are large enough that its next word depends on the words before, so
    beams overtake each other and a cache that failed to follow them would change the output.
    """
    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    from presssum.beam_cache import SharedEncoderCache

    torch.manual_seed(0)
    config = BartConfig(
        vocab_size=300, d_model=32, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, max_position_embeddings=64,
        init_std=0.2, pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2,
    )  # fmt: skip
    model = BartForConditionalGeneration(config).eval()
    input_ids = torch.randint(3, 300, (5, 20))
    attention_mask = torch.ones_like(input_ids)
    attention_mask[1, 12:] = attention_mask[3, 5:] = 0  # inputs of different lengths, padded
    arguments = {"num_beams": 4, "do_sample": False, "min_new_tokens": 24, "max_new_tokens": 24}
    with torch.inference_mode():
        theirs = model.generate(input_ids=input_ids, attention_mask=attention_mask, **arguments)
        ours = model.generate(
            input_ids=input_ids, attention_mask=attention_mask, **arguments, cache=SharedEncoderCache(config, 4)
        )
    assert torch.equal(ours, theirs)


needs_ctranslate2 = pytest.mark.skipif(not ctranslate2_int8(), reason="CTranslate2 int8 is not installed here")


@needs_ctranslate2
def test_the_default_path_builds_no_torch_model_once_converted(
    echo_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A torch copy of the weights beside CTranslate2's would double what the model holds in memory."""
    from transformers import AutoModelForSeq2SeqLM

    config = presssum.load_config()
    load_model(ModelSpec(model=str(echo_model)), "translation:fr", config)  # converts, or finds it converted

    def no_torch_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("a torch model was built")

    monkeypatch.setattr(AutoModelForSeq2SeqLM, "from_pretrained", no_torch_model)
    loaded = load_model(ModelSpec(model=str(echo_model)), "translation:fr", config)
    translator = Translator(loaded, config.translation.generation)
    assert loaded.info.backend == "ctranslate2-int8"
    assert translator.translate(["Le conseil se réunit lundi."]) == ["Le conseil se réunit lundi."]


@needs_ctranslate2
def test_every_model_runs_a_worker_per_core_and_a_shared_batch_comes_back_in_order(echo_model: Path) -> None:
    """On a CPU each CTranslate2 worker (one per core, up to four) runs its own part of a batch.

    Loading a model sets the OpenMP thread count CTranslate2 shares with torch when torch was imported
    first (as spaCy and transformers do): the next model read one thread and ran on one core. In a
    fresh process with two threads, as the import order and the thread count decide it.
    """
    sentences = [f"Le conseil numéro {n} se réunit {'lundi matin ' * (n % 3 + 1)}." for n in range(9)]
    script = f"""
import json, torch
torch.set_num_threads(2)
import presssum
from presssum.config import ModelSpec
from presssum.models import load_model
config = presssum.load_config()
models = [load_model(ModelSpec(model={str(echo_model)!r}), role, config) for role in ("translation:fr", "summarizer")]
outputs = models[0].backend.generate({sentences!r}, config.translation.generation, {{"max_new_tokens": 64}})
print(json.dumps([torch.get_num_threads(), [model.backend.workers for model in models], outputs]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == [2, [2, 2], sentences]


def test_the_french_name_pass_loads_only_the_components_it_runs() -> None:
    """Disabled spaCy components still load; the parser, sentence splitter and lemmatizer cost 300 MB."""
    from presssum.facts.names import french_nlp

    nlp = french_nlp()
    if nlp is None:
        pytest.skip("spaCy's French pipeline is not installed")
    assert "ner" in nlp.pipe_names
    assert not {"parser", "senter", "lemmatizer"} & set(nlp.component_names)
