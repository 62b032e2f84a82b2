"""IPTC 7901 text wires (dpa, ATS): SOH header, keyword line, STX title, text, ETX date-time group."""

from __future__ import annotations

import re

from presssum.errors import InputError
from presssum.readers.dateline import split_dateline
from presssum.readers.framed import ETX, SOH, STX, is_marker, paragraphs_of, signals_of, version_of
from presssum.readers.signoff import drop_signoffs
from presssum.readers.text import clean
from presssum.records import Article, Wire

# "bsf037 4 su 174 gef 1388", "eca062 4 i 211 ccccb   dpa 061", "eca00075 3 i 510 dpa 1003": the service
# letters and a serial number of any length, priority, category, word count, then optional routing fields.
HEADER = re.compile(
    r"^[\x7f\x01\s]*(?P<id>[a-z]{2,6}\d{3,8})\s+(?P<priority>\d)\s+(?P<category>[a-z]{1,3})\s+\d+\b.*$", re.M
)
# Notes for editors start the part not for publication: "# dpa NOTEBOOK", "## Note to editors - ...".
_NOTES = re.compile(r"^\s*#")
_EDNOTE_SECTIONS = ("note to editors", "correction", "berichtigung")
_BYLINE = re.compile(r"^(?:by|von|par)\s+.+=\s*$", re.I)


def parse(text: str, name: str) -> Article:
    """An IPTC 7901 wire; its control characters may have been lost in transit."""
    header = HEADER.search(text.split(STX, 1)[0])
    if header is None:
        raise InputError("IPTC 7901 wire without its header line")
    if STX in text:
        before, after = text.split(STX, 1)
    elif SOH in text:
        raise InputError("IPTC 7901 wire without STX (start of text): the title and text cannot be told apart")
    else:  # framing lost: the text starts after the header and the keyword line that follows it
        keyword = re.compile(r"\S[^\n]*\n").search(text, header.end())
        cut = keyword.end() if keyword else header.end()
        before, after = text[:cut], text[cut:]
    body, _, trailer = after.partition(ETX)
    lines = [line.rstrip() for line in body.replace("\r", "").split("\n")]
    keyword_lines = [clean(line) for line in before[header.end() :].splitlines() if clean(line)]
    markers, title_lines, byline = [], [], None
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and is_marker(lines[0]):
        markers.append(clean(lines.pop(0)))
    while lines and lines[0].strip():  # the title runs to its closing '='
        line = clean(lines.pop(0))
        if _BYLINE.match(line):
            byline = line.rstrip("= ").strip()
            break
        title_lines.append(line)
        if line.endswith("="):
            if lines and _BYLINE.match(clean(lines[0])):
                byline = clean(lines.pop(0)).rstrip("= ").strip()
            break
    notes_at = next((i for i, line in enumerate(lines) if _NOTES.match(line)), len(lines))
    paragraphs = drop_signoffs(paragraphs_of([line.replace("\\/", "/") for line in lines[:notes_at]]))
    dateline = None
    if paragraphs:
        dateline, paragraphs[0] = split_dateline(paragraphs[0])
    headline = clean(" ".join(title_lines)).rstrip("= ").strip()
    notes = _ednotes(lines[notes_at:])
    marker_text = " ".join(markers)
    created = clean(trailer) or None
    return Article(
        headline=headline,
        paragraphs=tuple(paragraphs),
        source=_agency(header.group(0)) or _agency(dateline or ""),
        dateline=dateline,
        input=name,
        author=byline,
        date=created,
        wire=Wire(
            format="iptc7901",
            guid=None,
            version=version_of(marker_text),
            urgency=int(header.group("priority")),
            slug=(keyword_lines[0].strip("/") if keyword_lines else None) or header.group("id"),
            signals=signals_of(marker_text),
            ednote="; ".join(note for note in notes if note) or None,
            located=dateline.split("(")[0].strip() if dateline else None,
            byline=byline,
            genre=header.group("category"),
            created=created,
        ),
    )


def _ednotes(lines: list[str]) -> list[str]:
    """The items under '## Note to editors' (or Correction) in the notebook that follows the text."""
    notes, section = [], ""
    for line in lines:
        if line.startswith("#"):
            section = line.strip("# \t").lower()
        elif section.startswith(_EDNOTE_SECTIONS) and line.strip().startswith("-"):
            notes.append(clean(line.strip()[1:]))
    return notes


def _agency(header: str) -> str | None:
    """'dpa' from 'eca062 4 i 211 ccccb   dpa 061'; ATS headers name no agency."""
    found = re.search(r"\b(dpa|ats|sda|apa|afp|reuters)\b", header, re.I)
    return found.group(1) if found else None
