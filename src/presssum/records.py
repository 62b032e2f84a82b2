"""The typed values that flow between stages; renderers import only this module.

Every record is a frozen pydantic model: the JSON a script reads (`to_dict`) and the JSON the cache
reads back (`Digest.from_dict`) are produced and validated by the types themselves, never by hand.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, computed_field, field_validator, model_serializer, model_validator

FactKind = Literal["number", "date", "name", "word"]  # word: of a lower-case summary, see FactStatus
# verified: in the source sentences the summary sentence comes from; elsewhere: only in other sentences
# of the source; translation: only through a translated sentence whose figures differ from its source;
# lowercase: a word of a lower-case summary the source lacks (no capitals to tell a name from a paraphrase:
# one alone is uncertain, two or more fail);
# unverified: nowhere in the source.
FactStatus = Literal["verified", "elsewhere", "translation", "lowercase", "unverified"]
STATUS_LABELS: dict[str, str] = {
    "verified": "verified in its source sentences",
    "elsewhere": "found only elsewhere in the source",
    "translation": "found only through a flagged translation",
    "lowercase": "new word of a lower-case summary: maybe a name, maybe a paraphrase",
    "unverified": "not in the source",
}
ENGLISH = "en"
SENTENCE_SEPARATOR = " "  # between the sentences of a summary's text
# The format of a digest's JSON as stored (cache.py keys by it): raised when stored JSON would read back
# otherwise, so entries of an older format are redone, never misread. 2: the summary is its sentences.
RECORD_FORMAT = 2


class Record(BaseModel):
    """Immutable, and strict about unknown fields, so a misspelt key is an error, not a silent loss."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data, as the record's own serializer writes it (the README documents the schema)."""
        return self.model_dump(mode="json")


WireStatus = Literal["usable", "withheld", "canceled"]


class Wire(Record):
    """What an agency format says about an item beyond its text: identity, version, status, embargo.

    Filled from each format's own fields (NewsML-G2, NewsML 1.2, NITF, IPTC 7901, ANPA-1312); `version`
    orders the items of one story, `status` "canceled" is a kill, `signals` holds "correction", "update"...
    """

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


class StoryVersion(Record):
    """One item of an agency story, as read: its input and the version it carries."""

    input: str
    version: int | None = None


class StoryChanges(Record):
    """The English sentences a version added and removed since the previous digested one."""

    since_version: int | None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


class VersionChain(Record):
    """The versions of one agency story (flash, lead, writethru, correction) behind a digest of its latest.

    `Digest.story` in JSON; not to be confused with `Story`, one event across agencies (brief.py).
    """

    id: str
    versions: tuple[StoryVersion, ...]
    changes: StoryChanges | None = None

    @property
    def summary_line(self) -> str:
        """'story version 2 of 2 read; since version 1: 1 sentences added, 1 removed'."""
        latest = self.versions[-1].version if self.versions else None
        line = (
            f"story version {latest} of {len(self.versions)} read"
            if latest is not None
            else (f"{len(self.versions)} story versions read, the latest digested")
        )
        if self.changes:
            since = self.changes.since_version
            line += f"; since version {since}: {len(self.changes.added)} sentences added, "
            line += f"{len(self.changes.removed)} removed"
        return line


NoticeKind = Literal["withdrawn", "superseded", "held", "corrected"]


class StoryNotice(Record):
    """What a script must know about a story besides its digests: the agency withdrew it, a later version
    replaces an item, an item is embargoed and held (--hold-embargoed), or a digested version corrects the
    story. Reported, never counted as a failure; `reason` is the agency's own note where it gave one."""

    input: str
    kind: NoticeKind
    message: str
    story: str | None = None
    headline: str = ""
    until: str | None = None  # a held item's embargo (ISO 8601)
    reason: str | None = None

    @model_serializer(mode="wrap")
    def _to_schema(self, handler: Any) -> dict[str, Any]:
        """`{input, withdrawn|superseded|held|corrected: true, story, message, notice, headline}`, with `until`
        for a held item and the agency's `reason` where it gives one."""
        data: dict[str, Any] = handler(self)
        notice = {"input": data["input"], self.kind: True, "story": data["story"], "message": data["message"]}
        notice |= {"notice": self.kind, "headline": data["headline"]}
        notice |= {"until": data["until"]} if self.until else {}
        return notice | ({"reason": data["reason"]} if self.reason else {})


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
    wire: Wire | None = None

    @field_validator("lang")
    @classmethod
    def _language_code(cls, lang: str | None) -> str | None:
        """Feeds say 'en-US' or 'FR'; models.yaml's pairs are keyed by ISO 639-1 codes such as 'en' and 'fr'."""
        return lang.split("-")[0].split("_")[0].strip().lower() or None if lang else None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def paragraph_starts(self) -> tuple[int, ...]:
        """Where each paragraph starts in `text`, so a stage can find a paragraph's facts by their spans."""
        start = len(self.text) - len(self.body)
        starts = []
        for paragraph in self.paragraphs:
            starts.append(start)
            start += len(paragraph) + 2
        return tuple(starts)

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
    status: FactStatus = "verified"


class FactReport(Record):
    """A summary's facts, split by whether the source backs them."""

    verified: list[Fact] = []
    unverified: list[Fact] = []
    # backed with less confidence (found elsewhere in the source; a lower-case word): shown, not failing
    uncertain: list[Fact] = []

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


class SummarySentence(Record):
    """One summary sentence and where it comes from: 1-based (paragraph, sentence) of the source."""

    text: str
    sources: tuple[tuple[int, int], ...] = ()
    support: float = 0.0  # share of the sentence's content words found in those source sentences

    @property
    def marker(self) -> str:
        """A footnote-style citation: '[2.1]' is paragraph 2, sentence 1; '[unsupported]' when none."""
        return "[" + ("; ".join(f"{p}.{s}" for p, s in self.sources) or "unsupported") + "]"


class ModelInfo(Record):
    """Which model filled a role, so a digest can be reproduced."""

    role: str
    name: str
    revision: str | None
    backend: str = "torch"


class Summary(Record):
    """The English summary, sentence by sentence with each one's sources, and its translation back into
    the wire's language (None for English wires).

    The sentences are the summary: its text `en` is made from them, so a renderer that places citations
    by sentence and one that shows the text can never disagree. `Summary(en=...)` reads a text whose
    sentences are not known as one sentence without sources.
    """

    sentences: tuple[SummarySentence, ...] = ()
    back: str | None = None
    method: str = "abstractive"

    @model_validator(mode="before")
    @classmethod
    def _sentences_of_text(cls, data: Any) -> Any:
        if not (isinstance(data, dict) and "en" in data):
            return data
        data = dict(data)
        text = data.pop("en")
        if text and not data.get("sentences"):
            data["sentences"] = (SummarySentence(text=text),)
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def en(self) -> str:
        """The summary's text: its sentences, one space apart (the offsets of fact spans count from here)."""
        return SENTENCE_SEPARATOR.join(sentence.text for sentence in self.sentences)

    @property
    def sentence_starts(self) -> tuple[int, ...]:
        """Where each sentence starts in `en`: a renderer cuts the text by the records, never by searching."""
        starts, start = [], 0
        for sentence in self.sentences:
            starts.append(start)
            start += len(sentence.text) + len(SENTENCE_SEPARATOR)
        return tuple(starts)


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
    wire: Wire | None = None
    story: VersionChain | None = None
    quotes: tuple[Quote, ...] = ()

    @property
    def unverified(self) -> list[Fact]:
        """Every flagged fact of both summaries."""
        return [fact for report in self.fact_checks.values() for fact in report.unverified]

    def unverified_in(self, lang: str) -> list[Fact]:
        """The flagged facts of the summary in `lang` ("en", or the source language's back-translation)."""
        report = self.fact_checks.get(lang)
        return report.unverified if report else []

    @property
    def uncertain(self) -> list[Fact]:
        """Every fact of both summaries backed with less confidence (elsewhere in the source, lower-case)."""
        return [fact for report in self.fact_checks.values() for fact in report.uncertain]

    @property
    def cited_summary(self) -> str:
        """The English summary with each sentence's source marker after it: 'RTE will invest… [1.1]'."""
        return SENTENCE_SEPARATOR.join(f"{sentence.text} {sentence.marker}" for sentence in self.summary.sentences)

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
        """Dateline, source, author, date and language: what a reader checks the wire against.

        An agency item's status comes first (CORRECTION, EMBARGOED until …) and its story's changes last,
        so every output format shows them.
        """
        notice = self.wire.status_line if self.wire else ""
        parts = (notice, self.dateline, self.source, self.author, self.date, f"language: {self.source_lang}")
        story = self.story.summary_line if self.story and len(self.story.versions) > 1 else ""
        return tuple(part for part in (*parts, story) if part)

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
        data["summary"]["sentences"] = summary["sentences"]
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
        data["summary"] = {
            "en": summary.get(ENGLISH) if not summary.get("sentences") else None,  # else made from the sentences
            "back": back,
            "method": summary.get("method"),
            "sentences": summary.get("sentences", ()),
        }
        models = data["models"]
        if isinstance(models, dict):
            data["models"] = [
                {"role": role, **(spec if isinstance(spec, dict) else {})} for role, spec in models.items()
            ]
        data["fact_checks"] = data.pop("facts", {})
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        """The inverse of to_dict, validated: digests read back from the cache or a JSON Lines file."""
        return cls.model_validate(data)

    def correction_notice(self) -> StoryNotice | None:
        """This digest as a notice for scripts when its version corrects the story: the agency's note is the reason."""
        wire = self.wire
        if wire is None or "correction" not in wire.signals:
            return None
        note = wire.ednote
        return StoryNotice(
            input=self.input,
            kind="corrected",
            message=f"this version corrects the story: {note}" if note else "this version corrects the story",
            story=self.story.id if self.story else None,
            headline=self.headline,
            reason=note,
        )


class StorySource(Record):
    """One wire of a story as the desk lists it: who sent it, in which language, when, under which headline."""

    agency: str | None
    lang: str
    published: str | None
    headline: str
    headline_en: str
    input: str
    # where `published` comes from: the wire's date field, its dateline's day, or its file's modification time
    published_from: Literal["field", "dateline", "file"] | None = None


class Claim(Record):
    """What one agency says: the figure, date or name as it wrote it, and its value in English."""

    source: str
    text: str
    value: str


class Disagreement(Record):
    """A figure, date or name that the agencies of one story give differently."""

    kind: FactKind
    about: str
    claims: tuple[Claim, ...]


class Story(Record):
    """One event across agencies and languages: the digest of its most complete wire, its sources, disagreements."""

    id: str
    digest: Digest
    sources: tuple[StorySource, ...]
    disagreements: tuple[Disagreement, ...] = ()
    # figures one agency changed in a later wire (a toll raised from 7 to 9): shown apart from disagreements
    updates: tuple[Disagreement, ...] = ()
