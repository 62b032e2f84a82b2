"""Translator: sentences in, translations out, in order; long sentences split, never truncated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from presssum.config import CoverageBand, Generation
from presssum.generation import generate, token_counter
from presssum.mask import mask, unmask
from presssum.models import LoadedModel
from presssum.records import ENGLISH, Article, ParagraphPair, SentencePair
from presssum.segment import fit_to_limit, split_sentences

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
    ) -> None:
        self.loaded = loaded
        self.settings = settings
        self.band = band or CoverageBand()
        self.memory = memory
        self._count = token_counter(loaded)
        info = loaded.info
        self._memory_key = f"{info.name}@{info.revision}/{info.backend}|{settings.model_dump_json()}|{self.band}"

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
        outputs = generate(self.loaded, flat, self.settings, self._bounds)
        suspect = [
            i for i, (source, output) in enumerate(zip(flat, outputs, strict=True)) if not self._covers(source, output)
        ]
        halves = {i: self._halves(flat[i]) for i in suspect}
        retried = iter(generate(self.loaded, [h for i in suspect for h in halves[i]], self.settings, self._bounds))
        complete = [True] * len(flat)
        for i in suspect:
            parts = [next(retried) for _ in halves[i]]
            if len(parts) > 1:
                outputs[i] = " ".join(parts)
            complete[i] = all(self._covers(h, part) for h, part in zip(halves[i], parts, strict=True))
        results = []
        position = 0
        for group in pieces:
            span = range(position, position + len(group))
            results.append((" ".join(outputs[i] for i in span), all(complete[i] for i in span)))
            position += len(group)
        return results

    def _covers(self, source: str, output: str) -> bool:
        if len(source) < self.band.min_chars:
            return True
        return self.band.min_ratio <= len(output) / len(source) <= self.band.max_ratio

    def _halves(self, text: str) -> list[str]:
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
        pairs = tuple(ParagraphPair(source=p, en=p) for p in article.paragraphs)
        return cls(article.headline, pairs)


def translate_articles(
    translator: Translator, articles: Sequence[Article], lang: str, terms: dict[str, str]
) -> list[Translated]:
    """Headlines and every sentence of these articles translated in one batched call, protected terms kept."""
    sentences = [[split_sentences(p, lang) for p in article.paragraphs] for article in articles]
    texts = [
        text
        for a, paras in zip(articles, sentences, strict=True)
        for text in (a.headline, *(s for p in paras for s in p))
    ]
    outputs = iter(translate_protected(translator, texts, terms))
    result = []
    for article, paras in zip(articles, sentences, strict=True):
        headline_en, _ = next(outputs)
        pairs, warnings = [], []
        for number, (source, para) in enumerate(zip(article.paragraphs, paras, strict=True), start=1):
            translated = [next(outputs) for _ in para]
            sentence_pairs = tuple(SentencePair(source=s, en=en) for s, (en, _) in zip(para, translated, strict=True))
            pairs.append(
                ParagraphPair(source=source, en=" ".join(en for en, _ in translated), sentences=sentence_pairs)
            )
            warnings += [
                f"paragraph {number}: {problem} «{_clip(sentence)}»; check it"
                for sentence, (_, problem) in zip(para, translated, strict=True)
                if problem
            ]
        result.append(Translated(headline_en, tuple(pairs), tuple(warnings)))
    return result


def translate_protected(translator: Translator, texts: list[str], terms: dict[str, str]) -> list[tuple[str, str]]:
    """Translations with names and glossary terms masked; each with a problem to report, or ''.

    A segment whose placeholder the model lost is translated again unprotected, and says so.
    """
    masked = [mask(text, terms) for text in texts]
    results = []
    lost = []
    for index, (item, (output, complete)) in enumerate(
        zip(masked, translator.translate_checked([m.text for m in masked]), strict=True)
    ):
        restored = unmask(output, item)
        if restored is None:
            lost.append(index)
        results.append((restored or "", "" if complete else "the translation looks cut short:"))
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
