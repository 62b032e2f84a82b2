"""Pairwise precision and recall of story grouping, and disagreements surfaced, on a labelled set of wires.

    python bench/brief.py                                      # tests/data/brief-v2/dev
    python bench/brief.py tests/data/brief --sweep             # another set; precision and recall per threshold
    python bench/brief.py tests/data/brief-v2/dev --show       # every story found, and what each disagreement needs

A set is either a folder of plain-text wires with `labels.json` (the format ../shared/scoring/brief_score.py
scores: `{"stories": {story: [file, ...]}, "disagreements": [...]}`), or `wires.jsonl` with `labels.tsv`.
The brief is made in-process from each wire's digest as the echo test model makes it (every "translation"
a copy of the source), so the numbers measure the language-neutral signals alone, and the JSON is scored
with brief_score.py's own rules. `presssum brief DIR -f json` with a configuration of echo models gives
the same JSON through the CLI (see docs/brief.md).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

from presssum.brief import inbox_wires, stories
from presssum.group import DEFAULT_THRESHOLD, StoryWire, group, pairwise_scores
from presssum.lang import detect_language
from presssum.load import load_articles
from presssum.records import Article, Digest, ModelInfo, ParagraphPair, Summary
from presssum.render.brief import render_json

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "brief-v2" / "dev"
SCORER = ROOT.parent / "shared" / "scoring" / "brief_score.py"


def echo_digest(article: Article) -> Digest:
    """What the echo test model digests an article into: its language detected, every 'translation' a copy."""
    lang = article.lang or detect_language(article.body, "en")
    return Digest(
        input=article.input,
        source_lang=lang,
        headline=article.headline,
        headline_en=article.headline,
        source=article.source,
        dateline=article.dateline,
        paragraphs=tuple(ParagraphPair(source=paragraph, en=paragraph) for paragraph in article.paragraphs),
        summary=Summary(en=article.paragraphs[0], back=None if lang == "en" else article.paragraphs[0]),
        models=(ModelInfo(role="summarizer", name="echo", revision=None),),
        date=article.date,
    )


def labelled_articles(folder: Path = DEV) -> tuple[list[Article], list[str]]:
    """A labelled set's articles, in file order, and each one's story."""
    if (folder / "labels.json").is_file():
        labels = json.loads((folder / "labels.json").read_text("utf-8"))
        story_of = {name: story for story, names in labels["stories"].items() for name in names}
        paths = sorted(str(folder / name) for name in story_of)
        articles = [a for a in load_articles(paths) if isinstance(a, Article)]
        return articles, [story_of[Path(a.input).name] for a in articles]
    with (folder / "labels.tsv").open(encoding="utf-8") as file:
        story_by_id = {row["id"]: row["story"] for row in csv.DictReader(file, delimiter="\t")}
    articles = [a for a in load_articles([str(folder / "wires.jsonl")]) if isinstance(a, Article)]
    return articles, [story_by_id[a.id or ""] for a in articles]


def labelled_set(folder: Path = DEV, now: datetime | None = None) -> tuple[list[StoryWire], list[str]]:
    """The set's wires as grouping sees them (English ones carry their own text as English), and their stories."""
    if not (folder / "labels.json").is_file() and not (folder / "labels.tsv").is_file():
        folder = ROOT / "tests" / "data" / "brief"
    articles, labels = labelled_articles(folder)
    pairs = [(article, echo_digest(article)) for article in articles]
    return inbox_wires(pairs, now or datetime.now(timezone.utc)), labels


def brief_json(folder: Path) -> dict[str, Any]:
    """The brief of a labelled set as `presssum brief --format json` writes it."""
    articles, _ = labelled_articles(folder)
    result: dict[str, Any] = json.loads(render_json(stories([(a, echo_digest(a)) for a in articles])))
    return result


def unplanted_rows(labels: dict[str, Any], stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Disagreement rows that surface no planted disagreement: a row names a planted one's values and sits in a
    story holding that one's wires (brief_score.py's rule), else it is invented."""
    found = []
    for story in stories:
        names = {Path(source["input"]).name for source in story["sources"]}
        planted = [d for d in labels["disagreements"] if set(d["files"]) & names]
        for row in story["disagreements"]:
            texts = [text for claim in row["claims"] for text in (claim["text"], claim["value"])]
            if not any(all(scorer().value_found(value, texts) for value in d["values"]) for d in planted):
                found.append(row)
    return found


def scorer() -> ModuleType:
    """../shared/scoring/brief_score.py, the scorer of unseen sets."""
    spec = importlib.util.spec_from_file_location("brief_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEV, help="A labelled set (default: the dev half).")
    parser.add_argument("--sweep", action="store_true", help="Also print precision and recall for other thresholds.")
    parser.add_argument("--show", action="store_true", help="Print each story found and each disagreement's fate.")
    args = parser.parse_args()
    started = time.perf_counter()
    wires, labels = labelled_set(args.folder)
    found = group(wires)
    precision, recall = pairwise_scores(found, labels)
    seconds = time.perf_counter() - started
    print(f"{len(wires)} wires, {len(set(labels))} stories labelled, {len(found)} found ({seconds:.1f} s)")
    print(f"threshold {DEFAULT_THRESHOLD}: pairwise precision {precision:.3f}, recall {recall:.3f}")
    if (args.folder / "labels.json").is_file() and SCORER.is_file():
        labels_json = json.loads((args.folder / "labels.json").read_text("utf-8"))
        brief = brief_json(args.folder)
        result = scorer().score(labels_json, brief["stories"])
        print(scorer().summary_line(result))
        print(f"rows not planted: {len(unplanted_rows(labels_json, brief['stories']))}")
        if args.show:
            for planted, surfaced in zip(labels_json["disagreements"], result["surfaced_each"], strict=True):
                print(f"  {'ok  ' if surfaced else 'MISS'} {planted['story']}: {planted['what']} {planted['values']}")
            for story in brief["stories"]:
                print(f"  story: {', '.join(Path(s['input']).name for s in story['sources'])}")
                for row in story["disagreements"]:
                    claims = "; ".join(f"{c['source']}: {c['text']}" for c in row["claims"])
                    print(f"    disagreement {row['about']}: {claims}")
                for row in story["updates"]:
                    print(f"    update {row['about']}: {'; '.join(c['text'] for c in row['claims'])}")
    for story in found:
        names = sorted({labels[i] for i in story})
        flag = "" if len(names) == 1 else "  <- mixed"
        print(f"  {len(story):2} wires: {', '.join(names)}{flag}")
    if args.sweep:
        for threshold in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
            p, r = pairwise_scores(group(wires, threshold=threshold), labels)
            print(f"threshold {threshold:.2f}: precision {p:.3f}, recall {r:.3f}")


if __name__ == "__main__":
    sys.exit(main())
