"""Places smaller than a town, named with the word for their kind: a district, a hamlet, a street or a square.

Agencies that agree on the town may still name different spots in it ('el barrio de Bonavista' against 'le
quartier de Campclar'); no gazetteer lists them, but every language says what kind of place a name is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The word before a spot's name, by kind and language: 'quartier de Campclar', 'frazione Raito', 'Stadtteil
# Veldhuizen', 'wijk Veldhuizen', 'rue de la République', 'calle Mayor', 'via Roma', 'place Bellecour'.
_BEFORE = {
    "district": {
        "fr": "quartier|arrondissement|hameau|lieu-dit|cité|paroisse",
        "es": "barrio|barriada|pedanía|parroquia|aldea|urbanización",
        "it": "quartiere|rione|frazione|borgata",
        "pt": "bairro|freguesia|aldeia|lugar",
        "de": "Stadtteil|Ortsteil|Stadtbezirk|Weiler|Viertel",
        "nl": "wijk|stadsdeel|gehucht|buurtschap",
        "en": "neighbourhood|neighborhood|hamlet|suburb|parish",  # "the district of Lisbon" is a region
    },
    "street": {
        "fr": "rue|avenue|boulevard|place|quai",
        "es": "calle|avenida|plaza|paseo",
        "it": "via|viale|corso|piazza|piazzale",
        "pt": "rua|avenida|praça|largo|travessa",
        "de": "Platz",
        "nl": "plein",
    },
}
# The word after it, in English: 'Baker Street', 'the Fuorigrotta district', "Barcelona's Raval district" (a
# German or Dutch compound, 'Bergstraße', 'Hoofdstraat', is as often a common noun's: not read).
_POSSESSIVE_NAME = r"(?:[A-Z][\w-]*['’]s\s+)?(?P<stem>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
_AFTER = {
    "street": {"en": rf"{_POSSESSIVE_NAME} (?i:street|avenue|square|lane|boulevard)"},
    "district": {"en": rf"{_POSSESSIVE_NAME} (?:district|neighbourhood|neighborhood|quarter|parish)"},
}
# A district named, then said to be one: 'en Raito, una pedanía de Vietri', 'Raito, a hamlet of Vietri'.
_APPOSED = (
    r"(?P<stem>[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?),\s+(?:a|an|un|una|une|uno|um|uma|ein|eine|een)\s+"
    r"(?:small\s+|petit\s+|pequeña\s+|piccola\s+|kleine[ns]?\s+)?(?i:{words})(?![\w-])"
)
_LINK = r"(?:(?:de|del|della|dello|di|da|do|dos|das|des|du|la|le|of|van|von)\s+|d['’]\s*)*"
_SPOT_NAME = r"(?P<stem>[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?)"  # 'Campclar', 'Sant Pere', not 'Raval de Barcelona'


@lru_cache(maxsize=16)
def _patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = []
    for kind in ("district", "street"):
        words = _BEFORE[kind].get(lang, "")
        if words:
            found.append((kind, re.compile(rf"(?<![\w-])(?i:{words})\s+{_LINK}{_SPOT_NAME}")))
            if kind == "district":
                found.append((kind, re.compile(_APPOSED.format(words=words))))
        after = _AFTER[kind].get(lang)
        if after:
            found.append((kind, re.compile(rf"(?<![\w-]){after}(?![\w-])")))
    return tuple(found)


def spots(text: str, lang: str) -> list[tuple[str, str]]:
    """Each spot `text` names, in order, as (kind, name): ('district', 'Campclar'), ('street', 'Linden')."""
    found = [
        (match.start(), kind, match.group("stem"))
        for kind, pattern in _patterns(lang)
        for match in pattern.finditer(text)
    ]
    return [(kind, name) for _, kind, name in sorted(found)]


def named_in(name: str, text: str) -> bool:
    """Whether a text names a spot, capitalised as a name and whatever its accents or word for the kind:
    'Veldhuizen' in 'wijk Veldhuizen', 'Sanità' in 'rione Sanita'; not 'Central' in 'in central Zurich'."""
    return re.search(rf"(?<!\w){re.escape(_unaccented(name))}(?!\w)", _unaccented(text)) is not None


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
