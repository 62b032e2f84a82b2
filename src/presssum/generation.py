"""Batched, length-sorted generation by a token budget, over any backend: the one place that generates."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from presssum.config import Generation
from presssum.models import LoadedModel

# Given the longest input of a batch (in tokens), the generate() arguments that bound the output.
OutputBounds = Callable[[int], dict[str, int]]
# Told (inputs done, inputs in all) after each batch: a long wire is minutes of batches.
Progress = Callable[[int, int], None]


def token_counter(loaded: LoadedModel) -> Callable[[str], int]:
    """A count of one text's tokens, special tokens included (the backend keeps what it tokenised)."""

    def count(text: str) -> int:
        return loaded.backend.count_tokens([text])[0]

    return count


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


def generate(
    loaded: LoadedModel,
    texts: Sequence[str],
    settings: Generation,
    bounds: OutputBounds,
    on_batch: Progress | None = None,
) -> list[str]:
    """Outputs for `texts`, in their order; inputs must already fit the model's input limit (never truncated)."""
    if not texts:
        return []
    backend = loaded.backend
    lengths = backend.count_tokens(texts)
    too_long = [length for length in lengths if length > loaded.input_limit]
    if too_long:
        raise ValueError(f"input of {max(too_long)} tokens over the {loaded.input_limit}-token limit")
    outputs = [""] * len(texts)
    done = 0
    for batch in plan_batches(lengths, settings, scale=backend.batch_scale):
        decoded = backend.generate([texts[i] for i in batch], settings, bounds(lengths[batch[0]]))
        for index, text in zip(batch, decoded, strict=True):
            outputs[index] = text.strip()
        done += len(batch)
        if on_batch:
            on_batch(done, len(texts))
    return outputs
