"""NITF (News Industry Text Format): stand-alone files, and the body inside NewsML items."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from presssum.readers.dateline import split_dateline, strip_known_dateline
from presssum.readers.signoff import drop_signoffs, is_desk_initials
from presssum.readers.text import clean
from presssum.readers.xmltree import find, find_deep, local, paragraphs, text
from presssum.records import Article, Wire, WireStatus

# management-status "embargoed" is usable once date.release has passed: the embargo is reported apart,
# as NewsML-G2 does it (pubStatus usable + embargoed).
_STATUSES: dict[str, WireStatus] = {
    "usable": "usable",
    "embargoed": "usable",
    "withheld": "withheld",
    "canceled": "canceled",
}
_PLACE_MAX_WORDS = 5
# A routing prefix before the headline proper: ANSA's ">>>ANSA/", ">>> ".
_ROUTING_PREFIX = re.compile(r"^>{2,}\s*(?:[A-Z][A-Za-z]{1,11}\s*/\s*)?")


@dataclass(frozen=True)
class NitfBody:
    """What a NITF <body> says: headline, byline, dateline and paragraphs (abstract left out)."""

    headline: str
    byline: str
    dateline: str | None
    paragraphs: list[str]


def read_body(nitf: Any) -> NitfBody:
    """Headline (hl1), byline, dateline and body.content paragraphs of a <nitf> element."""
    body = find_deep(nitf, "body")
    head = find(body, "body.head")
    located = _dateline_place(find(head, "dateline")) if head is not None else ""
    content = paragraphs(find(body, "body.content"))
    dateline = None
    if content:
        dateline, opening = split_dateline(content[0])
        content[0] = opening
    headline = text(find(head, "hedline", "hl1")) or text(find(find(nitf, "head"), "title"))
    return NitfBody(
        headline=_ROUTING_PREFIX.sub("", headline),
        byline=byline_of(find(head, "byline")),
        dateline=dateline or located or None,
        paragraphs=drop_signoffs(content),
    )


def byline_of(node: Any) -> str:
    """A <byline>'s name: its <byttl> title ("AP Business Writer") apart, desk initials ("gr/bp") are none."""
    if node is None:
        return ""
    parts = [node.text or ""]
    for child in node:
        if local(child) != "byttl":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    byline = clean(" ".join(parts))
    return "" if is_desk_initials(byline) else byline


def _dateline_place(dateline: Any) -> str:
    """A <dateline>'s place: its <location>, else its own short text without the <story.date> ("Oslo")."""
    if dateline is None:
        return ""
    location = find_deep(dateline, "location")
    if location is not None:
        return text(location)
    parts = [dateline.text or ""] + [
        ("" if local(child) == "story.date" else "".join(child.itertext())) + (child.tail or "") for child in dateline
    ]
    place = clean(" ".join(parts)).strip(" ,-")
    return place if 0 < len(place.split()) <= _PLACE_MAX_WORDS else ""


def located_of(root: Any) -> str | None:
    """Where the story was filed: the dateline's <location> (or its city), else docdata's event location."""
    head = find_deep(root, "body.head")
    dateline = find(head, "dateline") if head is not None else None
    city = find_deep(dateline, "city") if dateline is not None else None
    evloc = find_deep(find(root, "head"), "evloc") if find(root, "head") is not None else None
    return (
        text(city)
        or _dateline_place(dateline)
        or (evloc.get("city") if evloc is not None else None)
        or (text(evloc) if evloc is not None else None)
        or None
    )


def parse(root: Any, name: str) -> Article:
    """A stand-alone NITF document."""
    head, body = find(root, "head"), read_body(root)
    docdata = find(head, "docdata")
    urgency = find(docdata, "urgency")
    doc_id = find(docdata, "doc-id")
    ed_msg = find(docdata, "ed-msg")
    issued = find(docdata, "date.issue")
    release = find(docdata, "date.release")
    status = (docdata.get("management-status") if docdata is not None else None) or "usable"
    subjects = [node.get("tobject.subject.refnum", "") for node in root.iter() if node.get("tobject.subject.refnum")]
    slug = find(docdata, "du-key")
    keyword = find(docdata, "key-list", "keyword")
    distributor = text(find(find_deep(root, "body.head"), "distributor"))
    copyright_ = find(docdata, "doc.copyright")
    holder = copyright_.get("holder") if copyright_ is not None else None
    return Article(
        headline=body.headline,
        paragraphs=tuple(strip_known_dateline(body.paragraphs, body.dateline)),
        source=distributor or holder or None,
        dateline=body.dateline,
        input=name,
        lang=root.get("baselang") or None,
        id=doc_id.get("id-string") if doc_id is not None else None,
        author=body.byline or None,
        date=issued.get("norm") if issued is not None else None,
        wire=Wire(
            format="nitf",
            guid=(doc_id.get("id-string") or None) if doc_id is not None else None,
            urgency=_int(urgency.get("ed-urg")) if urgency is not None else None,
            slug=(slug.get("key") if slug is not None else None)
            or (keyword.get("key") if keyword is not None else None),
            status=_STATUSES.get(status, "usable"),
            embargo=_embargo(release, issued),
            ednote=(ed_msg.get("info") or None) if ed_msg is not None else None,
            located=located_of(root),
            byline=body.byline or None,
            subjects=tuple(dict.fromkeys(subjects)),
            created=issued.get("norm") if issued is not None else None,
        ),
    )


def _embargo(release: Any, issued: Any) -> str | None:
    """date.release, where it holds the item back: a release at the moment of issue is no embargo."""
    until = (release.get("norm") or None) if release is not None else None
    return None if until and issued is not None and issued.get("norm") == until else until


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None
