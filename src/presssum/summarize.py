"""The summary stage: abstractive summaries of whole articles (map-reduce over chunks when they are long),
checked by --strict and the repetition guard, and handed on as their sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from presssum import guards as guard
from presssum.config import Config, Generation, LengthName, LengthSetting
from presssum.facts import SourceFacts, check_facts
from presssum.facts.text import sentences_with_spans
from presssum.generation import generate, token_counter
from presssum.models import LoadedModel
from presssum.records import ENGLISH, SENTENCE_SEPARATOR
from presssum.segment import fit_to_limit, split_sentences

_BLANKS = re.compile(r"[ \t\r\n\f\v]+")  # not the no-break spaces French quotation marks hold
LEAD_WARNING = "the abstractive summary stated facts the source does not back; this is the lead instead"


class Summarizer:
    """One loaded summarisation model; `summarize` works on many articles in shared batches."""

    def __init__(self, loaded: LoadedModel, settings: Generation) -> None:
        self.loaded = loaded
        self.settings = settings
        self._count = token_counter(loaded)

    def chunks(self, units: Sequence[str]) -> list[str]:
        """Consecutive units (sentences, or partial summaries) packed into chunks within the input limit."""
        limit = self.loaded.input_limit
        pieces = [piece for unit in units for piece in fit_to_limit(unit, self._count, limit)]
        chunks: list[str] = []
        for piece in pieces:
            candidate = f"{chunks[-1]} {piece}" if chunks else piece
            if chunks and self._count(candidate) <= limit:
                chunks[-1] = candidate
            else:
                chunks.append(piece)
        return chunks

    def conservative(self) -> Summarizer:
        """The same model with settings that stray less from the text: more beams, no length bonus."""
        settings = self.settings.model_copy(
            update={"num_beams": max(6, self.settings.num_beams), "length_penalty": 1.0}
        )
        return Summarizer(self.loaded, settings)

    def summarize(self, texts: Sequence[str], length: LengthSetting) -> list[str]:
        """A summary of each text: texts over the input limit are summarised in chunks, then combined.

        Rounds go on while the partial summaries together still exceed the limit and keep shrinking;
        should a round ever fail to shrink a text, its partial summaries are kept whole as the summary.
        """
        units = [[s for paragraph in text.split("\n\n") for s in split_sentences(paragraph, "en")] for text in texts]
        summaries: list[str | None] = [None if text.strip() else "" for text in texts]
        partial = self._map_length(length)
        while pending := [i for i, summary in enumerate(summaries) if summary is None]:
            chunked = {i: self.chunks(units[i]) for i in pending}
            whole = [i for i in pending if len(chunked[i]) == 1]
            for i, summary in zip(whole, self._run([chunked[i][0] for i in whole], length), strict=True):
                summaries[i] = summary
            split = [i for i in pending if len(chunked[i]) > 1]
            parts = iter(self._run([chunk for i in split for chunk in chunked[i]], partial))
            for i in split:
                previous = sum(self._count(unit) for unit in units[i])
                units[i] = [next(parts) for _ in chunked[i]]
                if sum(self._count(unit) for unit in units[i]) >= previous:
                    summaries[i] = " ".join(units[i])
        return [summary or "" for summary in summaries]

    def _run(self, texts: list[str], length: LengthSetting) -> list[str]:
        top = self.loaded.output_limit - 1
        bounds = {
            "min_new_tokens": min(length.min_new_tokens, top),
            "max_new_tokens": min(length.max_new_tokens, top),
        }
        return generate(self.loaded, texts, self.settings, lambda _longest: bounds)

    def _map_length(self, length: LengthSetting) -> LengthSetting:
        """Partial summaries stay under half the input limit, so every round shrinks the text."""
        ceiling = max(1, self.loaded.input_limit // 2)
        return LengthSetting(
            min_new_tokens=min(length.min_new_tokens, ceiling),
            max_new_tokens=min(length.max_new_tokens, ceiling),
        )


def summarize_strictly(
    summarizer: Summarizer,
    conservative: Summarizer,
    texts: Sequence[str],
    length: LengthSetting,
    shorter: LengthSetting,
    faithful: Callable[[int, str], bool],
) -> list[tuple[str, str]]:
    """--strict: each summary with how it was made; one stating facts the source does not back is
    generated again conservatively (and shorter), then replaced by the text's lead sentences."""
    results = [(summary, "abstractive") for summary in summarizer.summarize(texts, length)]
    retry = [i for i, (summary, _) in enumerate(results) if not faithful(i, summary)]
    for i, summary in zip(retry, conservative.summarize([texts[i] for i in retry], shorter), strict=True):
        results[i] = (
            (summary, "abstractive-conservative")
            if faithful(i, summary)
            else (lead(texts[i], shorter.max_new_tokens), "extractive-lead")
        )
    return results


def lead(text: str, max_words: int) -> str:
    """The first sentences of the English text, whole, up to about `max_words` words."""
    sentences: list[str] = []
    for sentence in split_sentences(text.replace("\n\n", " "), "en"):
        if sentences and len(" ".join(sentences).split()) + len(sentence.split()) > max_words:
            break
        sentences.append(sentence)
    return " ".join(sentences)


@dataclass(frozen=True)
class Made:
    """One summary as its sentences, how it was made, and warnings about it."""

    sentences: tuple[str, ...]
    method: str
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return SENTENCE_SEPARATOR.join(self.sentences)


def summarize_wires(
    summarizer: Summarizer,
    english: Sequence[str],
    sources: Sequence[SourceFacts],
    config: Config,
    length: LengthName,
    strict: bool,
) -> list[Made]:
    """The summary of each wire's English text: with `strict`, checked against its own wire
    (summarize_strictly); with the repetition guard, one that loops is made again without repeats,
    and cut if it still loops."""
    lengths = config.summarizer.lengths
    if strict:

        def faithful(i: int, summary: str) -> bool:
            source = sources[i]
            return check_facts(
                source.text, summary, translation=english[i], source_lang=source.lang, source_facts=source
            ).ok

        made = summarize_strictly(
            summarizer, summarizer.conservative(), english, lengths[length], lengths["short"], faithful
        )
    else:
        made = [(summary, "abstractive") for summary in summarizer.summarize(english, lengths[length])]
    notes = [(LEAD_WARNING,) if method == "extractive-lead" else () for _, method in made]
    unloop = config.translation.guards.repetition
    looping = [i for i, (summary, _) in enumerate(made) if unloop and guard.summary_loops(summary)]
    if looping:
        calmer = Summarizer(summarizer.loaded, summarizer.settings.model_copy(update={"no_repeat_ngram_size": 3}))
        for i, summary in zip(looping, calmer.summarize([english[i] for i in looping], lengths[length]), strict=True):
            if guard.summary_loops(summary):
                summary, notes[i] = guard.cut_repeats(summary), (*notes[i], guard.SUMMARY_LOOP_WARNING)
            made[i] = (summary, made[i][1])
    return [Made(_sentences(summary), method, note) for (summary, method), note in zip(made, notes, strict=True)]


def _sentences(summary: str) -> tuple[str, ...]:
    """The summary's sentences, each run of spaces and line breaks made one space: split again once
    joined, the text gives back sentences one space apart, so fact spans found in the joined text hold."""
    return tuple(_BLANKS.sub(" ", sentence.text) for sentence in sentences_with_spans(summary, ENGLISH))
