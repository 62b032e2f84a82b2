"""Namespace-blind look-ups in parsed XML: agencies bind the same element names to many namespaces."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from presssum.readers.text import clean


def local(element: Any) -> str:
    """An element's name without its namespace ('' for comments and entities)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Any, name: str) -> Iterator[Any]:
    """Direct children called `name`."""
    return (child for child in element if local(child) == name)


def descendants(element: Any, name: str) -> Iterator[Any]:
    """Every element called `name` below `element`, in document order."""
    return (node for node in element.iter() if local(node) == name and node is not element)


def find(element: Any | None, *path: str) -> Any | None:
    """The first element along `path`, each step a direct child; None when a step is missing."""
    for name in path:
        if element is None:
            return None
        element = next(children(element, name), None)
    return element


def find_deep(element: Any, name: str) -> Any | None:
    """The first element called `name` anywhere below `element`."""
    return next(descendants(element, name), None)


def text(element: Any | None) -> str:
    """All the text inside an element, markup dropped, whitespace made single; '' for None."""
    return clean(" ".join(element.itertext())) if element is not None else ""


def paragraphs(container: Any | None, skip: frozenset[str] = frozenset()) -> list[str]:
    """The text of each <p> below `container`, leaving out those inside elements named in `skip`."""
    if container is None:
        return []
    found = []
    for node in descendants(container, "p"):
        if not any(local(parent) in skip for parent in node.iterancestors()):
            found.append(text(node))
    return [paragraph for paragraph in found if paragraph]


_HTML_TEXT = re.compile(r"<(?:p|br|div)\b[^>]*>", re.I)


def looks_like_html(raw: str) -> bool:
    """Text that carries HTML paragraphs as characters (CDATA, escaped markup)."""
    return bool(_HTML_TEXT.search(raw))


def html_paragraphs(raw: str) -> list[str]:
    """The paragraphs of HTML given as text: one per <p>, list item or subhead; embedded figures left out."""
    from lxml import html

    fragment = html.fragment_fromstring(raw, create_parent="div")
    for embedded in list(fragment.iter("figure", "script", "style")):  # a picture's caption is not story text
        embedded.drop_tree()
    blocks = [clean(node.text_content()) for node in fragment.iter("p", "li", "h2", "h3", "blockquote")]
    return [block for block in blocks if block] or [clean(fragment.text_content())]
