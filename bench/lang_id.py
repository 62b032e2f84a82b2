"""Benchmark: language identification among all of py3langid's languages, and among those presssum routes.

Reads every wire of samples/ and ../shared/wire-formats/ (no model), and reports, for both ways:
each article's language against the one its feed declares (else the code in its file name), and the
paragraphs of 40 letters or more that would leave their wire's language at each threshold, with the
margin below the mixed-language guard's 0.99.

    python bench/lang_id.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from presssum.config import load_config
from presssum.guards import in_capitals
from presssum.lang import detect_language, language_scores
from presssum.load import find_inputs, load_articles
from presssum.records import Article

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "samples", ROOT.parent / "shared" / "wire-formats"]
THRESHOLDS = (0.9, 0.95, 0.99, 0.999)
MIN_LETTERS = 40  # guards._PARAGRAPH_MIN_LETTERS: shorter paragraphs keep the wire's language
NAMED = re.compile(r"(?:^|[_-])(de|fr|en|fi|da|it|nl|es|pt|ru)(?=[_-])")
ENGLISH_IN_FRENCH = (
    'The union said in a statement in English: "We will not back down until the government listens to railway workers."'
)


def wire_language(article: Article) -> str:
    """The language the feed declares, else the one the file name gives (samples/de-…, dpa_de_…)."""
    found = NAMED.search(Path(article.input.split(":")[0]).name)
    return article.lang or (found.group(1) if found else "?")


def main() -> int:
    config = load_config(None)
    routable, default = config.routable_languages(), config.translation.default_source
    print(f"routable: {', '.join(sorted(routable))}")
    files = [
        path
        for path in find_inputs([str(folder) for folder in FOLDERS if folder.is_dir()]).names
        if "expected" not in path
    ]
    articles = [item for item in load_articles(files, max_bytes=10**8) if isinstance(item, Article)]
    print(f"{len(files)} files, {len(articles)} articles\n")
    print("article | declared | best of all languages | best routable one | presssum's choice before -> now")
    paragraphs: list[tuple[str, str]] = []  # (wire's language, paragraph as the guard reads it)
    for article in articles:
        wire = wire_language(article)
        every, among = language_scores(article.body), language_scores(article.body, routable)
        before = detect_language(article.body, default)
        now = detect_language(article.body, default, languages=routable)
        best = f"{among[0][0]} {among[0][1]:.4f}" if among else "-      "
        mark = "" if now == wire else "  <- not the declared language"
        name = Path(article.input).name[:50]
        print(f"  {name:50} {wire:2} | {every[0][0]} {every[0][1]:.3f} | {best} | {before} -> {now}{mark}")
        for text in article.paragraphs:
            if sum(c.isalpha() for c in text) >= MIN_LETTERS:
                paragraphs.append((wire, text.lower() if in_capitals(text) else text))
    print(f"\nparagraphs of {MIN_LETTERS} letters or more: {len(paragraphs)}; leaving their wire's language:")
    for threshold in THRESHOLDS:
        before = sum(detect_language(text, wire, min_confidence=threshold) != wire for wire, text in paragraphs)
        now = sum(
            detect_language(text, wire, min_confidence=threshold, languages=routable) != wire
            for wire, text in paragraphs
        )
        print(f"  at {threshold}: all languages {before}, routable only {now}")
    own = [(wire, text) for wire, text in paragraphs if wire in routable and language_scores(text)[0][0] == wire]
    margin = max(
        (score for wire, text in own for lang, score in language_scores(text, routable) if lang != wire), default=0.0
    )
    print(f"  {len(own)} paragraphs read as their routable wire's language: another routable one at most {margin:.4f}")
    for label, among in (("all languages", None), ("routable only", routable)):
        scores = ", ".join(f"{lang} {score:.6f}" for lang, score in language_scores(ENGLISH_IN_FRENCH, among)[:2])
        print(f"English paragraph of a French wire, {label}: {scores}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
