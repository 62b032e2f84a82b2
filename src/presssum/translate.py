"""Translator: sentences in, translations out, in order; long sentences split, never truncated."""

from __future__ import annotations

from collections.abc import Sequence

from presssum.config import Generation
from presssum.generation import generate, token_counter
from presssum.models import LoadedModel
from presssum.segment import fit_to_limit

# Translations run longer than their source; this is the floor of room left for the output.
_OUTPUT_MARGIN = 16


class Translator:
    """One loaded translation model; `translate` batches every text it is given at once."""

    def __init__(self, loaded: LoadedModel, settings: Generation) -> None:
        self.loaded = loaded
        self.settings = settings
        self._count = token_counter(loaded)

    def pieces(self, text: str) -> list[str]:
        """The text cut into pieces that each fit the model's input limit."""
        return fit_to_limit(text, self._count, self.loaded.input_limit)

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate each text; one over the model's limit is translated piece by piece and rejoined."""
        pieces = [self.pieces(text) if text.strip() else [] for text in texts]
        flat = [piece for group in pieces for piece in group]
        translated = iter(generate(self.loaded, flat, self.settings, self._bounds))
        return [" ".join(next(translated) for _ in group) for group in pieces]

    def _bounds(self, longest_input: int) -> dict[str, int]:
        wanted = self.settings.max_new_tokens or int(longest_input * self.settings.max_length_ratio) + _OUTPUT_MARGIN
        bounds = {"max_new_tokens": min(wanted, self.loaded.output_limit - 1)}
        if self.settings.min_new_tokens:
            bounds["min_new_tokens"] = min(self.settings.min_new_tokens, bounds["max_new_tokens"])
        return bounds
