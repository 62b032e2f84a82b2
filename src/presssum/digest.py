"""The pipeline: Articles in, Digests out, every model loaded once and every stage batched."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from presssum.article import parse_wire
from presssum.config import Config, LengthName, ModelSpec, load_config
from presssum.errors import InputError
from presssum.facts import check_facts, key_facts, protected_names
from presssum.lang import detect_language
from presssum.mask import mask, unmask
from presssum.models import LoadedModel, load_model
from presssum.records import Article, Digest, Failure, ModelInfo, ParagraphPair, Summary
from presssum.segment import split_sentences
from presssum.summarize import Summarizer
from presssum.translate import Translator

ENGLISH = "en"


class Pipeline:
    """Holds the loaded models of one configuration; reuse it to digest many articles."""

    def __init__(self, config: Config, *, loader: Callable[[ModelSpec, str, Config], LoadedModel] = load_model) -> None:
        self.config = config
        self._loader = loader  # tests pass one that returns an in-process backend
        self._loaded: dict[str, LoadedModel] = {}

    def _model(self, role: str, spec: ModelSpec) -> LoadedModel:
        if role not in self._loaded:
            self._loaded[role] = self._loader(spec, role, self.config)
        return self._loaded[role]

    def translator(self, lang: str) -> Translator:
        spec = self.config.translation.pairs.get(lang)
        if spec is None:
            known = ", ".join(sorted(self.config.translation.pairs))
            raise InputError(f"no translation model configured for language '{lang}' (configured: {known})")
        band = self.config.translation.coverage.get(lang)
        return Translator(self._model(f"translation:{lang}", spec), self.config.translation.generation, band)

    def back_translator(self, lang: str) -> Translator | None:
        spec = self.config.back_translation.pairs.get(lang)
        if spec is None:
            return None
        return Translator(self._model(f"back_translation:{lang}", spec), self.config.back_translation.generation)

    def summarizer(self) -> Summarizer:
        return Summarizer(self._model("summarizer", self.config.summarizer), self.config.summarizer.generation)

    def digest_articles(
        self,
        articles: Sequence[Article],
        *,
        lang: str | None = None,
        length: LengthName = "medium",
        strict: bool = False,
    ) -> list[Digest | Failure]:
        """Digest every article; one that fails is returned as a Failure, the others go on.

        With `strict`, a summary holding a fact the source does not back is generated again with
        conservative settings, and replaced by the article's lead sentences if it still fails.
        """
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
        translated: dict[int, Translated] = {}
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
        english = {i: "\n\n".join(pair.en for pair in translated[i].pairs) for i in done}
        summaries_en = self.summarizer().summarize([english[i] for i in done], settings)
        methods = dict.fromkeys(done, "abstractive")
        if strict:
            checked = self._enforce_facts(articles, english, dict(zip(done, summaries_en, strict=True)), methods)
            summaries_en = [checked[i] for i in done]
        timings["summarize_s"] = time.perf_counter() - started
        started = time.perf_counter()
        back = self._back_translate({i: (languages[i], summary) for i, summary in zip(done, summaries_en, strict=True)})
        timings["back_translate_s"] = time.perf_counter() - started
        for i, summary_en in zip(done, summaries_en, strict=True):
            summary = Summary(en=summary_en, back=back.get(i), method=methods[i])
            results[i] = self._assemble(articles[i], languages[i], translated[i], summary, timings, length)
        return [results[i] for i in range(len(articles))]

    def _enforce_facts(
        self,
        articles: Sequence[Article],
        english: dict[int, str],
        summaries: dict[int, str],
        methods: dict[int, str],
    ) -> dict[int, str]:
        """--strict: regenerate summaries with unverified facts conservatively, else use the lead.

        Returns the summaries to keep and records in `methods` how each was made.
        """

        def failing(candidates: dict[int, str]) -> list[int]:
            return [
                i
                for i, summary in candidates.items()
                if not check_facts(_source_text(articles[i]), summary, translation=english[i]).ok
            ]

        retry = failing(summaries)
        conservative = self.config.summarizer.generation.model_copy(
            update={"num_beams": max(6, self.config.summarizer.generation.num_beams), "length_penalty": 1.0}
        )
        summarizer = Summarizer(self._model("summarizer", self.config.summarizer), conservative)
        shorter = self.config.summarizer.lengths["short"]
        again = dict(zip(retry, summarizer.summarize([english[i] for i in retry], shorter), strict=True))
        methods.update(dict.fromkeys(retry, "abstractive-conservative"))
        for i in failing(again):
            again[i] = _lead(english[i], shorter.max_new_tokens)
            methods[i] = "extractive-lead"
        return {**summaries, **again}

    def _translate(self, lang: str, articles: list[Article], indices: list[int]) -> dict[int, Translated]:
        """Headlines and every sentence of these articles translated in one batched call."""
        sentences = [[split_sentences(p, lang) for p in article.paragraphs] for article in articles]
        if lang == ENGLISH:
            return {
                i: Translated(a.headline, tuple(ParagraphPair(p, p) for p in a.paragraphs), ())
                for i, a in zip(indices, articles, strict=True)
            }
        texts = [
            text
            for article, paras in zip(articles, sentences, strict=True)
            for text in (article.headline, *(s for p in paras for s in p))
        ]
        outputs = iter(self._translate_protected(self.translator(lang), texts, articles, lang))
        result = {}
        for i, article, paras in zip(indices, articles, sentences, strict=True):
            headline_en, _ = next(outputs)
            pairs, warnings = [], []
            for number, (source, para) in enumerate(zip(article.paragraphs, paras, strict=True), start=1):
                translated = [next(outputs) for _ in para]
                pairs.append(ParagraphPair(source, " ".join(text for text, _ in translated)))
                warnings += [
                    f"paragraph {number}: {problem} «{_clip(sentence)}»; check it"
                    for sentence, (_, problem) in zip(para, translated, strict=True)
                    if problem
                ]
            result[i] = Translated(headline_en, tuple(pairs), tuple(warnings))
        return result

    def _translate_protected(
        self, translator: Translator, texts: list[str], articles: list[Article], lang: str
    ) -> list[tuple[str, str]]:
        """Translations with names and glossary terms masked; each with a problem to report, or ''."""
        names = (
            {name for a in articles for p in a.paragraphs for name in protected_names(p, lang)}
            if self.config.keep_names
            else set()
        )
        terms = {**dict.fromkeys(names), **self.config.glossary}
        masked = [mask(text, {term: target or term for term, target in terms.items()}) for text in texts]
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
        translated: Translated,
        summary: Summary,
        timings: dict[str, float],
        length: LengthName,
    ) -> Digest:
        source = _source_text(article)
        translation = "\n\n".join(pair.en for pair in translated.pairs)
        checks = {ENGLISH: check_facts(source, summary.en, translation=translation, source_lang=lang)}
        if summary.back is not None:
            checks[lang] = check_facts(
                source, summary.back, translation=translation, source_lang=lang, summary_lang=lang
            )
        warnings = list(translated.warnings)
        if summary.method == "extractive-lead":
            warnings.append("the abstractive summary stated facts the source does not back; this is the lead instead")
        return Digest(
            input=article.input,
            source_lang=lang,
            headline=article.headline,
            headline_en=translated.headline_en,
            source=article.source,
            dateline=article.dateline,
            paragraphs=translated.pairs,
            summary=summary,
            models=self._models_used(lang),
            settings={"length": length, "beams": self.config.translation.generation.num_beams},
            warnings=tuple(warnings),
            timings={key: round(value, 3) for key, value in timings.items()},
            version=_version(),
            id=article.id,
            url=article.url,
            author=article.author,
            date=article.date,
            fact_checks=checks,
            key_facts=key_facts(source, lang),
        )

    def _models_used(self, lang: str) -> tuple[ModelInfo, ...]:
        roles = [f"translation:{lang}", "summarizer", f"back_translation:{lang}"]
        return tuple(self._loaded[role].info for role in roles if role in self._loaded)


@dataclass(frozen=True)
class Translated:
    """One article's translation, and warnings about segments that look cut short."""

    headline_en: str
    pairs: tuple[ParagraphPair, ...]
    warnings: tuple[str, ...]


def _source_text(article: Article) -> str:
    return "\n\n".join(filter(None, (article.headline, article.dateline, article.body)))


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _lead(text: str, max_words: int) -> str:
    """The first sentences of the English text, whole, up to about `max_words` words."""
    lead: list[str] = []
    for sentence in split_sentences(text.replace("\n\n", " "), ENGLISH):
        if lead and len(" ".join(lead).split()) + len(sentence.split()) > max_words:
            break
        lead.append(sentence)
    return " ".join(lead)


def _version() -> str:
    try:
        return version("presssum")
    except PackageNotFoundError:
        return "unknown"


_pipelines: dict[str, Pipeline] = {}


def digest(
    text: str,
    *,
    config: str | Path | None = None,
    lang: str | None = None,
    length: LengthName = "medium",
    strict: bool = False,
) -> Digest:
    """Digest one wire given as text; models load on first use and stay loaded for later calls."""
    loaded_config = load_config(config)
    key = loaded_config.model_dump_json()
    pipeline = _pipelines.setdefault(key, Pipeline(loaded_config))
    result = pipeline.digest_articles([parse_wire(text)], lang=lang, length=length, strict=strict)[0]
    if isinstance(result, Failure):
        raise InputError(result.error)
    return result
