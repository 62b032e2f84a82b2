"""The pipeline: Articles in, Digests out, every model loaded once and every stage batched across articles.

Read top to bottom it is the data flow: detect language -> analyse the source -> translate (names masked)
-> summarise -> translate the summary back -> check facts, key quotes -> assemble. Each stage's logic and
policies live in its own module; `presssum.digest(text)`, for one wire, in one_wire.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from presssum.about import package_version
from presssum.config import Config, LengthName
from presssum.errors import InputError
from presssum.facts import SourceFacts, analyze_source, check_digest
from presssum.lang import detect_language
from presssum.models import ModelLoader, load_model
from presssum.quotes import key_quotes
from presssum.records import ENGLISH, Article, Digest, Failure, Summary
from presssum.roles import Models
from presssum.summarize import Made, summarize_wires
from presssum.timing import StageClock, group_by
from presssum.translate import SentenceMemory, Translated, back_translate_summaries, translate_articles

# What a digest says about its wire, as the article gives it.
_ARTICLE_FIELDS = ("input", "headline", "source", "dateline", "id", "url", "author", "date", "wire")


class Pipeline:
    """Holds the loaded models of one configuration; reuse it to digest many articles."""

    def __init__(self, config: Config, *, loader: ModelLoader = load_model) -> None:
        self.config = config
        self.models = Models(config, loader)

    def remember_sentences(self, memory: SentenceMemory) -> None:
        """Keep sentence translations in `memory` (the cache's), so a sentence seen before is not sent again."""
        self.models.sentence_memory = memory

    def translate_sentences(self, lang: str, sentences: Sequence[str]) -> list[str]:
        """Sentences of a wire in `lang`, in English, by this configuration's model."""
        return self.models.translator(lang).translate(sentences)

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
            self.models.on_progress = stage.counter("translating")  # a long wire is minutes of this stage
            stage.note("translating · reading names, figures and dates first")
            # each wire's names, figures and dates, read once: for masking, key facts, quotes and both checks
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
            made = summarize_wires(
                self.models.summarizer(), english, [facts[i] for i in done], self.config, length, strict
            )
        with stage("translating the summaries back", "back_translate_s", done, [len(m.text) for m in made]):
            back = back_translate_summaries(
                self.models.back_translator, [languages[i] for i in done], [m.sentences for m in made]
            )
        with stage("checking facts", "check_s", done, [len(articles[i].text) for i in done]):
            for summary, summary_back, i in zip(made, back, done, strict=True):
                results[i] = self._assemble(articles[i], facts[i], translated[i], summary, summary_back)
        timings = stage.shares()
        settings = self.config.signature_settings(length, strict)
        return [
            result.model_copy(update={"timings": timings[i], "settings": settings})
            if isinstance(result, Digest)
            else result
            for i, result in sorted(results.items())
        ]

    def _translate(self, lang: str, articles: list[Article], facts: list[SourceFacts]) -> list[Translated]:
        if lang == ENGLISH:
            return [Translated.unchanged(article) for article in articles]
        names = {n for f in facts if f.lang == lang for n in f.protected_names} if self.config.keep_names else set()
        return translate_articles(
            self.models.translator(lang),
            articles,
            lang,
            {**{name: name for name in names}, **self.config.glossary},
            guards=self.config.translation.guards,
            translator_for=self.models.paragraph_translator,
            routable=self.config.routable_languages(),
        )

    def _assemble(
        self, article: Article, facts: SourceFacts, translated: Translated, made: Made, back: str | None
    ) -> Digest:
        """The digest of one article: its summary's sources and facts checked, its key quotes found."""
        checked = check_digest(facts, translated.pairs, made.text, back, facts.lang)
        return Digest(
            **{field: getattr(article, field) for field in _ARTICLE_FIELDS},
            source_lang=facts.lang,
            headline_en=translated.headline_en,
            paragraphs=translated.pairs,
            summary=Summary(sentences=checked.sentences, back=back, method=made.method),
            models=self.models.used(facts.lang),
            warnings=(*translated.warnings, *checked.warnings, *made.warnings),
            version=package_version(),
            fact_checks=checked.fact_checks,
            key_facts=checked.key_facts,
            quotes=key_quotes(article, translated.pairs, facts) if self.config.translation.guards.quotes else (),
        )
