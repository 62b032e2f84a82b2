"""ANPA-1312 (AP): SYN SYN SOH, selector, priority/category/slug line, STX, '^' header lines, text, ETX."""

from __future__ import annotations

import re

from presssum.errors import InputError
from presssum.readers.dateline import split_dateline
from presssum.readers.framed import ETX, STX, paragraphs_of, signals_of, version_of
from presssum.readers.signoff import drop_signoffs
from presssum.readers.text import clean
from presssum.records import Article, Wire

# "f l\x13\x11 BC-LT--Argentina-CancerB     11-13 1049": priority, category, slug, take, date, words.
HEADER = re.compile(
    r"^(?P<priority>[a-z])\s(?P<category>[a-z])\x13\x11\s*(?P<slug>\S+)(?:\s+(?P<take>\S+?))?\s+"
    r"(?P<date>\d\d-\d\d)\s+\d+\s*$",
    re.M,
)
# AP priority letters, mapped onto IPTC's 1 (most urgent) to 9.
URGENCY = {"f": 1, "b": 2, "u": 3, "r": 5, "a": 6, "d": 7, "s": 8}
# A note to editors, in a '^' line or a paragraph of its own: "Eds: …", "(Eds: …)", "EDITOR'S NOTE _ …".
_EDNOTE = re.compile(r"^\(?\s*(?:eds?|editors?|editor's\s+note)\s*(?::|_|\b(?=\s+_))", re.I)
# The ETX trailer's date-time group: "AP-WF-11-13-13 1509GMT" (month-day-year, UTC).
_TRAILER_TIME = re.compile(r"(?P<m>\d\d)-(?P<d>\d\d)-(?P<y>\d\d)\s+(?P<H>\d\d)(?P<M>\d\d)\s*GMT")


def parse(text: str, name: str) -> Article:
    """An ANPA-1312 story; the '^' lines before the text hold keyword, headline, notes and byline."""
    header = HEADER.search(text.split(STX, 1)[0])
    if header is None or STX not in text:
        raise InputError("ANPA-1312 story without its priority/slug line or STX (start of text)")
    body, _, trailer = text.split(STX, 1)[1].partition(ETX)
    lines = body.replace("\r", "").split("\n")
    keyword, headline = "", ""
    notes: list[str] = []
    byline: list[str] = []
    text_lines: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("^") and not text_lines:
            field = clean(stripped[1:].rstrip("<=").strip())
            if not keyword:
                keyword = field
            elif _EDNOTE.match(field):
                notes.append(_unbracketed(field))
            elif field.lower().startswith(("ap photo", "with ap photo")):
                continue
            elif field.lower().startswith("by ") or stripped.endswith("="):
                byline.append(field)
            elif not headline:
                headline = field
        else:
            text_lines.append(line.replace("<", ""))
    if not keyword and not headline:  # no '^' lines (Kyodo): keyword and headline are flush-left lines
        keyword, headline, text_lines = _flush_left_fields(text_lines, header.group("slug"))
    paragraphs = []
    for paragraph in drop_signoffs(paragraphs_of(text_lines)):
        if _EDNOTE.match(paragraph):
            notes.append(_unbracketed(paragraph))
        else:
            paragraphs.append(paragraph)
    dateline = None
    if paragraphs:
        dateline, paragraphs[0] = split_dateline(paragraphs[0])
    if not headline and paragraphs:  # an alert: its one sentence is the headline
        headline = paragraphs[0]
    take = header.group("take") or ""
    keyword_take = keyword.split(",")[1].strip() if keyword.count(",") >= 2 else ""
    markers = f"{take} {keyword_take}"
    created = _iso_time(clean(trailer.replace("<", ""))) or None
    return Article(
        headline=headline,
        paragraphs=tuple(paragraphs),
        source=_agency(dateline) or "AP",
        dateline=dateline,
        input=name,
        author=", ".join(byline) or None,
        date=created,
        wire=Wire(
            format="anpa1312",
            version=version_of(markers),
            urgency=URGENCY.get(header.group("priority")),
            slug=header.group("slug"),
            signals=signals_of(markers),
            ednote="; ".join(notes) or None,
            located=_place(dateline),
            byline=byline[0] if byline else None,
            genre=header.group("category"),
            created=created,
        ),
    )


def _flush_left_fields(lines: list[str], slug: str) -> tuple[str, str, list[str]]:
    """Keyword and headline written as plain lines above the first indented paragraph (Kyodo):
    'BC-Soccer-Emperor's-Cup' (the slug again), then the headline, which may end in '+'."""
    first = next((i for i, line in enumerate(lines) if line.startswith((" ", "\t")) and line.strip()), None)
    if first is None:
        return "", "", lines
    head = [clean(line) for line in lines[:first] if line.strip()]
    keyword = head.pop(0) if head and head[0].startswith((slug, "BC-")) else ""
    if len(head) > 1:  # more than a headline: leave the text as it is
        return "", "", lines
    return keyword, head[0].rstrip("+= ").strip() if head else "", lines[first:]


def _place(dateline: str | None) -> str | None:
    """The place a dateline names, before its agency or date: 'SAITAMA, Japan' of 'SAITAMA, Japan, Dec. 9 Kyodo -'."""
    found = re.match(r"(.*?)(?:\s*\(|,\s*[A-Z][a-z]{2,8}\.?\s+\d|\s+[-_—–]|$)", dateline or "")
    return (found.group(1).strip().rstrip(",") or None) if found else None


def _agency(dateline: str | None) -> str | None:
    """The agency a dateline names: 'AP' in 'HONOLULU (AP) _', 'Kyodo' in 'SAITAMA, Japan, Dec. 9 Kyodo -'."""
    found = re.search(r"\(([A-Za-z][\w-]{1,15})\)|\d\s+([A-Z][A-Za-z-]{1,15})\s*\W*$", dateline or "")
    return (found.group(1) or found.group(2)) if found else None


def _unbracketed(note: str) -> str:
    """'(Eds: Updates with quotes.)' without its brackets."""
    return note[1:-1].strip() if note.startswith("(") and note.endswith(")") else note


def _iso_time(trailer: str) -> str:
    """The trailer's date-time group as ISO 8601 UTC; the trailer as it is where it holds none."""
    found = _TRAILER_TIME.search(trailer)
    if found is None:
        return trailer
    return f"20{found['y']}-{found['m']}-{found['d']}T{found['H']}:{found['M']}:00+00:00"
