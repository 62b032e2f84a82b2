"""Where the agencies of one story differ: figures by role, dates, places and names, in a language-neutral form.

Figures are compared only within one role (deaths, injured, magnitude, prison term, flights...: what the
words next to them say they count, see events.py) and unit; a figure without a role is compared only when
it is an amount of money or a share. They are one fact when close (within a quarter; a third for a role;
half a point for a magnitude) and said of the same country (or of none); dates when within three days;
places when an agency names a town right after the event word ('detenido en Marbella', 'arrêté à Estepona');
names when they share a word and differ by a letter or two. A row is shown when two agencies give values
there and share none; each claim says which agency gives it.

Each agency speaks through its latest wires that give a value there (an agency raising its own toll is an
update, listed apart by `updates`, not a disagreement); wires dated only by their dateline's day are all
latest together.
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from difflib import SequenceMatcher
from functools import partial
from typing import TypeVar

from presssum import gazetteer
from presssum.events import (
    BUSINESS,
    classes,
    event_places,
    is_event_word,
    recalls,
    says_role,
    says_update,
    town_after_adjective,
    town_after_preposition,
    town_near,
    without_earlier,
)
from presssum.facts import english_date, extract_dates
from presssum.facts.dates import extract_days_of_month
from presssum.facts.names import TITLES
from presssum.facts.text import fold
from presssum.fingerprint import DUTCH_NATIONALITY, NATIONALITY, TOLLS, Figure, countries, places
from presssum.fingerprint import figures as read_figures
from presssum.group import StoryWire
from presssum.records import Claim, Disagreement, Fact
from presssum.segment import split_sentences
from presssum.spots import may_be_one, named_in, spots
from presssum.wiretime import dateline_agency, dateline_of, dateline_place

# Figures further apart than this count different things ("80 % of TGVs" against "20 % of TERs").
_CLOSE_FIGURES = 0.25
# Figures of one role ("12 morts", "14 Tote") are one fact a little further apart: 18 against 24 years.
_CLOSE_ROLE_FIGURES = 0.35
_CLOSE_MAGNITUDES = 0.5
_CLOSE_FINES = 2  # one fine told two ways is less than twice the other: 30,000 and 50,000 euros
# Units that say what a figure is without a role: a share, and an area (what a fire burnt, a flood covered);
# an area is one fact within a third, as a role's figure is ('quelque 140 hectares', 'unas 190 hectáreas').
_AREAS = frozenset({"area-hectare", "area-square-kilometer"})
_SELF_EXPLAINING = _AREAS | {"concentr-percent"}
_SAME_PLACE = 0.6  # 'Granada' and 'Grenade' are one town; 'Marbella' and 'Estepona' two
_NOT_IN_NAMES = {"la", "le", "les", "el", "los", "las", "il", "lo", "der", "die", "das", "the", "o", "a", "de", "del"}
_NOT_IN_NAMES |= {"di", "da", "do", "dos", "des", "du", "het", "een"}
_CLOSE_DAYS = 7
# A day more than this many days before the wire (and within two months) dates an earlier event it recalls.
_EARLIER_DAYS = 4
_RECALL_DAYS = 62
# The first day of a range before its last day's date ('26 et 27 octobre'), the last after the first's ('Oct. 26-27').
_RANGE_WORDS = r"(?:et|und|and|y|e|en|to|al|au|bis|a|tot|-|–)"
_RANGE_START = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\.?\s*{_RANGE_WORDS}\s*$")
_RANGE_END = re.compile(rf"\s*{_RANGE_WORDS}\s*(?P<day>\d{{1,2}})(?![\d.,]\d)")
_SIMILAR_SPELLING = 0.75
# Titles in the wires' languages, besides facts.names.TITLES (English and French): mayors, ministers, judges,
# prosecutors, police chiefs, presidents, as German compounds too ('Innenministerin', 'Oberbürgermeister').
_TITLE = re.compile(
    r"\w*(?:burgermeister|buergermeister|burgemeester|alcalde|alcaldesa|sindaco|sindaca|presidente|prasident|"
    r"minister|ministerin|ministro|ministra|richter|richterin|rechter|juez|jueza|giudice|juiz|juiza|"
    r"staatsanwalt|staatsanwaltin|officier|fiscal|procuratore|procurador|procureur|prefect|prefetto|"
    r"kommandant|commandant|comandante|polizeichef|kanzler|kanzlerin|premier|premiere|bischof|bisschop)"
)
# Events that happen in many places at once: the towns each agency names are not where 'it' happened; an
# election's place is the region that votes, named in each agency's language ('Kärnten', 'Carinthia').
_MANY_PLACES = frozenset({"strike", "protest", "election", "storm"})
# Heads of German compounds no town's name ends with: buildings, streets, institutions, abstract nouns.
_GERMAN_NOUN = re.compile(
    r"(?:haus|hauser|gebaude|halle|strasse|ung|heit|keit|schaft|zentrum|bahnhof|wohnung|anlage|werk|klinik|heim)$"
)
# German and Dutch names of regions and countries end so ('in Katalonien', 'in Kalabrien', 'in Andalusië'); a
# town that does ('Wien') is one the gazetteer knows.
_REGION_ENDING: dict[str, tuple[str, ...]] = {"de": ("ien",), "nl": ("ie", "ië")}
_COMPASS = re.compile(
    r"(?<![\w-])(?:sud|nord|est|ouest|sur|norte|este|oeste|sul|south|north|east|west|suden|norden|osten|westen|"
    r"zuiden|noorden|oosten)(?![\w-])"  # not in a town's hyphenated name: 'Esch-sur-Alzette'
)
# A direction opening a compound, a region when no town bears the name: 'Norditalien', 'Süddeutschland'.
_COMPASS_PREFIX = re.compile(r"(?:nord|sud|ost|west|noord|zuid|oost)\w{4,}")
# Languages that give one noun their own endings ('Protección Civil', 'Proteção Civil', 'Protezione Civile').
_ROMANCE = frozenset({"fr", "es", "it", "pt"})
_POSSESSIVE = re.compile(r"['’]s\s.*$")  # 'Frankfurt's Hoechst': what follows the possessive
# Endings one noun takes in the wires' languages ('proteção', 'protección', 'protection', 'protezione').
_NOUN_ENDING = re.compile(
    r"(?:c?cion|cao|coes|ciones|tion|tions|zione|zioni|sion|sione|sao|dade|dad|tat|teit|iaria|iario|iare|ial|"
    r"ia|ie|io|um|un|o|a|e|i|es|os|as|s)$"
)
# A year: four digits from 1500 (a building of 1728) to 2099
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
# A sentence saying when a law starts to apply ('in Kraft 2027') or a building was built: its bare year dates it.
_DATING = re.compile(
    r"take[sn]? effect|taking effect|(?:come|comes|enter|enters) into force|in force|"
    r"en vigueur|entrer? en application|in kraft|gelten ab|gilt ab|en vigor|in vigore|em vigor|"
    r"ingaat|ingaan|gaat in|in werking|van kracht|"
    # from when a rule or a plan applies: "à partir de la saison d'hiver 2027", 'a partire dal 2027', 'vanaf 2027'
    r"a partir de|a partire da|vanaf|met ingang van|as of|"
    # a building: 'construit en 1971', 'Baujahr 1977', 'palazzina del 1971'
    r"\bbuilt\b|construit|construid|gebaut|baujahr|costruit|gebouwd|bouwjaar|palazzina del|edificio de|"
    # a company or a ship: 'founded in 1923', 'das 1932 gegründete Familienunternehmen', 'stamt uit 1978'
    r"founded|fonde[e]? en|gegrundet|fundad[ao]|fondat[ao]|opgericht|stamt uit|dates from|risale al|"
    # a work of art: 'peinte en 1914', 'a 1914 painting', 'o quadro de 1913', 'das 1914 gemalte Bild'
    r"painted|painting|peint|tableau|pintad|pintura|quadro|gemalt|gemalde|dipint|geschilder|schilderij|"
    # a ride, a bridge or a line that opened: 'which opened in 2014', 'die 2012 eröffnete Achterbahn'
    r"opened in|inaugur|eroffnet|geopend in|ouvert en|abiert[ao] en|abert[ao] em|apert[ao] nel|"
    # a plant or a line opening: 'due to start operating in 2031', 'in gebruik worden genomen'
    r"start operating|begin operating|enter service|into operation|into service|en service|in betrieb|in gebruik|"
    r"in bedrijf|"
    # a thing made: 'made in 1714', 'fabricado en 1714', 'die Violine aus dem Jahr 1741', 'a violin dating from'
    r"made in|fabrique|fabricad|fabbricat|hergestellt|gefertigt|vervaardigd|aus dem jahr|dating from|datant de|"
    r"en funcionamiento|entrara en servicio|in funzione|in esercizio|em funcionamento|entrar em servico"
)
# Words that make the year after them a deadline: when a plan ends, a plant closes or a rule expires ('bis 2033',
# 'by 2035', "d'ici 2035", 'hasta 2028', "jusqu'en 2027", 'entro il 2036', 'expira en 2028').
_BY_YEAR = re.compile(
    r"(?<!\w)(?:(?P<by>by|d'ici|d'ici a|entro|uiterlijk)"  # German 'bis', Portuguese 'até': 'until' as often
    r"|bis|ate|tot|until|till|through|hasta|jusqu'en|jusqu'a|fino al|expira en|expires in|expire en|scade nel|expira em"
    r"|loopt af in)"
    r"\s+(?:(?:el|il|ao|o|the end of|fin|la fin de|fine|ende|eind)\s+)?(?:(?:de|del|di|do|des|van)\s+)?$"
)
# A word saying the year after it is when something was last done ('zuletzt 2021 geprüft', 'sa dernière grande
# rénovation en 2006', 'revista pela última vez em 2019'), or, before 'since', that nothing like it came after
# ('their first strike since 2011', 'a maior desde 2001', 'le plus important lâcher d'eau depuis 2001').
_LAST_DONE = re.compile(r"(?<!\w)(?:last|lastly|zuletzt|letzte[nrms]?|derniere?|ultim[ao]|laatste?|laatst)(?!\w)")
_SINCE_YEAR = re.compile(r"(?<!\w)(?:since|depuis|desde|seit|dal|dai|sinds|sedert)\s+(?:(?:el|il|o|het)\s+)?$")
_NOTHING_SINCE = re.compile(
    r"(?<!\w)(?:first|premier|premiere|primer|primera|primeir[ao]|prim[ao]|erste[nrms]?|eerste|largest|biggest|"
    r"worst|highest|most|record|plus|mayor|peor|maior|pior|grosste[nrms]?|schwerste[nrms]?|hochste[nrms]?|"
    r"starkste[nrms]?|piu|peggior[ei]?|maggior[ei]?|grootste|zwaarste|hoogste|ergste)(?!\w)"
)
_CLOSE_LAST_DONE = 10  # 'última gran reparación ... 2016' against 'dernière grande rénovation en 2006': one fact
_LINKING = frozenset({"DE", "DO", "DA", "DI", "DEL", "LA", "LE", "SUR", "AM", "AN", "AAN", "DEN", "DES", "DU"})
_SAINT = re.compile(r"(?<!\w)(?:saint|sankt|san|santo|st|s)(?:\.\s*|[\s-]+)")
# a town this small has no agency office (a province's capital has one): a dateline there is the reporter at the scene
_SMALL_TOWN = 15_000
_DATED_NEAR = 40  # a building's or a company's year is within this many letters of the word that dates it
_CLOSE_DEADLINES = 3  # 'bis 2033' and 'entro il 2036' date one closure; 2028 and 2033 two steps of a plan
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_DAY_BEFORE_YEAR = 16  # a digit this close before a year may make it a full date's ('1er janvier 2027'): _year_rows'
_DATE_BEFORE_YEAR = 30  # the longest a date's day and month before its year are ('5 de diciembre de 2016')
T = TypeVar("T")
# A bare year that dates something: its agency, the year, the words before it, and what it dates (see _year_claims).
YearClaim = tuple[str, str, str, str]
# The dateline before a lead ('MADRID, 25 oct (AFP) - ', 'MADRID (AP) — '), and the end of the lead's first sentence.
_DATELINE = re.compile(r"^[^()]{0,80}\([^)]{1,40}\)\s*\.?\s*[-–—:]+\s*")
_LEAD_SENTENCE = re.compile(r"(?<=[^A-Z ][.!?])\s+(?=[A-ZÀ-Ý\"«„“])")


def _alphabet(letters: str, latin: str) -> dict[str, str]:
    """Each letter of an alphabet and its romanisation ('_': none), upper case too."""
    pairs = dict(zip(letters, (roman.strip("_") for roman in latin.split()), strict=True))
    return pairs | {letter.upper(): roman for letter, roman in pairs.items()}


_CYRILLIC = _alphabet(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i i ye g u",
)
_GREEK = _alphabet(
    "αάβγδεέζηήθιίϊκλμνξοόπρσςτυύϋφχψωώ", "a a v g d e e z i i th i i i k l m n x o o p r s s t y y y f ch ps o o"
)
_ROMAN = str.maketrans(
    _CYRILLIC | _GREEK | {"ß": "ss", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "þ": "th", "Æ": "ae", "Ø": "o", "Ł": "l"}
)
_GREEK_DIGRAPHS = (("ου", "ou"), ("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("αι", "e"), ("ει", "i"), ("οι", "i"))
# One sound, several romanisations; in order (the longer spellings first).
_SOUNDS = (
    (r"(?<=[bcdfghjklmnpqrstvwxz])(ae|oe|ue)", lambda m: m.group(1)[0]),
    (r"shch|schtsch|chtch", "sc"),
    (r"tsch|tch|ch", "c"),
    (r"sch|sh", "s"),
    (r"kh", "h"),
    (r"ou", "u"),
    (r"ph", "f"),
    (r"[yj]", "i"),
    (r"w", "v"),
    (r"z", "s"),
)


def disagreements(wires: Sequence[StoryWire]) -> tuple[Disagreement, ...]:
    """The rows of a story's disagreement table: figures by role first, then dates, places and names."""
    latest = _latest(wires)
    if len(latest) < 2:
        return ()
    years = _year_claims(latest)
    return (
        *_figure_rows(_figures_by_agency(wires)),
        *_date_rows(latest),
        *_dated_year_rows(years),
        *_plan_year_rows(years),
        *_place_rows(latest),
        *_name_rows(latest),
    )


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
            changes = {  # once per change, and only of one subject: one person's term is not another's
                (b.value, a.value): (b, a) for b, a in zip(first, last, strict=False) if b.persons == a.persons
            }
            for before, after in changes.values():
                if _close_role_figures(before.value, after.value):
                    claims = tuple(Claim(source=name, text=f.text, value=_english_figure(f)) for f in (before, after))
                    rows.append(Disagreement(kind="number", about=_about(key), claims=claims))
    return tuple(rows)


def agency(wire: StoryWire) -> str:
    """The agency that sent a wire: its source line, else the agency its dateline names, else its input."""
    return wire.article.source or dateline_agency(dateline_of(wire.article)) or wire.article.input


def _by_agency(wires: Sequence[StoryWire]) -> dict[str, list[StoryWire]]:
    """Each agency's wires, oldest first; of one day's wires (dated by their dateline) an update comes last."""
    found: dict[str, list[StoryWire]] = {}
    for wire in sorted(wires, key=_order):
        found.setdefault(agency(wire), []).append(wire)
    return found


def _order(wire: StoryWire) -> tuple[datetime, bool, int]:
    moment = wire.published or datetime.min.replace(tzinfo=timezone.utc)
    return moment, says_update(wire.article.headline, wire.lang), len(wire.article.body)


def _latest(wires: Sequence[StoryWire]) -> dict[str, list[StoryWire]]:
    """Each agency's latest wires: its last, and any it sent at the same time (one day, for datelines)."""
    return {name: _last_generation(own) for name, own in _by_agency(wires).items()}


def _last_generation(own: list[StoryWire]) -> list[StoryWire]:
    """The agency's last wires; beside a dated wire, those whose time is only their file's too (a copied inbox
    gives every file one time): an undated background piece is no later than the dated news it came with."""
    dated = [wire for wire in own if wire.when]
    last = (dated or own)[-1].published  # with files' times alone, the last file's is the best the inbox tells
    return [wire for wire in own if wire.published == last or (dated and not wire.when)]


def _keyed(figures: Iterable[Figure]) -> dict[tuple[str, str], list[Figure]]:
    """Figures by what they count: an amount of money, a share or an area by its unit alone (one agency's words
    name what it is a share of, or what burnt, another's may not), any other figure by its role and unit.

    A figure without a role that is neither (a bare '9', '9 km', '2025') says too little of what it counts
    to be set against another agency's: the distance to a town or the depth, a year or a count of calls; nor
    is a person's age, nor a lower bound ('plus de vingt ans' says no term 22 years contradict).
    """
    keyed: dict[tuple[str, str], list[Figure]] = {}
    for figure in (figure for figure in figures if not figure.at_least):
        if figure.unit.isupper() or figure.unit in _SELF_EXPLAINING:  # '75 % des TGV' = '80 Prozent'
            keyed.setdefault(("", figure.unit), []).append(figure)
        elif figure.role and figure.role != "age":
            keyed.setdefault((figure.role, figure.unit), []).append(figure)
    return keyed


def _figures_by_agency(wires: Sequence[StoryWire]) -> dict[tuple[str, str], list[tuple[str, Figure]]]:
    """For each role and unit, what each agency says there in its latest wire that says anything there."""
    found: dict[tuple[str, str], list[tuple[str, Figure]]] = {}
    for name, own in _by_agency(wires).items():
        keyed = {id(wire): _keyed(_own_figures(wire)) for wire in own}
        for key in {key for by_key in keyed.values() for key in by_key}:
            saying = _last_generation([wire for wire in own if key in keyed[id(wire)]])
            found.setdefault(key, []).extend((name, _placed(f, wire)) for wire in saying for f in keyed[id(wire)][key])
    return found


def _own_figures(wire: StoryWire) -> tuple[Figure, ...]:
    """The wire's figures less the tolls only sentences of an earlier event give: 'On Aug. 3, a tank exploded
    ..., killing two' in a wire of Aug. 10, or 'ten years ago a landslide killed three people there' in news of
    a new one, however many agencies recall it. An anniversary piece's look back is its news."""
    moment = wire.time.start if wire.time else None
    earlier = [date.text for date in wire.facts.dates if moment and _days_before(date.value, moment) > 1]
    years_ago = not wire.looks_back
    paragraphs = (wire.article.headline, *wire.article.paragraphs)
    if not earlier and not (years_ago and any(recalls(paragraph, wire.lang) for paragraph in paragraphs)):
        return wire.facts.figures  # most wires look back at nothing: no sentence splitting for them
    sentences = [sentence for paragraph in paragraphs for sentence in split_sentences(paragraph, wire.lang)]
    recalled = [
        sentence
        for sentence in sentences
        if any(date in sentence for date in earlier) or (years_ago and recalls(sentence, wire.lang))
    ]
    if not recalled:
        return wire.facts.figures
    rest = " \n".join(sentence for sentence in sentences if sentence not in recalled)
    told = {(figure.value, figure.role) for figure in read_figures(rest, wire.lang)}
    then = {(figure.value, figure.role) for figure in read_figures(" \n".join(recalled), wire.lang)} - told
    return tuple(f for f in wire.facts.figures if not (f.role in TOLLS and (f.value, f.role) in then))


def _days_before(value: str, moment: datetime) -> int:
    """How many days a day of the year ('08-03') lies before `moment`, in the year before if it would be after."""
    month, day = (int(part) for part in value.split("-"))
    try:
        when = moment.date().replace(month=month, day=day)
    except ValueError:  # '02-30'
        return 0
    if when > moment.date():
        when = when.replace(year=when.year - 1) if not (month == 2 and day == 29) else when
    return (moment.date() - when).days


def _placed(figure: Figure, wire: StoryWire) -> Figure:
    """The figure with the country of its wire's dateline when its sentence names none."""
    if figure.places:
        return figure
    dateline = dateline_of(wire.article) or ""
    return replace(figure, places=frozenset(countries(places(dateline.split(",")[0], wire.lang))))


def _figure_rows(by_key: dict[tuple[str, str], list[tuple[str, Figure]]]) -> list[Disagreement]:
    rows = []
    for key, claims in sorted(by_key.items()):
        known = key[0] or key[1] in _AREAS  # what it counts is said: a role, or an area's unit
        close: Callable[[float, float], bool] = (
            _close_magnitudes if key[0] == "magnitude" else _close_role_figures if known else _close_figures
        )
        if key[0] == "deaths":  # 'un morto' against 'deux morts': one victim more or less is one toll told two ways
            close = _or_one_apart(close)
        fines = {figure.value for _, figure in claims if figure.role == "fine"}
        if len(fines) > 1:  # the one fine of a story: 30,000 against 50,000 euros is one maximum told two ways
            close = _or_fines(close, fines)
        found: list[list[tuple[str, Figure]]] = []
        agreeing = []
        for same in _by_person(key, claims):
            elsewhere = [claim for claim in claims if claim not in same]
            for cluster in _clusters(same, lambda claim: claim[1].value, close):
                rest = _not_shared(cluster)
                if _figures_disagree(rest, elsewhere):
                    _merge_into(found, rest)
                else:
                    agreeing.append(cluster)
        for cluster in agreeing:  # who else gives one of a row's values: ANSA's '22 anni' of 'the boss, 61'
            _merge_into(found, cluster, start=False)
        rows += [
            Disagreement(
                kind="number",
                about=_about(key),
                claims=_claims((name, figure.text, _english_figure(figure)) for name, figure in cluster),
            )
            for cluster in found
        ]
    return rows


def _merge_into(found: list[list[tuple[str, Figure]]], cluster: list[tuple[str, Figure]], start: bool = True) -> None:
    """Add a disagreement to those of its role, as one row with any that gives one of its values: the
    leader's 15 against 13 years, said of 'Karim B., 34' by two agencies and of 'the leader' by two others."""
    values = {figure.value for _, figure in cluster}
    for row in found:
        if values & {figure.value for _, figure in row}:
            row += cluster
            return
    if start:
        found.append(list(cluster))


def _by_person(key: tuple[str, str], claims: list[tuple[str, Figure]]) -> list[list[tuple[str, Figure]]]:
    """A prison term is a person's: terms said of people of different ages are never set against each other
    (the leader's 15 years and a co-defendant's 10); terms said of nobody in particular go together."""
    if key[0] != "prison term":
        return [claims]
    people: dict[frozenset[str], list[tuple[str, Figure]]] = {}
    for claim in claims:
        people.setdefault(claim[1].persons, []).append(claim)
    return list(people.values())


def _may_be_one_person(a: Figure, b: Figure) -> bool:
    return not a.persons or not b.persons or bool(a.persons & b.persons)


def _about(key: tuple[str, str]) -> str:
    """'deaths', 'prison term (years)', 'percentage': a row's role, and its unit where the role needs one."""
    role, unit = key
    if not role:
        return _unit_label(unit)
    return role if not unit or role in ("prison term", "magnitude") else f"{role} ({_unit_label(unit)})"


def _not_shared(cluster: list[tuple[str, Figure]]) -> list[tuple[str, Figure]]:
    """The claims left once the values every agency gives are set aside: a turnout of 46.8 % that all give does
    not hide a yes vote of 53.4 % against 54.3 % that falls close to it."""
    values: dict[str, set[float]] = {}
    for name, figure in cluster:
        values.setdefault(name, set()).add(figure.value)
    everyone = set.intersection(*values.values()) if len(values) > 1 else set()
    return [(name, figure) for name, figure in cluster if figure.value not in everyone]


def _figures_disagree(cluster: list[tuple[str, Figure]], elsewhere: Sequence[tuple[str, Figure]]) -> bool:
    """Two agencies give values and none in common, some of them said of the same places (or of none), and
    neither gives the other's values of someone who may be the same person (`elsewhere`): ANP's '29-year-old
    ... 10 years' and dpa's '10 Jahren' of nobody named are one term, whoever it is said of."""
    said: dict[str, list[Figure]] = {}
    for name, figure in cluster:
        said.setdefault(name, []).append(figure)
    agencies = list(said.items())
    return any(
        not {f.value for f in first} & {f.value for f in second}
        and any(_same_where(a, b) for a in first for b in second)
        and not _gives(one, second, elsewhere)
        and not _gives(other, first, elsewhere)
        for index, (one, first) in enumerate(agencies)
        for other, second in agencies[index + 1 :]
    )


def _gives(name: str, figures: list[Figure], elsewhere: Sequence[tuple[str, Figure]]) -> bool:
    """Whether agency `name` gives every one of `figures`' values in `elsewhere`, of a person who may be theirs."""
    return all(
        any(
            other == name and given.value == figure.value and _may_be_one_person(given, figure)
            for other, given in elsewhere
        )
        for figure in figures
    )


def _same_where(a: Figure, b: Figure) -> bool:
    """Whether two figures may be said of one place: the same country (or one names none), and a measurement
    read at the same town (or one names none): 126 km/h on Helgoland is not 117 km/h at Hoek van Holland."""
    # a toll of some of the countries another's names is a part of that one's total: one dead in Germany, two
    # in the storm's three countries
    part = a.role in TOLLS and bool(a.places and b.places and (a.places < b.places or b.places < a.places))
    same_country = (not a.places or not b.places or bool(a.places & b.places)) and not part
    stations = (
        not a.stations or not b.stations or any(gazetteer.same_town(x, y) for x in a.stations for y in b.stations)
    )
    return same_country and stations


def _place_rows(latest: dict[str, list[StoryWire]]) -> list[Disagreement]:
    """Where it happened, named differently: 'detenido en Marbella' against 'arrêté à Estepona'.

    A town one agency names after an event word is set against another's when neither names the other's
    anywhere and the two are not one name spelt in two languages (Granada, Grenade) nor two names of one town
    in the gazetteer (Anvers, Antwerpen); then the spots in the town (`_spot_rows`).
    """
    if {wire.event for wires in latest.values() for wire in wires} & _MANY_PLACES:
        return []  # a strike stops ports and stations across a country: each agency names the ones it saw
    story_countries = _story_countries(latest)
    agencies = {fold(name) for name in latest}  # 'confirmou à Lusa': the agency told, not a place

    def town(place: str, wire: StoryWire) -> bool:
        return not (
            _country(place, wire.lang)
            or _region(place)
            or fold(place) in agencies
            or is_event_word(place, wire.lang)
            or _town_elsewhere(place, story_countries)
            or _nationality_first(place, story_countries)
            or _unknown_words(place, story_countries)
        )

    said = {
        name: _shortest({_known_part(place) for wire in wires for place in _event_place(wire, story_countries, town)})
        for name, wires in latest.items()
    }
    written = {name: " ".join(wire.lead + wire.article.body for wire in wires) for name, wires in latest.items()}
    texts = {name: fold(text) for name, text in written.items()}

    def one_town(a: str, b: str) -> bool:
        # 'Saint-Anton' and 'St. Anton am Arlberg'; 'Ayamonte' and 'Castro Marim' across the border: the fire,
        # and where its smoke was seen
        return _same_place(a, b) or _shortened(a, b) or _apart(a, b)

    rows = _place_rows_between(said, one_town, lambda name, place: fold(place) in texts[name])
    return rows + _spot_rows(latest, written)


def _place_rows_between(
    said: dict[str, set[str]], one_place: Callable[[str, str], bool], names: Callable[[str, str], bool]
) -> list[Disagreement]:
    """A row for each two places agencies give (`said`, by agency) that are not `one_place`, with the agencies
    that give one and whose text does not also name the other (`names(agency, place)`)."""
    rows = []
    for place_a, place_b in sorted(
        {(a, b) for x in said.values() for a in x for y in said.values() for b in y if a < b}
    ):
        if one_place(place_a, place_b):
            continue
        with_a = [name for name, places in said.items() if place_a in places and not names(name, place_b)]
        with_b = [name for name, places in said.items() if place_b in places and not names(name, place_a)]
        if with_a and with_b:
            rows.append(_place_row({place_a: with_a, place_b: with_b}))
    return rows


def _one_spot(kind: str, a: str, b: str) -> bool:
    """One spot or feature named two ways: 'Bonavista' and 'Bona Vista'; an island in two languages."""
    return _same_place(a, b) or may_be_one(kind, a, b)


def _same_place(a: str, b: str) -> bool:
    """One place in two spellings or languages: 'Sanità' and 'Sanita', 'Granada' and 'Grenade' (spelling
    similarity), 'Anvers' and 'Antwerpen' (two names of one town in the gazetteer)."""
    return SequenceMatcher(None, fold(a), fold(b)).ratio() >= _SAME_PLACE or gazetteer.same_town(a, b)


def _place_row(said: dict[str, list[str]]) -> Disagreement:
    """A row of places: each place with the agencies that name it."""
    claims = [Claim(source=name, text=place, value=place) for place, names in said.items() for name in names]
    return Disagreement(kind="name", about="place", claims=tuple(sorted(claims, key=lambda claim: claim.source)))


def _spot_rows(latest: dict[str, list[StoryWire]], texts: dict[str, str]) -> list[Disagreement]:
    """Where in a town it happened, named differently: 'el barrio de Bonavista' against 'le quartier de Campclar'.

    Each agency's first district and first street or square in its leads and second paragraphs (where a lead
    of what happened leaves where to); two agencies' differ when neither names the other's anywhere in its
    `texts` (one agency's 'via Roma' and another's 'Corso Italia, near via Roma' agree).
    """
    filed = {_as_written(dateline_place(wire.article)) for wires in latest.values() for wire in wires} - {""}
    first: dict[str, dict[str, str]] = {}
    for name, wires in latest.items():
        for wire in wires:
            second = wire.article.paragraphs[1] if len(wire.article.paragraphs) > 1 else ""
            for kind, spot in spots(without_earlier(f"{wire.lead}\n{second}"), wire.lang):
                if not any(spot == town or gazetteer.same_town(spot, town) for town in filed):
                    first.setdefault(name, {}).setdefault(kind, spot)  # 'el distrito de Oporto' is the town
    rows = []
    for kind in sorted({kind for kinds in first.values() for kind in kinds}):
        said = {name: {kinds[kind]} for name, kinds in first.items() if kind in kinds}
        rows += _place_rows_between(said, partial(_one_spot, kind), lambda name, spot: named_in(spot, texts[name]))
    return rows


def _event_place(wire: StoryWire, story_countries: set[str], town: Callable[[str, StoryWire], bool]) -> list[str]:
    """Where the wire says it happened, of the names `town` accepts: towns after an event word in its headline or
    lead ('detenido en Marbella'), else the first town its lead sentence names after a locative preposition: a
    lead says what happened where before anything else ('une mine d'ardoise à Quintanilla de Yuso', 'a slate
    mine in Truchas'); else the first town of the story's countries its lead says it happened near ('près de
    Kuchl', 'Bei Bologna in Norditalien'); else known towns of the story's countries after the event's words in
    the second paragraph, where a lead of what happened leaves where to it ('Spanish police arrested an
    Italian man ...', then 'was detained in Estepona').
    """
    lead = without_earlier(wire.lead)
    found = [place for place in event_places(lead, wire.lang, wire.event) if town(place, wire)]
    happened = wire.event not in (None, *BUSINESS) or any(figure.role in TOLLS for figure in wire.facts.figures)
    if found or not wire.article.paragraphs or not happened:
        return found  # a wire of no event and no toll (a company's results) says no place where 'it' happened
    first = _LEAD_SENTENCE.split(_DATELINE.sub("", without_earlier(wire.article.paragraphs[0]), count=1), maxsplit=1)[0]
    prepositions = list(town_after_preposition(wire.lang).finditer(first))
    after = [_known_part(match.group("place")) for match in prepositions]
    adjective = town_after_adjective(wire.lang)
    matches = sorted(
        [*prepositions, *(adjective.finditer(first) if adjective else ())], key=lambda match: match.start()
    )
    in_order = [_known_part(match.group("place")) for match in matches]  # 'im südspanischen Algeciras' in its place
    near = [_known_part(match.group("place")) for match in town_near(wire.lang).finditer(lead)]
    # after a town's preposition, the first name may be a village no gazetteer knows ('à Quintanilla de Yuso');
    # a later name, or one after 'near', is a place only when a gazetteer knows it as a town of the story's
    # countries: 'in absentia in Bordeaux ..., in the port town of Algeciras', 'près de 40', 'bei Bauarbeiten'
    candidates = [
        *(
            place
            for place in after[:1]
            if not gazetteer.towns(place) and not place.endswith(_REGION_ENDING.get(wire.lang, ()))
        ),
        *(place for place in (*in_order, *near) if _town_here(place, story_countries)),
    ]
    found = [place for place in candidates if town(place, wire)][:1]
    if not found and len(wire.article.paragraphs) > 1 and wire.event is not None:
        second = without_earlier(wire.article.paragraphs[1])
        later = event_places(second, wire.lang, wire.event)
        found = [place for place in later if _town_here(place, story_countries) and town(place, wire)]
    filed = _as_written(dateline_place(wire.article))
    if found or not filed:
        return found
    # a small town's dateline is where the reporter went: 'LUNTEREN, 17. Januar (dpa)', 'PARONA (PAVIA)'
    small = all(known.population < _SMALL_TOWN for known in gazetteer.towns(filed)) and not gazetteer.capital(filed)
    return [filed] if small and _town_here(filed, story_countries) and town(filed, wire) else []


def _as_written(place: str) -> str:
    """A dateline's town in capitals as a lead would write it: 'VILA DO CONDE' -> 'Vila do Conde'."""
    if not place.isupper():
        return place
    return " ".join(word.lower() if word in _LINKING else word.capitalize() for word in place.split())


def _known_part(place: str) -> str:
    """A town's name followed by a person's, as one span: 'Fuengirola' of 'in Fuengirola de Fransman Karim
    Vasseur', where Dutch 'de' is 'the'. A name no town bears, followed by two or more capitalised words, is
    cut after its longest opening words that name a town; any other name ('Quintanilla de Yuso') is kept.
    A town's district, in the English possessive or hyphenated after it, is the town; so is a German adjective
    made of its name ('Lyoner Restaurant')."""
    place = _POSSESSIVE.sub("", place)  # 'Frankfurt's Hoechst', 'Munich's Neuperlach': a district of the town
    town, _, district = place.partition("-")  # 'Wien-Favoriten', 'Köln-Deutz': a district of the town
    if district and " " not in town and _bigger(town, place):
        return town
    if gazetteer.towns(place):
        return place
    words = place.split()
    if len(words) > 1 and words[0].endswith("er") and gazetteer.towns(words[0][:-2]):
        return words[0][:-2]  # 'Lyoner Restaurant', 'Frankfurter Flughafen': the German adjective of the town
    for part in gazetteer.opening_towns(place):
        if sum(word[:1].isupper() for word in words[len(part.split()) :]) >= 2:
            return part
    return place


def _shortest(places: set[str]) -> set[str]:
    """One agency's places, each once however long it names it: 'Saint-Anton' of 'Saint-Anton-am-Arlberg'."""
    return {
        place
        for place in places
        if not any(other != place and _shortened(other, place) and len(other) < len(place) for other in places)
    }


def _shortened(a: str, b: str) -> bool:
    """Whether one name is the other's opening words, a saint's title written alike: 'Saint-Anton', 'St. Anton am
    Arlberg' and 'Sankt Anton' are one town; not when a gazetteer knows both as two ('Vila Real', 'Vila Real de
    Santo António')."""
    words_a, words_b = (_SAINT.sub("st ", fold(name)).replace("-", " ").split() for name in (a, b))
    shorter = min(len(words_a), len(words_b))
    if words_a[:shorter] != words_b[:shorter]:
        return False
    return not (gazetteer.towns(a) and gazetteer.towns(b)) or gazetteer.same_town(a, b)


def _apart(a: str, b: str) -> bool:
    """Whether every town of each name lies in another country: no two ways of naming one event's town."""
    countries_a = {town.country for town in gazetteer.towns(a)}
    countries_b = {town.country for town in gazetteer.towns(b)}
    return bool(countries_a and countries_b) and not countries_a & countries_b


def _bigger(town: str, place: str) -> bool:
    """Whether `town` is a known town bigger than any `place` names: 'Köln' of 'Köln-Deutz', a district
    GeoNames also lists; not 'Esch' of 'Esch-sur-Alzette'."""
    known = gazetteer.towns(town)
    return bool(known) and known[0].population > max((found.population for found in gazetteer.towns(place)), default=0)


def _story_countries(latest: dict[str, list[StoryWire]]) -> set[str]:
    """The countries a story's wires are filed from (the town of each dateline) or name in their leads."""
    found: set[str] = set()
    for wire in (wire for wires in latest.values() for wire in wires):
        town = dateline_place(wire.article)
        found |= {code for code in [gazetteer.country(town)] if town and code}
        found |= {code for code in countries(places(wire.lead, wire.lang)) if len(code) == 2}
    return found


def _town_here(place: str, story_countries: set[str]) -> bool:
    """Whether a gazetteer knows a town of that name in one of the story's countries."""
    return any(town.country in story_countries for town in gazetteer.towns(place))


def _town_elsewhere(place: str, story_countries: set[str]) -> bool:
    """Whether every town of that name lies outside the story's countries: 'Asturias' in a Spanish story is the
    region (the only town so called is in the Philippines)."""
    return bool(story_countries and gazetteer.towns(place) and not _town_here(place, story_countries))


def _nationality_first(name: str, story_countries: set[str]) -> bool:
    """Whether a name opens on an English adjective of nationality, or is a Dutch one, no town of the story's
    countries: 'French Alps', 'Italian Riviera' are regions, 'in Spanish school', 'in Spaanse' no place ('Milan
    Linate' is a town's airport)."""
    first = name.split()[0]
    adjective = NATIONALITY.fullmatch(first) or (first == name and DUTCH_NATIONALITY.fullmatch(first))  # 'Spaanse'
    return bool(adjective) and not _town_here(first, story_countries)


def _unknown_words(name: str, story_countries: set[str]) -> bool:
    """Whether a name of several words is no town of the story's countries, nor opens on one: 'La Línea' is a
    town the gazetteer knows; 'Schüssen am Reumannplatz' (German nouns) and "Naples' Fuorigrotta" are none."""
    first = name.split()[0]
    return first != name and not _town_here(name, story_countries) and not _town_here(first, story_countries)


def _country(name: str, lang: str) -> bool:
    """Whether a name is a country's ('Italia', 'Frankreich'): a country is not where in it something happened."""
    return any(len(code) == 2 for code in places(name, lang))


def _region(name: str) -> bool:
    """Whether a name is a part of a country told by its direction ('Süden Bulgariens', 'Norditalien': no town
    so called; 'Eforie Nord' is a town), or a German common noun, capitalised as German nouns are ('Explosion in
    Mehrfamilienhaus')."""
    folded = fold(name)
    directed = (_COMPASS.search(folded) or _COMPASS_PREFIX.match(folded)) and not gazetteer.towns(name)
    return bool(directed or _GERMAN_NOUN.search(folded))


def _date_rows(latest: dict[str, list[StoryWire]]) -> list[Disagreement]:
    """Dates within a week of each other that two agencies give differently, of the story's own days: not a day
    nearly a week or more before the wire (the first landslide's '2 septembre', recalled in a wire of the 9th).

    A range ('les 26 et 27 octobre', 'am 26. und 27. Oktober', 'Oct. 26-27') gives each of its days, though
    the date readers read one of them: one agency's '27 octobre' and another's 'Oct. 26' are one meeting.
    """
    dated = [wire.when.start for wires in latest.values() for wire in wires if wire.when]
    claims = [
        (name, day)
        for name, wires in latest.items()
        for wire in wires
        for moment in [wire.when.start if wire.when else max(dated, default=None)]
        for day in [*wire.facts.dates, *_days_of_month(wire, moment)]
        if not _earlier_year(day, wire)
        and not (_recalled_day(day, moment) and not _in_lead(day, wire))
        and not _filed_on(day, wire)
    ]
    ranges = {
        (name, day) for name, wires in latest.items() for wire in wires for day in _range_days(wire, wire.facts.dates)
    }
    rows = []
    for cluster in _clusters(claims, lambda claim: _day_of_year(claim[1].value), lambda a, b: b - a <= _CLOSE_DAYS):
        said = {(name, date.value) for name, date in cluster}
        if _disagree(said | {(name, day) for name, day in ranges if name in {n for n, _ in said}}):
            rows.append(
                Disagreement(
                    kind="date",
                    about="date",
                    claims=_claims((name, date.text.rstrip("."), english_date(date.value)) for name, date in cluster),
                )
            )
        else:
            rows += _year_rows(cluster)
    return rows


def _in_lead(day: Fact, wire: StoryWire) -> bool:
    """Whether a wire's lead gives a date, not as an earlier event's: an old date there is the story's own (the
    doping control of 14 March that a ban in May is for), where a later paragraph's recalls another event."""
    lead = without_earlier(wire.lead)
    return day.text in lead or day.value in {found.value for found in extract_dates(lead, wire.lang)}


def _days_of_month(wire: StoryWire, moment: datetime | None) -> list[Fact]:
    """The days a wire names without their month ('el jueves 17', 'no dia 17'), each in the month that puts it
    nearest the wire's time (`moment`): a meeting 'jeudi 3' in a wire of 28 November is on 3 December."""
    if moment is None:
        return []
    found = []
    for fact, day in extract_days_of_month(f"{wire.article.headline}\n{wire.article.body}", wire.lang):
        months = [
            (moment.year + (moment.month - 1 + shift) // 12, (moment.month - 1 + shift) % 12 + 1)
            for shift in (-1, 0, 1)
        ]
        days = [
            datetime(year, month, day, tzinfo=timezone.utc)
            for year, month in months
            if day <= monthrange(year, month)[1]
        ]
        nearest = min(days, key=lambda candidate: abs(candidate - moment))
        found.append(fact.model_copy(update={"value": f"{nearest.month:02}-{nearest.day:02}"}))
    return found


def _filed_on(date: Fact, wire: StoryWire) -> bool:
    """Whether a date is only the day the wire was filed, in a dateline its reader left in the text ('Zürich,
    22. Mai (dpa) -', 'ZURICH (Suisse), 23 mai (AFP) -'): a late-evening event's wires are filed on two days."""
    dateline = "" if wire.article.dateline else dateline_of(wire.article) or ""
    rest = f"{wire.article.headline}\n{wire.article.body.removeprefix(dateline)}"
    return date.text in dateline and date.text not in rest


def _recalled_day(date: Fact, moment: datetime | None) -> bool:
    """Whether a day lies nearly a week or more before `moment` (the wire's time, else the latest of its story's
    dated wires): an earlier event's."""
    return moment is not None and _EARLIER_DAYS < _days_before(date.value, moment) <= _RECALL_DAYS


def _year_rows(cluster: list[tuple[str, Fact]]) -> list[Disagreement]:
    """One day given in two years ('1er janvier 2027' against '1 de enero de 2028', when a law takes effect).

    A bare year says too little of what it dates (a budget year, a target); a day and month with a year
    dates an event, and agencies that date one day of the story in different years disagree on its year.
    """
    dated = [(name, date, _YEAR.search(date.text)) for name, date in cluster]
    years = [(name, date, int(year.group(0))) for name, date, year in dated if year]
    if not _disagree({(name, year) for name, _, year in years}):
        return []
    claims = _claims((name, date.text.rstrip("."), f"{english_date(date.value)}, {year}") for name, date, year in years)
    return [Disagreement(kind="date", about="year", claims=claims)]


def _earlier_year(date: Fact, wire: StoryWire) -> bool:
    """Whether a date names a year before the wire's own: '24 août 2016' dates an event the wire recalls."""
    year = _YEAR.search(date.text)
    own = wire.time.start.year if wire.time else datetime.now(timezone.utc).year
    return year is not None and int(year.group(0)) < own


def _dated_year_rows(years: list[YearClaim]) -> list[Disagreement]:
    """The year a building was built, given by its bare year ('construit en 1971', 'built in 1782').

    A bare year alone says too little of what it dates (see _year_rows), but in a sentence saying when a
    building went up it dates that, and agencies giving different years there disagree.
    """
    claims = [(name, year) for name, year, _, kind in years if kind == "past"]
    if not _disagree(set(claims)):
        return []
    return [Disagreement(kind="date", about="year", claims=_claims((n, y, y) for n, y in claims))]


def _plan_year_rows(years: list[YearClaim]) -> list[Disagreement]:
    """The year something starts or ends: a law takes effect ('tritt 2027 in Kraft'), a terminal opens ('due
    to start operating in 2031'), a plant closes ('bis 2033', 'entro il 2036'), a decree expires ("jusqu'en
    2027"). Years three apart or less are one date given differently; further apart, two steps of a plan
    (the first units in 2028, the plant by 2033). When a thing starts is never set against until when another
    lasts ('in force in 2028', 'hasta 2030'); 'by' may be either. The year of a deadly event the wires recall
    ('in 2015, when a chlorine leak killed two workers', 'en 2016'), or of one of the story's kind ('where a
    blaze in 2016 destroyed 4,000 hectares'), is compared alike; the year something was last done ('last
    inspected in 2021', 'their first strike since 2011') within ten years."""
    rows: list[Disagreement] = []
    for kinds, apart in (
        ({"start", "by"}, _CLOSE_DEADLINES),
        ({"until", "by"}, _CLOSE_DEADLINES),
        ({"recalled", "last"}, _CLOSE_DEADLINES),  # 'last suffered a fatal accident in 2015' against 'en 2016'
        ({"last"}, _CLOSE_LAST_DONE),
    ):
        chosen = [(name, year, text) for name, year, text, kind in years if kind in kinds]
        for cluster in _clusters(chosen, lambda claim: int(claim[1]), partial(_within, apart)):
            if _disagree({(name, year) for name, year, _ in cluster}):
                claims = _claims((name, text, year) for name, year, text in cluster)
                rows.append(Disagreement(kind="date", about="year", claims=claims))
    # a deadline both groups hold gives its row twice, the same or with fewer claims
    kept: list[Disagreement] = []
    for row in rows:
        if row not in kept and not any(set(row.claims) < set(other.claims) for other in rows):
            kept.append(row)
    return kept


def _within(apart: int, first: float, second: float) -> bool:
    """Whether two years, in order, are at most `apart` years apart."""
    return second - first <= apart


def _year_claims(latest: dict[str, list[StoryWire]]) -> list[YearClaim]:
    """Bare years that date something: in a sentence saying when a rule applies, a building went up or a plant
    opens, or after a word for a deadline; each with its agency, the words before it, and what it dates: the
    'past' (a building), a 'start', a deadline 'by' which something is done, the end 'until' which it lasts, a
    deadly event or one of the story's kind 'recalled' ('the 2016 leak that killed two workers'), or when
    something was 'last' done."""
    found = []
    kinds = {wire.event for wires in latest.values() for wire in wires} - {None}
    for name, wires in latest.items():
        for wire in wires:
            own = wire.time.start.year if wire.time else datetime.now(timezone.utc).year
            for sentence in _SENTENCE.split(f"{wire.article.headline}\n{wire.article.body}"):
                if not _YEAR.search(sentence):
                    continue  # most sentences give no year: no lexicon to read them with
                dating = _DATING.search(fold(sentence)) is not None
                recalling = says_role(sentence, wire.lang, "deaths") or bool(kinds & set(classes(sentence, wire.lang)))
                previous = 0  # where the words about this year start: after the year before it
                for year in _YEAR.finditer(sentence):
                    before, previous = fold(sentence[previous : year.start()]), year.end()
                    deadline = _BY_YEAR.search(fold(sentence[max(0, year.start() - 30) : year.start()]))
                    recalled = recalling and int(year.group(0)) < own
                    last = int(year.group(0)) <= own and _last_done(before)
                    if not (dating or deadline or recalled or last):
                        continue
                    if not deadline and _in_full_date(year, sentence, wire.lang):
                        continue  # '1er janvier 2027': a full date's year (_year_rows); not '4 000 hectares en 2015'
                    text = sentence[max(0, year.start() - 12) : year.end()].split(maxsplit=1)[-1]
                    if last and not deadline and not _DATING.search(before):
                        kind = "last"  # 'cuya última gran reparación data de 2016', not 'inaugurado en 1963'
                    elif recalled and not (dating or deadline):
                        kind = "recalled"  # 'in 2015, when a chlorine leak at another company killed two workers'
                    elif deadline:
                        kind = "by" if deadline.group("by") else "until"
                    else:
                        kind = "past" if int(year.group(0)) < own else "start"
                        near = sentence[max(0, year.start() - _DATED_NEAR) : year.end() + _DATED_NEAR]
                        if kind == "past" and not _DATING.search(fold(near)):
                            continue  # 'Zuidbrouw, founded in 1923, ... since 2019': only the founding year
                    found.append((name, year.group(0), text, kind))
    return found


def _in_full_date(year: re.Match[str], sentence: str, lang: str) -> bool:
    """Whether a year ends a date with its day ('5 de diciembre de 2016', 'Dec. 5, 2016'), not a figure's
    sentence ('4 000 hectares en 2015')."""
    if not re.search(r"\d", sentence[max(0, year.start() - _DAY_BEFORE_YEAR) : year.start()]):
        return False
    window = sentence[max(0, year.start() - _DATE_BEFORE_YEAR) : year.end()]
    return any(date.text.endswith(year.group(0)) for date in extract_dates(window, lang))


def _last_done(before: str) -> bool:
    """Whether the words before a year say it is when something was last done: 'zuletzt', 'sa dernière grande
    rénovation en', 'their first strike since' (folded)."""
    return _LAST_DONE.search(before) is not None or (
        _SINCE_YEAR.search(before) is not None and _NOTHING_SINCE.search(before) is not None
    )


def _range_days(wire: StoryWire, dates: Iterable[Fact]) -> set[str]:
    """The other days of the ranges the wire's dates end or start: '26' of '26 et 27 octobre', '27' of 'Oct. 26-27'."""
    text = f"{wire.article.headline}\n{wire.article.body}"
    days = set()
    for date in dates:
        month = date.value.split("-")[0]
        for found in re.finditer(re.escape(date.text), text):
            before = _RANGE_START.search(text, max(0, found.start() - 16), found.start())
            after = _RANGE_END.match(text, found.end()) if date.text.rstrip(".")[-1:].isdigit() else None
            days |= {f"{month}-{int(m.group('day')):02d}" for m in (before, after) if m and int(m.group("day")) <= 31}
    return days


def _name_rows(latest: dict[str, list[StoryWire]]) -> list[Disagreement]:
    """Names spelt two ways: they share a word, differ by a letter or two in another, and no wire has both.

    Only what looks like a person's name counts: 'La Commission' and 'La Commissione', 'Consejo de Ministros'
    and 'Conselho de Ministros', 'Proteção Civil' and 'Protección Civil' are one institution in two languages.
    One person named two ways is one slot filled differently: the only 'Rui ...' each agency names, 'Rui
    Fontes' in two agencies' wires and 'Rui Fonseca' in a third's, is one man whose surname they disagree on
    (see `_misspelt`).
    """
    spelt: dict[str, tuple[str, set[str], set[str]]] = {}
    for name, wires in latest.items():
        for wire in wires:
            spans = map(_untitled, wire.facts.name_spans)
            for span in (span for span in spans if not places(span, wire.lang)):  # 'Países Bajos' is a country
                for candidate in filter(_personal, _person_parts(span)):
                    found = spelt.setdefault(fold(candidate), (candidate, set(), set()))
                    found[1].add(name)
                    found[2].add(wire.lang)
    given: dict[tuple[str, str], set[str]] = {}  # (agency, given name) -> the full names it opens
    for folded, (_, agencies, _) in spelt.items():
        for name in agencies:
            given.setdefault((name, folded.split()[0]), set()).add(folded)
    rows = []
    for a, (written_a, agencies_a, langs_a) in spelt.items():
        for b, (written_b, agencies_b, langs_b) in spelt.items():
            if a >= b or agencies_a & agencies_b or not _misspelt(a, b):
                continue
            # one noun in two Romance languages, each side written in one ('Frente Común', 'Frente Comum'); an
            # English wire alone has no Romance ending to give 'Moschetto'
            romance = bool(langs_a & _ROMANCE) and bool(langs_b & _ROMANCE)
            surname = _said_alone(written_a, agencies_a, latest) or _said_alone(written_b, agencies_b, latest)
            if langs_a != langs_b and romance and not surname and _one_phrase_two_languages(a, b):
                continue
            alone = all(len(given[(n, a.split()[0])]) == 1 for n in agencies_a) and all(
                len(given[(n, b.split()[0])]) == 1 for n in agencies_b
            )
            if not _close_spelling(a, b) and not alone:
                continue
            claims = [Claim(source=n, text=written_a, value=written_a) for n in agencies_a]
            claims += [Claim(source=n, text=written_b, value=written_b) for n in agencies_b]
            ordered = tuple(sorted(claims, key=lambda claim: claim.source))
            rows.append(Disagreement(kind="name", about="name", claims=ordered))
    return rows


def _person_parts(span: str) -> set[str]:
    """The span and its last two words: 'Ingrid Bauer' of 'Behördenchefin Ingrid Bauer', 'Jelle Verhoeven' of
    'Le Néerlandais Jelle Verhoeven' (a span with an article is no name; its last two words may be one), not
    after a link word: 'Médicos Hospitalarios' of 'Sindicato Nacional de los Médicos Hospitalarios' is no one."""
    words = span.split()
    return {span} if len(words) > 2 and fold(words[-3]) in _NOT_IN_NAMES else {span, " ".join(words[-2:])}


def _said_alone(name: str, agencies: set[str], latest: dict[str, list[StoryWire]]) -> bool:
    """Whether an agency names the last word of `name` on its own ('Salgueiro era el contable', a headline's
    'arrestato in Spagna il condannato Landolfi'): a person's surname, where 'Judicial' of 'Policía Judicial'
    is never said alone."""
    first, last = name.split()[0], name.split()[-1]
    alone = re.compile(rf"(?<!{re.escape(first)} )(?<![\w-]){re.escape(last)}(?![\w-])")
    return any(
        alone.search(f"{wire.article.headline}\n{wire.article.body}") for agency in agencies for wire in latest[agency]
    )


def _personal(span: str) -> bool:
    """A span of capitalised words that may be a person's name: two words or more, no article, link word or
    word in capitals."""
    words = span.split()
    return len(words) > 1 and not any(word.isupper() or fold(word) in _NOT_IN_NAMES for word in words)


def _untitled(span: str) -> str:
    """The span without the titles that open it: 'Bürgermeister Henk Dijkstra' and 'Burgemeester Henk
    Dijkstra' are one man, whom the agencies' languages give a title each."""
    words = span.split()
    while words and (fold(words[0]) in TITLES or _TITLE.fullmatch(fold(words[0]))):
        words.pop(0)
    return " ".join(words)


def _misspelt(a: str, b: str) -> bool:
    """'ingrid bauer' and 'ingrid baumer', 'rui fontes' and 'rui fonseca': as many words, the first the same,
    the others a letter or two apart (`_close_spelling`) or starting alike (two letters, or one and two edits:
    'Reindl' and 'Riedl'; the surname of one person each agency names by that given name alone, checked by
    the caller).

    Two spellings of one name in two alphabets or conventions are one name: 'Kröger' and 'Kroeger', 'Strauß'
    and 'Strauss', 'Zelensky', 'Selenskyj' and 'Зеленский' (see `romanised`).
    """
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or a == b or not set(words_a) & set(words_b):
        return False
    if romanised(a) == romanised(b):
        return False
    if all(x == y or _inflected(x, y) for x, y in zip(words_a, words_b, strict=True)):
        return False  # 'Deutsche Bahn' and 'der Deutschen Bahn': one name, declined
    if romanised(words_a[0]) != romanised(words_b[0]):
        return False  # 'Konkurrent Delvaux' and 'Concurrent Delvaux': a noun in two languages, not a given name
    return all(
        x == y
        or SequenceMatcher(None, x, y).ratio() >= _SIMILAR_SPELLING
        or ((x[:2] == y[:2] or (x[0] == y[0] and _edits(x, y) <= 2)) and words_a[0] == words_b[0])
        for x, y in zip(words_a, words_b, strict=True)
    )


def _edits(a: str, b: str) -> int:
    """Letters to insert, delete, change or swap with the next to turn `a` into `b` ('reindl' -> 'riedl': 2)."""
    previous, current = list(range(len(b) + 1)), [0] * (len(b) + 1)
    before: list[int] = []
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return previous[len(b)]


def _inflected(a: str, b: str) -> bool:
    """One word is the other with a case ending: 'deutsche' and 'deutschen', 'müller' and 'müllers'."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short) :] in {"n", "s", "r", "m", "en", "es", "er"}


def _close_spelling(a: str, b: str) -> bool:
    """Every word of two names the same or a letter or two apart."""
    return all(
        SequenceMatcher(None, x, y).ratio() >= _SIMILAR_SPELLING for x, y in zip(a.split(), b.split(), strict=True)
    )


def _one_phrase_two_languages(a: str, b: str) -> bool:
    """'proteção civil' and 'protección civil', 'policía judicial' and 'polícia judiciária': words that differ
    only by the endings languages give one noun or adjective ('-ção', '-ción', '-tion', '-zione', '-dade',
    '-ial', '-iária'...) and
    their accents name one institution in two languages, not a person misspelt."""
    return all(_stem(x) == _stem(y) for x, y in zip(fold(a).split(), fold(b).split(), strict=True))


def _stem(word: str) -> str:
    return _NOUN_ENDING.sub("", word)


def romanised(name: str) -> str:
    """A name as every romanisation writes it alike: for telling one name in two spellings from two names.

    Letters are folded to ASCII (diacritics dropped, 'ß' = 'ss', Cyrillic and Greek letters romanised), German
    umlauts written out are folded too ('oe' = 'ö' = 'o'), and the letters romanisations write for one
    sound are made one: 'y', 'j' and 'i' ('Selenskyj', 'Zelenskyy', 'Zelenski'), 'w' and 'v', 'z' and 's',
    'tsch', 'tch' and 'ch', 'sch' and 'sh', 'kh' and 'h', 'ou' and 'u', 'ph' and 'f'; a doubled letter is one.
    """
    text = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    for greek, latin in _GREEK_DIGRAPHS:  # 'Ζαγοράκης' = 'Zagorakis', 'Μπακογιάννη' = 'Bakoyanni'
        text = text.replace(greek, latin)
    text = fold(text.translate(_ROMAN))
    for spellings, one in _SOUNDS:
        text = re.sub(spellings, one, text)
    return re.sub(r"(\w)\1+", r"\1", text)


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
    return abs(b - a) < _CLOSE_FIGURES * max(abs(a), abs(b)) or _transposed(a, b)


def _or_fines(close: Callable[[float, float], bool], fines: set[float]) -> Callable[[float, float], bool]:
    """`close`, or two fines of which one is less than twice the other."""
    return lambda a, b: close(a, b) or (a in fines and b in fines and max(a, b) < _CLOSE_FINES * min(a, b))


def _or_one_apart(close: Callable[[float, float], bool]) -> Callable[[float, float], bool]:
    """`close`, or two counts one apart: 1 and 2 dead are 50 % apart, and still one toll."""
    return lambda a, b: close(a, b) or abs(b - a) == 1


def _close_magnitudes(a: float, b: float) -> bool:
    """4.4 against 4.6 is one quake told two ways; 2.8 is its aftershock."""
    return abs(b - a) <= _CLOSE_MAGNITUDES


def _close_role_figures(a: float, b: float) -> bool:
    return abs(b - a) < _CLOSE_ROLE_FIGURES * max(abs(a), abs(b)) or _transposed(a, b)


def _transposed(a: float, b: float) -> bool:
    """Whether two figures of two digits or more are one figure with its digits swapped, as a typing slip
    makes them: 120 and 210 evacuated, 1,500 and 5,100 flights."""
    digits = [f"{value:f}".rstrip("0").rstrip(".").replace(".", "") for value in (a, b)]
    return a != b and len(digits[0]) >= 2 and sorted(digits[0]) == sorted(digits[1])


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
    """The figure in English with Babel: '12 billion EUR', '80%', '60 km', '1,200'; billions also in millions,
    as many agencies write them ('1.430 millones'): '1.43 billion EUR (1,430 million)'."""
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
        millions = f" ({format_decimal(value / 1e6, locale='en')} million)" if abs(value) >= 1e9 else ""
        return f"{number} {figure.unit}{millions}"
    if figure.unit:
        return str(format_unit(value, figure.unit, length="short", locale="en"))
    return number
