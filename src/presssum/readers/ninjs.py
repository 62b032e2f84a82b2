"""IPTC ninjs (News in JSON) 1.x and 2.x, Superdesk's export dialect and AP's Media API envelope.

ninjs 1.x names a field once (`headline`, `body_html`, `byline`, `subject`); 2.x lists them with roles
(`headlines`, `bodies`, `bylines`, `subjects`). Both are read, so is an item whose text hangs behind a
picture as an association. A `.json` file is one document; in JSON Lines each line is one.
"""

from __future__ import annotations

from typing import Any

from presssum.errors import InputError
from presssum.readers.dateline import split_dateline
from presssum.readers.signoff import drop_signoffs
from presssum.readers.text import clean
from presssum.readers.xmltree import html_paragraphs
from presssum.records import Article, Wire, WireStatus

# Fields that only a ninjs item has (a presssum JSON Lines record has title/text instead).
_NINJS_FIELDS = frozenset(
    {"uri", "guid", "versioncreated", "pubstatus", "body_html", "body_xhtml", "body_text", "bodies", "headlines"}
)
# ninjs 1.x spelled it "canceled", some systems "cancelled"; "embargoed" items are usable after the embargo.
_STATUSES: dict[str, WireStatus] = {
    "usable": "usable",
    "withheld": "withheld",
    "canceled": "canceled",
    "cancelled": "canceled",
    "embargoed": "usable",
}
# A picture's, video's or audio's body_text is its caption, not a story to digest.
_MEDIA_TYPES = ("picture", "graphic", "video", "audio")
# Body renditions, best first: markup keeps the paragraphs that plain text may have glued together.
_BODY_ROLES = ("body_html", "body_xhtml", "body_text")


def is_ninjs(document: object) -> bool:
    """Whether a parsed JSON value is a ninjs item, or an API response or feed around such items."""
    return bool(items_of(document))


def items_of(document: object) -> list[dict[str, Any]]:
    """The ninjs items of a document: the item itself, or those inside an API response or feed page
    (AP's {"data": {"item": …}} and {"data": {"items": [{"item": …}]}}, BBC's {"item": [ … ]})."""
    if isinstance(document, list):
        return [item for entry in document for item in items_of(entry)]
    if not isinstance(document, dict):
        return []
    if _NINJS_FIELDS & set(document):
        return [document]
    return [item for key in ("data", "item", "items") if key in document for item in items_of(document[key])]


def parse_document(document: object, name: str) -> list[Article]:
    """Every item of a ninjs document (one for a plain item, each entry of a feed page)."""
    items = items_of(document)
    if not items:
        raise InputError("JSON document without a ninjs item")
    return [parse(item, name if len(items) == 1 else f"{name}#{i}") for i, item in enumerate(items, 1)]


def parse(item: dict[str, Any], name: str) -> Article:
    """One ninjs item; a picture or package whose text item is among its associations gives that text."""
    item = _text_item(item)
    paragraphs = [] if _is_media(item) else drop_signoffs(_paragraphs(item))
    dateline = None
    if paragraphs:
        dateline, paragraphs[0] = split_dateline(paragraphs[0])
    headline = _headline(item)
    byline = _byline(item)
    created = _str(item.get("versioncreated")) or _str(item.get("firstcreated"))
    status = _str(item.get("pubstatus")).lower()
    return Article(
        headline=headline,
        paragraphs=tuple(p for p in paragraphs if p),
        source=_str(item.get("source")) or _str(item.get("provider")) or _str(item.get("copyrightholder")) or None,
        dateline=dateline,
        input=name,
        lang=_str(item.get("language")) or None,
        id=_identity(item),
        author=byline,
        date=created or None,
        wire=Wire(
            format="ninjs",
            guid=_identity(item),
            version=_int(item.get("version")),
            urgency=_int(item.get("urgency")) or _int(item.get("priority")),
            slug=_str(item.get("slugline")) or None,
            status=_STATUSES.get(status, "usable"),
            signals=_signals(item),
            embargo=_str(item.get("embargoed")) or None,
            ednote=_str(item.get("ednote")) or None,
            located=_located(item),
            byline=byline,
            genre=_first_name(item.get("genre") or item.get("genres")),
            subjects=tuple(dict.fromkeys(_subjects(item))),
            created=created or None,
        ),
    )


def _text_item(item: dict[str, Any]) -> dict[str, Any]:
    """The item itself when it has text, else the first text item among its associations."""
    if not _is_media(item) and _paragraphs(item):
        return item
    associations = item.get("associations") or {}
    linked = associations.values() if isinstance(associations, dict) else associations
    for associated in linked:
        if isinstance(associated, dict) and _str(associated.get("type")).lower() == "text" and _paragraphs(associated):
            return associated
    return item


def _is_media(item: dict[str, Any]) -> bool:
    return _str(item.get("type")).lower() in _MEDIA_TYPES


def _paragraphs(item: dict[str, Any]) -> list[str]:
    bodies = {role: _str(item.get(role)) for role in _BODY_ROLES}
    for body in item.get("bodies") or item.get("body") or []:  # 2.x: [{"role"/"name", "contenttype", "value"}]
        if isinstance(body, dict) and _str(body.get("value")):
            kind = f"{body.get('contenttype', '')} {body.get('role', '')} {body.get('name', '')}".lower()
            role = "body_html" if "html" in kind else "body_text"
            bodies[role] = bodies[role] or _str(body.get("value"))
    for role in _BODY_ROLES:
        if bodies[role].strip():
            return _blocks(bodies[role], markup=role != "body_text")
    return []


def _blocks(body: str, *, markup: bool) -> list[str]:
    """One paragraph per <p> (or list item, subhead) of markup, per blank-line block of plain text."""
    if not markup or "<" not in body:
        return [clean(block) for block in body.replace("\r", "").split("\n\n") if clean(block)]
    return html_paragraphs(body)


def _headline(item: dict[str, Any]) -> str:
    headline = item.get("headline") or item.get("headlines") or item.get("title")
    if isinstance(headline, list):  # 2.x: [{"role": "main", "value": …}]; an early 2.0 draft: name/text
        main = [h for h in headline if isinstance(h, dict) and h.get("role", h.get("name", "main")) == "main"]
        chosen = (main or headline or [{}])[0]
        headline = chosen.get("value") or chosen.get("text") if isinstance(chosen, dict) else chosen
    return clean(_str(headline))


def _byline(item: dict[str, Any]) -> str | None:
    bylines = item.get("bylines")
    if isinstance(bylines, list):
        names = [_str(b.get("byline")) if isinstance(b, dict) else _str(b) for b in bylines]
        return clean(", ".join(n for n in names if n)) or None
    return clean(_str(item.get("byline")) or _str(item.get("by"))) or None


def _located(item: dict[str, Any]) -> str | None:
    located = item.get("located")
    if isinstance(located, dict):
        return clean(_str(located.get("name"))) or None
    if located:
        return clean(_str(located)) or None
    places = item.get("places") or []
    named = [p for p in places if isinstance(p, dict) and p.get("rel") == "located" and p.get("name")]
    return clean(_str(named[0]["name"])) if named else None


def _subjects(item: dict[str, Any]) -> list[str]:
    found = []
    for subject in item.get("subject") or item.get("subjects") or []:
        if isinstance(subject, dict):
            code = _str(subject.get("code")) or _str(subject.get("uri")).rsplit(":", 1)[-1].rsplit("/", 1)[-1]
            code = code or _str(subject.get("name")) or _str(subject.get("literal"))
            if code:
                found.append(code)
    return found


def _signals(item: dict[str, Any]) -> tuple[str, ...]:
    """AP's and ninjs 2.x `signals`, where they name a correction, an update or a kill."""
    listed = item.get("signals") or []
    names = [_str(s.get("name") or s.get("uri")) if isinstance(s, dict) else _str(s) for s in listed]
    return tuple(n.rsplit(":", 1)[-1] for n in names if n.rsplit(":", 1)[-1] in ("correction", "update", "kill"))


def _first_name(value: object) -> str | None:
    if isinstance(value, list) and value:
        first = value[0]
        return (_str(first.get("name")) or _str(first.get("code")) or None) if isinstance(first, dict) else _str(first)
    return _str(value) or None


def _identity(item: dict[str, Any]) -> str | None:
    return _str(item.get("guid")) or _str(item.get("uri")) or None


def _str(value: object) -> str:
    if isinstance(value, bool):
        return ""
    return value.strip() if isinstance(value, str) else str(value) if isinstance(value, int | float) else ""


def _int(value: object) -> int | None:
    text = _str(value)
    return int(text) if text.isdigit() else None
