"""Language detection with py3langid, routed to the pairs models.yaml knows.

The identifier weighs 97 languages; presssum routes a handful. Asked among all of them, an English
sentence loses a share of its probability to Nigerian Pidgin or Scots and falls under a strict threshold.
Given the routable languages, the choice is made among those alone (the identifier's probabilities
renormalised over them, as py3langid's own `set_languages` does), unless the identifier is sure the
text is in a language that cannot be routed: that is said, so the wire is not sent to the wrong model.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Below this normalised probability the detector is guessing; the configured default wins.
_MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def language_scores(text: str, languages: Collection[str] | None = None) -> list[tuple[str, float]]:
    """Every language with its probability, best first; with `languages`, those alone, renormalised."""
    ranked = [(str(lang), float(score)) for lang, score in _identifier().rank(text)]
    return ranked if languages is None else _among(ranked, languages)


def detect_language(
    text: str, default: str, *, min_confidence: float = _MIN_CONFIDENCE, languages: Collection[str] | None = None
) -> str:
    """ISO 639-1 code of the text's language, or `default` when the detector is less sure than `min_confidence`.

    With `languages` (those presssum can route), the choice is among them, unless the text is surely another.
    """
    ranked = language_scores(text)
    if languages is not None:
        top, confidence = ranked[0]
        if top not in languages and confidence >= min_confidence:
            return top  # surely a language no model is configured for: say so rather than misroute it
        ranked = _among(ranked, languages)
    if not ranked:
        return default
    best, confidence = ranked[0]
    return best if confidence >= min_confidence else default


def _among(ranked: list[tuple[str, float]], languages: Collection[str]) -> list[tuple[str, float]]:
    """The probabilities of these languages alone, summing to 1 (none if they were all nil)."""
    kept = [(lang, score) for lang, score in ranked if lang in languages]
    total = sum(score for _, score in kept)
    return [(lang, score / total) for lang, score in kept] if total > 0 else []
