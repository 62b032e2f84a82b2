"""What IPTC 7901 and ANPA-1312 share: control-character framing and take/lead version markers."""

from __future__ import annotations

import re

SOH, STX, ETX = "\x01", "\x02", "\x03"
# "1ST LEAD", "2ND LEAD", "1stLd-Writethru", "3rdLd-Writethru", "REFILE", "CORRECTION", "URGENT", "FLASH",
# dpa's "EXTRA", "Eil", "Korrektur", "3RD NET", any n-th take ("2ND ADD"), and any short service note in
# brackets ("(Achtung)", "(Zusammenfassung)").
_LEAD = re.compile(r"\b(\d+)(?:st|nd|rd|th)\s*(?:lead|ld)\b", re.IGNORECASE)
_MARKER = re.compile(
    r"^(?:refile|corrected|correction|urgent|flash|bulletin|advisory|kill|withdrawal|eliminate|extra"
    r"|eil|eilt|korrektur|berichtigung|wiederholung"
    r"|\d+(?:st|nd|rd|th)\s*(?:lead|ld)(?:[-\s]*writethru)?|\d+(?:st|nd|rd|th)\s+[a-z]{2,10}|writethru|new|update"
    r"|\(\s*[\w.]+(?:[ -][\w.]+){0,2}\s*\))$",
    re.IGNORECASE,
)


def is_marker(line: str) -> bool:
    """A line that only says which take or lead this is."""
    return bool(_MARKER.match(line.strip()))


def version_of(markers: str) -> int:
    """1 for a first take, n + 1 for the n-th lead or writethru."""
    lead = _LEAD.search(markers)
    return int(lead.group(1)) + 1 if lead else 1


def signals_of(markers: str) -> tuple[str, ...]:
    """Wire signals named by the markers: correction, update, refile, kill."""
    lower = markers.lower()
    found = []
    if re.search(r"correct|korrektur|berichtigung", lower):
        found.append("correction")
    if _LEAD.search(markers) or "writethru" in lower or "update" in lower:
        found.append("update")
    if re.search(r"refile|wiederholung|\bwdh\b", lower):
        found.append("refile")
    if re.search(r"\b(kill|withdrawal|eliminate)\b", lower):
        found.append("kill")
    return tuple(found)


def paragraphs_of(lines: list[str]) -> list[str]:
    """Blank-line or indent separated paragraphs, hard wraps joined."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line.strip() or (line.startswith(("\t", "   ")) and paragraphs[-1]):
            paragraphs.append([])
        if line.strip():
            paragraphs[-1].append(line.strip())
    return [" ".join(" ".join(p).split()) for p in paragraphs if p]
