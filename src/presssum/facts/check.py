"""Summary facts traced to the source sentences they come from; translations checked sentence by sentence.

A fact is *verified* when the source sentences its summary sentence aligns to hold it (with its unit,
and in one language the noun it counts), found *elsewhere* when only other sentences do, *translation*
when only a translated sentence whose figures differ from its source holds it, and *unverified* when
nothing does. Lower-case summaries (no capitals to find names by) get a word check, as *lowercase*.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from presssum.facts.align import SUPPORTED, align, cover, coverage, draws_on, stop_words
from presssum.facts.analysis import SourceFacts, TextFacts, analyze_source, analyze_text, dateline
from presssum.facts.dates import extract_dates, extract_weekdays
from presssum.facts.names import DEMONYMS, TITLES, name_forms, name_in, spelled_out, starts_sentence
from presssum.facts.numbers import Figure, change_in, same_figure, share_in
from presssum.facts.relations import DATELINE, negation_flags, office_flags, role_flags
from presssum.facts.text import Sentence, content_words, fold, paragraphs_of, sentences_with_spans, stem
from presssum.records import Fact, FactReport, FactStatus, KeyFact, ParagraphPair, SentencePair, SummarySentence

ENGLISH = "en"
_REASONS = {
    "number": "this figure is not in the source",
    "date": "this date is not in the source",
    "name": "this name is not in the source",
    "word": "this word is not in the source",
}
LOWERCASE_WORDS = 2  # new words a lower-case summary may hold before it fails: one is often a paraphrase
CHANGED_NAME = "the source has this name with another word in place of the first"
ELSEWHERE = "found only in other sentences of the source"
OTHER_NOUN = "the source has this figure counting something else"
# what summarisers' tokenisers leave in lower-case text: unknown-word markers, escaped brackets
_TOKENISER_LEFTOVERS = re.compile(r"\[UNK\]|\bUNK\b|<unk>|-[lr][rcs]b-", re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    """One sentence of the source and, when known, its translation; what a summary fact is checked against."""

    location: tuple[int, int] | None
    texts: tuple[TextFacts, ...]  # the source sentence's facts first, then its translation's
    flagged: bool = False  # the translation's figures or dates differ from the source's

    def holds(self, fact: Fact, figure: Figure | None, lang: str, nouns: bool = True) -> tuple[bool, bool]:
        """(the source side holds the fact, the translation side does); `nouns=False` lets a figure count
        another noun ("1,100 dockers" for "1,100 workers")."""
        found = [_holds(text, fact, figure, lang, nouns) for text in self.texts]
        return found[0], any(found[1:])


@dataclass(frozen=True)
class Checked:
    """What the check stage adds to a digest: per-language reports, provenance, warnings, key facts."""

    fact_checks: dict[str, FactReport]
    sentences: tuple[SummarySentence, ...]
    warnings: tuple[str, ...] = ()
    key_facts: tuple[KeyFact, ...] = field(default_factory=tuple)


def _holds(text: TextFacts, fact: Fact, figure: Figure | None, lang: str, nouns: bool = True) -> bool:
    if fact.kind == "number" and figure is not None:
        same_language = text.lang == lang
        return (
            any(same_figure(figure, ref, same_language=same_language, nouns=nouns) for ref in text.checked_figures)
            or share_in(figure, text.checked_figures)
            or change_in(figure, text.checked_figures)
            # a percentage for the wire's share in words: "25%" for "un quart"
            or any(share_in(share, (figure,)) for share in text.checked_figures if 0 < share.number < 1)
        )
    if fact.kind == "date":
        return any(date.value == fact.value for date in text.dates)
    if fact.text.isupper() and len(fact.text) <= 5:  # an acronym: "UN" is not the French article "un"
        forms = [form.upper() for form in name_forms(fact.text) if len(form) <= 5]
        return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text.text) for form in forms) or any(
            spelled_out(form, text.folded) for form in name_forms(fact.text)
        )
    return name_in(fact.text, text.folded)


def _status(
    fact: Fact, figure: Figure | None, lang: str, units: Sequence[Unit], context: set[int]
) -> tuple[FactStatus, str]:
    """Where the fact is found, and why it is flagged: in its sentence's sources (verified), there but
    counting another noun, only in other sentences, only through a flagged translation, nowhere."""

    def found(indices: Sequence[int], nouns: bool = True) -> bool:
        held = [(units[i].holds(fact, figure, lang, nouns), units[i].flagged) for i in indices]
        return any(source or (translated and not flagged) for (source, translated), flagged in held)

    ordered = sorted(context)
    if found(ordered):
        return "verified", ""
    everywhere = range(len(units))
    if found(everywhere):
        return "elsewhere", ELSEWHERE
    if figure is not None and found(everywhere, nouns=False):
        return "elsewhere", OTHER_NOUN  # "1,100 dockers" for "1,100 workers", or the figure of something else
    if any(translated for (_, translated) in (unit.holds(fact, figure, lang) for unit in units)):
        return "translation", "found only in a translation whose figures differ from the source"
    return "unverified", _REASONS[fact.kind]


def _summary_facts(summary: TextFacts) -> list[tuple[Fact, Figure | None]]:
    """The summary's facts to check: dates, figures that are not a date's day, names."""
    facts: list[tuple[Fact, Figure | None]] = [(figure.fact, figure) for figure in summary.checked_figures]
    facts += [(date, None) for date in summary.dates]
    facts += [(name, None) for name in summary.names if not any(_inside(name, date) for date in summary.dates)]
    return sorted(facts, key=lambda pair: pair[0].start or 0)


def _inside(a: Fact, b: Fact) -> bool:
    return (b.start or 0) <= (a.start or 0) and (a.end or 0) <= (b.end or 0)


def check_units(summary: str, lang: str, units: Sequence[Unit], contexts: Sequence[set[int] | None]) -> FactReport:
    """Check each summary sentence's facts against its context units (None: the whole source)."""
    verified: list[Fact] = []
    uncertain: list[Fact] = []
    unverified: list[Fact] = []
    summary = _TOKENISER_LEFTOVERS.sub(lambda match: " " * len(match.group(0)), summary)  # spans kept
    facts = analyze_text(summary, lang)
    sentences = sentences_with_spans(summary, lang)
    for fact, figure in _summary_facts(facts):
        if fact.kind == "name" and starts_sentence(summary, fact.start or 0):
            fact = _without_common_first_word(fact, units)
        index = next((i for i, s in enumerate(sentences) if s.start <= (fact.start or 0) < s.end), len(sentences) - 1)
        context = contexts[index] if 0 <= index < len(contexts) else None
        context = set(range(len(units))) if context is None else context
        if fact.kind != "name" and 0 <= index < len(sentences):
            context = context | _related(sentences[index].text, lang, units, fact.kind)
        status, reason = _status(fact, figure, lang, units, context)
        checked = fact.model_copy(update={"status": status, "reason": reason})
        {"verified": verified, "elsewhere": uncertain}.get(status, unverified).append(checked)
    lower_case = _lower_case(summary)
    if lang == ENGLISH and not lower_case:
        for flag in _relation_flags(summary, facts, sentences, units):
            if any(_overlaps(fact, flag) for fact in unverified):
                continue
            verified = [fact for fact in verified if not _overlaps(fact, flag)]
            uncertain = [fact for fact in uncertain if not _overlaps(fact, flag)]
            (uncertain if flag.status == "elsewhere" else unverified).append(flag)
    if lower_case:
        words = _novel_words(summary, lang, units)
        changed = _changed_names(summary, words, units)
        unverified += changed
        rest = [word for word in words if not any(_inside(word, name) for name in changed)]
        (unverified if len(rest) >= LOWERCASE_WORDS else uncertain).extend(rest)
    return FactReport(verified=verified, unverified=unverified, uncertain=uncertain)


def _lower_case(summary: str) -> bool:
    """A summary written without capitals, where names cannot be told by them; one that only opens with a
    figure and names nothing ("14.2 million tourists came in 2025") is cased text."""
    return summary == summary.lower() and re.search(r"(?:^|[.!?]\s+)[^\W\d_]", summary.strip()) is not None


def _related(sentence: str, lang: str, units: Sequence[Unit], kind: str) -> set[int]:
    """Sentences a figure or date may come from in its role: any that shares a content word with the summary
    sentence ("About 1,100 workers are taking part in the 48-hour stoppage" for "a 48-hour strike"), and for
    a date the dateline's sentence, which dates the whole wire."""
    stops = stop_words(lang)
    wanted = content_words(sentence, stops)
    return {
        i
        for i, unit in enumerate(units)
        if (unit.texts[-1].lang == lang and wanted & content_words(unit.texts[-1].text, stops))
        or (kind == "date" and DATELINE.match(unit.texts[-1].text))
    }


def _relation_flags(summary: str, facts: TextFacts, sentences: Sequence[Sentence], units: Sequence[Unit]) -> list[Fact]:
    """Offices, roles, places and negations of the summary that the wire's English sentences put otherwise."""
    texts = list(dict.fromkeys(text for unit in units for text in unit.texts if text.lang == ENGLISH))
    if not texts:
        return []
    english = [text.text for text in texts]
    people = list({fold(name.text): name for text in texts for name in text.names}.values())
    names = [name for name in facts.names if not any(_inside(name, date) for date in facts.dates)]
    flags = office_flags(summary, names, people, english)
    for sentence in sentences:
        flags += role_flags(summary, sentence.text, sentence.start, names, english, [n.text for n in people])
        flags += negation_flags(summary, sentence.text, sentence.start, english)
    return flags


def _overlaps(a: Fact, b: Fact) -> bool:
    return (a.start or 0) < (b.end or 0) and (b.start or 0) < (a.end or 0)


def _without_common_first_word(name: Fact, units: Sequence[Unit]) -> Fact:
    """A name that opens a summary sentence without the common noun capitalised in front of it:
    "Photographer Hiroshi Ueda" where the source says "photographer Hiroshi Ueda"."""
    first = re.match(r"([^\W\d_]+)\s+", name.text)
    if first is None or not any(first.group(1).lower() in text.lowercase_words for u in units for text in u.texts):
        return name
    start = (name.start or 0) + first.end()
    text = name.text[first.end() :]
    return name.model_copy(update={"text": text, "value": fold(text), "start": start})


def _changed_names(summary: str, words: Sequence[Fact], units: Sequence[Unit]) -> list[Fact]:
    """New words of a lower-case summary that change a name of the source: "adam milner" where the
    source has "James Milner", "torquay united" where it has "Southend United".

    A new word alone may be a paraphrase; one written where the source's name has another word is a
    changed name, and fails the check like any name the source lacks.
    """
    preceding: dict[str, set[str]] = {}
    for unit in units:
        for text in unit.texts:
            for name in text.names:
                parts = fold(name.text).split()  # "A-level" is one word: "lowest level" changes no name
                for previous, part in pairwise(parts):
                    preceding.setdefault(part, set()).add(previous)
    changed = []
    for word in words:
        start, end = word.start or 0, word.end or 0
        after = re.match(r"[ \t]+([^\W\d_]+)", summary[end:])
        if after is None or summary[start - 1 : start] == "-" or word.value in TITLES | DEMONYMS:
            continue  # "oscar-winning" is a compound, "minister" a title: neither is part of a name
        if preceding.get(fold(after.group(1))):
            end += after.end()
            changed.append(
                Fact(
                    text=summary[start:end],
                    kind="name",
                    value=fold(summary[start:end]),
                    reason=CHANGED_NAME,
                    start=start,
                    end=end,
                    status="unverified",
                )
            )
    return changed


def _novel_words(summary: str, lang: str, units: Sequence[Unit]) -> list[Fact]:
    """A lower-case summary's content words the source lacks: a name it invented cannot be told by capitals."""
    known = {
        form
        for unit in units
        for text in unit.texts
        for word in re.findall(r"[^\W_]+", text.folded)
        for form in (word, stem(word))
    }
    stops = stop_words(lang)
    words = []
    for match in re.finditer(r"[^\W\d_]{3,}", summary):
        word = fold(match.group(0))
        if word in stops or word in known or stem(word) in known:
            continue
        words.append(
            Fact(
                text=match.group(0),
                kind="word",
                value=word,
                reason=_REASONS["word"],
                start=match.start(),
                end=match.end(),
                status="lowercase",
            )
        )
    return words


def source_units(source: SourceFacts) -> list[Unit]:
    """The source's sentences as units, each with the facts found inside it."""
    return [Unit(sentence.location, (source.within(sentence.start, sentence.end),)) for sentence in source.sentences]


def check_facts(
    source: str,
    summary: str,
    *,
    translation: str | None = None,
    source_lang: str = "fr",
    summary_lang: str = "en",
    source_facts: SourceFacts | None = None,
) -> FactReport:
    """Trace every number, date and name of `summary` to `source` (or through `translation` to it).

    Each summary sentence is checked against the sentences it aligns to first; pass `source_facts`
    (from `analyze_source`) to reuse an analysis.
    """
    facts = source_facts or analyze_source(source, source_lang)
    units = source_units(facts)
    if translation:
        dated = dateline(source, source_lang)
        english = sentences_with_spans(translation, ENGLISH)
        twins = _twins(paragraphs_of(source, facts.sentences), paragraphs_of(translation, english))
        units += [
            Unit(None, (*(units[i].texts[0] for i in twins.get(k, ())), analyze_text(s.text, ENGLISH, dated)))
            for k, s in enumerate(english)
        ]
    comparable = [i for i, unit in enumerate(units) if unit.texts[-1].lang == summary_lang]
    contexts: list[set[int] | None] = []
    for sentence in sentences_with_spans(summary, summary_lang):
        if not comparable:
            contexts.append(None)  # nothing in the summary's language to align to: the whole source is context
            continue
        chosen = draws_on(sentence.text, [units[i].texts[-1].text for i in comparable], summary_lang)
        contexts.append({comparable[i] for i in chosen})
    return check_units(summary, summary_lang, units, contexts)


def _twins(source: Sequence[Sequence[int]], translation: Sequence[Sequence[int]]) -> dict[int, tuple[int, ...]]:
    """The source sentences each translated sentence renders, where the translation keeps the wire's
    paragraphs: the sentence of the same number, or the whole paragraph where the sentences were split
    otherwise. A fact the source sentence writes in its own form ("Cour des comptes", "miles de personas")
    is then in context wherever its translation is."""
    if len(source) != len(translation):
        return {}
    twins: dict[int, tuple[int, ...]] = {}
    for original, english in zip(source, translation, strict=True):
        for position, index in enumerate(english):
            twins[index] = (original[position],) if len(original) == len(english) else tuple(original)
    return twins


def translation_units(source: SourceFacts, paragraphs: Sequence[ParagraphPair]) -> tuple[list[Unit], list[str]]:
    """One unit per translated sentence, flagged (with a warning) when its figures or dates differ."""
    from presssum.segment import split_sentences

    units, warnings = [], []
    cursor = 0
    dated = dateline(source.text, source.lang)
    for number, paragraph in enumerate(paragraphs, start=1):
        pairs = paragraph.sentences or tuple(
            SentencePair(source=s, en=s) for s in split_sentences(paragraph.source, source.lang)
        )
        for index, pair in enumerate(pairs, start=1):
            text, en = pair.source, pair.en
            start = source.text.find(text, cursor)
            if start < 0:
                original = analyze_text(text, source.lang, dated)
            else:
                original = source.within(start, start + len(text))
                cursor = start + len(text)
            english = analyze_text(en, ENGLISH, dated) if en != text else original
            problem = _translation_mismatch(original, english)
            if problem:
                warnings.append(f"paragraph {number}, sentence {index}: the translation {problem}; check it")
            units.append(Unit((number, index), (original, english), flagged=bool(problem)))
    return units, warnings


def _translation_mismatch(source: TextFacts, english: TextFacts) -> str:
    """What differs between a sentence's figures and dates and its translation's, or ''."""
    if source is english:
        return ""
    for figure in english.checked_figures:
        if not any(same_figure(figure, ref, same_language=False) for ref in source.checked_figures):
            return f"has {figure.fact.text}, which its source sentence lacks"
    for figure in source.checked_figures:
        if not any(same_figure(ref, figure, same_language=False) for ref in english.checked_figures):
            return f"lacks {figure.fact.text}"
    source_dates = {date.value for date in _written_dates(source)}
    english_dates = {date.value for date in _written_dates(english)}
    if source_dates != english_dates:
        return "has other dates than its source sentence"
    return ""


def _sources(sentence: str, units: Sequence[Unit], context: set[int]) -> list[int]:
    """The sentences a summary sentence draws on, in the wire's order: those that cover its words, and
    those of its context that hold one of its figures, dates or names (a fused sentence takes a clause
    from each)."""
    english = [unit.texts[-1].text for unit in units]
    chosen = set(align(sentence, english, ENGLISH)[0] or cover(sentence, english, ENGLISH))
    facts = _summary_facts(analyze_text(sentence, ENGLISH))
    for i in context - chosen:
        if any(any(units[i].holds(fact, figure, ENGLISH)) for fact, figure in facts):
            chosen.add(i)
    return sorted(chosen)


def _written_dates(text: TextFacts) -> list[Fact]:
    """The dates and weekdays a text writes, not those its dateline lets it stand for."""
    return [*extract_dates(text.text, text.lang), *extract_weekdays(text.text, text.lang)]


def check_digest(
    source_facts: SourceFacts,
    paragraphs: Sequence[ParagraphPair],
    summary_en: str,
    back: str | None,
    source_lang: str,
) -> Checked:
    """The check stage: provenance of each English summary sentence, both summaries' facts checked in
    their sentences' context, every translated sentence's figures checked, and the key facts."""
    units, warnings = translation_units(source_facts, paragraphs)
    english = [unit.texts[-1].text for unit in units]
    sentences, contexts = [], []
    for sentence in sentences_with_spans(summary_en, ENGLISH):
        context = draws_on(sentence.text, english, ENGLISH)
        chosen = _sources(sentence.text, units, context)
        support = coverage(sentence.text, [english[i] for i in chosen], ENGLISH)
        if support < SUPPORTED:
            chosen = []
        located = tuple(units[i].location for i in chosen if units[i].location)
        sentences.append(SummarySentence(text=sentence.text, sources=located, support=support))
        contexts.append(context)
    checks = {ENGLISH: check_units(summary_en, ENGLISH, units, contexts)}
    if back is not None and source_lang != ENGLISH:
        # the back-translation is made sentence by sentence, so its sentences share the English ones' sources
        back_sentences = sentences_with_spans(back, source_lang)
        back_contexts: list[set[int] | None] = (
            list(contexts) if len(back_sentences) == len(contexts) else [None] * len(back_sentences)
        )
        checks[source_lang] = check_units(back, source_lang, units, back_contexts)
    unsupported = [i for i, sentence in enumerate(sentences, start=1) if not sentence.sources]
    warnings += [f"summary sentence {i} is not supported by any sentence of the source; check it" for i in unsupported]
    return Checked(checks, tuple(sentences), tuple(warnings), source_facts.key_facts())
