"""Language detection with py3langid, routed to the pairs models.yaml knows."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Below this normalised probability the detector is guessing; the configured default wins.
_MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str, default: str, *, min_confidence: float = _MIN_CONFIDENCE) -> str:
    """ISO 639-1 code of the text's language, or `default` when the detector is less sure than `min_confidence`."""
    lang, confidence = _identifier().classify(text)
    return str(lang) if confidence >= min_confidence else default
