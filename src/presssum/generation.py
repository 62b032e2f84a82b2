"""Batched, length-sorted generation by a token budget: the one place that calls `generate`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from presssum.config import Generation
from presssum.models import LoadedModel

# Given the longest input of a batch (in tokens), the generate() arguments that bound the output.
OutputBounds = Callable[[int], dict[str, int]]


def token_counter(loaded: LoadedModel) -> Callable[[str], int]:
    """A memoised count of a text's tokens, special tokens included: segmentation asks many times."""

    @lru_cache(maxsize=65536)
    def count(text: str) -> int:
        return len(loaded.tokenizer(text, add_special_tokens=True, truncation=False, verbose=False)["input_ids"])

    return count


def token_lengths(loaded: LoadedModel, texts: Sequence[str]) -> list[int]:
    """Input length of each text in tokens, special tokens included, never truncated."""
    if not texts:
        return []
    encoded = loaded.tokenizer(list(texts), add_special_tokens=True, truncation=False, verbose=False)["input_ids"]
    return [len(ids) for ids in encoded]


def plan_batches(lengths: Sequence[int], settings: Generation, scale: int = 1) -> list[list[int]]:
    """Indices grouped into batches, longest first, each within the padded-token budget (times `scale`)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i], reverse=True)
    budget, size = settings.max_batch_tokens * scale, settings.max_batch_size * scale
    batches: list[list[int]] = []
    for index in order:
        batch = batches[-1] if batches else None
        # sorted longest first, so the batch's first item sets its padded width
        if batch is not None and len(batch) < size and lengths[batch[0]] * (len(batch) + 1) <= budget:
            batch.append(index)
        else:
            batches.append([index])
    return batches


def generate(loaded: LoadedModel, texts: Sequence[str], settings: Generation, bounds: OutputBounds) -> list[str]:
    """Outputs for `texts`, in their order; inputs must already fit the model's input limit."""
    lengths = token_lengths(loaded, texts)
    too_long = [length for length in lengths if length > loaded.input_limit]
    if too_long:
        raise ValueError(f"input of {max(too_long)} tokens over the {loaded.input_limit}-token limit")
    run = _generate_ctranslate2 if loaded.info.backend == "ctranslate2" else _generate_torch
    outputs = [""] * len(texts)
    # a GPU has memory to spare for bigger batches
    for batch in plan_batches(lengths, settings, scale=4 if loaded.device.type == "cuda" else 1):
        decoded = run(loaded, [texts[i] for i in batch], settings, bounds(lengths[batch[0]]))
        for index, text in zip(batch, decoded, strict=True):
            outputs[index] = text.strip()
    return outputs


def _generate_torch(loaded: LoadedModel, texts: list[str], settings: Generation, bounds: dict[str, int]) -> list[str]:
    import torch

    encoded = loaded.tokenizer(texts, return_tensors="pt", padding=True, truncation=False).to(loaded.device)
    arguments: dict[str, Any] = {"num_beams": settings.num_beams, "do_sample": False, "max_length": None}
    # max_length=None above: the checkpoint's own max_length must not cap what max_new_tokens allows
    if settings.num_beams > 1:
        from presssum.beam_cache import SharedEncoderCache

        arguments.update(length_penalty=settings.length_penalty, early_stopping=True)
        if loaded.model.config.is_encoder_decoder:
            arguments["cache"] = SharedEncoderCache(loaded.model.config, settings.num_beams)
    if settings.no_repeat_ngram_size:
        arguments["no_repeat_ngram_size"] = settings.no_repeat_ngram_size
    with torch.inference_mode():
        generated = loaded.model.generate(**encoded, **arguments, **bounds)
    return list(loaded.tokenizer.batch_decode(generated, skip_special_tokens=True))


def _generate_ctranslate2(
    loaded: LoadedModel, texts: list[str], settings: Generation, bounds: dict[str, int]
) -> list[str]:
    tokenizer = loaded.tokenizer
    sources = [tokenizer.convert_ids_to_tokens(tokenizer(text, truncation=False)["input_ids"]) for text in texts]
    results = loaded.model.translate_batch(
        sources,
        beam_size=settings.num_beams,
        length_penalty=settings.length_penalty,
        no_repeat_ngram_size=settings.no_repeat_ngram_size,
        max_decoding_length=bounds["max_new_tokens"],
        min_decoding_length=bounds.get("min_new_tokens", 0),
        max_batch_size=len(texts),
    )
    return [
        tokenizer.decode(tokenizer.convert_tokens_to_ids(result.hypotheses[0]), skip_special_tokens=True)
        for result in results
    ]
