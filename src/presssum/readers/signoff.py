"""Desk sign-offs and separators that close agency copy: 'asl/tib/pid/cac', '(SDA\\/mf ba)', '___'."""

from __future__ import annotations

import re

_SIGNOFF = re.compile(
    r"""^(?:
      [a-z]{2,4}(?:\s*[/\\]+\s*[a-z]{2,4})+           # AFP: asl/tib/pid/cac
    | \((?:SDA|ATS|sda|ats)[^)]{0,30}\)               # ATS: (SDA\/mf ba)
    | dpa(?:\s+[a-z0-9]{2,4}){1,6}                    # dpa: dpa wsz jln npr
    | [_\-=*#\s]{3,}                                  # separators
    | (?:END|ENDS|FIN|ENDE)\b.{0,20}
    | \([A-Za-z][A-Za-z .-]{1,30}\)                   # (BusinessDesk)
    | \(?(?:diese\s+informationen\s+sind\s+nicht\s+zur\s+veröffentlichung\s+bestimmt|not\s+for\s+publication)\)?\.?
    )$""",
    re.VERBOSE | re.IGNORECASE,
)


def drop_signoffs(paragraphs: list[str]) -> list[str]:
    """Paragraphs without the sign-off lines and separators desks add."""
    return [paragraph for paragraph in paragraphs if not _SIGNOFF.match(paragraph.strip())]
