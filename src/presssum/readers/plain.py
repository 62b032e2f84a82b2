"""Plain-text wires into Articles: headline, source line, dateline, paragraphs; boilerplate removed."""

from __future__ import annotations

import re
import unicodedata

from presssum.errors import InputError
from presssum.readers.dateline import split_dateline
from presssum.records import Article

# Web chrome that follows wires copied from news sites, in the languages presssum reads. Each rule
# matches a WHOLE line, so a headline or paragraph that merely uses the word ("Comment la SNCF…",
# "Menu de la cantine", "…in weiten Teilen Deutschlands…") is never taken for chrome.
_SHARE = r"partager|share|teilen|compartir|condividi|tweet(?:er)?|imprimer|print|drucken"
_COMMENTS = r"commentaires?|comments?|kommentare?|comentarios?|commenti|commento"
_SIGN_UP = r"abonne[rz](?:-vous)?|inscri(?:vez-vous|re)|s'inscrire|subscribe|abonnieren|sign\s+up|cliquez"
_BOILERPLATE = re.compile(
    rf"""^(?:
    (?:{_SHARE})(?:\s+\S+){{0,4}}\s*:?                    # "Partager cet article", "Share on X"
    | \d*\s*(?:{_COMMENTS})
    | (?:laisser|leave|add|post|écrire|ajouter|write|hinterlassen|lascia|deja)\s+(?:un|a|une|einen|un)\s+(?:{_COMMENTS})
        (?:\s+\S+){{0,4}}
    | (?:votre\s+)?adresse\s+(?:e-?mail|électronique|courriel).* | (?:your\s+)?e-?mail\s+address.*
    | .*\b(?:champs\s+obligatoires|required\s+fields\s+are\s+marked)\b.*
    | (?:bouton\s+)?(?:retour|back)\s+(?:en\s+haut|to\s+top)(?:\s+de\s+la\s+page)? | nach\s+oben | close\s+button
    | menu | publicité | advertisement | anzeige | werbung
    | .*\b(?:{_SIGN_UP})\b.*\bnewsletter\b.* | .*\bnewsletter\b.*\b(?:{_SIGN_UP})\b.*
    | .*\bcookies?\b.*\b(?:en\s+savoir\s+plus|learn\s+more|accepter|accept|utilise|uses|use|verwendet)\b.*
    | .*\b(?:utilise|uses|use|verwendet)\b.*\bcookies?\b.*
    | (?:©|\(c\)|copyright).* | .*(?:tous\s+droits\s+réservés|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten)\.?
    | (?:à\s+)?lire\s+(?:aussi|également)\b.* | voir\s+aussi\b.* | read\s+(?:also|more)\b.* | lesen\s+sie\s+auch\b.*
    | (?:article\s+)?(?:précédent|suivant) | (?:previous|next)(?:\s+article)? | (?:tags?|mots-clés)\s*:.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_MAX_WORDS = 25
# After the first boilerplate line at the end of a wire, short lines are chrome too ("close button").
_TAIL_MAX_WORDS = 12
_SOURCE_MAX_WORDS = 6


def parse_wire(text: str, *, input_name: str = "-") -> Article:
    """Split a plain-text wire into its fields; raise InputError when nothing readable is left."""
    blocks = [_clean_block(block) for block in _blocks(unicodedata.normalize("NFC", text))]
    blocks = [block for block in blocks if block]
    while blocks and is_boilerplate(blocks[0]):  # chrome above the headline; the headline itself stays
        blocks = blocks[1:]
    if not blocks:
        raise InputError("no article text (empty, or only boilerplate)")
    headline, rest = blocks[0], _drop_boilerplate(blocks[1:])
    source = None
    if rest and _looks_like_source(rest[0]) and len(rest) > 1:
        source, rest = rest[0], rest[1:]
    dateline = None
    if rest:
        dateline, first = split_dateline(rest[0])
        rest = [first, *rest[1:]]
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
    return " ".join(line for line in lines if not is_boilerplate(line))


def _drop_boilerplate(blocks: list[str]) -> list[str]:
    """Drop a trailing run of chrome: once a block is boilerplate, short blocks after it are too."""
    for index, block in enumerate(blocks):
        if is_boilerplate(block):
            tail = blocks[index:]
            if all(is_boilerplate(b) or len(b.split()) <= _TAIL_MAX_WORDS for b in tail):
                return blocks[:index]
    return [block for block in blocks if not is_boilerplate(block)]


def is_boilerplate(line: str) -> bool:
    """Short lines that are wholly navigation, sharing, cookie, comment-form or copyright text."""
    return len(line.split()) <= _BOILERPLATE_MAX_WORDS and bool(_BOILERPLATE.match(line.strip()))


def _looks_like_source(block: str) -> bool:
    """An agency or outlet line: a few words, no sentence punctuation."""
    return len(block.split()) <= _SOURCE_MAX_WORDS and not re.search(r"[.!?:;,]\s*$|[.!?]\s", block)
