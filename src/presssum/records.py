"""The typed values that flow between stages; renderers import only this module."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """A wire after loading and cleaning: structured fields, boilerplate gone."""

    headline: str
    paragraphs: tuple[str, ...]
    source: str | None = None
    dateline: str | None = None
    input: str = "-"
    lang: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class ParagraphPair:
    """One source paragraph beside its translation."""

    source: str
    en: str


@dataclass(frozen=True)
class ModelInfo:
    """Which model filled a role, so a digest can be reproduced."""

    role: str
    name: str
    revision: str | None
    backend: str = "torch"


@dataclass(frozen=True)
class Summary:
    """The English summary and its translation back into the wire's language (None for English wires)."""

    en: str
    back: str | None
    method: str = "abstractive"


@dataclass(frozen=True)
class Digest:
    """Everything a renderer shows about one article, and what produced it."""

    input: str
    source_lang: str
    headline: str
    headline_en: str
    source: str | None
    dateline: str | None
    paragraphs: tuple[ParagraphPair, ...]
    summary: Summary
    models: tuple[ModelInfo, ...]
    settings: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    version: str = ""

    @property
    def translation(self) -> str:
        """The full English text, paragraphs in order."""
        return "\n\n".join(pair.en for pair in self.paragraphs)

    @property
    def signature(self) -> str:
        """One line naming the models and settings behind this digest, sacrebleu style."""
        parts = [f"presssum:{self.version}", f"lang:{self.source_lang}"]
        parts += [f"{m.role}:{m.name}@{m.revision or 'default'}/{m.backend}" for m in self.models]
        parts += [f"{key}:{value}" for key, value in sorted(self.settings.items())]
        return "|".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data; the schema is documented in the README and pinned by a test."""
        return {
            "input": self.input,
            "source_lang": self.source_lang,
            "headline": {"source": self.headline, "en": self.headline_en},
            "source": self.source,
            "dateline": self.dateline,
            "source_text": "\n\n".join(pair.source for pair in self.paragraphs),
            "translation": self.translation,
            "paragraphs": [asdict(pair) for pair in self.paragraphs],
            "summary": {
                "en": self.summary.en,
                self.source_lang: self.summary.back,
                "method": self.summary.method,
            },
            "models": {m.role: {"name": m.name, "revision": m.revision, "backend": m.backend} for m in self.models},
            "settings": dict(self.settings),
            "warnings": list(self.warnings),
            "timings": dict(self.timings),
            "signature": self.signature,
            "version": self.version,
            "error": None,
        }
