"""Generation backends: what runs one batch of texts through a model, behind one small protocol.

`generation.generate` plans the batches; a backend counts tokens and runs one batch. torch runs the
Hugging Face model itself; CTranslate2 runs a converted int8 copy (on CPU). Tests plug in a
pure-Python backend (tests/backends.py) where the model is not what they are about.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from presssum.config import Generation

if TYPE_CHECKING:
    import torch

# Token ids kept per model: segmentation and batching ask about the same pieces again and again.
_KEPT_ENCODINGS = 65536


class Backend(Protocol):
    """One loaded model, able to count a text's tokens and to generate for one batch."""

    name: str  # as recorded in a digest's models: torch, torch-bfloat16, torch-int8, ctranslate2-int8
    batch_scale: int  # how many times the CPU batch budget one batch may hold (a GPU has room for more)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Input length of each text in tokens, special tokens included, never truncated."""
        ...

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        """One output per text, in order; `bounds` holds max_new_tokens and maybe min_new_tokens."""
        ...


class Encodings:
    """Each text's token ids, kept so a piece is tokenised once: counted while segmenting, reused to generate."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self._ids: dict[str, list[int]] = {}

    def __call__(self, texts: Sequence[str]) -> list[list[int]]:
        missing = [text for text in dict.fromkeys(texts) if text not in self._ids]
        fresh: dict[str, list[int]] = {}
        if missing:
            encoded = self.tokenizer(missing, add_special_tokens=True, truncation=False, verbose=False)["input_ids"]
            fresh = dict(zip(missing, encoded, strict=True))
            if len(self._ids) + len(fresh) > _KEPT_ENCODINGS:
                self._ids.clear()
            self._ids.update(fresh)
        return [fresh[text] if text in fresh else self._ids[text] for text in texts]

    def count(self, texts: Sequence[str]) -> list[int]:
        return [len(ids) for ids in self(texts)]

    def decode(self, sequences: Any) -> list[str]:
        return list(self.tokenizer.batch_decode(sequences, skip_special_tokens=True))


class TorchBackend:
    """A transformers seq2seq model run by its own `generate`, beam search sharing the encoder's states."""

    def __init__(self, model: Any, tokenizer: Any, device: torch.device, name: str) -> None:
        self.model, self.device, self.name = model, device, name
        self.encodings = Encodings(tokenizer)
        self.batch_scale = 4 if device.type == "cuda" else 1

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.encodings.count(texts)

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        import torch

        rows = self.encodings(texts)
        width = max(len(row) for row in rows)
        pad = self.encodings.tokenizer.pad_token_id
        left = self.encodings.tokenizer.padding_side == "left"

        def padded(row: list[int], fill: int) -> list[int]:
            return [fill] * (width - len(row)) + row if left else row + [fill] * (width - len(row))

        input_ids = torch.tensor([padded(row, pad) for row in rows], device=self.device)
        attention_mask = torch.tensor([padded([1] * len(row), 0) for row in rows], device=self.device)
        arguments: dict[str, Any] = {"num_beams": settings.num_beams, "do_sample": False, "max_length": None}
        # max_length=None above: the checkpoint's own max_length must not cap what max_new_tokens allows
        if settings.num_beams > 1:
            from presssum.beam_cache import SharedEncoderCache

            arguments.update(length_penalty=settings.length_penalty, early_stopping=True)
            if self.model.config.is_encoder_decoder:
                arguments["cache"] = SharedEncoderCache(self.model.config, settings.num_beams)
        if settings.no_repeat_ngram_size:
            arguments["no_repeat_ngram_size"] = settings.no_repeat_ngram_size
        with torch.inference_mode():
            generated = self.model.generate(input_ids=input_ids, attention_mask=attention_mask, **arguments, **bounds)
        return self.encodings.decode(generated)


class CTranslate2Backend:
    """A checkpoint converted by CTranslate2 (int8 on CPU, float16 on a GPU), fed the tokenizer's pieces.

    `workers` is the translator's `inter_threads`: each batch is split among that many workers, which
    share the weights and run their parts at once.
    """

    def __init__(self, translator: Any, tokenizer: Any, name: str, *, on_gpu: bool, workers: int = 1) -> None:
        self.translator, self.name, self.workers = translator, name, workers
        self.encodings = Encodings(tokenizer)
        self.batch_scale = 4 if on_gpu else 1

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.encodings.count(texts)

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        tokenizer = self.encodings.tokenizer
        results = self.translator.translate_batch(
            [tokenizer.convert_ids_to_tokens(ids) for ids in self.encodings(texts)],
            beam_size=settings.num_beams,
            length_penalty=settings.length_penalty,
            no_repeat_ngram_size=settings.no_repeat_ngram_size,
            max_decoding_length=bounds["max_new_tokens"],
            min_decoding_length=bounds.get("min_new_tokens", 0),
            max_batch_size=-(-len(texts) // self.workers),  # one part per worker
        )
        return self.encodings.decode([tokenizer.convert_tokens_to_ids(result.hypotheses[0]) for result in results])
