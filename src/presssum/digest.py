"""The pipeline: Articles in, Digests out, every model loaded once and every stage batched across articles.

Read top to bottom it is the data flow: detect language -> translate (names masked) -> summarise ->
translate the summary back -> check facts -> assemble. Each stage's logic lives in its own module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from presssum.about import package_version
from presssum.config import Config, LengthName, load_config
from presssum.errors import InputError
from presssum.facts import SourceFacts, analyze_source, check_digest, check_facts
from presssum.generation import Progress
from presssum.guards import unloop_summaries
from presssum.lang import detect_language
from presssum.load import without_controls
from presssum.models import ModelLoader, load_model
from presssum.readers.plain import parse_wire
from presssum.readers.text import decode
from presssum.records import ENGLISH, Article, Digest, Failure, Summary
from presssum.roles import Models
from presssum.summarize import Summarizer, summarize_strictly
from presssum.timing import StageClock, group_by
from presssum.translate import Translated, Translator, back_translate, translate_articles


class Pipeline:
    """Holds the loaded models of one configuration; reuse it to digest many articles."""

    def __init__(self, config: Config, *, loader: ModelLoader = load_model) -> None:
        self.config = config
        self.models = Models(config, loader)

    def digest_articles(
        self,
        articles: Sequence[Article],
        *,
        lang: str | None = None,
        length: LengthName = "medium",
        strict: bool = False,
        on_stage: Callable[[str], None] | None = None,
    ) -> list[Digest | Failure]:
        """Digest every article; one that fails is returned as a Failure, the others go on.

        With `strict`, a summary holding a fact the source does not back is generated again with
        conservative settings, and replaced by the article's lead sentences if it still fails.
        """
        stage = StageClock(on_stage)
        routable, default = self.config.routable_languages(), self.config.translation.default_source
        languages = [lang or a.lang or detect_language(a.body, default, languages=routable) for a in articles]
        with stage("loading models"):
            self.models.load(self.config.roles_for(set(languages)))
        results: dict[int, Digest | Failure] = {}
        translated: dict[int, Translated] = {}
        with stage("translating", "translate_s", range(len(articles)), [len(a.text) for a in articles]):
            self.models.on_progress = _sentences_done(on_stage)  # a long wire is minutes of this stage
            if on_stage:
                on_stage("translating · reading names, figures and dates first")
            # each wire's names, figures and dates, read once: for masking, key facts and both checks
            facts = [analyze_source(article.text, code) for article, code in zip(articles, languages, strict=True)]
            for code, indices in group_by(languages).items():
                try:
                    translated.update(
                        zip(indices, self._translate(code, [articles[i] for i in indices], facts), strict=True)
                    )
                except InputError as exc:
                    results.update({i: Failure(input=articles[i].input, error=str(exc)) for i in indices})
            self.models.on_progress = None
        done = sorted(translated)
        english = [translated[i].text for i in done]
        with stage("summarising", "summarize_s", done, [len(text) for text in english]):
            summaries = self._summarize(english, [facts[i] for i in done], length, strict)
        with stage("translating the summaries back", "back_translate_s", done, [len(s) for s, _, _ in summaries]):
            back = self._back_translate([languages[i] for i in done], [summary for summary, _, _ in summaries])
        with stage("checking facts", "check_s", done, [len(articles[i].text) for i in done]):
            for (summary_en, method, warning), summary_back, i in zip(summaries, back, done, strict=True):
                summary = Summary(en=summary_en, back=summary_back, method=method)
                digest = self._assemble(articles[i], facts[i], translated[i], summary, length, strict)
                results[i] = digest.model_copy(update={"warnings": (*digest.warnings, warning)}) if warning else digest
        timings = stage.shares()
        return [
            result.model_copy(update={"timings": timings[i]}) if isinstance(result, Digest) else result
            for i, result in sorted(results.items())
        ]

    def _translate(self, lang: str, articles: list[Article], facts: list[SourceFacts]) -> list[Translated]:
        if lang == ENGLISH:
            return [Translated.unchanged(a, quotes=self.config.translation.guards.quotes) for a in articles]
        translator = self.models.translator(lang)
        names = {n for f in facts if f.lang == lang for n in f.protected_names} if self.config.keep_names else set()
        return translate_articles(
            translator,
            articles,
            lang,
            {**{name: name for name in names}, **self.config.glossary},
            guards=self.config.translation.guards,
            translator_for=self._paragraph_translator,
            routable=self.config.routable_languages(),
        )

    def _paragraph_translator(self, lang: str) -> Translator | None:
        """The model for a paragraph in another language than its wire's, where one is configured."""
        return self.models.translator(lang) if lang in self.config.translation.pairs else None

    def _summarize(
        self, english: list[str], facts: list[SourceFacts], length: LengthName, strict: bool
    ) -> list[tuple[str, str, str]]:
        """Each English summary with how it was made and a warning ('' if none); --strict checks each
        against its own wire; a looping one is made again without repeats, and cut if it still loops."""
        summarizer, lengths = self.models.summarizer(), self.config.summarizer.lengths
        if not strict:
            made = [(summary, "abstractive") for summary in summarizer.summarize(english, lengths[length])]
        else:

            def faithful(i: int, summary: str) -> bool:
                source = facts[i]
                return check_facts(
                    source.text, summary, translation=english[i], source_lang=source.lang, source_facts=source
                ).ok

            made = summarize_strictly(
                summarizer, summarizer.conservative(), english, lengths[length], lengths["short"], faithful
            )
        if not self.config.translation.guards.repetition:
            return [(summary, method, "") for summary, method in made]
        calmer = Summarizer(summarizer.loaded, summarizer.settings.model_copy(update={"no_repeat_ngram_size": 3}))
        guarded = unloop_summaries(
            [summary for summary, _ in made],
            lambda indices: calmer.summarize([english[i] for i in indices], lengths[length]),
        )
        return [(summary, method, warning) for (summary, warning), (_, method) in zip(guarded, made, strict=True)]

    def _back_translate(self, languages: list[str], summaries: list[str]) -> list[str | None]:
        """Each English summary in its article's language; None where no model goes back."""
        back: list[str | None] = [None] * len(summaries)
        for lang, positions in group_by(languages).items():
            translator = None if lang == ENGLISH else self.models.back_translator(lang)
            if translator is not None:
                texts = back_translate(translator, [summaries[p] for p in positions])
                for position, text in zip(positions, texts, strict=True):
                    back[position] = text
        return back

    def _assemble(
        self,
        article: Article,
        facts: SourceFacts,
        translated: Translated,
        summary: Summary,
        length: LengthName,
        strict: bool,
    ) -> Digest:
        lang = facts.lang
        checked = check_digest(facts, translated.pairs, summary.en, summary.back, lang)
        summary = summary.model_copy(update={"sentences": checked.sentences})
        warnings = list(translated.warnings) + list(checked.warnings)
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
            models=self.models.used(lang),
            settings=self.config.signature_settings(length, strict),
            warnings=tuple(warnings),
            version=package_version(),
            id=article.id,
            url=article.url,
            author=article.author,
            date=article.date,
            fact_checks=checked.fact_checks,
            key_facts=checked.key_facts,
            wire=article.wire,
            quotes=translated.quotes,
        )


def _sentences_done(on_stage: Callable[[str], None] | None) -> Progress | None:
    """The translating stage's progress, in sentences done of the batch's total."""
    if on_stage is None:
        return None
    return lambda done, total: on_stage(f"translating · {done:,} of {total:,} sentences")


_pipelines: dict[str, Pipeline] = {}


def digest(
    text: str | bytes,
    *,
    config: str | Path | None = None,
    lang: str | None = None,
    length: LengthName = "medium",
    strict: bool = False,
) -> Digest:
    """Digest one wire given as text (or bytes, decoded as the CLI does); models stay loaded for later calls."""
    loaded_config = load_config(config)
    pipeline = _pipelines.setdefault(loaded_config.model_dump_json(), Pipeline(loaded_config))
    wire = decode(text) if isinstance(text, bytes) else text
    result = pipeline.digest_articles([without_controls(parse_wire(wire))], lang=lang, length=length, strict=strict)[0]
    if isinstance(result, Failure):
        raise InputError(result.error)
    return result
