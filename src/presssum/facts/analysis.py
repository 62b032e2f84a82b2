"""A text's facts, extracted once: sentences, figures, dates and names with spans, from one spaCy pass.

The pipeline analyses each source once and hands the result to name masking, key facts and both
summary checks; `check_facts` analyses a plain text the same way.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property

from presssum.facts.dates import english_date, extract_dates, extract_weekdays, relative_days, weekday_of
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
    """A source's facts and its sentences with spans, for alignment and key facts; `people` are the
    people and organisations spaCy found, as written (spans in `text`), for names to keep and speakers."""

    sentences: tuple[Sentence, ...] = ()
    people: tuple[Fact, ...] = ()

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
        written: dict[int | None, Fact] = {}
        for fact in self.dates:  # the date as written, not the weekday or dates it stands for too
            written.setdefault(fact.start, fact)
        for fact in written.values():
            found.setdefault(("date", fact.value), KeyFact(kind="date", source=fact.text, en=english_date(fact.value)))
        return tuple(found.values())


def _overlaps(a: Fact, b: Fact) -> bool:
    return (a.start or 0) < (b.end or 0) and (b.start or 0) < (a.end or 0)


def analyze_text(text: str, lang: str, dated: datetime.date | None = None) -> TextFacts:
    """Figures, dates and names of a short text (a summary, a sentence); `dated`: its wire's dateline."""
    return TextFacts(
        text,
        lang,
        tuple(extract_figures(text, lang)),
        _dates(text, lang, dated),
        tuple(extract_names(text, lang)),
    )


def _dates(text: str, lang: str, dated: datetime.date | None = None) -> tuple[Fact, ...]:
    """Dates and weekdays in the order written: a summary's "Tuesday" is checked like its "June 3". With the
    wire's dateline known, a date also stands for its weekday ("Tuesday" for 24 March 2026), and a day
    named relative to it for its date: "hier" in a wire of 9 March is 8 March, "lundi" the Monday before
    or after."""
    dates = extract_dates(text, lang)
    year = dated.year if dated else None
    weekdays = extract_weekdays(text, lang)
    found = [*dates, *weekdays, *(weekday for date in dates if (weekday := weekday_of(date, year)))]
    if dated is not None:
        for fact, offsets in [*relative_days(text, lang), *((named, _around(named, dated)) for named in weekdays)]:
            for offset in offsets:
                day = dated + datetime.timedelta(days=offset)
                found.append(fact.model_copy(update={"value": f"{day.month:02}-{day.day:02}"}))
                if fact not in weekdays:
                    found.append(fact.model_copy(update={"value": f"weekday-{day.isoweekday()}"}))
    return tuple(sorted(found, key=lambda f: f.start or 0))


def _around(weekday: Fact, dated: datetime.date) -> tuple[int, ...]:
    """The days from the dateline to the named weekday: the one before it and the one after."""
    ahead = (int(weekday.value.split("-")[1]) - dated.isoweekday()) % 7
    return (ahead - 7, ahead) if ahead else (0,)


def dateline(text: str, lang: str) -> datetime.date | None:
    """The date of a wire's dateline ("PARIS, 9 mars 2026 (APR)"): the first dated day with a year in its
    opening lines (a headline's "d'ici 2030" is no date)."""
    for date in extract_dates(text[:400], lang):
        year = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", date.text)
        if year:
            month, day = map(int, date.value.split("-"))
            try:
                return datetime.date(int(year.group(1)), month, day)
            except ValueError:
                continue
    return None


def analyze_source(text: str, lang: str) -> SourceFacts:
    """Everything the checks, key facts and name masking need from a source, with one spaCy pass."""
    nlp = french_nlp() if lang == "fr" else None
    names: list[Fact] = []
    people: list[Fact] = []
    if nlp is not None:
        # one pass; a text over spaCy's max_length goes in pieces (a longer one raises E088)
        windows = text_windows(text, nlp.max_length // 2)
        offset = 0
        for window, doc in zip(windows, nlp.pipe(windows), strict=True):
            names += [_shifted(fact, offset) for fact in extract_names(window, lang, doc)]
            people += [
                Fact(
                    text=ent.text, kind="name", value=ent.text, start=offset + ent.start_char, end=offset + ent.end_char
                )
                for ent in doc.ents
                if ent.label_ in ("PER", "ORG") and len(ent.text) > 2
            ]
            offset += len(window)
    else:
        names = extract_names(text, lang)
    return SourceFacts(
        text,
        lang,
        tuple(extract_figures(text, lang)),
        _dates(text, lang, dateline(text, lang)),
        tuple(names),
        tuple(dict.fromkeys(person.text for person in people)),
        tuple(sentences_with_spans(text, lang)),
        tuple(people),
    )


def _shifted(fact: Fact, offset: int) -> Fact:
    return fact.model_copy(update={"start": (fact.start or 0) + offset, "end": (fact.end or 0) + offset})


def protected_names(text: str, lang: str) -> list[str]:
    """People and organisations a translation must not alter; found by spaCy in French text."""
    return list(analyze_source(text, lang).protected_names)


def key_facts(source: str, lang: str) -> tuple[KeyFact, ...]:
    """The key facts of a source given as text."""
    return analyze_source(source, lang).key_facts()
