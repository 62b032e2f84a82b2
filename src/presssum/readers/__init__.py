"""Input formats: which one a file is, from its content, and one reader per format.

Plain wires, web pages, JSON Lines, RSS/Atom, NewsML-G2, NewsML 1.2, NITF, ninjs, IPTC 7901 and ANPA-1312
all come out as Articles; the agency formats also fill `Article.wire`. A bad input is a Failure, the rest go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Literal

from presssum.errors import InputError
from presssum.readers import anpa1312, feed, html, iptc7901, jsonl, newsml12, newsml_g2, ninjs, nitf, plain
from presssum.readers.text import decode, parse_xml
from presssum.readers.xmltree import local
from presssum.records import Article, Failure

InputFormat = Literal["newsml-g2", "newsml12", "nitf", "xml", "iptc7901", "anpa1312", "html", "ninjs", "jsonl", "wire"]
# Files a folder scan picks up; any file named on the command line is read whatever its name.
KNOWN_SUFFIXES = (
    ".txt",
    ".html",
    ".htm",
    ".jsonl",
    ".ndjson",
    ".json",
    ".xml",
    ".nitf",
    ".tst",
    ".anpa",
    ".7901",
    ".rss",
    ".atom",
)
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml|<!--|<!DOCTYPE\s+(?!html)|<[A-Za-z_][\w.:-]*[\s>/])", re.I)
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html|<head|<body|<!--)", re.I)


def sniff(data: bytes) -> InputFormat:
    """The input format, from the content alone (names lie: .txt, .xml, no suffix, stdin)."""
    head = data[:4096]
    if b"\x16\x16\x01" in head[:8] or anpa1312.HEADER.search(head.decode("latin-1")):
        return "anpa1312"
    if iptc7901.HEADER.search(head[:200].decode("latin-1").split("\x02", 1)[0]):
        return "iptc7901"
    if _HTML_START.match(head) and re.search(rb"<html|<body|<p[\s>]", head, re.I):
        return "html"
    if _XML_START.match(head):
        return "xml"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "ninjs" if ninjs.is_ninjs(_json_document(data)) else "jsonl"
    return "wire"


def read_articles(name: str, data: bytes) -> Iterator[Article | Failure]:
    """The Articles of one input; an item without text (and not a kill) is a Failure of its own."""
    for item in parse(name, data):
        if isinstance(item, Article) and not item.paragraphs and not (item.wire and item.wire.status == "canceled"):
            yield Failure(input=item.input, error="no body text in the item")
        else:
            yield item


def parse(name: str, data: bytes) -> list[Article | Failure]:
    """Every item of one input as its format reads it, empty bodies included."""
    kind = sniff(data)
    if kind == "xml":
        root = parse_xml(data)
        return feed.parse(data, name) if local(root) in feed.ROOTS else [*_xml(root, name)]
    if kind in ("iptc7901", "anpa1312"):
        reader = iptc7901 if kind == "iptc7901" else anpa1312
        return [reader.parse(decode(data, framed=True), name)]
    text = decode(data)
    if kind == "ninjs":  # one document, even on one line: not JSON Lines
        return [*ninjs.parse_document(json.loads(text), name)]
    if kind == "jsonl":
        document = _json_document(data)
        if isinstance(document, dict) and "\n" in text.strip() and not set(document) & jsonl.FIELDS:
            # e.g. an --output folder's index.json: one document over many lines, in no format presssum reads
            raise InputError("a JSON document that is neither ninjs nor JSON Lines of articles")
        return list(jsonl.parse(text, name))
    if kind == "html":
        return [html.parse(text, name, url=name if name.startswith(("http://", "https://")) else None)]
    return [plain.parse_wire(text, input_name=name)]


def _json_document(data: bytes) -> object:
    """The input as one JSON document; None when it is not one (JSON Lines, or broken)."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None


def _xml(root: object, name: str) -> list[Article]:
    root_name = local(root)
    if root_name in newsml_g2.ROOTS:
        return newsml_g2.parse(root, name)
    if root_name in newsml12.ROOTS:
        return newsml12.parse(root, name)
    if root_name == "nitf":
        return [nitf.parse(root, name)]
    if root_name == "html":
        raise InputError("XHTML page: save it as .html or give its URL")
    raise InputError(f"unknown XML dialect <{root_name}>: not a format presssum reads (NewsML-G2, NewsML 1.2, NITF)")
