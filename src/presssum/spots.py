"""Places no gazetteer of towns lists, named with the word for their kind: a district, a hamlet, a street or a
square in a town, and an island, a peak, a beach, a cave, a lake, a gorge or a glacier.

Agencies that agree on the town may still name different spots in it ('el barrio de Bonavista' against 'le
quartier de Campclar'), or different islands off which a ferry drifted; every language says what kind of
place a name is.
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
# Features of the land and sea, named after a common noun (lower case: 'l'île de Capraia', 'la isla de Gorgona',
# 'die Insel Capraia', not the towns 'Isla Cristina' or 'Monte Carlo'), one kind each: a story's island is set
# against another agency's island, not against its beach.
_FEATURES = {
    "island": {
        "fr": "île|ile|îlot",
        "es": "isla|islote",
        "it": "isola|isolotto",
        "pt": "ilha|ilhéu",
        "de": "Insel",
        "nl": "eiland",
        "en": "island of|isle of",
    },
    "mountain": {
        "fr": "mont|pic|aiguille|massif",
        "es": "monte|pico|cerro|macizo",
        "it": "monte|pizzo|cima|massiccio",
        "pt": "monte|pico|serra",
        "en": "mount|Mount|Mt",
    },
    "beach": {"fr": "plage", "es": "playa", "it": "spiaggia", "pt": "praia", "de": "Strand", "nl": "strand"},
    "cave": {"fr": "grotte|gouffre", "es": "cueva|gruta|sima", "it": "grotta", "pt": "gruta", "nl": "grot"},
    "lake": {"fr": "lac", "es": "lago|embalse", "it": "lago", "pt": "lago|lagoa|barragem", "en": "Lake"},
    "gorge": {
        "fr": "gorges?",
        "es": "garganta|barranco|desfiladero|cañón",
        "it": "gola|forra",
        "pt": "garganta|desfiladeiro",
    },
    "glacier": {"fr": "glacier", "es": "glaciar", "it": "ghiacciaio", "pt": "glaciar"},
}
# The word after it, in English: 'Baker Street', 'the Fuorigrotta district', "Barcelona's Raval district" (a
# German or Dutch compound, 'Bergstraße', 'Hoofdstraat', is as often a common noun's: not read).
_POSSESSIVE_NAME = r"(?:[A-Z][\w-]*['’]s\s+)?(?P<stem>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
_AFTER = {
    "street": {"en": rf"{_POSSESSIVE_NAME} (?i:street|avenue|square|lane|boulevard)"},
    "district": {"en": rf"{_POSSESSIVE_NAME} (?:district|neighbourhood|neighborhood|quarter|parish)"},
    # a feature's own name capitalises its kind ('Kangaroo Island'): 'the Greek island of Crete' names none
    "island": {"en": rf"{_POSSESSIVE_NAME} Island"},
    "mountain": {"en": rf"{_POSSESSIVE_NAME} (?:Peak|Mountain)"},
    "beach": {"en": rf"{_POSSESSIVE_NAME} Beach"},
    "cave": {"en": rf"{_POSSESSIVE_NAME} Caves?"},
    "gorge": {"en": rf"{_POSSESSIVE_NAME} (?:Gorge|Canyon)"},
    "glacier": {"en": rf"{_POSSESSIVE_NAME} Glacier"},
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
    for kind in ("district", "street", *_FEATURES):
        words = _BEFORE.get(kind, {}).get(lang, "")
        if words:
            found.append((kind, re.compile(rf"(?<![\w-])(?i:{words})\s+{_LINK}{_SPOT_NAME}")))
            if kind == "district":
                found.append((kind, re.compile(_APPOSED.format(words=words))))
        feature = _FEATURES.get(kind, {}).get(lang)
        if feature:
            found.append((kind, re.compile(rf"(?<![\w-])(?:{feature})\s+{_LINK}{_SPOT_NAME}")))
        after = _AFTER.get(kind, {}).get(lang)
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


def may_be_one(kind: str, a: str, b: str) -> bool:
    """Whether two names of an island or a peak may be one feature in two languages: exonyms keep the first
    sound ('Evia', 'Euböa', 'Eubée'; 'Crete', 'Kreta'), no gazetteer lists them, and two features told apart
    rarely share it ('Capraia' and 'Gorgona')."""
    initial = [_unaccented(name)[:1].lower().replace("k", "c") for name in (a, b)]
    return kind in _FEATURES and initial[0] == initial[1]


def named_in(name: str, text: str) -> bool:
    """Whether a text names a spot, capitalised as a name and whatever its accents or word for the kind:
    'Veldhuizen' in 'wijk Veldhuizen', 'Sanità' in 'rione Sanita'; not 'Central' in 'in central Zurich'."""
    return re.search(rf"(?<!\w){re.escape(_unaccented(name))}(?!\w)", _unaccented(text)) is not None


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
