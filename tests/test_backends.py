"""The fast paths give the same text as the default path: int8 on CPU, and CTranslate2."""

from __future__ import annotations

import pytest

import presssum
from presssum.config import role_overrides
from tests.conftest import LONG_WIRE, WriteConfig


@pytest.mark.parametrize(
    ("flags", "backend"), [({"fast": True}, "torch-int8"), ({"backend": "ctranslate2"}, "ctranslate2")]
)
def test_a_fast_path_agrees_with_the_default_path_on_the_echo_model(
    write_config: WriteConfig, flags: dict[str, object], backend: str
) -> None:
    path = write_config()
    base = presssum.load_config(path)
    article = presssum.parse_wire(LONG_WIRE.read_text(encoding="utf-8"))
    (default,) = presssum.Pipeline(base).digest_articles([article], lang="fr")
    fast_config = presssum.load_config(path, overrides=role_overrides(base=base, **flags))  # type: ignore[arg-type]
    (fast,) = presssum.Pipeline(fast_config).digest_articles([article], lang="fr")
    assert isinstance(default, presssum.Digest) and isinstance(fast, presssum.Digest)
    assert {model.backend for model in fast.models} == {backend}
    assert fast.translation == default.translation
    assert fast.summary == default.summary


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
