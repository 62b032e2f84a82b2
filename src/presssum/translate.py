"""Translator: sentences in, translations out, in order; long sentences split, never truncated."""

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
from presssum.records import ENGLISH, Article, ParagraphPair, Quote, SentencePair
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
        """The same model decoding with other settings, for a guard's second attempt."""
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
    quotes: tuple[Quote, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(pair.en for pair in self.pairs)

    @classmethod
    def unchanged(cls, article: Article, *, quotes: bool = True) -> Translated:
        """An English wire: its own text stands as the translation (and its quotations as their own)."""
        pairs = tuple(ParagraphPair(source=p, en=p) for p in article.paragraphs)
        return cls(article.headline, pairs, quotes=guard.key_quotes(pairs, ENGLISH) if quotes else ())


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
        _assemble(article, codes, paras, results, lang, unpaired, guards)
        for article, codes, paras in zip(articles, languages, sentences, strict=True)
    ]


def _assemble(
    article: Article,
    codes: list[str],
    paras: list[list[str]],
    outputs: Any,
    lang: str,
    unpaired: set[str],
    guards: Guards,
) -> Translated:
    """One article's pairs, warnings and quotes from its share of the batch's outputs, in order."""
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
    quotes = guard.key_quotes(pairs, lang) if guards.quotes else ()
    return Translated(headline_en, tuple(pairs), tuple(warnings), quotes)


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
    guarded = guard.guard_translations(translator, sources, [o for o, _ in checked], lang, guards or Guards())
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


def back_translate(translator: Translator, summaries: Sequence[str]) -> list[str]:
    """English summaries into the wire's language, sentence by sentence, all in one batch."""
    sentences = [split_sentences(summary, ENGLISH) for summary in summaries]
    outputs = iter(translator.translate([s for group in sentences for s in group]))
    return [" ".join(next(outputs) for _ in group) for group in sentences]


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
