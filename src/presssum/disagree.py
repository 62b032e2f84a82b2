"""Where the agencies of one story differ: figures, dates and names, compared in their language-neutral form.

Each agency speaks through its latest wire (an agency updating its own toll is news, not a disagreement).
Two figures are about the same thing when they count the same CLDR unit or currency (or are both bare
counts) and lie within a quarter of each other; dates when they lie within three days; names when they
share a word and differ by a letter or two. A row is shown when two agencies give such values and share none.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import datetime, timezone
from difflib import SequenceMatcher
from typing import TypeVar

from presssum.facts import english_date
from presssum.facts.text import fold
from presssum.fingerprint import Figure
from presssum.group import Wire
from presssum.records import Claim, Disagreement

# Figures further apart than this count different things ("80 % of TGVs" against "20 % of TERs").
_CLOSE_FIGURES = 0.25
_CLOSE_DAYS = 3
_SIMILAR_SPELLING = 0.75
T = TypeVar("T")


def disagreements(wires: Sequence[Wire]) -> tuple[Disagreement, ...]:
    """The rows of a story's disagreement table: figures first, then dates, then names."""
    latest: dict[str, Wire] = {}
    for wire in sorted(wires, key=lambda w: w.published or datetime.min.replace(tzinfo=timezone.utc)):
        latest[agency(wire)] = wire
    if len(latest) < 2:
        return ()
    return (*_figure_rows(latest), *_date_rows(latest), *_name_rows(latest))


def agency(wire: Wire) -> str:
    """The agency that sent a wire: its source line, else its input."""
    return wire.article.source or wire.article.input


def _figure_rows(latest: dict[str, Wire]) -> list[Disagreement]:
    by_unit: dict[str, list[tuple[str, Figure]]] = {}
    for name, wire in latest.items():
        for figure in wire.facts.figures:
            by_unit.setdefault(figure.unit, []).append((name, figure))
    rows = []
    for unit, claims in sorted(by_unit.items()):
        for cluster in _clusters(claims, lambda claim: claim[1].value, _close_figures):
            if _disagree({(name, figure.value) for name, figure in cluster}):
                rows.append(
                    Disagreement(
                        kind="number",
                        about=_unit_label(unit),
                        claims=_claims((name, figure.text, _english_figure(figure)) for name, figure in cluster),
                    )
                )
    return rows


def _date_rows(latest: dict[str, Wire]) -> list[Disagreement]:
    claims = [(name, date) for name, wire in latest.items() for date in wire.facts.dates]
    rows = []
    for cluster in _clusters(claims, lambda claim: _day_of_year(claim[1].value), lambda a, b: b - a <= _CLOSE_DAYS):
        if _disagree({(name, date.value) for name, date in cluster}):
            rows.append(
                Disagreement(
                    kind="date",
                    about="date",
                    claims=_claims((name, date.text.rstrip("."), english_date(date.value)) for name, date in cluster),
                )
            )
    return rows


def _name_rows(latest: dict[str, Wire]) -> list[Disagreement]:
    """Names spelt two ways: they share a word, differ by a letter or two in another, and no wire has both."""
    spelt: dict[str, tuple[str, set[str]]] = {}
    for name, wire in latest.items():
        for span in wire.facts.name_spans:
            for candidate in {span, " ".join(span.split()[-2:])}:  # "Behördenchefin Ingrid Bauer" names "Ingrid Bauer"
                spelt.setdefault(fold(candidate), (candidate, set()))[1].add(name)
    rows = []
    for a, (written_a, agencies_a) in spelt.items():
        for b, (written_b, agencies_b) in spelt.items():
            if a < b and _misspelt(a, b) and not agencies_a & agencies_b:
                claims = [Claim(source=n, text=written_a, value=written_a) for n in agencies_a]
                claims += [Claim(source=n, text=written_b, value=written_b) for n in agencies_b]
                ordered = tuple(sorted(claims, key=lambda claim: claim.source))
                rows.append(Disagreement(kind="name", about="name", claims=ordered))
    return rows


def _misspelt(a: str, b: str) -> bool:
    """'ingrid bauer' and 'ingrid baumer': as many words, one the same, the others a letter or two apart."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or a == b or not set(words_a) & set(words_b):
        return False
    return all(SequenceMatcher(None, x, y).ratio() >= _SIMILAR_SPELLING for x, y in zip(words_a, words_b, strict=True))


def _clusters(items: Iterable[T], key: Callable[[T], float], close: Callable[[float, float], bool]) -> list[list[T]]:
    """Items chained in order of `key` while each is close to the one before."""
    ordered = sorted(items, key=key)
    clusters: list[list[T]] = []
    for item in ordered:
        if clusters and close(key(clusters[-1][-1]), key(item)):
            clusters[-1].append(item)
        else:
            clusters.append([item])
    return clusters


def _disagree(claims: set[tuple[str, Hashable]]) -> bool:
    """True when two agencies give values here and none in common."""
    values: dict[str, set[Hashable]] = {}
    for name, value in claims:
        values.setdefault(name, set()).add(value)
    groups = list(values.values())
    return any(not (a & b) for index, a in enumerate(groups) for b in groups[index + 1 :])


def _claims(claims: Iterable[tuple[str, str, str]]) -> tuple[Claim, ...]:
    """One claim per agency and value, in the order of the agencies."""
    unique = {(name, value): Claim(source=name, text=text, value=value) for name, text, value in claims}
    return tuple(sorted(unique.values(), key=lambda claim: (claim.source, claim.value)))


def _close_figures(a: float, b: float) -> bool:
    return abs(b - a) < _CLOSE_FIGURES * max(abs(a), abs(b))


def _day_of_year(value: str) -> float:
    month, day = value.split("-")
    return (int(month) - 1) * 31 + int(day)


def _unit_label(unit: str) -> str:
    """'percentage', 'amount in EUR', 'kilometers', 'count': what a row's figures measure, in English."""
    from babel.units import get_unit_name

    if not unit:
        return "count"
    if unit == "concentr-percent":
        return "percentage"
    if unit.isupper():
        return f"amount in {unit}"
    return str(get_unit_name(unit, locale="en") or unit)


def _english_figure(figure: Figure) -> str:
    """The figure in English with Babel: '12 billion EUR', '80%', '60 km', '1,200'."""
    from babel.numbers import format_compact_decimal, format_decimal
    from babel.units import format_unit

    value = figure.value
    number = (
        format_compact_decimal(value, format_type="long", locale="en", fraction_digits=2)
        if abs(value) >= 1e6
        else format_decimal(value, locale="en")
    )
    if figure.unit == "concentr-percent":
        return f"{number}%"
    if figure.unit.isupper():
        return f"{number} {figure.unit}"
    if figure.unit:
        return str(format_unit(value, figure.unit, length="short", locale="en"))
    return number
