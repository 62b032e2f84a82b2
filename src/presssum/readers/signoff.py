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
    | ={2,}\s*[A-Za-z]{2,12}                          # Kyodo: ==Kyodo
    | \([A-Za-z][A-Za-z .-]{1,30}\)                   # (BusinessDesk)
    | (?:©|(?:\(c\)|copyright)\s*(?:©|\(c\)|\d{4})).{0,300}        # a copyright notice: "© ANA-MPE …"
    | \(?(?:diese\s+informationen\s+sind\s+nicht\s+zur\s+veröffentlichung\s+bestimmt|not\s+for\s+publication)\)?\.?
    )$""",
    re.VERBOSE | re.IGNORECASE,
)


# The agency's name closing the last sentence: "… unos 500 ejemplares. EFE", "… in front of them. ==Kyodo".
_CLOSING_AGENCY = re.compile(
    r"(?:(?<=[.!?»\"”])\s+(?:EFE|AFP|ANSA|ANP|ATS|SDA|APA|dpa|AP|Reuters)|\s*={2,}\s*[A-Za-z]{2,12})\s*$"
)


def drop_signoffs(paragraphs: list[str]) -> list[str]:
    """Paragraphs without the sign-off lines and separators desks add, nor the agency name closing the text."""
    kept = [paragraph for paragraph in paragraphs if not _SIGNOFF.match(paragraph.strip())]
    if kept:
        kept[-1] = _CLOSING_AGENCY.sub("", kept[-1])
    return [paragraph for paragraph in kept if paragraph]


_DESK_INITIALS = re.compile(r"^[a-z]{1,4}(?:\s*[/\\,;]+\s*[a-z]{1,4})+$")


def is_desk_initials(text: str) -> bool:
    """'gr/bp', 'ah, mr, lif': the desk's initials where a byline is expected (lower case, no name)."""
    return bool(_DESK_INITIALS.match(text.strip()))
