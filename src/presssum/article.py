"""Plain-text wires into Articles: headline, source line, dateline, paragraphs; boilerplate removed."""

from __future__ import annotations

import re
import unicodedata

from presssum.errors import InputError
from presssum.records import Article

# Web chrome that follows wires copied from news sites, in the languages presssum reads. A line is
# boilerplate when it is short and matches; real paragraphs are long enough to never be mistaken.
_BOILERPLATE = re.compile(
    r"""
    commentaire | comment(s|er)?\b | kommentar | comentario | commento
    | adresse\s+(e-?mail|électronique|courriel) | e-?mail\s+address | champs\s+obligatoires | required\s+fields
    | (retour|back)\s+(en\s+haut|to\s+top) | nach\s+oben | close\s+button | \bbouton\b | \bmenu\b
    | \b(partager|share|teilen|compartir|condividi|tweet(er)?)\b
    | cookies? | newsletter | abonnez-vous | inscrivez-vous | subscribe | abonnieren | s'inscrire
    | ©|tous\s+droits\s+réservés | all\s+rights\s+reserved | alle\s+rechte\s+vorbehalten
    | ^(à\s+)?lire\s+(aussi|également) | ^voir\s+aussi | ^read\s+(also|more) | ^lesen\s+sie\s+auch
    | ^publicité$
    | ^(article\s+)?(précédent|suivant)$ | ^(previous|next)(\s+article)?$ | ^(tags?|mots-clés)\s*:
    """,
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_MAX_WORDS = 25
# After the first boilerplate line at the end of a wire, short lines are chrome too ("close button").
_TAIL_MAX_WORDS = 12
_SOURCE_MAX_WORDS = 6
_DATELINE = re.compile(
    r"""^(?P<dateline>
        [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ .\-/]{1,40},\s*          # city in capitals
        (?:(?:le\s+)?\d{1,2}(?:er)?\.?\s+[^\W\d_]+\.?(?:\s+\d{4})?|[^\W\d_]+\s+\d{1,2}(?:,\s*\d{4})?)  # date
        (?:\s*\([^)]{1,40}\))?                           # (AGENCY)
        \s*[-–—]+)\s+""",
    re.VERBOSE,
)


def parse_wire(text: str, *, input_name: str = "-") -> Article:
    """Split a plain-text wire into its fields; raise InputError when nothing readable is left."""
    blocks = [_clean_block(block) for block in _blocks(unicodedata.normalize("NFC", text))]
    blocks = _drop_boilerplate([block for block in blocks if block])
    if not blocks:
        raise InputError("no article text (empty, or only boilerplate)")
    headline, rest = blocks[0], blocks[1:]
    source = None
    if rest and _looks_like_source(rest[0]) and len(rest) > 1:
        source, rest = rest[0], rest[1:]
    dateline = None
    if rest and (match := _DATELINE.match(rest[0])):
        dateline = match.group("dateline")
        rest = [rest[0][match.end() :], *rest[1:]]
    if not rest:
        raise InputError("no article body after the headline")
    return Article(headline=headline, paragraphs=tuple(rest), source=source, dateline=dateline, input=input_name)


def _blocks(text: str) -> list[list[str]]:
    """Blocks separated by blank lines, each a list of its non-empty lines."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(" ".join(line.split()))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _clean_block(lines: list[str]) -> str:
    """Join a hard-wrapped paragraph, dropping boilerplate lines glued to it."""
    kept = [line for line in lines if not is_boilerplate(line)]
    return " ".join(kept) if len(kept) == len(lines) or kept else ""


def _drop_boilerplate(blocks: list[str]) -> list[str]:
    """Drop a trailing run of chrome: once a block is boilerplate, short blocks after it are too."""
    for index, block in enumerate(blocks):
        if index and is_boilerplate(block):
            tail = blocks[index:]
            if all(is_boilerplate(b) or len(b.split()) <= _TAIL_MAX_WORDS for b in tail):
                return blocks[:index]
    return [block for block in blocks if not is_boilerplate(block)]


def is_boilerplate(line: str) -> bool:
    """Short lines that are navigation, sharing, cookie, comment-form or copyright text."""
    return len(line.split()) <= _BOILERPLATE_MAX_WORDS and bool(_BOILERPLATE.search(line.strip()))


def _looks_like_source(block: str) -> bool:
    """An agency or outlet line: a few words, no sentence punctuation."""
    return len(block.split()) <= _SOURCE_MAX_WORDS and not re.search(r"[.!?:;,]\s*$|[.!?]\s", block)
