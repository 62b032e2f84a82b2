"""Translator: sentences in, translations out, in order; long sentences split, never truncated.

The translator owns every second attempt: a piece that comes back too short, a lost placeholder, and
what the guards (guards.py, detectors only) find: a looping or untranslated output.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from presssum import guards as guard
from presssum.config import CoverageBand, Generation, Guards
from presssum.generation import Progress, generate, token_counter
from presssum.mask import mask, unmask
from presssum.models import LoadedModel
from presssum.records import ENGLISH, Article, ParagraphPair, SentencePair
from presssum.segment import fit_to_limit, split_sentences
from presssum.timing import group_by

# Translations run longer than their source; this is the floor of room left for the output.
_OUTPUT_MARGIN = 16


class SentenceMemory(Protocol):
    """Where finished sentence translations are kept between calls and runs (cache.SentenceCache)."""

    def get_many(self, model: str, texts: list[str]) -> dict[str, tuple[str, bool]]: ...

    def put_many(self, model: str, translations: dict[str, tuple[str, bool]]) -> None: ...


class Translator:
    """One loaded translation model; `translate` batches every text it is given at once."""

    def __init__(
        self,
        loaded: LoadedModel,
        settings: Generation,
        band: CoverageBand | None = None,
        memory: SentenceMemory | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.loaded = loaded
        self.settings = settings
        self.band = band or CoverageBand()
        self.memory = memory
        self.progress = progress  # told the sentences done of those sent to the model
        self._count = token_counter(loaded)
        info = loaded.info
        self._memory_key = f"{info.name}@{info.revision}/{info.backend}|{settings.model_dump_json()}|{self.band}"

    def variant(self, **settings: Any) -> Translator:
        """The same model decoding with other settings, for a second attempt after a guard's finding."""
        other = copy.copy(self)
        other.settings = self.settings.model_copy(update=settings)
        return other

    def pieces(self, text: str) -> list[str]:
        """The text cut into pieces that each fit the model's input limit."""
        return fit_to_limit(text, self._count, self.loaded.input_limit)

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate each text; one over the model's limit is translated piece by piece and rejoined."""
        return [text for text, _ in self.translate_checked(texts)]

    def translate_checked(self, texts: Sequence[str]) -> list[tuple[str, bool]]:
        """Translations, each with whether its length is in the coverage band (False: likely cut short).

        With a memory, sentences translated before (by this model and settings) are not sent again.
        """
        if self.memory is None:
            return self._generate_checked(texts)
        known = self.memory.get_many(self._memory_key, list(texts))
        missing = [text for text in dict.fromkeys(texts) if text not in known]
        fresh = dict(zip(missing, self._generate_checked(missing), strict=True))
        if fresh:
            self.memory.put_many(self._memory_key, fresh)
        known.update(fresh)
        return [known[text] for text in texts]

    def _generate_checked(self, texts: Sequence[str]) -> list[tuple[str, bool]]:
        """translate_checked without the memory.

        A piece whose translation is too short for its source is split in two and translated again:
        Marian models are known to drop the tail of long inputs.
        """
        pieces = [self.pieces(text) if text.strip() else [] for text in texts]
        flat = [piece for group in pieces for piece in group]
        outputs = generate(self.loaded, flat, self.settings, self._bounds, self.progress)
        suspect = [
            i for i, (source, output) in enumerate(zip(flat, outputs, strict=True)) if not self.covers(source, output)
        ]
        halves = {i: self.halves(flat[i]) for i in suspect}
        retried = iter(generate(self.loaded, [h for i in suspect for h in halves[i]], self.settings, self._bounds))
        complete = [True] * len(flat)
        for i in suspect:
            parts = [next(retried) for _ in halves[i]]
            if len(parts) > 1:
                outputs[i] = " ".join(parts)
            complete[i] = all(self.covers(h, part) for h, part in zip(halves[i], parts, strict=True))
        results = []
        position = 0
        for group in pieces:
            span = range(position, position + len(group))
            results.append((" ".join(outputs[i] for i in span), all(complete[i] for i in span)))
            position += len(group)
        return results

    def covers(self, source: str, output: str) -> bool:
        """Whether the output's length is in the coverage band for its source."""
        if len(source) < self.band.min_chars:
            return True
        return self.band.min_ratio <= len(output) / len(source) <= self.band.max_ratio

    def halves(self, text: str) -> list[str]:
        """The piece cut at its middle clause boundary (or words), for a second attempt."""
        return fit_to_limit(text, self._count, max(8, self._count(text) // 2 + 1))

    def _bounds(self, longest_input: int) -> dict[str, int]:
        wanted = self.settings.max_new_tokens or int(longest_input * self.settings.max_length_ratio) + _OUTPUT_MARGIN
        bounds = {"max_new_tokens": min(wanted, self.loaded.output_limit - 1)}
        if self.settings.min_new_tokens:
            bounds["min_new_tokens"] = min(self.settings.min_new_tokens, bounds["max_new_tokens"])
        return bounds


@dataclass(frozen=True)
class Translated:
    """One article's translation, sentence by sentence, and warnings about sentences to check."""

    headline_en: str
    pairs: tuple[ParagraphPair, ...]
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(pair.en for pair in self.pairs)

    @classmethod
    def unchanged(cls, article: Article) -> Translated:
        """An English wire: its own text stands as the translation."""
        return cls(article.headline, tuple(ParagraphPair(source=p, en=p) for p in article.paragraphs))


def translate_articles(
    translator: Translator,
    articles: Sequence[Article],
    lang: str,
    terms: dict[str, str],
    *,
    guards: Guards | None = None,
    translator_for: Callable[[str], Translator | None] = lambda _lang: None,
    routable: Collection[str] | None = None,
) -> list[Translated]:
    """Headlines and every sentence of these articles translated in batches, protected terms kept.

    With the guards (docs/guards.md), text in capitals is put in sentence case first, an English paragraph
    is kept as written and one in a third language goes to `translator_for` its language; the language
    identifier chooses among the `routable` ones unless it is sure of another.
    """
    guards = guards or Guards()
    languages = [
        [guard.paragraph_language(p, lang, routable) if guards.mixed_language else lang for p in article.paragraphs]
        for article in articles
    ]
    sentences = [
        [split_sentences(p, code) for p, code in zip(a.paragraphs, codes, strict=True)]
        for a, codes in zip(articles, languages, strict=True)
    ]
    jobs: list[tuple[str, str]] = []  # (language, text to translate): each headline, then its sentences
    for article, codes, paras in zip(articles, languages, sentences, strict=True):
        casing = guard.article_casing((article.headline, *article.paragraphs)) if guards.all_caps else {}
        for code, text in [(lang, article.headline), *((c, s) for c, p in zip(codes, paras, strict=True) for s in p)]:
            jobs.append((code, guard.sentence_case(text, casing) if casing and guard.in_capitals(text) else text))
    outputs: list[tuple[str, str]] = [("", "")] * len(jobs)
    unpaired: set[str] = set()
    for code, positions in group_by([code for code, _ in jobs]).items():
        texts = [jobs[p][1] for p in positions]
        if code == ENGLISH:
            translated = [(text, "") for text in texts]
        else:
            own = translator if code == lang else translator_for(code)
            unpaired |= {code} if own is None else set()
            translated = translate_protected(own or translator, texts, terms, lang=code, guards=guards)
        for position, result in zip(positions, translated, strict=True):
            outputs[position] = result
    results = iter(outputs)
    return [
        _assemble(article, codes, paras, results, unpaired)
        for article, codes, paras in zip(articles, languages, sentences, strict=True)
    ]


def _assemble(
    article: Article,
    codes: list[str],
    paras: list[list[str]],
    outputs: Any,
    unpaired: set[str],
) -> Translated:
    """One article's pairs and warnings from its share of the batch's outputs, in order."""
    headline_en, problem = next(outputs)
    pairs: list[ParagraphPair] = []
    warnings = [f"headline: {problem} «{_clip(article.headline)}»; check it"] if problem in guard.PROBLEMS else []
    for number, (source, code, para) in enumerate(zip(article.paragraphs, codes, paras, strict=True), start=1):
        translated = [next(outputs) for _ in para]
        sentence_pairs = tuple(SentencePair(source=s, en=en) for s, (en, _) in zip(para, translated, strict=True))
        en = " ".join(en for en, _ in translated)
        pairs.append(ParagraphPair(source=source, en=en, sentences=sentence_pairs, lang=code))
        if code in unpaired:
            warnings.append(f"paragraph {number}: written in '{code}', which no model is configured for; check it")
        warnings += [
            f"paragraph {number}: {problem} «{_clip(sentence)}»; check it"
            for sentence, (_, problem) in zip(para, translated, strict=True)
            if problem
        ]
    return Translated(headline_en, tuple(pairs), tuple(warnings))


def translate_protected(
    translator: Translator, texts: list[str], terms: dict[str, str], *, lang: str = "", guards: Guards | None = None
) -> list[tuple[str, str]]:
    """Translations with names and glossary terms masked; each with a problem to report, or ''.

    A segment whose placeholder the model lost is translated again unprotected, and says so. With
    `guards`, a looping or untranslated output (from `lang`) is retried, then cut or flagged.
    """
    masked = [mask(text, terms) for text in texts]
    sources = [m.text for m in masked]
    checked = translator.translate_checked(sources)
    guarded = _second_attempts(translator, sources, [o for o, _ in checked], lang, guards or Guards())
    results = []
    lost = []
    for index, (item, (first, complete), (output, problem)) in enumerate(zip(masked, checked, guarded, strict=True)):
        restored = unmask(output, item)
        if restored is None:
            lost.append(index)
        if output != first:
            complete = translator.covers(item.text, output)
        results.append((restored or "", problem or ("" if complete else "the translation looks cut short:")))
    retried = translator.translate_checked([texts[i] for i in lost])
    for index, (output, _) in zip(lost, retried, strict=True):
        results[index] = (output, "a protected name or glossary term was lost, so this was translated unprotected:")
    return results


def _second_attempts(
    translator: Translator, sources: Sequence[str], outputs: Sequence[str], lang: str, guards: Guards
) -> list[tuple[str, str]]:
    """Each output with a problem to report ('' if none): one the guards find looping or untranslated is
    translated again (without repeats; split at clauses, greedy or beamed the other way), then cut or flagged
    if it fails again."""
    results = [(output, "") for output in outputs]
    if guards.repetition:
        looping = [i for i, output in enumerate(outputs) if guard.loops(sources[i], output)]
        if looping:
            calmer = translator.variant(no_repeat_ngram_size=3)
            for i, output in zip(looping, calmer.translate([sources[i] for i in looping]), strict=True):
                still = guard.loops(sources[i], output)
                results[i] = (guard.cut_repeats(output), guard.LOOP_PROBLEM) if still else (output, "")
    if guards.untranslated:
        stuck = [i for i, (output, _) in enumerate(results) if guard.untranslated(output, lang)]
        if stuck:
            other = translator.variant(num_beams=1 if translator.settings.num_beams > 1 else 4)
            clauses = [translator.halves(sources[i]) for i in stuck]
            retried = iter(other.translate([clause for group in clauses for clause in group]))
            for i, group in zip(stuck, clauses, strict=True):
                output = " ".join(next(retried) for _ in group)
                still = guard.untranslated(output, lang)
                results[i] = (results[i][0], guard.UNTRANSLATED_PROBLEM) if still else (output, "")
    return results


def back_translate_summaries(
    back_translator: Callable[[str], Translator | None], languages: Sequence[str], summaries: Sequence[tuple[str, ...]]
) -> list[str | None]:
    """Each English summary, given as its sentences, in its wire's language: sentence by sentence, one batch
    per language; None where `back_translator` has no model for the language (English, or none configured)."""
    back: list[str | None] = [None] * len(summaries)
    for lang, positions in group_by(languages).items():
        translator = None if lang == ENGLISH else back_translator(lang)
        if translator is not None:
            outputs = iter(translator.translate([s for p in positions for s in summaries[p]]))
            for position in positions:
                back[position] = " ".join(next(outputs) for _ in summaries[position])
    return back


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
