"""Plain text, for pipes, files and terminals without colour."""

from __future__ import annotations

import textwrap

from presssum.records import STATUS_LABELS, Digest
from presssum.render.guarded import language_label, quotes_of, said_by

WIDTH = 88
_RULE = "=" * WIDTH
_THIN = "-" * WIDTH


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(para, WIDTH, initial_indent=indent, subsequent_indent=indent) for para in text.split("\n\n")
    )


def render_digest(digest: Digest, *, full: bool = False) -> str:
    """One digest as wrapped plain text, ending with its reproducibility signature."""
    lang = digest.source_lang.upper()
    lines = [_RULE, _wrap(digest.headline_en)]
    if digest.headline_en != digest.headline:
        lines.append(_wrap(f"[{lang}] {digest.headline}"))
    lines += [" · ".join(digest.credits), _THIN, "SUMMARY (EN)", _wrap(digest.cited_summary, "  ")]
    if digest.summary.back is not None:
        lines += ["", f"SUMMARY ({lang})", _wrap(digest.summary.back, "  ")]
    if digest.summary.method != "abstractive":
        lines += ["", f"Note: summary method is {digest.summary.method}."]
    for lang_code, report in digest.fact_checks.items():
        for fact in report.unverified:
            lines.append(f"UNVERIFIED ({lang_code.upper()}) {fact.kind}: {fact.text} ({fact.reason})")
        for fact in report.uncertain:
            lines.append(f"UNCERTAIN ({lang_code.upper()}) {fact.kind}: {fact.text} ({STATUS_LABELS[fact.status]})")
    if digest.summary.sentences:
        lines.append("Sources: [paragraph.sentence] of the wire, as numbered in the full translation (--full).")
    for warning in digest.warnings:
        lines.append(f"WARNING: {warning}")
    if digest.key_facts:
        lines += ["", "KEY FACTS"]
        lines += [
            f"  {fact.kind}: {fact.source}" + (f" = {fact.en}" if fact.en != fact.source else "")
            for fact in digest.key_facts
        ]
    if digest.quotes:
        lines += ["", "KEY QUOTES"]
        for quote in digest.quotes:
            lines += [
                _wrap(f"[{quote.paragraph}]{said_by(quote)} {lang}: «{quote.source}»", "  "),
                _wrap(f"EN: {quote.en}", "    "),
            ]
    if full:
        lines += [_THIN, "FULL TRANSLATION"]
        for number, pair in enumerate(digest.paragraphs, start=1):
            label = language_label(digest, pair)
            lines += ["", _wrap(f"[{number}] {label}: {pair.source}"), _wrap(f"[{number}] EN: {pair.en}")]
            lines += [_wrap(f"[{number}] QUOTE{said_by(q)}: «{q.source}»", "  ") for q in quotes_of(digest, number)]
    lines += [_THIN, digest.signature, ""]
    return "\n".join(lines)
