"""NewsML 1.2 (AFP, Keystone-ATS/SDA, Belga): NewsItems with NewsLines and NITF or plain-text bodies."""

from __future__ import annotations

from typing import Any

from presssum.errors import InputError
from presssum.readers.dateline import strip_known_dateline
from presssum.readers.nitf import read_body
from presssum.readers.signoff import drop_signoffs
from presssum.readers.text import clean
from presssum.readers.xmltree import children, descendants, find, find_deep, local, text
from presssum.records import Article, Wire, WireStatus

ROOTS = ("NewsML",)
# NewsManagement/Instruction: what this revision does to the story.
_INSTRUCTION_SIGNALS = {"rectify": "correction", "update": "update", "delete": "kill"}


def parse(root: Any, name: str) -> list[Article]:
    """Every NewsItem of a NewsML 1.2 document that carries text."""
    items = list(descendants(root, "NewsItem"))
    if not items:
        raise InputError("NewsML 1.2 document without a NewsItem")
    return [_article(item, root, name if len(items) == 1 else f"{name}#{i}") for i, item in enumerate(items, 1)]


def _article(item: Any, root: Any, name: str) -> Article:
    identifier = find(item, "Identification", "NewsIdentifier")
    management = find(item, "NewsManagement")
    component = find(item, "NewsComponent")
    lines = _first_deep(component, "NewsLines")
    revision = find(identifier, "RevisionId")
    instruction = _formal(find(management, "Instruction")).lower()
    status = _formal(find(management, "Status")).lower()
    canceled = status == "canceled" or instruction == "delete"
    signals = tuple(s for s in (_INSTRUCTION_SIGNALS.get(instruction),) if s)
    provider, date_id, item_id = (text(find(identifier, key)) for key in ("ProviderId", "DateId", "NewsItemId"))
    dateline = text(find(lines, "DateLine")) or None
    body = _body(component)
    paragraphs_ = strip_known_dateline(body[1], dateline)
    headline = text(find(lines, "HeadLine")) or body[0]
    authors = [p.get("Value", "") for p in descendants(item, "Property") if p.get("FormalName") == "author"]
    byline = text(find(lines, "ByLine")) or ", ".join(a for a in authors if a) or None
    admin = find_deep(item, "AdministrativeMetadata")
    party = find_deep(admin if admin is not None else item, "Party")
    urgency = _formal(find(management, "Urgency")) or _formal(find_deep(root, "Priority"))
    created = text(find(management, "ThisRevisionCreated")) or None
    language = _formal(find_deep(item, "Language")).lower() or item.get("{http://www.w3.org/XML/1998/namespace}lang")
    return Article(
        headline=headline,
        paragraphs=tuple(paragraphs_),
        source=text(find(lines, "CreditLine")) or (party.get("FormalName") if party is not None else None) or None,
        dateline=dateline,
        input=name,
        lang=language or None,
        id=text(find(identifier, "PublicIdentifier")) or None,
        author=byline,
        date=created,
        wire=Wire(
            format="newsml12",
            guid=f"urn:newsml:{provider}:{date_id}:{item_id}" if item_id else None,
            version=int(text(revision)) if text(revision).isdigit() else None,
            urgency=int(urgency) if urgency.isdigit() else None,
            slug=text(find(find(item, "Identification"), "NameLabel")) or _catchword(lines),
            status="canceled" if canceled else _status(status),
            signals=signals,
            ednote=_ednote(item),
            located=_city(item),
            byline=byline,
            genre=_formal(find_deep(item, "Genre")) or None,
            subjects=_subjects(item),
            created=created,
        ),
    )


def _body(component: Any) -> tuple[str, list[str]]:
    """The title and paragraphs: a NITF DataContent, else the text components by Role (Title, Body)."""
    nitf = find_deep(component, "nitf") if component is not None else None
    if nitf is not None:
        body = read_body(nitf)
        return body.headline, body.paragraphs
    title, found = "", []
    for part in descendants(component, "NewsComponent") if component is not None else ():
        role = _formal(find(part, "Role")).lower()
        content = find(find(part, "ContentItem"), "DataContent")
        if content is None or not role:
            continue
        if role == "title":
            title = title or text(content)
        elif role == "body":
            found += [clean(line) for line in "".join(content.itertext()).splitlines() if clean(line)]
    return title, drop_signoffs(found)


def _ednote(item: Any) -> str | None:
    notes = [text(c) for c in descendants(item, "Comment") if "note" in (c.get("FormalName") or "").lower()]
    return "; ".join(note for note in notes if note) or None


def _city(item: Any) -> str | None:
    for prop in descendants(item, "Property"):
        if prop.get("FormalName") == "City" and prop.get("Value"):
            return clean(prop.get("Value", "")) or None
    return None


def _catchword(lines: Any) -> str | None:
    for line in children(lines, "NewsLine") if lines is not None else ():
        if _formal(find(line, "NewsLineType")) == "CatchWord":
            return text(find(line, "NewsLineText")) or None
    return None


def _subjects(item: Any) -> tuple[str, ...]:
    codes = (_formal(node) for node in item.iter() if local(node) in ("Subject", "SubjectMatter", "SubjectDetail"))
    return tuple(dict.fromkeys(code for code in codes if code))


def _status(value: str) -> WireStatus:
    return "withheld" if value == "withheld" else "usable"


def _formal(node: Any) -> str:
    return clean(node.get("FormalName") or "") if node is not None else ""


def _first_deep(node: Any, name: str) -> Any:
    return find_deep(node, name) if node is not None else None
