"""In-process backends for tests that are not about the model: no model load, no torch, no subprocess.

`EchoBackend` behaves as the committed echo MarianMT does (it copies its input, up to the output
bound) with one token per word plus an end token, so a small `input_limit` still makes the pipeline
split long sentences. Pass `Pipeline(config, loader=echo_loader())`. The test doubles below wrap any
backend to misbehave the way real models do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from presssum.backends import Backend
from presssum.config import Config, Generation, ModelSpec
from presssum.models import LoadedModel
from presssum.records import ModelInfo

Loader = Callable[[ModelSpec, str, Config], LoadedModel]


class EchoBackend:
    """Copies each input, cut at max_new_tokens words; remembers every batch it was given."""

    name = "echo"
    batch_scale = 1

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(text.split()) + 1 for text in texts]  # words plus the end-of-sequence token

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        self.batches.append(list(texts))
        return [" ".join(text.split()[: bounds["max_new_tokens"]]) for text in texts]


def echo_loader(input_limit: int = 96, wrap: Mapping[str, Callable[[Backend], Backend]] | None = None) -> Loader:
    """A Pipeline loader giving every role an EchoBackend; `wrap` maps a role prefix to a test double."""

    def load(spec: ModelSpec, role: str, config: Config) -> LoadedModel:
        backend: Backend = EchoBackend()
        for prefix, double in (wrap or {}).items():
            if role.startswith(prefix):
                backend = double(backend)
        info = ModelInfo(role=role, name=spec.model, revision=spec.revision, backend=backend.name)
        return LoadedModel(info=info, backend=backend, input_limit=input_limit, output_limit=input_limit)

    return load


class Wrapped:
    """A backend passed through unchanged; doubles override `generate`."""

    def __init__(self, inner: Backend) -> None:
        self.inner, self.name, self.batch_scale = inner, inner.name, inner.batch_scale

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        return self.inner.generate(texts, settings, bounds)


class Summarising(Wrapped):
    """A summariser that writes one fixed text, whatever it is given."""

    def __init__(self, inner: Backend, summary: str) -> None:
        super().__init__(inner)
        self.summary = summary

    def generate(self, texts: Sequence[str], settings: Generation, bounds: Mapping[str, int]) -> list[str]:
        return [self.summary for _ in texts]
