"""The typed values that flow between stages; renderers import only this module."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

FactKind = Literal["number", "date", "name"]


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
    wire: Wire | None = None

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


@dataclass(frozen=True)
class FactReport:
    """A summary's facts, split by whether the source backs them."""

    verified: list[Fact] = field(default_factory=list)
    unverified: list[Fact] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unverified

    def to_dict(self) -> dict[str, Any]:
        return {"verified": [asdict(f) for f in self.verified], "unverified": [asdict(f) for f in self.unverified]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactReport:
        return cls([Fact(**f) for f in data["verified"]], [Fact(**f) for f in data["unverified"]])


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
    id: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None
    cached: bool = False
    fact_checks: dict[str, FactReport] = field(default_factory=dict)
    key_facts: tuple[KeyFact, ...] = ()
    wire: Wire | None = None
    story: Story | None = None

    @property
    def unverified(self) -> list[Fact]:
        """Every flagged fact of both summaries."""
        return [fact for report in self.fact_checks.values() for fact in report.unverified]

    @property
    def translation(self) -> str:
        """The full English text, paragraphs in order."""
        return "\n\n".join(pair.en for pair in self.paragraphs)

    @property
    def credits(self) -> tuple[str, ...]:
        """Dateline, source, author, date and language: what a reader checks the wire against.

        An agency item's status comes first (CORRECTION, EMBARGOED until …) and its story's changes last,
        so every output format shows them.
        """
        notice = self.wire.status_line if self.wire else ""
        parts = (notice, self.dateline, self.source, self.author, self.date, f"language: {self.source_lang}")
        story = self.story.summary_line if self.story else ""
        return tuple(part for part in (*parts, story) if part)

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
            "wire": self.wire.model_dump(mode="json") if self.wire else None,
            "story": self.story.model_dump(mode="json") if self.story else None,
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
            paragraphs=tuple(ParagraphPair(**pair) for pair in data["paragraphs"]),
            summary=Summary(
                en=summary["en"],
                back=summary.get(data["source_lang"]) if data["source_lang"] != "en" else None,
                method=summary["method"],
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
            wire=Wire.model_validate(data["wire"]) if data.get("wire") else None,
            story=Story.model_validate(data["story"]) if data.get("story") else None,
        )


WireStatus = Literal["usable", "withheld", "canceled"]


class Wire(BaseModel):
    """What an agency format says about an item beyond its text: identity, version, status, embargo.

    Filled from each format's own fields (NewsML-G2, NewsML 1.2, NITF, IPTC 7901, ANPA-1312); `version`
    orders the items of one story, `status` "canceled" is a kill, `signals` holds "correction", "update"...
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: str
    guid: str | None = None
    version: int | None = None
    urgency: int | None = None
    slug: str | None = None
    status: WireStatus = "usable"
    signals: tuple[str, ...] = ()
    embargo: str | None = None
    ednote: str | None = None
    located: str | None = None
    byline: str | None = None
    genre: str | None = None
    subjects: tuple[str, ...] = ()
    created: str | None = None

    @property
    def status_line(self) -> str:
        """'CORRECTION: …', 'EMBARGOED until …', 'WITHDRAWN': what a reader must see before the text."""
        parts = []
        if self.status == "canceled":
            parts.append("WITHDRAWN")
        if "correction" in self.signals:
            parts.append(f"CORRECTION: {self.ednote}" if self.ednote else "CORRECTION")
        if self.embargo:
            parts.append(f"EMBARGOED until {self.embargo}")
        return " · ".join(parts)


class StoryVersion(BaseModel):
    """One item of a story, as read: its input and the version it carries."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input: str
    version: int | None = None


class StoryChanges(BaseModel):
    """The English sentences a version added and removed since the previous digested one."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    since_version: int | None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


class Story(BaseModel):
    """The versions of one story (flash, lead, writethru, correction) behind a digest of its latest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    versions: tuple[StoryVersion, ...]
    changes: StoryChanges | None = None

    @property
    def summary_line(self) -> str:
        """'story v3 (3 versions): 2 sentences added, 1 removed since v2'."""
        latest = self.versions[-1].version if self.versions else None
        line = f"story version {latest} of {len(self.versions)} read"
        if self.changes:
            since = self.changes.since_version
            line += f"; since version {since}: {len(self.changes.added)} sentences added, "
            line += f"{len(self.changes.removed)} removed"
        return line


NoticeKind = Literal["withdrawn", "superseded", "held"]


@dataclass(frozen=True)
class StoryNotice:
    """An item that is not digested, and why: the agency withdrew the story, a later version replaces it,
    or it is embargoed and held (--hold-embargoed). Reported, never counted as a failure."""

    input: str
    kind: NoticeKind
    message: str
    story: str | None = None
    headline: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, self.kind: True, "story": self.story, "message": self.message}
