"""The models of one configuration, by role, each loaded once: what the pipeline's stages run on."""

from __future__ import annotations

from presssum.config import Config
from presssum.errors import InputError, ModelUnavailableError
from presssum.generation import Progress
from presssum.models import LoadedModel, ModelLoader, load_model
from presssum.records import ModelInfo
from presssum.summarize import Summarizer
from presssum.translate import SentenceMemory, Translator


def language_name(code: str) -> str:
    """'Finnish' for 'fi' (CLDR's English names); the code itself where CLDR has none."""
    from babel import Locale

    return str(Locale("en").languages.get(code, code))


class Models:
    """Translation, summary and back-translation models, loaded on first use and kept."""

    def __init__(self, config: Config, loader: ModelLoader = load_model) -> None:
        self.config = config
        self._loader = loader
        self._loaded: dict[str, LoadedModel] = {}
        self.sentence_memory: SentenceMemory | None = None  # the cache's sentence translations, when on
        self.on_progress: Progress | None = None  # sentences translated of the batch's total, while translating

    def load(self, roles: list[str]) -> None:
        """Load every model a batch needs; if some are missing, name them all in one error."""
        missing: list[ModelUnavailableError] = []
        for role in roles:
            try:
                self._model(role)
            except ModelUnavailableError as exc:
                missing.append(exc)
        if missing:
            raise ModelUnavailableError.combine(missing, self.config.sources)

    def translator(self, lang: str) -> Translator:
        if lang not in self.config.translation.pairs:
            known = ", ".join(sorted(self.config.translation.pairs))
            raise InputError(
                f"no translation model configured for language '{lang}' ({language_name(lang)};"
                f" configured: {known}); to digest it, add a {lang}->en model to models.yaml, e.g."
                f" `translation: pairs: {lang}: {{model: Helsinki-NLP/opus-mt-{lang}-en}}`"
            )
        band = self.config.translation.coverage.get(lang)
        return Translator(
            self._model(f"translation:{lang}"),
            self.config.translation.generation,
            band,
            self.sentence_memory,
            self.on_progress,
        )

    def paragraph_translator(self, lang: str) -> Translator | None:
        """The model for a paragraph in another language than its wire's, where one is configured."""
        return self.translator(lang) if lang in self.config.translation.pairs else None

    def back_translator(self, lang: str) -> Translator | None:
        """The English -> `lang` model, or None where none is configured (English, Portuguese)."""
        if lang not in self.config.back_translation.pairs:
            return None
        return Translator(self._model(f"back_translation:{lang}"), self.config.back_translation.generation)

    def summarizer(self) -> Summarizer:
        return Summarizer(self._model("summarizer"), self.config.summarizer.generation)

    def used(self, lang: str) -> tuple[ModelInfo, ...]:
        """The models a digest in `lang` was made with, for its record and signature."""
        roles = [f"translation:{lang}", "summarizer", f"back_translation:{lang}"]
        return tuple(self._loaded[role].info for role in roles if role in self._loaded)

    def _model(self, role: str) -> LoadedModel:
        if role not in self._loaded:
            self._loaded[role] = self._loader(self.config.spec(role), role, self.config)
        return self._loaded[role]
