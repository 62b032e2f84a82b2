"""NewsML-G2: newsItem, newsMessage (an itemSet of items) and packageItem; XHTML or NITF bodies."""

from __future__ import annotations

from typing import Any

from presssum.errors import InputError
from presssum.readers.dateline import CORRECTION_HEADLINE, split_dateline, strip_known_dateline
from presssum.readers.nitf import NitfBody, read_body
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

ROOTS = ("newsItem", "newsMessage", "packageItem")
# edNotes that are layout or contacts, not a note an editor must read.
_QUIET_EDNOTE_ROLES = ("notepad", "closingline", "picture", "genrenote", "correctionshort", "contacts", "dpacontacts")
_STATUSES: dict[str, WireStatus] = {"usable": "usable", "withheld": "withheld", "canceled": "canceled"}


def parse(root: Any, name: str) -> list[Article]:
    """The text items of a G2 document; a packageItem alone only points at items, so it is refused."""
    items = [root] if local(root) == "newsItem" else list(descendants(root, "newsItem"))
    texts = [item for item in items if _is_text(item)]
    if not texts:
        kind = "a packageItem that only references its items" if local(root) == "packageItem" else "no text item"
        raise InputError(f"NewsML-G2 {kind}; give the newsItem files")
    return [_article(item, name if len(texts) == 1 else f"{name}#{index}") for index, item in enumerate(texts, 1)]


def _is_text(item: Any) -> bool:
    item_class = find(item, "itemMeta", "itemClass")
    return item_class is None or item_class.get("qcode", "ninat:text").endswith(":text")


def _article(item: Any, name: str) -> Article:
    meta, content = find(item, "itemMeta"), find(item, "contentMeta")
    body = _body(item)
    headline = text(next(children(content, "headline"), None)) if content is not None else ""
    paragraphs_ = list(body.paragraphs)
    byline = text(find(content, "by")) or text(find(content, "byline")) or body.byline
    if paragraphs_ and _is_byline(paragraphs_[0]):  # "By Jonathan Underhill" names the writer, not the desk
        byline, paragraphs_ = paragraphs_[0], paragraphs_[1:]
    byline = "" if is_desk_initials(byline) else byline
    dateline = text(find(content, "dateline")) or body.dateline
    paragraphs_ = strip_known_dateline(paragraphs_, dateline) if dateline else _find_dateline(paragraphs_)
    if not dateline:
        dateline = next((found for p in body.paragraphs[:6] if (found := split_dateline(p)[0])), None)
    status = _qcode_value(find(meta, "pubStatus")) or "usable"
    provider = text(find(meta, "provider", "name")) or _qcode_value(find(meta, "provider"))
    created = text(find(meta, "versionCreated")) or None
    language = find(content, "language")
    return Article(
        headline=headline or body.headline,
        paragraphs=tuple(paragraphs_),
        source=text(find(content, "creditline")) or provider or None,
        dateline=dateline or None,
        input=name,
        lang=(language.get("tag") if language is not None else None)
        or item.get("{http://www.w3.org/XML/1998/namespace}lang"),
        id=item.get("guid"),
        author=byline or None,
        date=created,
        wire=Wire(
            format="newsml-g2",
            guid=item.get("guid"),
            version=_int(item.get("version")),
            urgency=_int(text(find(content, "urgency"))),
            slug=text(find(content, "slugline")) or None,
            status=_STATUSES.get(status.lower(), "usable"),
            signals=_signals(meta, headline or body.headline),
            embargo=text(find(meta, "embargoed")) or None,
            ednote=_ednote(meta),
            located=_located(content),
            byline=byline or None,
            genre=_named(find(content, "genre")),
            subjects=tuple(dict.fromkeys(named for node in children(content, "subject") if (named := _named(node))))
            if content is not None
            else (),
            created=created,
        ),
    )


def _body(item: Any) -> NitfBody:
    """Headline, byline, dateline and paragraphs of the inline XHTML or NITF, else of the plain inlineData."""
    inline = find(item, "contentSet", "inlineXML")
    for node in inline if inline is not None else ():
        if local(node) == "nitf":
            return read_body(node)
        if local(node) == "html":
            html_body = find(node, "body")
            if html_body is None:
                continue
            found = paragraphs(html_body, skip=frozenset({"header", "footer", "aside"}))
            spans = [span for span in descendants(html_body, "span") if span.get("class") == "dateline"]
            heading = text(find_deep(html_body, "h1"))
            return NitfBody(heading, "", text(spans[0]) if spans else None, drop_signoffs(found))
    plain = find(item, "contentSet", "inlineData")
    raw = (plain.text or "") if plain is not None else ""
    if looks_like_html(raw):  # HTML sent as text/plain (ANSA)
        return NitfBody("", "", None, drop_signoffs(html_paragraphs(raw)))
    blocks = [clean(block) for block in raw.split("\n\n")]
    return NitfBody("", "", None, drop_signoffs([block for block in blocks if block]))


def _find_dateline(paragraphs: list[str]) -> list[str]:
    """Paragraphs with the first dateline among the opening ones cut from its paragraph."""
    for index, paragraph in enumerate(paragraphs[:6]):
        dateline, rest = split_dateline(paragraph)
        if dateline:
            return [*paragraphs[:index], rest, *paragraphs[index + 1 :]]
    return paragraphs


def _ednote(meta: Any) -> str | None:
    notes = (
        [
            text(node)
            for node in children(meta, "edNote")
            if "nonpublic" not in node.get("pubconstraint", "")
            and node.get("role", "").rsplit(":", 1)[-1] not in _QUIET_EDNOTE_ROLES
        ]
        if meta is not None
        else []
    )
    return "; ".join(note for note in notes if note) or None


def _located(content: Any) -> str | None:
    located = find(content, "located")
    if located is None:
        return None
    return text(find(located, "name")) or located.get("literal") or _qcode_value(located) or None


def _named(node: Any) -> str | None:
    """A concept's English (else first) name, else its qcode or literal."""
    if node is None:
        return None
    names = list(children(node, "name"))
    english = [n for n in names if n.get("{http://www.w3.org/XML/1998/namespace}lang", "en").startswith("en")]
    chosen = text((english or names or [None])[0])
    return chosen or node.get("qcode") or node.get("literal") or None


def _signals(meta: Any, headline: str) -> tuple[str, ...]:
    """IPTC signals (sig:correction, sig:update); a headline that opens 'CORRECTION' is one too."""
    signals = [_qcode_value(node) for node in children(meta, "signal") if _sig(node)] if meta is not None else []
    if CORRECTION_HEADLINE.match(headline):
        signals.append("correction")
    return tuple(dict.fromkeys(signals))


def _qcode_value(node: Any) -> str:
    return (node.get("qcode") or "").rsplit(":", 1)[-1] if node is not None else ""


def _sig(node: Any) -> bool:
    return (node.get("qcode") or "").startswith("sig:")


def _is_byline(paragraph: str) -> bool:
    return paragraph.lower().startswith(("by ", "par ", "von ")) and len(paragraph.split()) <= 6


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None
