"""Parity with a peer: the values superdesk's parser tests assert for the shared wire files, field by field.

`../shared/wire-formats/expected.jsonl` (read in place) lists them; EXPECTED.md says how each maps onto
presssum's fields and how to compare. Each row is *agrees*, *convention* (presssum reads the file its own
documented way: the "Differences from a peer's readings" table of docs/formats.md says why) or *bug*.
Only the readers run (no model), so the whole table takes a second.

    python -m tests.parity          # the table and its counts
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from presssum.errors import InputError
from presssum.readers import parse
from presssum.records import Article

ROOT = Path(__file__).resolve().parents[1]
WIRE_FORMATS = ROOT.parent / "shared" / "wire-formats"
FORMATS_DOC = ROOT / "docs" / "formats.md"
_CONVENTIONS_HEADING = "## Differences from a peer's readings"
_BYLINE_LEAD = re.compile(r"^(?:by|par|von)\s+", re.I)


@dataclass(frozen=True)
class Row:
    """One expected value and how it compared."""

    file: str
    field: str
    match: str
    expected: Any
    found: Any
    verdict: str  # "agrees", "convention" or "bug"
    why: str = ""


def expected_rows(folder: Path = WIRE_FORMATS) -> list[dict[str, Any]]:
    with (folder / "expected.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def conventions(doc: Path = FORMATS_DOC) -> dict[tuple[str, str], str]:
    """(file, field) -> why presssum differs, from the table under the heading in docs/formats.md."""
    text = doc.read_text(encoding="utf-8")
    section = text.split(_CONVENTIONS_HEADING, 1)[1].split("\n## ", 1)[0] if _CONVENTIONS_HEADING in text else ""
    found = {}
    for line in section.splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and "/" in cells[0]:
            for field in cells[1].split(","):
                found[(cells[0], field.strip().strip("`"))] = cells[2]
    return found


def read(path: Path) -> Article | str:
    """The file's first article as the readers give it (empty bodies included), or its error."""
    try:
        items = parse(str(path), path.read_bytes())
    except InputError as exc:
        return f"error: {exc}"
    articles = [item for item in items if isinstance(item, Article)]
    return articles[0] if articles else f"error: {items[0].error}"  # type: ignore[union-attr]


def value(article: Article, field: str) -> Any:
    """presssum's value for one of EXPECTED.md's field names."""
    wire = article.wire
    running = [article.dateline or "", *article.paragraphs]
    fields: dict[str, Any] = {
        "headline": article.headline,
        "dateline": article.dateline,
        "source": article.source,
        "language": article.lang,
        "public_id": article.id,
        "lead": article.paragraphs[0] if article.paragraphs else "",
        "body": " ".join(part for part in running if part),
        "paragraphs": list(article.paragraphs),
        "located": " | ".join(part for part in ((wire.located if wire else None), article.dateline) if part),
    }
    if field in fields:
        return fields[field]
    if wire is None:
        return None
    if field == "take_key":
        return {"version": wire.version, "signals": sorted(wire.signals)}
    if field == "subjects":
        return list(wire.subjects)
    return getattr(wire, field)


def agrees(match: str, expected: Any, found: Any, article: Article) -> bool:
    """EXPECTED.md's match kinds."""
    if match == "absent":
        return not found
    if match == "nonempty":
        return bool(found)
    if match in ("eq", "one_of") and isinstance(found, int):
        return found in expected if match == "one_of" else found == expected
    if match == "eq":
        return _norm(found, byline=True) == _norm(expected, byline=True)
    if match == "one_of":
        return _norm(found) in {_norm(e) for e in expected}
    if match in ("contains", "text_in", "place"):
        return _norm(expected) in _norm(found)
    if match == "ednote":
        return _norm(_unlabelled(expected)) in _norm(_unlabelled(found))
    if match == "lang":
        return bool(found) and _primary(found) == _primary(expected)
    if match == "instant":
        return found is not None and _instant(found) == _instant(expected)
    if match == "subset":
        return set(expected) <= set(found or ())
    if match == "take_key":
        return found == _take_key(expected)
    if match == "prefix":
        lead = _norm(found)
        return lead.startswith(_norm(expected)) or _norm(f"{article.dateline or ''} {found}").startswith(
            _norm(expected)
        )
    if match == "suffix":
        return _norm(found or "").endswith(_norm(expected))
    if match == "paras_eq":
        return [_norm(p) for p in found] == [_norm(p) for p in expected]
    if match == "paras_in":
        wanted, got = [_norm(p) for p in expected], [_norm(p) for p in found]
        return any(got[i : i + len(wanted)] == wanted for i in range(len(got) - len(wanted) + 1))
    raise ValueError(f"unknown match kind {match!r}")


def compare(folder: Path = WIRE_FORMATS, doc: Path = FORMATS_DOC) -> list[Row]:
    """Every row of expected.jsonl with its verdict."""
    documented = conventions(doc)
    articles: dict[str, Article | str] = {}
    rows = []
    for line in expected_rows(folder):
        file, field = line["file"], line["field"]
        match = line["note"].split(";", 1)[0].removeprefix("match=").strip()
        article = articles.setdefault(file, read(folder / file))
        if isinstance(article, str):
            found, ok = article, False
        else:
            found = value(article, field)
            ok = agrees(match, line["expected"], found, article)
        why = documented.get((file, field), "")
        verdict = "agrees" if ok else "convention" if why else "bug"
        rows.append(Row(file, field, match, line["expected"], found, verdict, why))
    return rows


def table(rows: list[Row]) -> str:
    width = max(len(f"{r.file} {r.field}") for r in rows)
    lines = []
    for row in rows:
        detail = "" if row.verdict == "agrees" else row.why or f"expected {row.expected!r}, found {row.found!r}"
        lines.append(f"{row.verdict:<10} {f'{row.file} {row.field}':<{width}}  {_short(detail)}")
    counts = Counter(row.verdict for row in rows)
    lines.append(", ".join(f"{counts[v]} {v}" for v in ("agrees", "convention", "bug")) + f" of {len(rows)} fields")
    return "\n".join(lines)


def _norm(text: Any, *, byline: bool = False) -> str:
    folded = " ".join(unicodedata.normalize("NFC", str(text or "")).replace("\u200e", "").casefold().split())
    return _BYLINE_LEAD.sub("", folded) if byline else folded


def _unlabelled(text: Any) -> str:
    return re.sub(r"\b(?:eds|editor's note)\s*:?\s*_?|[()]", " ", str(text or ""), flags=re.I)


def _primary(tag: str) -> str:
    return re.split(r"[-_]", tag.strip().lower())[0]


def _instant(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _take_key(raw: str) -> dict[str, Any]:
    """EXPECTED.md's reading of a raw take key: n-th lead/writethru -> version n+1, update; REFILE, CORRECTION."""
    lead = re.search(r"(\d+)(?:st|nd|rd|th)\s*(?:lead|ld)", raw, re.I)
    signals = {"update"} if lead else set()
    signals |= {"refile"} if re.search(r"refile", raw, re.I) else set()
    signals |= {"correction"} if re.search(r"correction", raw, re.I) else set()
    return {"version": int(lead.group(1)) + 1 if lead else 1, "signals": sorted(signals)}


def _short(text: str, limit: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


if __name__ == "__main__":
    if not (WIRE_FORMATS / "expected.jsonl").exists():
        sys.exit(f"no {WIRE_FORMATS / 'expected.jsonl'}")
    print(table(compare()))
