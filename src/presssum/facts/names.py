"""People, organisations and places: spaCy's French model for French, capitalised spans for English.

Other languages get none: German capitalises every noun, and no official NER pipeline for them is a
dependency here, so names there are not checked rather than flagged at random. spaCy's English pipeline
is not on PyPI from its authors, so English relies on capitals (and lower-case summaries on words).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from presssum.facts.dates import weekdays
from presssum.facts.numbers import unit_words
from presssum.facts.text import fold
from presssum.records import Fact

# Acronyms that change between languages; any other acronym is checked as written.
_ACRONYMS = [
    {"gdp", "pib", "bip"}, {"nato", "otan"}, {"un", "onu", "uno"}, {"eu", "ue"}, {"imf", "fmi", "iwf"},
    {"who", "oms"}, {"ecb", "bce", "ezb"}, {"wto", "omc"}, {"unesco"}, {"opec", "opep"}, {"vat", "tva", "iva"},
    {"cia"}, {"fbi"}, {"uk", "royaume-uni", "united kingdom"}, {"us", "usa", "etats-unis", "united states"},
]  # fmt: skip
# A capital stands for its country's government: "Pyongyang said" for "la Corée du Nord a dit".
_CAPITALS = {
    "pyongyang": "KP", "seoul": "KR", "washington": "US", "beijing": "CN", "pekin": "CN", "moscow": "RU",
    "moscou": "RU", "kyiv": "UA", "kiev": "UA", "tokyo": "JP", "paris": "FR", "berlin": "DE", "london": "GB",
    "londres": "GB", "tehran": "IR", "teheran": "IR", "ankara": "TR", "madrid": "ES", "rome": "IT",
    "brussels": "BE", "bruxelles": "BE", "taipei": "TW", "new delhi": "IN",
}  # fmt: skip
TITLES = {
    "minister", "ministre", "president", "president-elect", "minister-president",
    "vice-president", "vice-chancellor", "prime", "premier", "chancellor", "secretary",
    "general", "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "lord", "lady", "king", "queen", "prince",
    "pope", "pm", "senator", "governor", "mayor", "chief", "ceo", "judge", "justice", "deputy", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "commissioner", "director", "chairman", "chairwoman",
    "foreign", "finance", "interior", "defence", "defense", "economy", "health", "labour", "labor",
    "m", "mme", "mlle", "monsieur", "madame", "sen", "rep", "gen", "col", "capt", "st", "directeur",
    "directrice", "presidente", "secretaire", "porte-parole", "maire", "chef", "ambassadeur", "pdg", "dg",
}  # fmt: skip
DEMONYMS = {
    "french", "british", "english", "german", "american", "korean", "japanese", "chinese", "russian",
    "ukrainian", "spanish", "italian", "portuguese", "european", "african", "asian", "australian", "canadian",
    "indian", "iranian", "israeli", "palestinian", "turkish", "dutch", "belgian", "swiss", "polish", "greek",
    "brazilian", "mexican", "scottish",
    "welsh", "irish", "syrian", "iraqi", "afghan", "pakistani", "saudi", "egyptian", "nigerian", "arab",
}  # fmt: skip
_NOT_NAMES = {
    "en": {
        "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "this", "that", "these", "those",
        "but", "and", "or", "according", "after", "before", "during", "while", "for", "with", "as", "by", "from",
        "his", "her", "their", "its", "of", "to", "i", "you", "if", "when", "there", "here", "some", "all", "no",
        "not",
    },
    "fr": {
        "le", "la", "les", "l'", "un", "une", "des", "en", "il", "elle", "ils", "elles", "selon", "mais", "et",
        "ou", "dans", "pour", "avec", "par", "sur", "ce", "cette", "ces", "son", "sa", "ses", "leur", "de", "du",
        "d'", "au", "aux",
    },
}  # fmt: skip
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*|[A-Z]{2,}s?)"
_NAME = re.compile(rf"{_NAME_WORD}(?:[ -](?:(?:de|du|des|la|le|von|van|bin|al)\s)?{_NAME_WORD})*")


def _edge_words(lang: str) -> set[str]:
    return _NOT_NAMES[lang] | TITLES | set(weekdays("en")) | set(weekdays("fr")) | _month_words()


@lru_cache(maxsize=1)
def _month_words() -> set[str]:
    from babel.dates import get_month_names

    return {
        fold(str(name)).rstrip(".")
        for lang in ("en", "fr")
        for width in ("wide", "abbreviated")
        for name in get_month_names(width, locale=lang).values()
    }


def extract_names(text: str, lang: str, doc: Any = None) -> list[Fact]:
    """Names of `text` with spans; French from spaCy's entities (pass `doc` to reuse a parse)."""
    if lang == "fr":
        if doc is None:
            nlp = french_nlp()
            doc = nlp(text) if nlp is not None else None
        if doc is not None:
            whole = doc.text  # spaCy joins every token on each `.text`: once per document, not per entity
            return [
                fact
                for ent in doc.ents
                if ent.label_ in ("PER", "ORG", "LOC", "MISC")
                for fact in _clean_entity(ent, whole)
            ]
    if lang != "en" and lang != "fr":
        return []
    return _capitalised_names(text)


# An entity's parts: spaCy's entities can run over a line break, a ';', or a sentence's end ("Mbit/s. Les
# Canadiens"); a full stop after a capital ("M. Dupont", "J.-P. Raffarin") ends no sentence.
_ENTITY_PART = re.compile(r"(?:[^\n;|.]|\.(?!\s+[A-ZÀ-Ö])|(?<=[A-ZÀ-Ö])\.)+")


def _clean_entity(ent: Any, whole: str) -> list[Fact]:
    """An entity without what spaCy glues to it: a dateline ('LILLE - La SNCF'), a line break, a byline's
    'Par', a trailing full stop; kept only if it holds a proper noun (not 'Cybersécurité')."""
    doc, facts = ent.doc, []
    for part in re.finditer(_ENTITY_PART, ent.text):
        start, end = ent.start_char + part.start(), ent.start_char + part.end()
        dateline = re.match(r"[A-ZÀ-Ö' -]+\s[-–—]\s", whole[start:end])
        if dateline:
            start += dateline.end()
        words = list(re.finditer(r"\S+", whole[start:end]))
        while words and fold(words[0].group(0)).strip(".,'’") in _edge_words("fr"):
            words.pop(0)
        # a capitalised article or title at the end belongs to the name: "Bruno Le Maire", "Marine Le Pen"
        while words and words[-1].group(0).islower() and fold(words[-1].group(0)).strip(".,'’") in _edge_words("fr"):
            words.pop()
        if not words:
            continue
        start, end = start + words[0].start(), start + words[-1].end()
        while end > start and whole[end - 1] in ".,:;'’»\"":
            end -= 1
        span = doc.char_span(start, end, alignment_mode="expand")
        text = whole[start:end]
        if span is None or len(text) < 2 or re.match(r"\d", text):
            continue
        if not any(token.pos_ == "PROPN" or (token.is_upper and len(token) > 1) for token in span):
            continue
        if text[end : end + 1] == "$":
            continue  # "US$1.5bn", "A$5 million": a currency symbol
        if all(fold(word.group(0)).strip(".") in unit_words() for word in words):
            continue  # "Mds", "EUR": a figure's scale or currency
        facts.append(Fact(text=text, kind="name", value=fold(text), start=start, end=end))
    return facts


def _capitalised_names(text: str) -> list[Fact]:
    """Capitalised spans, without titles, demonyms, months and weekdays at their edges."""
    facts = []
    months = _month_words()
    edge = _edge_words("en") - months  # "Theresa May", "April Ryan": a month is a date's only beside a day
    marked = re.sub(r"(\w)['’]s\b", r"\1 ,", text)  # "France's GDP": two spans; same length, same offsets
    marked = re.sub(r"(\w)-(?=[a-z]+\b)", r"\1,", marked)  # "Madrid-funded Tordera": "funded" ends the name
    for match in _NAME.finditer(marked):
        words = list(re.finditer(r"[^\s-]+(?:-[^\s-]+)*", match.group(0)))
        while words and fold(words[0].group(0)).strip("'’.") in edge | DEMONYMS:
            words.pop(0)
        while words and fold(words[-1].group(0)).strip("'’.") in edge:
            words.pop()
        if words and fold(words[-1].group(0)).strip("'’.") in months:
            after = text[match.start() + words[-1].end() :]
            if len(words) == 1 or re.match(r"\.?\s?\d", after):
                words.pop()  # "Aug 29", "Paris March 3": the month opens a date
        if not words:
            continue
        start, end = match.start() + words[0].start(), match.start() + words[-1].end()
        name = text[start:end]
        sentence_start = starts_sentence(text, start)
        single = len(words) == 1 and not name.isupper()
        if sentence_start and single and fold(name) not in _CAPITALS and not _is_territory(name):
            continue  # a capitalised first word is grammar, unless it is a place we know
        if name.isupper() and len(words) > 3:
            continue  # "BAKE OFF COOKS UP TOP FIVE SHOWS": a headline or slug in capitals, not a name
        if re.fullmatch(r"[A-Z]{1,3}", name) and re.search(r"\d\s*$", text[:start]):
            continue  # "12 M", "3 B": a scale after a figure, not a name
        if text[end : end + 1] == "$":
            continue  # "US$1.5bn", "A$5 million": a currency symbol
        if all(fold(word.group(0)).strip(".") in unit_words() for word in words):
            continue  # "EUR", "Mds", "GW": a figure's currency, scale or unit
        if len(name) > 1:
            facts.append(Fact(text=name, kind="name", value=fold(name), start=start, end=end))
    return facts


def starts_sentence(text: str, start: int) -> bool:
    """Whether `start` opens a sentence or paragraph of `text` (or follows a dateline), where a capital
    is grammar."""
    gap = text[:start]
    before = gap.rstrip()
    if not before or "\n" in gap[len(before) :] or before[-1] in '«"“':
        return True
    if re.search(r"(?:^|\n)\s*[A-Z][^\n()]{0,60}\([^()\n]{1,30}\)\s*[-–—]$", before) or (
        before[-1] in "-–—" and before.isupper()
    ):
        return True  # "BERLIN -", "Berlin (dpa) -", "PARIS, 3 juin (AFP) —"
    return before.rstrip("'’”»)")[-1:] in (".", "!", "?", ":")


@lru_cache(maxsize=1)
def _territories() -> dict[str, set[str]]:
    """Every CLDR territory name (English, French, Spanish, German, Italian, Portuguese) to all its forms."""
    from babel import Locale

    names: dict[str, set[str]] = {}
    locales = [Locale(code).territories for code in ("en", "fr", "es", "de", "it", "pt")]
    for code in locales[0]:
        if str(code).isdigit():
            continue
        forms = {fold(str(territories[code])) for territories in locales if code in territories}
        forms |= {capital for capital, country in _CAPITALS.items() if country == code}
        for form in forms:
            names.setdefault(form, set()).update(forms)
    return names


def _is_territory(name: str) -> bool:
    return fold(name) in _territories()


def name_forms(name: str) -> set[str]:
    """A name as it may appear in the other language: itself, its CLDR country names, its acronym pair."""
    folded = fold(name)
    forms = {folded} | _territories().get(folded, set())
    for group in _ACRONYMS:
        if folded in group:
            forms |= group
    return forms


def english_name(name: str) -> str:
    """A place's CLDR English name when it is a country or region, else the name as written."""
    from babel import Locale

    folded = fold(name)
    english = Locale("en").territories
    for code, french in Locale("fr").territories.items():
        if fold(french) == folded and code in english:
            return str(english[code])
    return name


def french_nlp() -> Any:
    """spaCy's French pipeline, loaded once; None where it is not installed."""
    return _load_french()


@lru_cache(maxsize=1)
def _load_french() -> Any:
    try:
        import spacy

        # excluded, not disabled: disabled components still load (the three cost 300 MB of RSS)
        return spacy.load("fr_core_news_sm", exclude=["parser", "senter", "lemmatizer"])
    except (ImportError, OSError):
        return None


# spellings one alphabet's names take in another's: "Chérif"/"Sherif", "Selenskyj"/"Zelenskyy", "Nawalny"
_TRANSLITERATIONS = [
    ("tsch", "sh"), ("sch", "sh"), ("tch", "sh"), ("ch", "sh"), ("zh", "j"), ("kh", "h"), ("ph", "f"),
    ("ck", "k"), ("dj", "j"), ("ou", "u"), ("w", "v"), ("ij", "i"), ("yj", "i"), ("y", "i"), ("j", "i"),
    ("c", "k"), ("q", "k"), ("z", "s"),
]  # fmt: skip
_DEMONYM_ENDINGS = re.compile(r"(?:ians?|ans?|eses?|ish|is|i)$")  # "Bavarian", "Catalan", "Egyptians"


@lru_cache(maxsize=8192)
def transliterated(word: str) -> str:
    """A folded word's spelling with the letters transliterations swap made one, doubled letters single."""
    key = fold(word)
    for letters, same in _TRANSLITERATIONS:
        key = key.replace(letters, same)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key[:-1] if len(key) > 4 and key.endswith("e") else key


# words an organisation's name may hold that its acronym skips: "Central Bank of Kenya" is CBK
_ACRONYM_SKIPS = r"(?:of|the|for|and|de|del|des|du|la|le|der|die|das|des|fur|und|y|et|e|di|della)"


def spelled_out(acronym: str, folded: str) -> bool:
    """Whether a folded text spells out an acronym word by word: "EU" in "european union" or "europaischen
    union", "IMF" in "international monetary fund", "HR" in "human resources". Inner words like "of" may be
    skipped in an acronym of three letters or more; each word of a two-letter one has four letters or more,
    so that two short words do not spell it by chance."""
    letters = fold(acronym)
    if not (2 <= len(letters) <= 5 and letters.isalpha()):
        return False
    shortest = 3 if len(letters) > 2 else 4
    rest = r"[^\W\d_]*(?:-[^\W\d_]+)*"  # "Co-operation"
    skip = rf"(?:\s+{_ACRONYM_SKIPS})?" if len(letters) > 2 else ""
    words = [re.escape(letter) + rest for letter in letters]
    pattern = (skip + r"\s+").join(f"({word})" for word in words)
    common = _common_words()
    return any(
        not any(word in common or len(word) < shortest for word in match.groups())
        for match in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", folded)
    )


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Stop words of the wire languages: "under negotiation" does not spell "UN"."""
    from presssum.facts.align import stop_words

    return frozenset().union(*(stop_words(lang) for lang in ("en", "fr", "de", "es", "it", "pt")))


def name_in(name: str, folded: str) -> bool:
    """Whether a folded text holds a name in any form a summary may write it: its forms across languages,
    its words in another order ("Weiming Zhang" for "Zhang Weiming"), without titles ("Mr Marchetti"),
    an initial for a first name ("T. Lebas"), another transliteration ("Sherif" for "Chérif"), or the
    place an adjective names ("Bavarian" for "Bavaria"), an acronym's words ("EU" for "European Union")."""
    if name.isupper() and any(spelled_out(form, folded) for form in name_forms(name)):  # "IMF": "fonds monetaire"
        return True
    if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded) for form in name_forms(name)):
        return True
    parts = [part.strip(".'’") for part in re.split(r"[\s-]+", fold(name))]
    parts = [part for part in parts if part and part not in TITLES]
    if not parts:
        return False
    words = re.findall(r"[^\W_]+", folded)
    keys = {transliterated(word) for word in words}
    full = [part for part in parts if len(part) > 1]
    if not full:
        return False
    if len(parts) == 1 and len(full[0]) >= 6 and _DEMONYM_ENDINGS.search(full[0]):
        stem = _DEMONYM_ENDINGS.sub("", full[0])[:5]
        if any(word.startswith(stem) for word in words):
            return True
    if not all(transliterated(part) in keys for part in full):
        return False
    initials = [part for part in parts if len(part) == 1]
    return all(any(word.startswith(initial) for word in words) for initial in initials)
