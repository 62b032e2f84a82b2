"""The typed values that flow between stages; renderers import only this module."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FactKind = Literal["number", "date", "name", "word"]  # word: of a lower-case summary, see FactStatus
# verified: in the source sentences the summary sentence comes from; elsewhere: only in other sentences
# of the source; translation: only through a translated sentence whose figures differ from its source;
# lowercase: a word of a lower-case summary the source lacks (no capitals to tell names, so weaker);
# unverified: nowhere in the source.
FactStatus = Literal["verified", "elsewhere", "translation", "lowercase", "unverified"]
STATUS_LABELS: dict[str, str] = {
    "verified": "verified in its source sentences",
    "elsewhere": "found only elsewhere in the source",
    "translation": "found only through a flagged translation",
    "lowercase": "unchecked name: lower-case summary",
    "unverified": "not in the source",
}


@dataclass(frozen=True)
class Article:
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


@dataclass(frozen=True)
class Fact:
    """One fact as written in a text, its normalised value, and why it is flagged (if it is)."""

    text: str
    kind: FactKind
    value: str
    reason: str = ""
    start: int = -1  # the span of `text` in the text it was found in, so renderers mark it, not a look-alike
    end: int = -1
    status: FactStatus = "verified"


@dataclass(frozen=True)
class FactReport:
    """A summary's facts, split by whether the source backs them."""

    verified: list[Fact] = field(default_factory=list)
    unverified: list[Fact] = field(default_factory=list)
    # backed with less confidence (found elsewhere in the source; a lower-case word): shown, not failing
    uncertain: list[Fact] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unverified

    @property
    def facts(self) -> list[Fact]:
        """Every fact of the summary, in the order it is written."""
        return sorted([*self.verified, *self.uncertain, *self.unverified], key=lambda fact: fact.start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "verified": [asdict(f) for f in self.verified],
            "unverified": [asdict(f) for f in self.unverified],
            "uncertain": [asdict(f) for f in self.uncertain],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactReport:
        return cls(
            [Fact(**f) for f in data["verified"]],
            [Fact(**f) for f in data["unverified"]],
            [Fact(**f) for f in data.get("uncertain", [])],
        )


@dataclass(frozen=True)
class KeyFact:
    """A name, figure or date found in the source, with its English form."""

    kind: str
    source: str
    en: str


@dataclass(frozen=True)
class Failure:
    """An input or article that could not be digested, and why; a batch reports it and goes on."""

    input: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "error": self.error}


@dataclass(frozen=True)
class SentencePair:
    """One source sentence beside its translation."""

    source: str
    en: str


@dataclass(frozen=True)
class ParagraphPair:
    """One source paragraph beside its translation, and the same sentence by sentence when known."""

    source: str
    en: str
    sentences: tuple[SentencePair, ...] = ()


@dataclass(frozen=True)
class SummarySentence:
    """One summary sentence and where it comes from: 1-based (paragraph, sentence) of the source."""

    text: str
    sources: tuple[tuple[int, int], ...] = ()
    support: float = 0.0  # share of the sentence's content words found in those source sentences

    @property
    def supported(self) -> bool:
        return bool(self.sources)

    @property
    def marker(self) -> str:
        """A footnote-style citation: '[2.1]' is paragraph 2, sentence 1; '[unsupported]' when none."""
        return "[" + ("; ".join(f"{p}.{s}" for p, s in self.sources) or "unsupported") + "]"


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
    sentences: tuple[SummarySentence, ...] = ()


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
    id: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None
    cached: bool = False
    fact_checks: dict[str, FactReport] = field(default_factory=dict)
    key_facts: tuple[KeyFact, ...] = ()

    @property
    def unverified(self) -> list[Fact]:
        """Every flagged fact of both summaries."""
        return [fact for report in self.fact_checks.values() for fact in report.unverified]

    @property
    def uncertain(self) -> list[Fact]:
        """Every fact of both summaries backed with less confidence (elsewhere in the source, lower-case)."""
        return [fact for report in self.fact_checks.values() for fact in report.uncertain]

    @property
    def cited_summary(self) -> str:
        """The English summary with each sentence's source marker after it: 'RTE will invest… [1.1]'."""
        if not self.summary.sentences:
            return self.summary.en
        return " ".join(f"{sentence.text} {sentence.marker}" for sentence in self.summary.sentences)

    @property
    def translation(self) -> str:
        """The full English text, paragraphs in order."""
        return "\n\n".join(pair.en for pair in self.paragraphs)

    @property
    def credits(self) -> tuple[str, ...]:
        """Dateline, source, author, date and language: what a reader checks the wire against."""
        parts = (self.dateline, self.source, self.author, self.date, f"language: {self.source_lang}")
        return tuple(part for part in parts if part)

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
            "id": self.id,
            "url": self.url,
            "author": self.author,
            "date": self.date,
            "source_text": "\n\n".join(pair.source for pair in self.paragraphs),
            "translation": self.translation,
            "paragraphs": [asdict(pair) for pair in self.paragraphs],
            "summary": {
                "en": self.summary.en,
                self.source_lang: self.summary.back,
                "method": self.summary.method,
                "sentences": [
                    {**asdict(sentence), "sources": [list(source) for source in sentence.sources]}
                    for sentence in self.summary.sentences
                ],
            },
            "models": {m.role: {"name": m.name, "revision": m.revision, "backend": m.backend} for m in self.models},
            "settings": dict(self.settings),
            "warnings": list(self.warnings),
            "timings": dict(self.timings),
            "signature": self.signature,
            "version": self.version,
            "cached": self.cached,
            "facts": {lang: report.to_dict() for lang, report in self.fact_checks.items()},
            "key_facts": [asdict(fact) for fact in self.key_facts],
            "error": None,
        }

    def _summary_dict(self) -> dict[str, str | None]:
        """Keyed by language: 'en', and the wire's own language for the back-translation."""
        summary: dict[str, str | None] = {"en": self.summary.en}
        if self.source_lang != "en":
            summary[self.source_lang] = self.summary.back
        summary["method"] = self.summary.method
        return summary

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        """The inverse of to_dict, for digests read back from the cache."""
        models = tuple(
            ModelInfo(role=role, name=m["name"], revision=m["revision"], backend=m["backend"])
            for role, m in data["models"].items()
        )
        summary = data["summary"]
        return cls(
            input=data["input"],
            source_lang=data["source_lang"],
            headline=data["headline"]["source"],
            headline_en=data["headline"]["en"],
            source=data["source"],
            dateline=data["dateline"],
            paragraphs=tuple(
                ParagraphPair(pair["source"], pair["en"], tuple(SentencePair(**s) for s in pair.get("sentences", [])))
                for pair in data["paragraphs"]
            ),
            summary=Summary(
                en=summary["en"],
                back=summary.get(data["source_lang"]) if data["source_lang"] != "en" else None,
                method=summary["method"],
                sentences=tuple(
                    SummarySentence(s["text"], tuple(tuple(source) for source in s["sources"]), s["support"])
                    for s in summary.get("sentences", [])
                ),
            ),
            models=models,
            settings=data["settings"],
            warnings=tuple(data["warnings"]),
            timings=data["timings"],
            version=data["version"],
            id=data["id"],
            url=data["url"],
            author=data["author"],
            date=data["date"],
            cached=data.get("cached", False),
            fact_checks={lang: FactReport.from_dict(report) for lang, report in data["facts"].items()},
            key_facts=tuple(KeyFact(**fact) for fact in data["key_facts"]),
        )
