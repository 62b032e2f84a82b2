"""Names and glossary terms kept through translation: masked by placeholders, restored after.

A translation model never sees a protected term, so it cannot alter it ("In Seong-hwan" stays
"In Seong-hwan"; "Corée du Nord" becomes exactly the glossary's "North Korea"). A placeholder the model
drops or mangles is detected, and the segment is translated again unmasked and flagged.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from presssum.errors import ConfigError

_PLACEHOLDER = "ZQX{}Q"  # closed, so ZQX1Q is never a prefix of ZQX11Q


@dataclass(frozen=True)
class Masked:
    """A segment with its protected terms replaced, and what each placeholder stands for."""

    text: str
    targets: dict[str, str]


def load_glossary(path: Path) -> dict[str, str]:
    """A TSV of `source<TAB>target`; a line with no target keeps the term as written."""
    try:
        with path.open(encoding="utf-8", newline="") as file:
            rows = [row for row in csv.reader(file, delimiter="\t") if row and not row[0].startswith("#")]
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary ({exc.strerror or exc})") from None
    terms = {}
    for number, row in enumerate(rows, start=1):
        source = row[0].strip()
        if not source or len(row) > 2:
            raise ConfigError(f"{path}: line {number}: expected 'source<TAB>target' or 'term'")
        terms[source] = row[1].strip() if len(row) == 2 and row[1].strip() else source
    return terms


def mask(text: str, terms: dict[str, str]) -> Masked:
    """Replace every protected term (longest first, whole words only) by a numbered placeholder."""
    targets: dict[str, str] = {}
    for source in sorted(terms, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(source)}(?!\w)")
        if pattern.search(text):
            placeholder = _PLACEHOLDER.format(len(targets) + 1)
            targets[placeholder] = terms[source]
            text = pattern.sub(placeholder, text)
    return Masked(text, targets)


def unmask(translation: str, masked: Masked) -> str | None:
    """The translation with each placeholder restored, or None when the model lost one."""
    for placeholder, target in masked.targets.items():
        if translation.count(placeholder) != masked.text.count(placeholder):
            return None
        translation = translation.replace(placeholder, target)
    return translation
