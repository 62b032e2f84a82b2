"""The pipeline: Articles in, Digests out, every model loaded once and every stage batched."""

from __future__ import annotations

import time
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from presssum.article import parse_wire
from presssum.config import Config, LengthName, ModelSpec, load_config
from presssum.errors import InputError
from presssum.lang import detect_language
from presssum.models import LoadedModel, load_model
from presssum.records import Article, Digest, Failure, ModelInfo, ParagraphPair, Summary
from presssum.segment import split_sentences
from presssum.summarize import Summarizer
from presssum.translate import Translator

ENGLISH = "en"


class Pipeline:
    """Holds the loaded models of one configuration; reuse it to digest many articles."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._loaded: dict[str, LoadedModel] = {}

    def _model(self, role: str, spec: ModelSpec) -> LoadedModel:
        if role not in self._loaded:
            self._loaded[role] = load_model(spec, role, self.config)
        return self._loaded[role]

    def translator(self, lang: str) -> Translator:
        spec = self.config.translation.pairs.get(lang)
        if spec is None:
            known = ", ".join(sorted(self.config.translation.pairs))
            raise InputError(f"no translation model configured for language '{lang}' (configured: {known})")
        return Translator(self._model(f"translation:{lang}", spec), self.config.translation.generation)

    def back_translator(self, lang: str) -> Translator | None:
        spec = self.config.back_translation.pairs.get(lang)
        if spec is None:
            return None
        return Translator(self._model(f"back_translation:{lang}", spec), self.config.back_translation.generation)

    def summarizer(self) -> Summarizer:
        return Summarizer(self._model("summarizer", self.config.summarizer), self.config.summarizer.generation)

    def digest_articles(
        self, articles: Sequence[Article], *, lang: str | None = None, length: LengthName = "medium"
    ) -> list[Digest | Failure]:
        """Digest every article; one that fails is returned as a Failure, the others go on."""
        results: dict[int, Digest | Failure] = {}
        languages: dict[int, str] = {}
        for index, article in enumerate(articles):
            languages[index] = (
                lang or article.lang or detect_language(article.body, self.config.translation.default_source)
            )
        by_language: dict[str, list[int]] = {}
        for index, code in languages.items():
            by_language.setdefault(code, []).append(index)
        timings: dict[str, float] = {}
        translated: dict[int, tuple[str, tuple[ParagraphPair, ...]]] = {}
        for code, indices in by_language.items():
            try:
                started = time.perf_counter()
                translated.update(self._translate(code, [articles[i] for i in indices], indices))
                timings["translate_s"] = timings.get("translate_s", 0.0) + time.perf_counter() - started
            except InputError as exc:
                results.update({i: Failure(articles[i].input, str(exc)) for i in indices})
        done = sorted(translated)
        started = time.perf_counter()
        settings = self.config.summarizer.lengths[length]
        summaries_en = self.summarizer().summarize(
            ["\n\n".join(pair.en for pair in translated[i][1]) for i in done], settings
        )
        timings["summarize_s"] = time.perf_counter() - started
        started = time.perf_counter()
        back = self._back_translate({i: (languages[i], summary) for i, summary in zip(done, summaries_en, strict=True)})
        timings["back_translate_s"] = time.perf_counter() - started
        for i, summary_en in zip(done, summaries_en, strict=True):
            headline_en, pairs = translated[i]
            results[i] = self._assemble(
                articles[i], languages[i], headline_en, pairs, summary_en, back.get(i), timings, length
            )
        return [results[i] for i in range(len(articles))]

    def _translate(
        self, lang: str, articles: list[Article], indices: list[int]
    ) -> dict[int, tuple[str, tuple[ParagraphPair, ...]]]:
        """Headlines and every sentence of these articles translated in one batched call."""
        sentences = [[split_sentences(p, lang) for p in article.paragraphs] for article in articles]
        if lang == ENGLISH:
            return {
                i: (a.headline, tuple(ParagraphPair(p, p) for p in a.paragraphs))
                for i, a in zip(indices, articles, strict=True)
            }
        texts = [
            text
            for article, paras in zip(articles, sentences, strict=True)
            for text in (article.headline, *(s for p in paras for s in p))
        ]
        outputs = iter(self.translator(lang).translate(texts))
        result = {}
        for i, article, paras in zip(indices, articles, sentences, strict=True):
            headline_en = next(outputs)
            pairs = tuple(
                ParagraphPair(source, " ".join(next(outputs) for _ in para))
                for source, para in zip(article.paragraphs, paras, strict=True)
            )
            result[i] = (headline_en, pairs)
        return result

    def _back_translate(self, summaries: dict[int, tuple[str, str]]) -> dict[int, str]:
        """Each English summary in its article's language, batched per language."""
        result: dict[int, str] = {}
        by_language: dict[str, list[int]] = {}
        for i, (lang, _) in summaries.items():
            by_language.setdefault(lang, []).append(i)
        for lang, indices in by_language.items():
            translator = None if lang == ENGLISH else self.back_translator(lang)
            if translator is None:
                continue
            sentences = [split_sentences(summaries[i][1], ENGLISH) for i in indices]
            outputs = iter(translator.translate([s for group in sentences for s in group]))
            for i, group in zip(indices, sentences, strict=True):
                result[i] = " ".join(next(outputs) for _ in group)
        return result

    def _assemble(
        self,
        article: Article,
        lang: str,
        headline_en: str,
        pairs: tuple[ParagraphPair, ...],
        summary_en: str,
        summary_back: str | None,
        timings: dict[str, float],
        length: LengthName,
    ) -> Digest:
        return Digest(
            input=article.input,
            source_lang=lang,
            headline=article.headline,
            headline_en=headline_en,
            source=article.source,
            dateline=article.dateline,
            paragraphs=pairs,
            summary=Summary(en=summary_en, back=summary_back),
            models=self._models_used(lang),
            settings={"length": length, "beams": self.config.translation.generation.num_beams},
            timings={key: round(value, 3) for key, value in timings.items()},
            version=_version(),
            id=article.id,
            url=article.url,
            author=article.author,
            date=article.date,
        )

    def _models_used(self, lang: str) -> tuple[ModelInfo, ...]:
        roles = [f"translation:{lang}", "summarizer", f"back_translation:{lang}"]
        return tuple(self._loaded[role].info for role in roles if role in self._loaded)


def _version() -> str:
    try:
        return version("presssum")
    except PackageNotFoundError:
        return "unknown"


_pipelines: dict[str, Pipeline] = {}


def digest(
    text: str, *, config: str | Path | None = None, lang: str | None = None, length: LengthName = "medium"
) -> Digest:
    """Digest one wire given as text; models load on first use and stay loaded for later calls."""
    loaded_config = load_config(config)
    key = loaded_config.model_dump_json()
    pipeline = _pipelines.setdefault(key, Pipeline(loaded_config))
    result = pipeline.digest_articles([parse_wire(text)], lang=lang, length=length)[0]
    if isinstance(result, Failure):
        raise InputError(result.error)
    return result
