"""Datelines at the start of a wire's first paragraph, in the forms agencies write them."""

from __future__ import annotations

import re

_CAPS = "A-ZÀ-ÖØ-Þ"
_DASH = r"(?:\.?[-–—_]+)"
# Headlines that announce a corrected story: "CORRECTION ET MISE À JOUR - …", "CORRECTED-…", "BERICHTIGUNG: …".
CORRECTION_HEADLINE = re.compile(r"^\s*(?:correction|corrected|corrige|rectificatif|berichtigung|korrektur)\b", re.I)
# "PARIS, 14 mars (APR) -", "PARIS -", "BARCELONA, 1 de febrero -", "BERLIN, 9. Februar -",
# "ROMA, 3 marzo 2024 -", "WASHINGTON, March 3 -": a city in capitals, an optional date and agency, a dash;
# ANSA puts its agency first: "(ANSA) - ROME, JUL 11 -"; TASS closes with it: "MOSCOW, January 21. /TASS/.";
# Kyodo names country, date and agency without brackets: "SAITAMA, Japan, Dec. 9 Kyodo -".
_CITY_DATELINE = re.compile(
    rf"""^(?P<dateline>
        (?:\([^()\n]{{2,20}}\)\s*{_DASH}\s*)?                                    # (AGENCY) -
        [{_CAPS}][{_CAPS}'’.\-]{{2,30}}(?:[ /][{_CAPS}'’.\-]+){{0,3}}               # city in capitals
        (?:,\s*[{_CAPS}][^\W\d_]+(?:\s[{_CAPS}][^\W\d_]+)?(?=,))?                     # , Japan (before a date)
        (?:,\s*(?:
            # 14 mars, 1 de febrero, 9. Februar
            (?:le\s+)?\d{{1,2}}(?:er|º)?\.?\s+(?:de\s+)?[^\W\d_]+\.?(?:\s+(?:de\s+)?\d{{4}})?
            | [^\W\d_]+\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?                          # March 3, 2024
        ))?
        (?:(?:\s*\([^)]{{1,40}}\)|(?<=\d)\s+[{_CAPS}][A-Za-z\-]{{1,15}})?\s*{_DASH}  # (AGENCY) - or Kyodo -
        | \.?\s*/[^/\s]{{2,20}}/\.?)                                          # TASS: ". /TASS/."
        )\s+""",
    re.VERBOSE,
)
# "Munich (dpa) -", "BUENOS AIRES, Argentina (AP) _", "Jan. 12 (BusinessDesk) -", "Genève (ats) Le ...":
# whatever precedes an agency in brackets, within the first words, ending in a dash or the sentence.
_AGENCY_DATELINE = re.compile(
    rf"""^(?P<dateline>
        (?:[^()\n.!?«"]|\.(?=\s*\d)|(?<=\b[A-Z])\.){{0,60}}?    # place and date, abbreviations allowed
        \([^()\n]{{2,30}}\)                                     # (AGENCY)
        (?:\s*{_DASH}|(?=\s+[{_CAPS}«"])))\s*(?=\S)   # a dash, or straight into a sentence""",
    re.VERBOSE,
)


# ANSA's agency-first form with the city as written: "(ANSA) - Rome, October 11 -", "(ANSA) - ROMA, 11 OTT -".
_AGENCY_FIRST_DATELINE = re.compile(
    rf"""^(?P<dateline>
        \([^()\n]{{2,20}}\)\s*{_DASH}\s*                                    # (AGENCY) -
        [{_CAPS}][^\W\d_'’.\-]*(?:[ '’.\-][{_CAPS}][^\W\d_]*){{0,3}}            # a city of capitalised words
        (?:,\s*[^\W_][\w.]*(?:\s+[\w.]+){{0,2}})?                               # , October 11 / 11 ott 2024
        \s*{_DASH})\s+""",
    re.VERBOSE,
)


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """The dateline a paragraph opens with (None if it has none) and the paragraph without it."""
    for pattern in (_CITY_DATELINE, _AGENCY_FIRST_DATELINE, _AGENCY_DATELINE):
        match = pattern.match(paragraph)
        if match and paragraph[match.end() :].strip():
            return match.group("dateline").strip(), paragraph[match.end() :].strip()
    return None, paragraph


def strip_known_dateline(paragraphs: list[str], dateline: str | None) -> list[str]:
    """Paragraphs with a dateline the format already gave removed from the paragraph it opens."""
    if not dateline:
        return paragraphs
    for index, paragraph in enumerate(paragraphs[:2]):
        if paragraph.startswith(dateline) and paragraph[len(dateline) :].strip():
            return [*paragraphs[:index], paragraph[len(dateline) :].strip(), *paragraphs[index + 1 :]]
    return paragraphs
