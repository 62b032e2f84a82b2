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
from presssum.group import StoryWire
from presssum.records import Claim, Disagreement
from presssum.wiretime import dateline_agency

# Figures further apart than this count different things ("80 % of TGVs" against "20 % of TERs").
_CLOSE_FIGURES = 0.25
# Figures of one role ("12 morts", "14 Tote") are one fact further apart: 9 against 14 dead is a disagreement.
_CLOSE_ROLE_FIGURES = 0.5
_CLOSE_DAYS = 3
_SIMILAR_SPELLING = 0.75
T = TypeVar("T")


def disagreements(wires: Sequence[StoryWire]) -> tuple[Disagreement, ...]:
    """The rows of a story's disagreement table: figures by role first, then dates, then names."""
    latest = _latest(wires)
    if len(latest) < 2:
        return ()
    return (*_figure_rows(_figures_by_agency(wires)), *_date_rows(latest), *_name_rows(latest))


def updates(wires: Sequence[StoryWire]) -> tuple[Disagreement, ...]:
    """Figures an agency changed in a later wire of the story (a toll raised from 7 to 9): news, not disagreement."""
    rows = []
    for name, own in _by_agency(wires).items():
        said: dict[tuple[str, str], list[list[Figure]]] = {}
        for wire in own:
            for key, figures in _keyed(wire.facts.figures).items():
                said.setdefault(key, []).append(figures)
        for key, history in said.items():
            first, last = history[0], history[-1]
            if {f.value for f in first} & {f.value for f in last}:
                continue
            for before, after in zip(first, last, strict=False):
                if _close_role_figures(before.value, after.value):
                    claims = tuple(Claim(source=name, text=f.text, value=_english_figure(f)) for f in (before, after))
                    rows.append(Disagreement(kind="number", about=_about(key), claims=claims))
    return tuple(rows)


def agency(wire: StoryWire) -> str:
    """The agency that sent a wire: its source line, else the agency its dateline names, else its input."""
    return wire.article.source or dateline_agency(wire.article.dateline) or wire.article.input


def _by_agency(wires: Sequence[StoryWire]) -> dict[str, list[StoryWire]]:
    """Each agency's wires, oldest first."""
    found: dict[str, list[StoryWire]] = {}
    for wire in sorted(wires, key=lambda w: w.published or datetime.min.replace(tzinfo=timezone.utc)):
        found.setdefault(agency(wire), []).append(wire)
    return found


def _latest(wires: Sequence[StoryWire]) -> dict[str, StoryWire]:
    return {name: own[-1] for name, own in _by_agency(wires).items()}


def _keyed(figures: Iterable[Figure]) -> dict[tuple[str, str], list[Figure]]:
    """Figures by what they count: their role and unit ('deaths', ''), else their unit alone."""
    keyed: dict[tuple[str, str], list[Figure]] = {}
    for figure in figures:
        keyed.setdefault((figure.role or "", figure.unit), []).append(figure)
    return keyed


def _figures_by_agency(wires: Sequence[StoryWire]) -> dict[tuple[str, str], list[tuple[str, Figure]]]:
    """For each role and unit, what each agency says there in its latest wire that says anything there."""
    found: dict[tuple[str, str], list[tuple[str, Figure]]] = {}
    for name, own in _by_agency(wires).items():
        latest: dict[tuple[str, str], list[Figure]] = {}
        for wire in own:
            latest.update(_keyed(wire.facts.figures))
        for key, figures in latest.items():
            found.setdefault(key, []).extend((name, figure) for figure in figures)
    return found


def _figure_rows(by_key: dict[tuple[str, str], list[tuple[str, Figure]]]) -> list[Disagreement]:
    rows = []
    for key, claims in sorted(by_key.items()):
        close = _close_figures if not key[0] else _close_role_figures
        for cluster in _clusters(claims, lambda claim: claim[1].value, close):
            if _disagree({(name, figure.value) for name, figure in cluster}):
                rows.append(
                    Disagreement(
                        kind="number",
                        about=_about(key),
                        claims=_claims((name, figure.text, _english_figure(figure)) for name, figure in cluster),
                    )
                )
    return rows


def _about(key: tuple[str, str]) -> str:
    """'deaths', 'prison term (years)', 'percentage': a row's role, and its unit where the role needs one."""
    role, unit = key
    if not role:
        return _unit_label(unit)
    return role if not unit or role in ("prison term", "magnitude") else f"{role} ({_unit_label(unit)})"


def _date_rows(latest: dict[str, StoryWire]) -> list[Disagreement]:
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


def _name_rows(latest: dict[str, StoryWire]) -> list[Disagreement]:
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


def _close_role_figures(a: float, b: float) -> bool:
    return abs(b - a) < _CLOSE_ROLE_FIGURES * max(abs(a), abs(b))


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
