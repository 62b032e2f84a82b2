"""Relations between a summary's facts, checked against the English sentences of the wire.

Every word of a wrong sentence may be in the wire, only not together: a person given another's office
("Prime Minister Julien Marchetti" where he is transport minister and she is prime minister), two people
swapped between what they did, a place put in another's relation ("a visit to Germany" where the visit
was to Dijon), a negation added or dropped ("creates a new tax" where the plan "does not create" one).
Each clause of a summary sentence is matched to the wire's sentence that shares most of its words; a
name that sentence holds another in place of, a title the wire gives someone else, a polarity that
differs, is a flag. All of it is lexical: cheap to see, and silent when the match is not clear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from presssum.facts.align import stop_words
from presssum.facts.names import TITLES, name_in
from presssum.facts.text import fold, stem
from presssum.records import Fact, FactKind

OFFICE = "the wire gives this office to someone else"
ANOTHER_NAME = "the wire's sentence that says this names someone or somewhere else"
POLARITY = "the wire's sentence that says this has the opposite negation"
# the nouns an office is named by; the words in front of them ("Transport", "Prime") say which office
_HEADS = {
    "minister", "minister-president", "president", "secretary", "chancellor", "leader", "head", "chief",
    "executive", "spokesman", "spokeswoman", "spokesperson", "director", "mayor", "governor", "chairman",
    "chairwoman", "chair", "ceo", "premier", "commissioner", "ambassador", "manager", "senator", "judge",
    "coach", "captain", "founder", "prosecutor", "economist", "analyst", "king", "queen", "pope",
}  # fmt: skip
_NEGATORS = {"not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot", "n't"}
_CLAUSES = re.compile(r";|,?\s+(?:while|whereas|but)\s+|,\s+and\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# "STUTTGART, 14 May 2026 (APR) -": where the wire was filed, not what it says
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^-–—\n]{0,40}?\([\w ]+\)\s*[-–—]\s*")
CLEAR = 2  # content words the best sentence must share beyond the next best one for a swap to be clear
POLAR = 3  # content words a clause and the wire's must share for a negation to be compared


@dataclass(frozen=True)
class Clause:
    text: str
    start: int


def clauses(sentence: str, start: int) -> list[Clause]:
    """The clauses of a sentence at `start` in its text: "X announced ..., while Y said ..." is two."""
    found, cursor = [], 0
    for match in _CLAUSES.finditer(sentence):
        found.append(Clause(sentence[cursor : match.start()], start + cursor))
        cursor = match.end()
    found.append(Clause(sentence[cursor:], start + cursor))
    return [clause for clause in found if clause.text.strip()]


def _words(text: str) -> set[str]:
    stops = stop_words("en")
    return {stem(word) for word in _WORD.findall(fold(text)) if word not in stops and word not in _NEGATORS}


def _title_words(text: str) -> frozenset[str]:
    words = [fold(word).removesuffix("'s").removesuffix("’s") for word in _WORD.findall(text)]
    return frozenset(word for word in words if word not in {"the", "of", "for", "and", "de"})


def title_before(text: str, start: int) -> tuple[int, frozenset[str]]:
    """The office written in front of a name ("Transport Minister", "Saxony's Minister-President",
    "union national secretary"), as (where it starts, its words); (start, {}) when there is none."""
    words = list(_WORD.finditer(text[:start]))
    first, cursor = start, start
    for word in reversed(words):
        if text[word.end() : cursor].strip():
            break  # punctuation ends the office
        raw = word.group(0)
        folded = fold(raw).removesuffix("'s").removesuffix("’s")
        if not (raw[0].isupper() or folded in _HEADS or folded in TITLES or folded in {"national", "federal"}):
            break
        first, cursor = word.start(), word.start()
    title = _title_words(text[first:start])
    return (first, title) if title & _HEADS else (start, frozenset())


def titles_in(texts: Sequence[str], name: str) -> list[frozenset[str]]:
    """Every office the texts give a name: written in front of it, or in apposition ("The president of
    the Generalitat, Jordi Puigventós," / "Éric Dutreuil, the association's president,")."""
    found = []
    surname = name.split()[-1]
    for text in texts:
        for match in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", text):
            whole = _name_start(text, match.start())
            if name_in(name, fold(text[whole : match.end()])):
                found += [title for _, _, title in offices_at(text, whole, match.end())]
    return found


def offices_at(text: str, start: int, end: int) -> list[tuple[int, int, frozenset[str]]]:
    """The offices written with the name at [start, end) of a text, each with the span of office and name:
    in front of it ("Transport Minister Julien Marchetti"), or in apposition before or after it."""
    found = []
    first, title = title_before(text, start)
    if title:
        found.append((first, end, title))
    before = re.search(r"(?:^|[.;:]\s+|,\s+)((?:the|The)\s+[^,.;:]{3,80}),\s*$", text[:start])
    if before and _title_words(before.group(1)) & _HEADS:
        found.append((before.start(1), end, _title_words(before.group(1))))
    after = re.match(r",\s+((?:the\s+)?[^,.;:]{3,80})(?=[,.;]|$)", text[end:])
    if (
        after
        and _title_words(after.group(1)) & _HEADS
        and not re.search(r"\b(?:who|which|said|says)\b", after.group(1))
    ):
        found.append((start, end + after.end(1), _title_words(after.group(1))))
    return found


def _name_start(text: str, surname: int) -> int:
    """Where a name ending at a surname starts: the capitalised words in front of it ("Julien Marchetti")."""
    start = surname
    for word in reversed(list(_WORD.finditer(text[:surname]))):
        if text[word.end() : start].strip() or not word.group(0)[0].isupper() or fold(word.group(0)) in _HEADS:
            break
        if fold(word.group(0)) in TITLES:
            break
        start = word.start()
    return start


def office_flags(summary: str, names: Sequence[Fact], people: Sequence[Fact], english: Sequence[str]) -> list[Fact]:
    """Names the summary gives an office the wire gives another person and never them."""
    flags = []
    for name, (start, end, title) in (
        (person, office) for person in names for office in offices_at(summary, person.start or 0, person.end or 0)
    ):
        if not re.search(r"\s", name.text):
            continue
        own = titles_in(english, name.text)
        if any(title <= words or words <= title for words in own):
            continue
        heads = title & _HEADS
        other_heads = not any(heads & words for words in own)  # "president" where the wire says "minister"
        others = [
            person for person in people if not name_in(name.text, fold(person.text)) and re.search(r"\s", person.text)
        ]
        if any(
            title <= words or (other_heads and heads <= words)
            for person in others
            for words in titles_in(english, person.text)
        ):
            flags.append(_flag(summary, start, end, "name", OFFICE))
    return flags


def role_flags(
    summary: str, sentence: str, offset: int, names: Sequence[Fact], english: Sequence[str], wire_names: Sequence[str]
) -> list[Fact]:
    """Names of a clause that the wire's sentence saying the rest of the clause holds another name in place
    of: two people swapped between what they did, a place put where another was."""
    flags = []
    for clause in clauses(sentence, offset):
        inside = [n for n in names if clause.start <= (n.start or 0) < clause.start + len(clause.text)]
        rest = clause.text
        for name in inside:
            local = (name.start or 0) - clause.start
            rest = rest[:local] + " " * len(name.text) + rest[local + len(name.text) :]
        wanted = _words(rest)
        if not inside or len(wanted) < 2:
            continue
        scores = [len(wanted & _words(DATELINE.sub("", text))) for text in english]
        best = max(range(len(english)), key=lambda i: scores[i], default=None)
        if best is None or scores[best] < 2:
            continue
        chosen = DATELINE.sub("", english[best])  # a dateline names where the wire was filed, not who did what
        for name in inside:
            if name_in(name.text, fold(chosen)) or not any(name_in(name.text, fold(text)) for text in english):
                continue
            holding = [scores[i] for i, text in enumerate(english) if name_in(name.text, fold(DATELINE.sub("", text)))]
            others = [
                other
                for other in wire_names
                if fold(other) in fold(chosen)
                and not any(name_in(other, fold(n.text)) or name_in(n.text, fold(other)) for n in inside)
                and (_same_slot(clause.text, name.text, chosen, other) or _people(english, name.text, other))
            ]
            if others and scores[best] - max(holding, default=0) >= CLEAR:
                # a clause may draw on a sentence that names its subject only by a pronoun: a weak flag
                flag = _flag(summary, name.start or 0, name.end or 0, "name", ANOTHER_NAME)
                flags.append(flag.model_copy(update={"status": "elsewhere"}))
    return flags


def _same_slot(clause: str, name: str, sentence: str, other: str) -> bool:
    """Whether two names stand among the same words ("a visit to Germany", "a visit to Dijon"; "Egypt's main
    supplier, France", "Russia, Egypt's main supplier"), or by a figure both sentences state: "10.2 metres
    in Upper Austria" where the wire has 10.2 metres in Passau."""
    at = fold(clause).find(fold(name))
    near = clause[max(0, at - 30) : at + len(name) + 30] if at >= 0 else ""
    if set(re.findall(r"\d+(?:[.,]\d+)?", near)) & set(re.findall(r"\d+(?:[.,]\d+)?", sentence)):
        return True
    return bool(_neighbours(clause, name) & _neighbours(sentence, other))


def _neighbours(text: str, name: str) -> set[str]:
    """The two lower-case content words on each side of a name (other names are no slot)."""
    at = fold(text).find(fold(name))
    if at < 0:
        return set()
    stops = stop_words("en") | {"s"}

    def lower(part: str) -> list[str]:
        return [fold(w) for w in re.findall(r"[^\W\d_]+", part) if w.islower() and fold(w) not in stops]

    return {stem(word) for word in lower(text[:at])[-2:] + lower(text[at + len(name) :])[:2]}


def _people(english: Sequence[str], name: str, other: str) -> bool:
    """Whether both names are people the wire gives an office: a swap between them is a swap of roles."""
    return bool(titles_in(english, name)) and bool(titles_in(english, other))


def negation_flags(summary: str, sentence: str, offset: int, english: Sequence[str]) -> list[Fact]:
    """Clauses whose negation differs from that of the wire's clause saying the same thing."""
    wire_clauses = [clause.text for text in english for clause in clauses(text, 0) if len(clause.text.split()) <= 40]
    flags = []
    for clause in clauses(sentence, offset):
        wanted = _words(clause.text)
        scores = [len(wanted & _words(text)) for text in wire_clauses]
        if not scores or max(scores) < max(POLAR, len(wanted) / 2):
            continue  # only a clause that clearly says the same thing is compared
        best = wire_clauses[scores.index(max(scores))]
        negated = _negated_words(best) if _negated(best) else _negated_words(clause.text)
        if _negated(clause.text) != _negated(best) and negated & wanted & _words(best):
            start = clause.start + len(clause.text) - len(clause.text.lstrip())
            flags.append(_flag(summary, start, clause.start + len(clause.text.rstrip(" .")), "word", POLARITY))
    return flags


def _negated_words(text: str) -> set[str]:
    """The words a negator bears on: the next content word after it in its phrase ("not create", "no new
    heavy rain", "no jobs", "not be ruled out"); a "no." that ends a quote bears on nothing."""
    tokens = re.findall(r"[a-z]+|n't|[.!?;:,]", fold(text).replace("’", "'"))
    stops = stop_words("en")
    found = set()
    for i, token in enumerate(tokens):
        if token not in _NEGATORS:
            continue
        for following in tokens[i + 1 : i + 5]:
            if not following.isalpha() and following != "n't":
                break
            if following not in stops and following not in _NEGATORS:
                found.add(stem(following))
                break
    return found


def _negated(text: str) -> bool:
    return bool(_negated_words(text))


def _flag(summary: str, start: int, end: int, kind: FactKind, reason: str) -> Fact:
    text = summary[start:end]
    return Fact(text=text, kind=kind, value=fold(text), reason=reason, start=start, end=end, status="unverified")
