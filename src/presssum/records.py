"""The typed values that flow between stages; renderers import only this module.

Every record is a frozen pydantic model: the JSON a script reads (`Digest.to_dict`) and the JSON the
cache reads back (`Digest.from_dict`) are produced and validated by the types themselves.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, computed_field, model_serializer, model_validator

FactKind = Literal["number", "date", "name"]
ENGLISH = "en"


class Record(BaseModel):
    """Immutable, and strict about unknown fields, so a misspelt key is an error, not a silent loss."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Record):
    """A wire after loading and cleaning: structured fields, boilerplate gone."""

    headline: str
    paragraphs: tuple[str, ...]
    source: str | None = None
    dateline: str | None = None
    input: str = "-"
    lang: str | None = None
    id: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def text(self) -> str:
        """Headline, dateline and body: everything a summary's facts may be traced to."""
        return "\n\n".join(filter(None, (self.headline, self.dateline, self.body)))


class Fact(Record):
    """One fact as written in a text, where it was found (start, end), its normalised value, and why it is flagged."""

    text: str
    kind: FactKind
    value: str
    reason: str = ""
    start: int | None = None
    end: int | None = None


class FactReport(Record):
    """A summary's facts, split by whether the source backs them."""

    verified: list[Fact] = []
    unverified: list[Fact] = []

    @property
    def ok(self) -> bool:
        return not self.unverified


class KeyFact(Record):
    """A name, figure or date found in the source, with its English form."""

    kind: str
    source: str
    en: str


class Failure(Record):
    """An input or article that could not be digested, and why; a batch reports it and goes on."""

    input: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class SentencePair(Record):
    """One source sentence beside its translation."""

    source: str
    en: str


class ParagraphPair(Record):
    """One source paragraph beside its translation, sentence by sentence where it was translated so.

    `lang` is the paragraph's own language where it was detected: an English paragraph of a foreign wire
    is kept as written (`en` equals `source`).
    """

    source: str
    en: str
    sentences: tuple[SentencePair, ...] = ()
    lang: str | None = None


class Quote(Record):
    """A direct quotation as the wire gives it, its translation, who said it (where the sentence names
    them) and its paragraph (1-based): a journalist quotes the original."""

    source: str
    en: str
    speaker: str | None = None
    paragraph: int


class ModelInfo(Record):
    """Which model filled a role, so a digest can be reproduced."""

    role: str
    name: str
    revision: str | None
    backend: str = "torch"


class Summary(Record):
    """The English summary and its translation back into the wire's language (None for English wires)."""

    en: str
    back: str | None = None
    method: str = "abstractive"


class Digest(Record):
    """Everything a renderer shows about one article, and what produced it.

    In JSON (the schema the README documents) the headline is {source, en}, the summary is keyed by
    language, models by role and fact reports by language; the serializer and validator below map
    between that schema and these fields, so `to_dict` and `from_dict` are exact inverses.
    """

    input: str
    source_lang: str
    headline: str
    headline_en: str
    source: str | None
    dateline: str | None
    paragraphs: tuple[ParagraphPair, ...]
    summary: Summary
    models: tuple[ModelInfo, ...]
    settings: dict[str, Any] = {}
    warnings: tuple[str, ...] = ()
    timings: dict[str, float] = {}
    version: str = ""
    id: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None
    cached: bool = False
    fact_checks: dict[str, FactReport] = {}
    key_facts: tuple[KeyFact, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def unverified(self) -> list[Fact]:
        """Every flagged fact of both summaries."""
        return [fact for report in self.fact_checks.values() for fact in report.unverified]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def translation(self) -> str:
        """The full English text, paragraphs in order."""
        return "\n\n".join(pair.en for pair in self.paragraphs)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def source_text(self) -> str:
        """The wire's body as read, paragraphs in order."""
        return "\n\n".join(pair.source for pair in self.paragraphs)

    @property
    def credits(self) -> tuple[str, ...]:
        """Dateline, source, author, date and language: what a reader checks the wire against."""
        parts = (self.dateline, self.source, self.author, self.date, f"language: {self.source_lang}")
        return tuple(part for part in parts if part)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def signature(self) -> str:
        """One line naming the models and settings behind this digest, sacrebleu style."""
        parts = [f"presssum:{self.version}", f"lang:{self.source_lang}"]
        parts += [f"{m.role}:{m.name}@{m.revision or 'default'}/{m.backend}" for m in self.models]
        parts += [f"{key}:{value}" for key, value in sorted(self.settings.items())]
        return "|".join(parts)

    @model_serializer(mode="wrap")
    def _to_schema(self, handler: Any) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        summary = data.pop("summary")
        data["headline"] = {"source": data["headline"], "en": data.pop("headline_en")}
        data["summary"] = {ENGLISH: summary["en"]}
        if self.source_lang != ENGLISH:
            data["summary"][self.source_lang] = summary["back"]
        data["summary"]["method"] = summary["method"]
        data["models"] = {m.pop("role"): m for m in data["models"]}
        data["facts"] = data.pop("fact_checks")
        data["error"] = None
        return data

    @model_validator(mode="before")
    @classmethod
    def _from_schema(cls, data: Any) -> Any:
        if not (isinstance(data, dict) and isinstance(data.get("headline"), dict)):
            return data  # built from fields, not read back from JSON
        data = dict(data)
        for derived in ("translation", "source_text", "signature", "error"):
            data.pop(derived, None)
        headline = data.pop("headline")
        data["headline"], data["headline_en"] = headline.get("source"), headline.get("en")
        summary = dict(data["summary"])
        lang = data.get("source_lang")
        back = summary.get(lang) if lang != ENGLISH else None
        data["summary"] = {"en": summary.get(ENGLISH), "back": back, "method": summary.get("method")}
        models = data["models"]
        if isinstance(models, dict):
            data["models"] = [
                {"role": role, **(spec if isinstance(spec, dict) else {})} for role, spec in models.items()
            ]
        data["fact_checks"] = data.pop("facts", {})
        return data

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data; the schema is documented in the README and pinned by a test."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        """The inverse of to_dict, validated: digests read back from the cache or a JSON Lines file."""
        return cls.model_validate(data)
