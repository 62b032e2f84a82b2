"""NewsML 1.2 (AFP, Keystone-ATS/SDA, Belga): NewsItems with NewsLines and NITF or plain-text bodies."""

from __future__ import annotations

import re
from typing import Any

from presssum.errors import InputError
from presssum.readers.dateline import split_dateline, strip_known_dateline
from presssum.readers.nitf import read_body
from presssum.readers.signoff import drop_signoffs, is_desk_initials
from presssum.readers.text import clean
from presssum.readers.xmltree import (
    children,
    descendants,
    find,
    find_deep,
    html_paragraphs,
    local,
    looks_like_html,
    paragraphs,
    text,
)
from presssum.records import Article, Wire, WireStatus

ROOTS = ("NewsML",)
# NewsManagement/Instruction: what this revision does to the story.
_INSTRUCTION_SIGNALS = {"rectify": "correction", "update": "update", "delete": "kill"}
# A first paragraph that says which earlier story this one replaces: ANP's "N i e u w bericht, vervangt: …",
# "Neue Fassung, ersetzt: …", "replaces: …". A version marker, not story text.
_REPLACES = re.compile(r"^.{0,60}?\b(?:vervangt|ersetzt|replaces|remplace)\s*:", re.I)
# Components whose text is not the story's: captions and media descriptions.
_NOT_BODY_ROLES = ("caption", "summary", "abstract", "keywords")


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
    lines = _NewsLines(component)
    revision = find(identifier, "RevisionId")
    instruction = _formal(find(management, "Instruction")).lower()
    status = _formal(find(management, "Status")).lower()
    canceled = status == "canceled" or instruction == "delete"
    signals = tuple(s for s in (_INSTRUCTION_SIGNALS.get(instruction),) if s)
    provider, date_id, item_id = (text(find(identifier, key)) for key in ("ProviderId", "DateId", "NewsItemId"))
    body = _body(component)
    dateline = lines.text("DateLine") or body[2]
    replaces = bool(body[1]) and bool(_REPLACES.match(body[1][0]))
    paragraphs_ = body[1][1:] if replaces else body[1]
    if not dateline and paragraphs_:
        dateline, paragraphs_[0] = split_dateline(paragraphs_[0])
    paragraphs_ = strip_known_dateline(paragraphs_, dateline)
    headline = lines.text("HeadLine") or body[0]
    authors = [p.get("Value", "") for p in descendants(item, "Property") if p.get("FormalName") == "author"]
    byline = lines.text("ByLine") or ", ".join(a for a in authors if a) or None
    byline = None if byline and is_desk_initials(byline) else byline
    admin = find_deep(item, "AdministrativeMetadata")
    party = find_deep(admin if admin is not None else item, "Party")
    urgency = (
        _formal(find(management, "Urgency"))
        or text(find(management, "Urgency"))  # TASS writes the digit as the element's text
        or _property(item, "Priority")
        or _formal(find_deep(root, "Priority"))
    )
    created = text(find(management, "ThisRevisionCreated")) or None
    language = _formal(find_deep(item, "Language")).lower() or _xml_lang(item)
    return Article(
        headline=headline,
        paragraphs=tuple(paragraphs_),
        source=lines.text("CreditLine") or (party.get("FormalName") if party is not None else None) or None,
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
            # SlugLine is the story's slug; NameLabel only labels the item for people (it may be longer)
            slug=lines.text("SlugLine") or text(find(find(item, "Identification"), "NameLabel")) or lines.catchword(),
            status="canceled" if canceled else _status(status),
            signals=signals or (("update",) if replaces else ()),
            ednote=_ednote(item),
            located=_city(item),
            byline=byline,
            genre=_formal(find_deep(item, "Genre")) or None,
            subjects=_subjects(item),
            created=created,
        ),
    )


class _NewsLines:
    """An item's NewsLines, outermost first: a line missing from the item's own NewsLines is taken from
    a nested component's (TASS keeps only a CopyrightLine outside, its HeadLine and SlugLine inside)."""

    def __init__(self, component: Any) -> None:
        self._all = list(descendants(component, "NewsLines")) if component is not None else []

    def text(self, name: str) -> str:
        return next((found for lines in self._all if (found := text(find(lines, name)))), "")

    def catchword(self) -> str | None:
        for lines in self._all:
            for line in children(lines, "NewsLine"):
                if _formal(find(line, "NewsLineType")) == "CatchWord" and text(find(line, "NewsLineText")):
                    return text(find(line, "NewsLineText"))
        return None


def _body(component: Any) -> tuple[str, list[str], str | None]:
    """The title and paragraphs: a NITF DataContent, else the text ContentItems (Role Title apart).

    A text ContentItem holds NITF, bare `<p>` elements (AFP's NITF 2.5 without its `<nitf>` root), HTML as
    text (ANA-MPE's CDATA) or plain lines; pictures, video and captions are left out.
    """
    if component is None:
        return "", [], None
    nitf = find_deep(component, "nitf")
    if nitf is not None:
        body = read_body(nitf)
        return body.headline, body.paragraphs, body.dateline
    title, found = "", []
    for part in [component, *descendants(component, "NewsComponent")]:
        role = _formal(find(part, "Role")).lower()
        for item in children(part, "ContentItem"):
            content = find(item, "DataContent")
            media = _formal(find(item, "MediaType")).lower()
            if content is None or (media and media != "text") or role in _NOT_BODY_ROLES:
                continue
            if role == "title":
                title = title or text(content)
            else:
                found += _paragraphs(content)
    return title, drop_signoffs(found), None


def _paragraphs(content: Any) -> list[str]:
    """A DataContent's paragraphs: its <p> elements, else HTML given as text, else its lines."""
    if find_deep(content, "p") is not None:
        return paragraphs(content)
    raw = "".join(content.itertext())
    if looks_like_html(raw):
        return html_paragraphs(raw)
    return [clean(line) for line in raw.splitlines() if clean(line)]


def _ednote(item: Any) -> str | None:
    notes = [text(c) for c in descendants(item, "Comment") if "note" in (c.get("FormalName") or "").lower()]
    return "; ".join(note for note in notes if note) or None


def _property(item: Any, name: str) -> str:
    """The first Property called `name` (a provider's own metadata, e.g. Belga's Priority)."""
    for prop in descendants(item, "Property"):
        if prop.get("FormalName") == name and (prop.get("Value") or "").strip():
            return clean(prop.get("Value", ""))
    return ""


def _xml_lang(item: Any) -> str | None:
    """The language the item or its first NewsComponent declares with xml:lang."""
    key = "{http://www.w3.org/XML/1998/namespace}lang"
    for node in (item, *descendants(item, "NewsComponent")):
        if node.get(key):
            return str(node.get(key))
    return None


def _city(item: Any) -> str | None:
    for prop in descendants(item, "Property"):
        if prop.get("FormalName") == "City" and prop.get("Value"):
            return clean(prop.get("Value", "")) or None
    return None


def _subjects(item: Any) -> tuple[str, ...]:
    codes = (_formal(node) for node in item.iter() if local(node) in ("Subject", "SubjectMatter", "SubjectDetail"))
    return tuple(dict.fromkeys(code for code in codes if code))


def _status(value: str) -> WireStatus:
    return "withheld" if value == "withheld" else "usable"


def _formal(node: Any) -> str:
    return clean(node.get("FormalName") or "") if node is not None else ""
