"""A text's facts, extracted once: sentences, figures, dates and names with spans, from one spaCy pass.

The pipeline analyses each source once and hands the result to name masking, key facts and both
summary checks; `check_facts` analyses a plain text the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from presssum.facts.dates import english_date, extract_dates, extract_weekdays, weekday_of
from presssum.facts.names import english_name, extract_names, french_nlp
from presssum.facts.numbers import Figure, english_figure, extract_figures
from presssum.facts.text import Sentence, fold, sentences_with_spans
from presssum.records import Fact, KeyFact
from presssum.segment import text_windows


@dataclass(frozen=True)
class TextFacts:
    """The figures, dates and names of one text (a source, a translated sentence, a summary)."""

    text: str
    lang: str
    figures: tuple[Figure, ...]
    dates: tuple[Fact, ...]
    names: tuple[Fact, ...]
    protected_names: tuple[str, ...] = ()

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words the text writes in lower case: common nouns, whatever a summary capitalises."""
        return frozenset(re.findall(r"(?<![\w-])[a-z]{3,}\b", self.text))

    @cached_property
    def checked_figures(self) -> tuple[Figure, ...]:
        """Figures that are not part of a date: the 14 of 'le 14 mars' is a day, not a count of 14."""
        return tuple(
            figure
            for figure in self.figures
            if figure.is_year or not any(_overlaps(figure.fact, date) for date in self.dates)
        )

    def within(self, start: int, end: int) -> TextFacts:
        """The part [start, end) of the text and its facts; fact spans stay relative to the whole text."""
        return TextFacts(
            self.text[start:end],
            self.lang,
            tuple(f for f in self.figures if start <= (f.fact.start or 0) < end),
            tuple(d for d in self.dates if start <= (d.start or 0) < end),
            tuple(n for n in self.names if start <= (n.start or 0) < end),
        )


@dataclass(frozen=True)
class SourceFacts(TextFacts):
    """A source's facts and its sentences with spans, for alignment and key facts."""

    sentences: tuple[Sentence, ...] = ()

    def key_facts(self) -> tuple[KeyFact, ...]:
        """The people, organisations, places, figures and dates of the source, each with its English form."""
        found: dict[tuple[str, str], KeyFact] = {}
        for fact in self.names:
            found.setdefault(("name", fact.value), KeyFact(kind="name", source=fact.text, en=english_name(fact.text)))
        for figure in self.checked_figures:
            found.setdefault(
                ("number", f"{figure.fact.value} {figure.unit}"),
                KeyFact(kind="number", source=figure.fact.text, en=english_figure(figure)),
            )
        for fact in self.dates:
            if fact.value.startswith("weekday-") and any(d is not fact and d.start == fact.start for d in self.dates):
                continue  # the weekday a dated day falls on is the reader's to see, not a key fact of its own
            found.setdefault(("date", fact.value), KeyFact(kind="date", source=fact.text, en=english_date(fact.value)))
        return tuple(found.values())


def _overlaps(a: Fact, b: Fact) -> bool:
    return (a.start or 0) < (b.end or 0) and (b.start or 0) < (a.end or 0)


def analyze_text(text: str, lang: str, year: int | None = None) -> TextFacts:
    """Figures, dates and names of a short text (a summary, a sentence); `year`: its wire's, if known."""
    return TextFacts(
        text,
        lang,
        tuple(extract_figures(text, lang)),
        _dates(text, lang, year),
        tuple(extract_names(text, lang)),
    )


def _dates(text: str, lang: str, year: int | None = None) -> tuple[Fact, ...]:
    """Dates and weekdays in the order written: a summary's "Tuesday" is checked like its "June 3". A date
    whose year is known (written, or the dateline's) also stands for its weekday: "Tuesday" for 24 March 2026."""
    dates = extract_dates(text, lang)
    weekdays = [*extract_weekdays(text, lang), *(day for date in dates if (day := weekday_of(date, year)))]
    return tuple(sorted([*dates, *weekdays], key=lambda f: f.start or 0))


def dateline_year(text: str, lang: str) -> int | None:
    """The year of a wire's dateline ("PARIS, 9 mars 2026 (APR)"): that of the first dated day in its
    opening lines (a headline's "d'ici 2030" is no date)."""
    for date in extract_dates(text[:400], lang):
        year = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", date.text)
        if year:
            return int(year.group(1))
    return None


def analyze_source(text: str, lang: str) -> SourceFacts:
    """Everything the checks, key facts and name masking need from a source, with one spaCy pass."""
    nlp = french_nlp() if lang == "fr" else None
    names: list[Fact] = []
    protected: tuple[str, ...] = ()
    if nlp is not None:
        # one pass; a text over spaCy's max_length goes in pieces (a longer one raises E088)
        windows = text_windows(text, nlp.max_length // 2)
        offset = 0
        for window, doc in zip(windows, nlp.pipe(windows), strict=True):
            names += [_shifted(fact, offset) for fact in extract_names(window, lang, doc)]
            protected += tuple(ent.text for ent in doc.ents if ent.label_ in ("PER", "ORG") and len(ent.text) > 2)
            offset += len(window)
    else:
        names = extract_names(text, lang)
    return SourceFacts(
        text,
        lang,
        tuple(extract_figures(text, lang)),
        _dates(text, lang, dateline_year(text, lang)),
        tuple(names),
        tuple(dict.fromkeys(protected)),
        tuple(sentences_with_spans(text, lang)),
    )


def _shifted(fact: Fact, offset: int) -> Fact:
    return fact.model_copy(update={"start": (fact.start or 0) + offset, "end": (fact.end or 0) + offset})


def protected_names(text: str, lang: str) -> list[str]:
    """People and organisations a translation must not alter; found by spaCy in French text."""
    return list(analyze_source(text, lang).protected_names)


def key_facts(source: str, lang: str) -> tuple[KeyFact, ...]:
    """The key facts of a source given as text."""
    return analyze_source(source, lang).key_facts()
