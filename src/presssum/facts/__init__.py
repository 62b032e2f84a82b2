"""Names, numbers and dates: extracted from the source once, and every one in a summary traced back to it.

One module per piece: `numbers`, `dates`, `names` extract facts with spans; `analysis` extracts a
source's facts in one spaCy pass; `align` finds the source sentences of a summary sentence; `check`
traces summary facts to them and checks each translated sentence.
"""

from __future__ import annotations

from presssum.facts.analysis import SourceFacts, analyze_source, key_facts, protected_names
from presssum.facts.check import Checked, check_digest, check_facts
from presssum.facts.dates import english_date, extract_dates, extract_weekdays
from presssum.facts.names import english_name, extract_names
from presssum.facts.numbers import extract_numbers

__all__ = [
    "Checked",
    "SourceFacts",
    "analyze_source",
    "check_digest",
    "check_facts",
    "english_date",
    "english_name",
    "extract_dates",
    "extract_names",
    "extract_numbers",
    "extract_weekdays",
    "key_facts",
    "protected_names",
]
