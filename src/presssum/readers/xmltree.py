"""Namespace-blind look-ups in parsed XML: agencies bind the same element names to many namespaces."""

from __future__ import annotations

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
