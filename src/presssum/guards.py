"""Translation guards: the ways Marian models are known to fail on wires, detected cheaply.

Input in capitals collapses (Helsinki-NLP/Opus-MT#49), outputs loop ("I'm sorry I'm sorry", UKPLab/EasyNMT#38),
sentences come back untranslated (argos-translate#496); wires also quote people verbatim and mix languages.
Guards are detectors, text in and findings out: string work and the language identifier, never a model.
The stages that own a model act on the findings (translate.py retries a translation, summarize.py a
summary; quotes.py lists quotations). Each guard is a key of `translation.guards` in models.yaml (docs/guards.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from presssum.lang import detect_language
from presssum.records import ENGLISH

LOOP_PROBLEM = "the translation repeated itself; the repeat was cut:"
UNTRANSLATED_PROBLEM = "the translation is still in the source language:"
PROBLEMS = (LOOP_PROBLEM, UNTRANSLATED_PROBLEM)
SUMMARY_LOOP_WARNING = "the summary repeated itself; the repeat was cut"

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TOKEN = re.compile(r"\w+")
_SENTENCE_START = re.compile(r"(^[\W\d_]*|[.!?][\s«“„\"]+)([^\W\d_])")

# ALL-CAPS: enough letters to be more than an acronym, nearly all of them capitals.
_CAPS_MIN_LETTERS = 5
_CAPS_SHARE = 0.9

# Repetition: an n-gram (n <= 6) said three times back to back where the source does not, or far more
# words than the source has.
_MAX_NGRAM = 6
_LOOP_COPIES = 3
_RUN_ON_RATIO = 3.0
_RUN_ON_SLACK = 8

# Untranslated output: the identifier must be this sure, on at least this many letters.
_SAME_LANGUAGE_CONFIDENCE = 0.9
_MIN_LETTERS = 20

# Mixed-language wires: a paragraph leaves the wire's language only when the identifier is this sure.
_PARAGRAPH_CONFIDENCE = 0.99
_PARAGRAPH_MIN_LETTERS = 40

_QUOTE = re.compile(r"„\s*([^„“”]+?)\s*[“”]|«\s*([^«»]+?)\s*»|“\s*([^“”]+?)\s*”|\"\s*([^\"]+?)\s*\"")


def in_capitals(text: str) -> bool:
    """A headline, slug or sentence written in capitals (an acronym alone is not)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= _CAPS_MIN_LETTERS and sum(c.isupper() for c in letters) >= _CAPS_SHARE * len(letters)


def article_casing(texts: Iterable[str]) -> dict[str, str]:
    """Each word's usual casing in the article's mixed-case text, keyed in lower case, so names keep
    their capitals; a word's first letter after a sentence start says nothing, so those are not counted."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        if in_capitals(text):
            continue
        for match in _WORD.finditer(text):
            before = text[max(0, match.start() - 3) : match.start()].rstrip()
            if before and before[-1] not in '.!?«“„"(:':
                forms.setdefault(match.group().lower(), Counter())[match.group()] += 1
    return {word: counts.most_common(1)[0][0] for word, counts in forms.items()}


def sentence_case(text: str, casing: dict[str, str]) -> str:
    """Capitals rewritten as a sentence: each word as the article writes it elsewhere, else in lower case,
    and a capital to start each sentence."""
    lowered = _WORD.sub(lambda m: casing.get(m.group().lower(), m.group().lower()), text)
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), lowered)


def longest_run(words: Sequence[str]) -> int:
    """The most times any n-gram (n <= 6) is said back to back."""
    best = 1
    for n in range(1, min(_MAX_NGRAM, len(words) // 2) + 1):
        streak = 0
        for j in range(n, len(words)):
            streak = streak + 1 if words[j] == words[j - n] else 0
            best = max(best, 1 + streak // n)
    return best


def loops(source: str, output: str) -> bool:
    """The output repeats itself where the source does not, or runs on far past the source's length."""
    said = _TOKEN.findall(output.lower())
    source_words = _TOKEN.findall(source.lower())
    if len(said) > _RUN_ON_RATIO * len(source_words) + _RUN_ON_SLACK:
        return True
    copies = longest_run(said)
    return copies >= _LOOP_COPIES and copies > longest_run(source_words)


def cut_repeats(text: str) -> str:
    """The text with each n-gram said three or more times back to back kept once (with the stop after
    the first copy when the loop ran to the end)."""
    while found := _first_loop([word.lower() for word in _TOKEN.findall(text)]):
        start, n, copies = found
        words = list(_TOKEN.finditer(text))
        first_end, last_end = words[start + n - 1].end(), words[start + n * copies - 1].end()
        rest = text[last_end:] if text[last_end:].strip() else text[first_end : words[start + n].start()].strip()
        text = text[:first_end] + rest
    return text


def _first_loop(words: Sequence[str]) -> tuple[int, int, int] | None:
    """(first word, n, copies) of the shortest n-gram said three or more times back to back."""
    for n in range(1, _MAX_NGRAM + 1):
        streak = 0
        for j in range(n, len(words) + 1):
            if j < len(words) and words[j] == words[j - n]:
                streak += 1
                continue
            if 1 + streak // n >= _LOOP_COPIES:
                return j - streak - n, n, 1 + streak // n
            streak = 0
    return None


def untranslated(output: str, lang: str) -> bool:
    """The output still reads as the source language, by the language identifier."""
    if lang == ENGLISH or sum(c.isalpha() for c in output) < _MIN_LETTERS:
        return False
    return detect_language(output, ENGLISH, min_confidence=_SAME_LANGUAGE_CONFIDENCE) == lang


def summary_loops(summary: str) -> bool:
    """A summary says some n-gram three times back to back (a summary has no source of the same length)."""
    return longest_run(_TOKEN.findall(summary.lower())) >= _LOOP_COPIES


def paragraph_language(paragraph: str, lang: str, languages: Collection[str] | None = None) -> str:
    """The paragraph's own language where the identifier is sure it is not the wire's; else the wire's.
    With `languages` (those presssum routes), the identifier chooses among them (lang.detect_language)."""
    if sum(c.isalpha() for c in paragraph) < _PARAGRAPH_MIN_LETTERS:
        return lang
    readable = paragraph.lower() if in_capitals(paragraph) else paragraph  # the identifier learnt mixed case
    return detect_language(readable, lang, min_confidence=_PARAGRAPH_CONFIDENCE, languages=languages)


def quotation_spans(text: str) -> list[tuple[int, int, str]]:
    """Each direct quotation in the text, inside « », “ ”, „ “ or straight double quotes: its (start, end),
    marks included, and its words without the marks."""
    return [(m.start(), m.end(), next(group for group in m.groups() if group)) for m in _QUOTE.finditer(text)]
