"""The morning brief: one story across agencies and languages, and where the agencies disagree.

Grouping runs in-process on the labelled wires of tests/data/brief (35 wires, 10 stories, fr/de/es/en). No
translation model is involved there: the signals are the language-neutral ones alone (figures, dates, names,
CLDR places, time), with the English wires' own text as their English.
"""

from __future__ import annotations

import csv
import email
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from presssum.brief import inbox_wires, stories, wire_of
from presssum.disagree import disagreements, updates
from presssum.group import StoryWire, group, pairwise_scores
from presssum.load import load_articles
from presssum.records import Article, Digest, ModelInfo, ParagraphPair, Story, Summary
from presssum.render import OUTPUT_FORMATS, RenderOptions
from presssum.render import brief as render
from presssum.wiretime import published, wire_time, wire_times
from tests.conftest import WriteConfig, ctrl_c_as_at_a_terminal, run_cli

DATA = Path(__file__).parent / "data" / "brief"


@pytest.fixture(scope="module")
def labelled() -> tuple[list[Article], list[str]]:
    with (DATA / "labels.tsv").open(encoding="utf-8") as file:
        story_of = {row["id"]: row["story"] for row in csv.DictReader(file, delimiter="\t")}
    articles = [item for item in load_articles([str(DATA / "wires.jsonl")]) if isinstance(item, Article)]
    return articles, [story_of[article.id or ""] for article in articles]


@pytest.fixture(scope="module")
def wires(labelled: tuple[list[Article], list[str]]) -> list[StoryWire]:
    return [wire_of(article, copied_digest(article)) for article in labelled[0]]


def copied_digest(article: Article) -> Digest:
    """What the echo model digests an article into: every 'translation' a copy of the source."""
    return Digest(
        input=article.input,
        source_lang=article.lang or "en",
        headline=article.headline,
        headline_en=article.headline,
        source=article.source,
        dateline=article.dateline,
        paragraphs=tuple(ParagraphPair(source=paragraph, en=paragraph) for paragraph in article.paragraphs),
        summary=Summary(en=article.paragraphs[0], back=None if article.lang == "en" else article.paragraphs[0]),
        models=(ModelInfo(role="summarizer", name="echo", revision=None),),
        date=article.date,
    )


def story_with(found: list[list[int]], labels: list[str], label: str) -> list[int]:
    return next(members for members in found if labels[members[0]] == label)


def floods_wires(found: list[list[int]], labels: list[str]) -> list[int]:
    return story_with(found, labels, "valencia-floods")


def test_labelled_set_is_grouped_with_pairwise_precision_and_recall_of_at_least_090(
    wires: list[StoryWire], labelled: tuple[list[Article], list[str]]
) -> None:
    _, labels = labelled
    assert len(wires) >= 30 and len(set(labels)) >= 8
    assert {wire.lang for wire in wires} >= {"fr", "de", "es"}
    assert all(wire.english is None for wire in wires if wire.lang != "en"), "the echo copy is not English"
    precision, recall = pairwise_scores(group(wires), labels)
    print(f"pairwise precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9 and recall >= 0.9


def test_a_follow_up_a_day_later_is_a_story_of_its_own_only_because_of_the_time_window(
    wires: list[StoryWire], labelled: tuple[list[Article], list[str]]
) -> None:
    _, labels = labelled
    day_two = story_with(group(wires), labels, "rail-strike-fr-day2")
    assert {labels[index] for index in day_two} == {"rail-strike-fr-day2"}
    merged = story_with(group(wires, window=timedelta(days=3)), labels, "rail-strike-fr")
    assert {labels[index] for index in merged} == {"rail-strike-fr", "rail-strike-fr-day2"}


def test_versions_sharing_an_identity_are_one_story_whatever_they_say() -> None:
    @dataclass(frozen=True)
    class Identity:
        guid: str

    class Versioned(Article):  # the wire-format readers' Article.wire, where this branch has none yet
        wire: Any = None

    def version(headline: str, body: str, guid: str) -> Versioned:
        return Versioned(headline=headline, paragraphs=(body,), source="AFP", wire=Identity(guid))

    first = version("Alerte", "Premier paragraphe sans chiffre.", "urn:afp:1")
    second = version("Mise à jour", "Tout autre texte, 45 morts.", "urn:afp:1")
    other = version("Autre", "Rien à voir, Marseille.", "urn:afp:2")
    found = group([StoryWire(first, "fr", None), StoryWire(other, "fr", None), StoryWire(second, "fr", None)])
    assert found == [[0, 2], [1]]


def test_disagreements_compare_values_normalised_across_languages(
    wires: list[StoryWire], labelled: tuple[list[Article], list[str]]
) -> None:
    _, labels = labelled
    found = group(wires)

    def table(label: str) -> dict[str, dict[str, set[str]]]:
        rows: dict[str, dict[str, set[str]]] = {}
        for row in disagreements([wires[index] for index in story_with(found, labels, label)]):
            for claim in row.claims:
                rows.setdefault(row.about, {}).setdefault(claim.source, set()).add(claim.value)
        return rows

    fund = table("eu-grid-fund")
    assert fund["amount in EUR"] == {
        "AFP": {"12 billion EUR (12,000 million)"},  # 12 milliards d'euros
        "dpa": {"12 billion EUR (12,000 million)"},  # 12 Milliarden Euro
        "EFE": {"12 billion EUR (12,000 million)"},  # 12.000 millones de euros
        "Reuters": {"15 billion EUR (15,000 million)"},
    }
    assert fund["date"]["dpa"] == {"December 16"} and fund["date"]["EFE"] == {"December 15"}
    strike = table("rail-strike-fr")
    assert strike["percentage"]["dpa"] == {"80%"} and strike["percentage"]["AFP"] == {"75%"}
    assert strike["date"]["dpa"] == {"December 3"} and strike["date"]["Reuters"] == {"December 2"}
    jobs = table("german-jobs")
    assert jobs["name"] == {"AFP": {"Ingrid Baumer"}, "dpa": {"Ingrid Bauer"}, "Reuters": {"Ingrid Bauer"}}
    assert jobs["percentage"]["AFP"] == {"6.2%"}


def test_agencies_that_agree_and_an_agency_updating_itself_are_no_disagreement(
    wires: list[StoryWire], labelled: tuple[list[Article], list[str]]
) -> None:
    _, labels = labelled
    found = group(wires)
    louvre = story_with(found, labels, "louvre-leak")  # 30 000 = 30.000 visitors, 40 works in three languages
    assert disagreements([wires[index] for index in louvre]) == ()
    floods = disagreements([wires[index] for index in floods_wires(found, labels)])
    toll = next(row for row in floods if row.about == "deaths")
    efe = {claim.value for claim in toll.claims if claim.source == "EFE"}
    assert efe == {"9"}, "EFE's first version said 7; only its latest speaks"
    raised = updates([wires[index] for index in floods_wires(found, labels)])
    assert [(row.about, [(c.source, c.value) for c in row.claims]) for row in raised] == [
        ("deaths", [("EFE", "7"), ("EFE", "9")]),
        ("evacuated", [("EFE", "1,200"), ("EFE", "1,500")]),
    ], "shown as EFE's updates"


@pytest.fixture(scope="module")
def brief_stories(labelled: tuple[list[Article], list[str]]) -> list[Story]:
    return stories([(article, copied_digest(article)) for article in labelled[0]])


def test_a_story_shows_its_most_complete_version_and_every_source_in_time_order(brief_stories: list[Story]) -> None:
    floods = next(story for story in brief_stories if "Valencia" in story.digest.headline_en)
    assert floods.digest.input.endswith(":" + str(floods.digest.input.rsplit(":", 1)[1]))
    assert [source.agency for source in floods.sources] == ["EFE", "AFP", "dpa", "EFE", "Reuters"]
    assert floods.digest.headline == "Suben a nueve los muertos por las lluvias torrenciales en Valencia"
    assert brief_stories[-1].sources[0].agency == "AFP" and len(brief_stories[-1].sources) <= 2


def test_every_format_shows_sources_and_disagreements(brief_stories: list[Story]) -> None:
    fund = [story for story in brief_stories if "12" in story.digest.headline][:1]
    assert fund and fund[0].disagreements
    for output_format in ("text", "markdown", "html"):
        page = OUTPUT_FORMATS[output_format].brief(fund, RenderOptions(sender="s@example.org")).decode()
        assert "Reuters" in page and "15 billion euro" in page and "12 Milliarden Euro" in page, output_format
        assert "December 16" in page and "EU einigt sich auf 12 Milliarden Euro" in page, output_format
    document = json.loads(render.render_json(fund))
    story = document["stories"][0]
    assert set(story) == {"id", "digest", "sources", "disagreements", "updates"}
    assert {claim["value"] for row in story["disagreements"] for claim in row["claims"]} >= {
        "15 billion EUR (15,000 million)"
    }
    console = Console(record=True, width=120)
    console.print(render.render_rich(fund))
    shown = console.export_text()
    assert "15 billion euro" in shown and "dpa" in shown
    message = email.message_from_bytes(
        render.render_message(brief_stories, to="desk@example.org", sender="s@example.org"), policy=default
    )
    assert message["Subject"].startswith(f"Morning brief: {len(brief_stories)} stories from 35 wires")
    body = message.get_body(("plain",))
    assert body is not None and "Ingrid Baumer" in body.get_content()
    floods = [story for story in brief_stories if "Valencia" in story.digest.headline_en]
    assert "UPDATES\n  deaths: EFE: 7 personas -> 9 personas" in render.render_text(floods)
    assert "9 personas" in render.render_markdown(floods).split("### Updates")[1]


def wait_for(condition: Callable[[], bool], log: Path, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out; the watcher said: {log.read_text(encoding='utf-8')}"
        time.sleep(0.2)


def wire_file(folder: Path, story_id: str) -> Path:
    """One labelled JSON record as a plain-text wire file, as an agency feed drops it."""
    record = next(
        json.loads(line) for line in (DATA / "wires.jsonl").read_text("utf-8").splitlines() if story_id in line
    )
    path = folder / f"{record['id']}.txt"
    path.write_text(f"{record['title']}\n\n{record['source']}\n\n{record['text']}\n", encoding="utf-8")
    return path


# `presssum` itself, with one wire moved into the inbox as the first brief is grouped: it lands before the
# watcher starts, so no file event announces it (the moment a busy machine made the watcher miss a wire)
LANDS_DURING_THE_FIRST_BRIEF = """
import os, sys
import presssum.cli_brief as brief
from presssum.cli import main

real, waiting, landed = brief.collect, sys.argv.pop(1), sys.argv.pop(1)

def collect(*args, **kwargs):
    found = real(*args, **kwargs)
    if os.path.exists(waiting):
        os.replace(waiting, landed)
    return found

brief.collect = collect
sys.exit(main())
"""


def test_brief_watch_adds_a_new_wire_to_its_story_as_a_fresh_brief_of_the_inbox_groups_it(
    tmp_path: Path, write_config: WriteConfig, echo_model: Path
) -> None:
    pairs = {lang: {"model": str(echo_model)} for lang in ("fr", "de", "es")}
    config = write_config(translation={"pairs": pairs}, back_translation={"pairs": pairs})
    inbox, out, log, later = tmp_path / "inbox", tmp_path / "out", tmp_path / "brief.log", tmp_path / "later"
    inbox.mkdir()
    later.mkdir()
    wire_file(inbox, '"afp-ue-fonds"')
    wire_file(inbox, '"afp-louvre"')
    waiting = wire_file(later, '"dpa-eu-stromnetze"')
    command = ["brief", str(inbox), "--watch", "-o", str(out), "-f", "json", "--config", str(config)]
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-c", LANDS_DURING_THE_FIRST_BRIEF, str(waiting), str(inbox / waiting.name), *command],
            stderr=stderr,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
            preexec_fn=ctrl_c_as_at_a_terminal,
        )
    try:
        wait_for(lambda: "watching" in log.read_text(encoding="utf-8"), log)
        first = json.loads((out / "index.json").read_text("utf-8"))["stories"]
        assert [entry["sources"] for entry in first] == [1, 1]
        assert (inbox / waiting.name).exists()
        wait_for(
            lambda: any(e["sources"] == 2 for e in json.loads((out / "index.json").read_text("utf-8"))["stories"]),
            log,
            seconds=60,
        )
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    assert process.returncode == 130, log.read_text("utf-8")  # Ctrl-C, as for digest and watch
    entry = next(e for e in json.loads((out / "index.json").read_text("utf-8"))["stories"] if e["sources"] == 2)
    story = json.loads((out / entry["file"]).read_text("utf-8"))["stories"][0]
    assert {source["agency"] for source in story["sources"]} == {"AFP", "dpa"}
    dates = next(row for row in story["disagreements"] if row["kind"] == "date")
    assert {claim["value"] for claim in dates["claims"]} == {"December 15", "December 16"}
    assert len(list(out.glob("*.json"))) == 3, "two stories and the index; no stale file"
    watched = {
        frozenset(source["input"] for source in json.loads(path.read_text("utf-8"))["stories"][0]["sources"])
        for path in out.glob("*.json")
        if path.name != "index.json"
    }
    fresh = run_cli("brief", str(inbox), "-f", "json", "--config", str(config))
    assert watched == {frozenset(s["input"] for s in story["sources"]) for story in json.loads(fresh.stdout)["stories"]}
    assert datetime.now(timezone.utc) - published_or_now(story) < timedelta(hours=1), "a .txt wire's time is its mtime"


def published_or_now(story: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(story["sources"][0]["published"])


def test_published_reads_iso_and_rfc_2822_dates_as_utc() -> None:
    def at(date: str) -> datetime | None:
        return published(Article(headline="h", paragraphs=("p",), date=date))

    assert at("2026-11-30T06:10:00+01:00") == datetime(2026, 11, 30, 5, 10, tzinfo=timezone.utc)
    assert at("Mon, 30 Nov 2026 05:10:00 GMT") == datetime(2026, 11, 30, 5, 10, tzinfo=timezone.utc)
    assert at("yesterday") is None


# The hard set: tests/data/brief-v2/dev (50 plain-text wires, 15 stories, 7 languages, look-alike stories).
# The halves scored once by hand (docs/brief.md) are read here too since. A later unseen half is not.
DEV = Path(__file__).parent / "data" / "brief-v2" / "dev"


@pytest.fixture(scope="module")
def dev() -> tuple[list[StoryWire], list[str]]:
    from bench.brief import labelled_set

    return labelled_set(DEV)


@pytest.mark.parametrize(
    "half", [DEV, DEV.parent / "heldout", DEV.parent / "heldout2"], ids=["dev", "heldout", "heldout2"]
)
def test_labelled_halves_are_grouped_by_event_and_their_disagreements_surfaced_by_the_unseen_sets_scorer(
    half: Path,
) -> None:
    from bench.brief import brief_json, scorer, unplanted_rows

    labels = json.loads((half / "labels.json").read_text("utf-8"))
    brief = brief_json(half)
    result = scorer().score(labels, brief["stories"])
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, result
    assert result["surfaced"] == result["disagreements"] == 6, result
    labelled_stories = {frozenset(names) for names in labels["stories"].values()}
    with_rows = [story for story in brief["stories"] if story["disagreements"]]
    for story in with_rows:  # no row invented: only stories with a planted disagreement have one, and one each
        names = frozenset(Path(source["input"]).name for source in story["sources"])
        planted = [d for d in labels["disagreements"] if set(d["files"]) <= names]
        assert names in labelled_stories and len(planted) == len(story["disagreements"]), story["disagreements"]
    assert unplanted_rows(labels, brief["stories"]) == []
    assert all(not story["updates"] for story in brief["stories"] if "marseille" in str(story["sources"])), (
        "one agency's verdict wire and its arrest wire are two stories: no 'update' from one person's term to another's"
    )
    sources = [source for story in brief["stories"] for source in story["sources"]]
    assert {source["published_from"] for source in sources} == {"dateline", "file"}
    assert all(len(s["published"]) == 10 for s in sources if s["published_from"] == "dateline"), "a day, no hour"


@pytest.mark.parametrize(
    ("name", "surfaced"),
    [
        ("heldout3", 6),
        ("heldout4", 8),
        ("heldout5", 8),
        ("heldout6", 7),
        ("heldout7", 8),
        ("heldout8", 8),
        ("heldout9", 8),
        ("heldout10", 8),
        ("heldout11", 8),
        ("heldout12", 8),
        ("heldout13", 8),
        ("heldout15", 8),
        ("heldout16", 8),
        ("heldout19", 8),
        ("heldout21", 8),
        ("heldout22", 8),
        ("heldout23", 8),
        ("heldout24", 8),
        ("heldout28", 8),
        ("heldout29", 7),
        ("heldout30", 7),
        ("heldout31", 7),
        ("heldout32", 8),
        ("heldout33", 7),
        ("heldout43", 7),
        ("heldout44", 8),
        ("heldout46", 8),
        ("heldout48", 8),
    ],
)
def test_later_halves_are_grouped_with_precision_and_recall_of_at_least_090(name: str, surfaced: int) -> None:
    """brief_score.py's bar for grouping; disagreements as surfaced when the half was last measured (heldout6
    misses a town after 'drowned', which is no event word)."""
    from bench.brief import brief_json, scorer

    half = DEV.parent / name
    labels = json.loads((half / "labels.json").read_text("utf-8"))
    result = scorer().score(labels, brief_json(half)["stories"])
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, result
    assert result["surfaced"] >= surfaced, result


def test_look_alike_stories_never_merge_however_low_the_threshold(dev: tuple[list[StoryWire], list[str]]) -> None:
    wires, labels = dev
    apart = [
        {"ndrangheta-verdict-catanzaro", "ndrangheta-arrest-spain"},  # a verdict; the next day, an arrest abroad
        {"quake-granada-atarfe", "quake-granada-baza"},  # two earthquakes a week apart
        {"portugal-rail-strike", "france-atc-strike"},  # a rail strike; a foreign air-traffic strike
        {"eu-aluminium-quotas", "eu-china-battery-prices"},  # one commissioner: quotas, then price talks
        {"valtellina-landslide-anniversary", "valtellina-new-landslide"},  # an anniversary; a new landslide
    ]
    for members in group(wires, threshold=0.01):
        found = {labels[index] for index in members}
        assert not any(pair <= found for pair in apart), found


def test_the_inverted_index_finds_the_same_stories_as_comparing_every_pair(
    dev: tuple[list[StoryWire], list[str]],
) -> None:
    wires, _ = dev
    every_pair = group(wires, exhaustive=True)
    # features shared by more than 4 wires of a day (a country, an event, a date) make no candidate pair here
    assert group(wires, rare=4) == every_pair == group(wires)


@pytest.mark.parametrize(
    ("dateline", "lang", "day"),
    [
        ("ROME, 12 mars (AFP) -", "fr", date(2026, 3, 12)),
        ("COSENZA, 5 marzo (ANSA) -", "it", date(2026, 3, 5)),
        ("BERLIN, 9. Februar (dpa) -", "de", date(2026, 2, 9)),
        ("MADRID, 3 mar (EFE).-", "es", date(2026, 3, 3)),
        ("LISBOA, 12 nov (Lusa) -", "pt", date(2025, 11, 12)),  # in 2026 it would be in the future
        ("PARIS, Nov 12 (Reuters) -", "en", date(2025, 11, 12)),
        ("DEN HAAG, 14 maart (ANP) -", "fr", date(2026, 3, 14)),  # a misdetected language: Dutch months too
    ],
)
def test_a_wire_without_a_date_field_is_dated_by_its_dateline_never_more_than_a_day_ahead(
    tmp_path: Path, dateline: str, lang: str, day: date
) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("x", encoding="utf-8")
    copied = datetime(2026, 3, 20, 8, 0, tzinfo=timezone.utc).timestamp()
    os.utime(path, (copied, copied))
    article = Article(headline="h", paragraphs=("p",), dateline=dateline, input=str(path))
    moment = wire_time(article, lang, now=datetime(2026, 6, 1, tzinfo=timezone.utc))
    assert moment is not None and moment.source == "dateline" and moment.start.date() == day
    assert moment.end - moment.start == timedelta(days=1)


def test_a_copied_inbox_s_file_times_are_shown_but_do_not_date_its_wires(tmp_path: Path) -> None:
    dated = Article(headline="h", paragraphs=("ROMA, 12 novembre (ANSA) - testo.",), input=str(tmp_path / "a.txt"))
    undated = Article(headline="h", paragraphs=("Berlin (dpa) - Text.",), input=str(tmp_path / "b.txt"))
    for article in (dated, undated):
        Path(article.input).write_text("x", encoding="utf-8")  # both copied today
    now = datetime.now(timezone.utc)
    first, second = wire_times([dated, undated], ["it", "de"], now)
    assert first is not None and first.source == "dateline" and first.start.month == 11
    assert second is not None and second.source == "file" and not second.trusted
    alone = wire_times([undated], ["de"], now)[0]
    assert alone is not None and alone.trusted, "with nothing to contradict it, a file's time stands"


def wires_from(tmp_path: Path, texts: dict[str, str]) -> list[StoryWire]:
    """Plain-text wires written to files, as grouping sees them with the echo model (languages detected)."""
    from bench.brief import echo_digest

    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    articles = [a for a in load_articles([str(tmp_path / name) for name in texts]) if isinstance(a, Article)]
    return [wire_of(article, echo_digest(article)) for article in articles]


def table(wires: list[StoryWire]) -> dict[str, dict[str, str]]:
    """The disagreement rows of `wires` by what they are about, each as agency -> value; one row per subject."""
    rows = disagreements(wires)
    found = {row.about: {claim.source: claim.value for claim in row.claims} for row in rows}
    assert len(found) == len(rows), rows
    return found


def test_a_wire_reports_what_its_headline_says_happened_not_what_it_recalls_most(tmp_path: Path) -> None:
    arrest, verdict = wires_from(
        tmp_path,
        {
            "it-arresto.txt": "Arrestato a Lione un latitante il giorno dopo la condanna\n\nLIONE, 4 maggio (ANSA) - "
            "Condannato ieri in contumacia a 9 anni di carcere, un uomo di 41 anni è stato arrestato a Lione. "
            "La condanna era stata pronunciata dal tribunale di Torino. Il tribunale aveva condannato altri "
            "sei imputati. La sentenza sarà eseguita.",
            "it-sentenza.txt": "Condannati sette imputati a Torino\n\nTORINO, 3 maggio (ANSA) - Il tribunale ha "
            "condannato sette imputati.",
        },
    )
    assert (arrest.event, verdict.event) == ("arrest", "verdict")


def test_one_name_in_two_spellings_a_date_range_and_two_people_s_terms_are_no_disagreement(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "de.txt": "Gericht verurteilt Bandenchef\n\nBERLIN, 20. Oktober (dpa) - Das Gericht hat den Chef der "
            "Bande zu 13 Jahren Haft verurteilt, sagte Richterin Jelena Schröder. "
            "Minister Oleksandr Kubrakow begrüßte das Urteil. 17 Angeklagte erhielten zwischen "
            "zwei und zwölf Jahren Haft. Ein 29-jähriger Mitangeklagter wurde zu zehn Jahren Haft verurteilt. "
            "Die Berufung wird am 26. und 27. Oktober verhandelt.",
            "en.txt": "Court jails gang boss\n\nBERLIN, Oct 20 (Reuters) - The court sentenced the gang's boss to "
            "13 years in prison, judge Jelena Schroeder said. "
            "Minister Oleksandr Kubrakov welcomed it. The appeal will be heard on Oct. 26-27.",
            "en-ap.txt": "Court jails gang boss\n\nBERLIN, Oct 20 (AP) - The court sentenced the gang's boss to "
            "13 years in prison, judge Jelena Schroder said. The appeal will be heard on Oct. 27.",
        },
    )
    assert disagreements(wires) == ()
    later_arrest = wires_from(
        tmp_path,
        {
            "de-2.txt": "Flüchtiger in Rotterdam gefasst\n\nBERLIN, 21. Oktober (dpa) - Der 29-Jährige, der zu zehn "
            "Jahren Haft verurteilt worden war, wurde gefasst.",
        },
    )
    assert updates([wires[0], *later_arrest]) == (), "the boss's 13 years and a co-defendant's 10 are two people's"


def test_where_the_lead_says_it_happened_is_set_against_another_agency_s_town(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "fr.txt": "Deux morts dans une usine\n\nLYON, 3 mai (AFP) - Deux ouvriers sont morts jeudi dans une "
            "usine chimique à Saint-Fons, près de Lyon.",
            "en.txt": "Two dead at chemical plant\n\nLYON, May 3 (Reuters) - Two workers died on Thursday at a "
            "chemical plant in Feyzin, near Lyon.",
        },
    )
    assert table(wires) == {"place": {"AFP": "Saint-Fons", "Reuters": "Feyzin"}}


def test_a_headline_s_news_is_its_predicate_not_the_verdict_that_describes_its_subject(tmp_path: Path) -> None:
    texts = {
        "pt.txt": "Condenado em fuga por fraude ao IVA detido nos Países Baixos\n\nLISBOA, 16 set (Lusa) - Um dos "
        "arguidos condenados na terça-feira foi hoje detido. Tinha sido condenado a sete anos de prisão.",
        "fr.txt": "Fraude à la TVA: un Portugais condamné par défaut arrêté aux Pays-Bas\n\nLA HAYE, 16 sept (AFP) - "
        "La police a arrêté un Portugais condamné la veille. Il avait été condamné à sept ans de prison.",
        "es.txt": "Detenido en Marbella un fugitivo de la mafia condenado ayer en Italia\n\nMADRID, 3 mar (EFE).- "
        "La policía ha detenido a un hombre condenado ayer. Fue condenado a catorce años de cárcel.",
        "nl.txt": "Portugees opgepakt in Breda na veroordeling voor btw-fraude\n\nBREDA, 16 september (ANP) - De "
        "politie heeft een man aangehouden die een dag eerder was veroordeeld tot zeven jaar cel.",
        "de.txt": "Verurteilter Betrüger in den Niederlanden gefasst\n\nBERLIN, 16. September (dpa) - Ein am "
        "Vortag verurteilter Mann wurde gefasst. Das Urteil lautete auf sieben Jahre Haft.",
    }
    wires = wires_from(tmp_path, texts)
    assert {Path(wire.article.input).name: wire.event for wire in wires} == dict.fromkeys(texts, "arrest")


def test_the_agency_is_the_dateline_s_bracket_that_is_no_country(tmp_path: Path) -> None:
    from presssum.disagree import agency

    (wire,) = wires_from(
        tmp_path, {"es.txt": "Incendio en Arouca\n\nAROUCA (Portugal), 14 sep (EFE).- El fuego sigue activo."}
    )
    assert agency(wire) == "EFE"


def test_a_surname_two_ways_and_a_year_two_ways_are_disagreements_an_institution_in_two_languages_is_not(
    tmp_path: Path,
) -> None:
    wires = wires_from(
        tmp_path,
        {
            "pt.txt": "Detido em Breda\n\nLISBOA, 16 set (Lusa) - O homem foi detido em Breda, segundo a Proteção "
            "Civil. O suspeito, Rui Fontes, de 46 anos, estava em fuga. A lei entra em vigor a 1 de janeiro de 2027.",
            "fr.txt": "Arrêté à Breda\n\nLA HAYE, 16 sept (AFP) - L'homme a été arrêté à Breda. Le suspect, Rui "
            "Fonseca, était en fuite. La loi entre en vigueur le 1er janvier 2027.",
            "es.txt": "Detenido en Breda\n\nAROUCA (Portugal), 16 sep (EFE).- El hombre fue detenido en Breda, según "
            "la Protección Civil. El sospechoso, Rui Fontes, estaba huido. La ley entra en vigor el 1 de enero "
            "de 2028.",
        },
    )
    rows = table(wires)
    assert rows == {
        "name": {"Lusa": "Rui Fontes", "EFE": "Rui Fontes", "AFP": "Rui Fonseca"},
        "year": {"Lusa": "January 1, 2027", "AFP": "January 1, 2027", "EFE": "January 1, 2028"},
    }


def test_a_phrase_opening_a_headline_up_to_a_comma_describes_its_subject_and_a_firefighter_is_no_fire(
    tmp_path: Path,
) -> None:
    texts = {
        "fr.txt": "Condamné par défaut à Anvers, un diamantaire belge arrêté à Benidorm\n\nMADRID, 5 mars (AFP) - "
        "Un diamantaire condamné la veille à sept ans de prison a été arrêté jeudi.",
        "en.txt": "Convicted in absentia, Belgian trader held in Spain\n\nMADRID, March 5 (Reuters) - Spanish police "
        "arrested a Belgian diamond trader sentenced on Wednesday to seven years in prison.",
        "it.txt": "Farmaci falsi: condannato a 9 anni, preso in Portogallo il latitante\n\nROMA, 13 giugno (ANSA) - "
        "È stato arrestato in Portogallo il latitante condannato mercoledì a nove anni.",
        "en-ap.txt": "Slovenia hit by second flood in a week; firefighter dies\n\nLJUBLJANA, Slovenia (AP) — The "
        "river overflowed on Tuesday, killing a firefighter during a rescue.",
    }
    wires = wires_from(tmp_path, texts)
    events = {Path(wire.article.input).name: wire.event for wire in wires}
    assert events == {"fr.txt": "arrest", "en.txt": "arrest", "it.txt": "arrest", "en-ap.txt": "flood"}


@pytest.mark.parametrize(
    ("headline", "lang"),
    [
        ("Madeira recorda as 17 vítimas do acidente de autocarro do Caniço há cinco anos", "pt"),
        ("Il y a dix ans, le séisme d'Amatrice", "fr"),
        ("Vor 20 Jahren: die Flut in Dresden", "de"),
        ("Twelve years ago, the dam broke", "en"),
    ],
)
def test_a_headline_recalling_an_event_years_ago_marks_an_anniversary_piece(headline: str, lang: str) -> None:
    from presssum.events import looks_back

    assert looks_back(headline, lang)
    assert not looks_back("Il y a eu 12 morts dans l'incendie", "fr")


def test_a_law_s_year_in_force_is_compared_but_a_recalled_event_s_toll_and_a_service_number_are_not(
    tmp_path: Path,
) -> None:
    wires = wires_from(
        tmp_path,
        {
            "de.txt": "Bundestag beschließt Tempolimit\n\nBERLIN, 6. März (dpa) - Der Bundestag hat ein Tempolimit "
            "beschlossen. Es soll 2027 in Kraft treten. Bei dem Zugunglück von 2013 starben 80 Menschen.",
            "en.txt": "German parliament passes speed limit\n\nBERLIN, March 6 (Reuters) - Germany's parliament "
            "passed a speed limit. The law will take effect in 2028, the minister said. The 2013 rail crash "
            "killed 79 people.",
            "es.txt": "Alemania aprueba un límite de velocidad\n\nBERLÍN, 6 mar (EFE).- El Bundestag aprobó un "
            "límite de velocidad, según el 112 Berlin, que entrará en vigor en 2027.",
        },
    )
    rows = table(wires)
    assert rows == {"year": {"dpa": "2027", "Reuters": "2028", "EFE": "2027"}}


def test_a_town_of_several_words_is_read_whole_and_one_police_in_two_languages_is_no_disagreement(
    tmp_path: Path,
) -> None:
    wires = wires_from(
        tmp_path,
        {
            "pt.txt": "Detido no Alentejo\n\nLISBOA, 16 abr (Lusa) - A Polícia Judiciária deteve hoje em Vila Nova de "
            "Milfontes um francês condenado em Bastia.",
            "es.txt": "Detenido en Portugal\n\nLISBOA, 16 abr (EFE).- La Policía Judicial portuguesa detuvo hoy en "
            "Sines a un francés condenado en Bastia.",
        },
    )
    assert table(wires) == {"place": {"Lusa": "Vila Nova de Milfontes", "EFE": "Sines"}}


def test_the_town_after_an_arrest_verb_is_read_through_a_word_for_town(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "es.txt": "Detenido en Portugal un condenado italiano\n\nLISBOA, 13 jun (EFE).- La policía detuvo este "
            "sábado en la localidad algarvía de Lagos al italiano condenado el miércoles.",
            "pt.txt": "PJ detém italiano condenado\n\nLISBOA, 13 jun (Lusa) - A Polícia Judiciária deteve hoje em "
            "Portimão um cidadão italiano condenado na quarta-feira.",
        },
    )
    assert table(wires) == {"place": {"EFE": "Lagos", "Lusa": "Portimão"}}


def test_one_event_told_in_two_languages_means_more_alike_than_two_events_told_in_one() -> None:
    from presssum.meaning import meaning

    quake_fr = meaning("Séisme de magnitude 5,1 en Crète: deux blessés et des maisons endommagées à Héraklion.")
    quake_de = meaning("Erdbeben der Stärke 5,1 auf Kreta: zwei Verletzte, beschädigte Häuser in Heraklion.")
    strike_fr = meaning("Grève des contrôleurs aériens en Crète: des vols annulés à Héraklion.")
    assert float(quake_fr @ quake_de) > float(quake_fr @ strike_fr) + 0.1


def test_a_name_declined_is_one_name_a_dotless_i_is_an_i_and_two_surnames_are_two(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "de.txt": "Brand in Istanbul\n\nISTANBUL, 13. Februar (dpa) - Bei einem Hotelbrand starben zwölf "
            "Menschen. Die Deutschen Bahn-Reisenden waren nicht betroffen. Der Besitzer Kemal Yılmaz wurde "
            "festgenommen.",
            "fr.txt": "Incendie à Istanbul\n\nISTANBUL, 13 fév (AFP) - Un incendie d'hôtel a fait douze morts. La "
            "Deutsche Bahn n'est pas concernée. Le propriétaire Kemal Yilmaz a été arrêté.",
            "en.txt": "Istanbul hotel fire\n\nISTANBUL, Feb 13 (Reuters) - A hotel fire killed 12 people. "
            "Prosecutors detained the owner, Kemal Yildiz.",
        },
    )
    from presssum.facts.text import fold

    (row,) = disagreements(wires)  # no row for 'Deutsche Bahn' against 'Deutschen Bahn'
    values = {claim.source: fold(claim.value) for claim in row.claims}
    assert values.pop("Reuters") == "kemal yildiz" and set(values.values()) == {"kemal yilmaz"}, row


def test_units_read_as_regions_and_agencies_write_them() -> None:
    from presssum.fingerprint import figures

    found = figures("A gust of 156 kph, winds of 120 kilometres per hour and 90 km/h, 40 metres away.", "en")
    assert [(figure.value, figure.unit) for figure in found] == [
        (156, "speed-kilometer-per-hour"),
        (120, "speed-kilometer-per-hour"),
        (90, "speed-kilometer-per-hour"),
        (40, "length-meter"),
    ]
    (gust,) = figures("registou rajadas de 165 quilómetros por hora em Mace Head", "pt")
    assert (gust.value, gust.unit, gust.role) == (165, "speed-kilometer-per-hour", "gusts")


def test_a_region_an_adjective_or_the_agency_told_is_no_town_where_it_happened(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "it.txt": "Frana in Tirolo, due morti\n\nINNSBRUCK, 7 luglio (ANSA) - Una frana nel Tirolo ha ucciso due "
            "persone nel villaggio di Sölden.",
            "nl.txt": "Twee doden door modderstroom in Oostenrijks wintersportdorp\n\nSÖLDEN (ANP) - In het "
            "Oostenrijkse wintersportdorp Sölden zijn twee mensen om het leven gekomen.",
            "pt.txt": "Deslizamento mata dois na Áustria\n\nVIENA, 7 jul (Lusa) - Um deslizamento de terras matou "
            "duas pessoas na aldeia de Sölden, confirmou à Lusa a polícia.",
        },
    )
    assert disagreements(wires) == ()


def test_a_day_a_week_apart_and_an_area_a_third_apart_are_disagreements(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "fr.txt": "Incendie près de Marseille\n\nMARSEILLE, 8 juil (AFP) - Un incendie a parcouru quelque 140 "
            "hectares de garrigue. Le référendum local aura lieu le 17 octobre.",
            "es.txt": "Incendio cerca de Marsella\n\nMARSELLA, 8 jul (EFE).- Un incendio ha calcinado unas 190 "
            "hectáreas de monte. El referéndum local se celebrará el 24 de octubre.",
        },
    )
    rows = table(wires)
    assert rows["date"] == {"AFP": "October 17", "EFE": "October 24"}
    assert {value.split()[0] for value in rows.values() for value in value.values()} >= {"140", "190"}, rows


def test_a_day_named_by_its_weekday_alone_and_an_earlier_day_in_the_lead_are_dates_agencies_give(
    tmp_path: Path,
) -> None:
    meeting = {
        "es.txt": "Pescadores gallegos bloquean los puertos\n\nSANTIAGO, 15 dic (EFE).- Los pescadores gallegos "
        "bloquean sus puertos.\n\nEl ministerio los ha citado a una reunión en Madrid el jueves 17. Los armadores "
        "mantendrán el bloqueo.",
        "fr.txt": "Les pêcheurs galiciens bloquent leurs ports\n\nMADRID, 15 déc (AFP) - Les pêcheurs galiciens "
        "bloquent leurs ports.\n\nLe ministère les a convoqués à Madrid vendredi 18 décembre.",
    }
    assert table(wires_from(tmp_path, meeting))["date"] == {"EFE": "December 17", "AFP": "December 18"}
    doping = {
        "es.txt": "Cuatro años de sanción para Sendín\n\nMADRID, 7 may (EFE).- El ciclista Álvaro Sendín ha sido "
        "suspendido cuatro años por dar positivo en un control realizado el 14 de marzo durante la París-Niza.",
        "fr.txt": "Quatre ans de suspension pour Sendin\n\nAIGLE (Suisse), 7 mai (AFP) - L'Espagnol Alvaro Sendin a "
        "été suspendu quatre ans pour un contrôle positif lors de Paris-Nice le 15 mars.",
    }
    assert table(wires_from(tmp_path, doping))["date"] == {"EFE": "March 14", "AFP": "March 15"}


def test_a_look_back_closing_news_a_recalled_verdict_s_city_and_a_region_are_not_the_news_or_its_place(
    tmp_path: Path,
) -> None:
    from presssum.events import looks_back

    assert not looks_back("Italie: deux morts dans une explosion de gaz en Calabre, dix ans après un drame", "fr")
    assert looks_back("Dieci anni fa l'esplosione di via Sbarre, Reggio ricorda le sei vittime", "it")
    wires = wires_from(
        tmp_path,
        {
            "it.txt": "Condannato a Gand per cocaina, belga arrestato a Malta\n\nLA VALLETTA, 15 gennaio (ANSA) - "
            "Un belga condannato a Gand è stato arrestato a Sliema. La palazzina del 1971 è intatta.",
            "fr.txt": "Un Belge condamné à Gand arrêté à Malte\n\nLA VALETTE, 15 janv (AFP) - Un Belge condamné par "
            "défaut à Gand a été arrêté en Calabre à Sliema. L'immeuble, construit en 1977, est intact.",
        },
    )
    rows = table(wires)
    assert rows == {"year": {"ANSA": "1971", "AFP": "1977"}}, rows


def test_a_title_in_two_languages_and_a_recalled_date_are_no_disagreement(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "de.txt": "Brand in Utrecht\n\nUTRECHT, 24. August (dpa) - Bei einem Wohnungsbrand starben drei "
            "Menschen, sagte Bürgermeister Henk Dijkstra. Das Erdbeben von Amatrice am 24. August 2016 war "
            "schlimmer. Der Prozess beginnt am 18. August.",
            "nl.txt": "Brand in Utrecht\n\nUTRECHT, 24 augustus (ANP) - Bij een woningbrand zijn drie mensen "
            "omgekomen, zei burgemeester Henk Dijkstra. Burgemeester Henk Dijkstra was ter plaatse.",
        },
    )
    assert disagreements(wires) == ()


def test_a_town_near_which_it_happened_is_compared_and_one_town_in_two_languages_is_not(tmp_path: Path) -> None:
    near = wires_from(
        tmp_path,
        {
            "fr.txt": "Autriche: un éboulement coupe l'autoroute\n\nVIENNE, 10 oct (AFP) - Des roches se sont abattues "
            "samedi sur l'autoroute près de Kuchl, dans la province de Salzbourg, faisant deux blessés.",
            "de.txt": "Felssturz im Salzachtal\n\nSALZBURG, 10. Oktober (dpa) - Gestein stürzte am Samstag bei "
            "Golling auf die Autobahn. Zwei Autofahrer wurden verletzt.",
            "it.txt": "Frana sull'autostrada dei Tauri\n\nBOLZANO, 10 ottobre (ANSA) - Una frana si è abbattuta "
            "sull'autostrada vicino a Golling, nel Salisburghese, ferendo due automobilisti.",
        },
    )
    assert table(near) == {"place": {"AFP": "Kuchl", "dpa": "Golling", "ANSA": "Golling"}}
    one_town = wires_from(
        tmp_path,
        {
            "fr-2.txt": "Un diamantaire arrêté à Anvers\n\nBRUXELLES, 4 mars (AFP) - Un diamantaire a été arrêté à "
            "Anvers. Un tram a déraillé à Vienne, faisant trois blessés.",
            "nl-2.txt": "Diamanthandelaar aangehouden in Antwerpen\n\nBRUSSEL (ANP) - Een diamanthandelaar is in "
            "Antwerpen aangehouden.",
        },
    )
    assert table(one_town) == {}
    tram = wires_from(
        tmp_path,
        {
            "fr-3.txt": "Un tram déraille à Vienne\n\nVIENNE, 15 nov (AFP) - Un tram a déraillé à Vienne, trois "
            "blessés.",
            "de-3.txt": "Straßenbahn entgleist in Wien-Favoriten\n\nWIEN, 15. November (dpa) - Eine Straßenbahn ist "
            "in Wien-Favoriten entgleist, drei Menschen wurden verletzt.",
        },
    )
    assert table(tram) == {}, "a district of the town, hyphenated after its name, is the town"


def test_a_region_a_foreign_village_s_name_or_an_institution_is_no_town_where_it_happened(tmp_path: Path) -> None:
    from presssum import gazetteer

    assert gazetteer.same_town("Anvers", "Antwerpen") and not gazetteer.same_town("Marbella", "Estepona")
    assert gazetteer.country("VIENNE") == "AT" and "ES" not in {town.country for town in gazetteer.towns("Asturias")}
    wires = wires_from(
        tmp_path,
        {
            "es.txt": "Detenido en Asturias un belga condenado\n\nOVIEDO, 9 ago (EFE).- La Guardia Civil ha detenido "
            "en Asturias a un belga condenado en Lieja.",
            "it.txt": "Arrestato a Llanes un belga condannato\n\nMADRID, 9 agosto (ANSA) - La polizia spagnola ha "
            "arrestato a Llanes un belga condannato a Liegi.",
            "pt.txt": "Comboio descarrila perto de Bolonha\n\nROMA, 9 ago (Lusa) - Um comboio descarrilou hoje "
            "perto de Bolonha, no norte de Itália, informou a Proteção Civil italiana.",
        },
    )
    assert "place" not in table(wires[:2]), "Asturias is a Spanish region; the only town so called is Philippine"
    assert gazetteer.towns("Bolonha") and table([wires[2], wires[1]]).get("place") != {"Lusa": "Proteção Civil"}
    election = wires_from(
        tmp_path,
        {
            "de-2.txt": "FPÖ gewinnt Wahl in Kärnten\n\nKLAGENFURT, 3. August (dpa) - Die FPÖ hat die Wahl in "
            "Kärnten gewonnen.",
            "en-2.txt": "Far right wins election in Carinthia\n\nVIENNA, Aug 3 (Reuters) - The Freedom Party won the "
            "election in Carinthia.",
        },
    )
    assert "place" not in table(election), "a region votes, named in each agency's language"


def test_gusts_measured_at_two_stations_are_two_measurements_and_at_one_station_a_disagreement(
    tmp_path: Path,
) -> None:
    texts = {
        "de.txt": "Sturm an der Nordsee\n\nHAMBURG, 14. März (dpa) - Auf Helgoland maß der Wetterdienst eine "
        "Spitzenböe von 126 Kilometern pro Stunde.",
        "nl.txt": "Storm langs de kust\n\nDEN HAAG (ANP) - In Hoek van Holland werd een windstoot van 117 kilometer "
        "per uur gemeten.",
    }
    assert table(wires_from(tmp_path, texts)) == {}
    texts["nl.txt"] = texts["nl.txt"].replace("In Hoek van Holland", "Op Helgoland")
    assert "gusts (kilometers per hour)" in table(wires_from(tmp_path, texts))


def test_roles_as_agencies_phrase_them_and_amounts_as_they_write_them() -> None:
    from presssum.fingerprint import figures

    def read(text: str, lang: str) -> list[tuple[float, str, str | None]]:
        return [(figure.value, figure.unit, figure.role) for figure in figures(text, lang)]

    assert read("floods killed two, forcing about 380 people from their homes", "en")[-1][2] == "evacuated"
    assert read("Etwa 120 Bewohner mussten ihre Häuser verlassen.", "de") == [(120, "", "evacuated")]
    assert read("un incendio calcinó unas 190 hectáreas", "es") == [(190, "area-hectare", None)]
    assert read("Böen mit 156 Kilometern pro Stunde", "de") == [(156, "speed-kilometer-per-hour", "gusts")]
    assert read("Der Anführer wurde zu fünf Jahren Haft verurteilt.", "de") == [(5, "duration-year", "prison term")]
    assert read("Die Anlage kostet 7,6 Milliarden Kronen.", "de") == read("coûte 7,6 milliards de couronnes", "fr")
    assert read("schickt 1100 Beschäftigte in Kurzarbeit", "de") == [(1100, "", "furloughed")]
    assert read("will temporarily lay off 1,300 workers", "en") == [(1300, "", "furloughed")]
    assert read("ein Holzboot mit 212 Migranten an Bord", "de")[0][2] == "passengers"
    assert read("sept skieurs ont été ensevelis, 7 au total", "fr")[0][2] == "buried"
    assert read("as police said 80,000 people marched", "en")[0][2] == "protesters"
    assert read("380 departures and arrivals were cancelled", "en")[0][2] == "flights"
    assert read("fielen 187 Liter Regen pro Quadratmeter", "de") == [(187, "volume-liter", "rainfall")]
    assert read("le port de Valence bloqué par 500 tracteurs", "fr") == [(500, "", "tractors")]
    assert read("un record de 47,8 °C à Mora", "fr") == [(47.8, "temperature-celsius", "temperature")]
    assert read("forced it to postpone 240 surgeries", "en") == [(240, "", "operations")]
    assert read("a reporter 420 opérations chirurgicales", "fr") == [(420, "", "operations")]
    assert read("e quatro pessoas foram resgatadas com vida do mar", "pt") == [(4, "", "rescued")]
    assert read("four other bathers were pulled alive from the sea", "en") == [(4, "", "rescued")]
    assert read("Les 121 mineurs présents sous terre ont été évacués", "fr") == [(121, "", "evacuated")]  # no TER
    assert read("Onze personnes ont été hospitalisées", "fr") == [(11, "", "hospitalised")]
    assert read("Wedding feast sends 43 guests to hospital", "en") == [(43, "", "hospitalised")]
    assert read("Bei dem Gedränge ist ein 19-Jähriger ums Leben gekommen.", "de")[0][2] == "age"
    assert read("Calca al Rock Fest, un morto e 38 feriti", "it") == [(1, "", "deaths"), (38, "", "injured")]
    assert read("One dead as bus overturns", "en") == [(1, "", "deaths")]
    assert read("Tempête Lotte: un mort à Gand", "fr") == [], "a town's one dead, where many places count theirs"
    assert read("Quelque 12 000 infirmiers ont défilé jeudi à Bruxelles", "fr") == [(12000, "", "protesters")]
    assert read("12 000 soignants dans la rue", "fr") == [(12000, "", "protesters")]
    assert read("Belgium orders cull of 145,000 chickens", "en") == [(145000, "", "culled")]
    assert read("154 000 Hühner werden getötet", "de") == [(154000, "", "culled")], "animals, not a toll"
    assert read("Alle 145.000 kippen worden geruimd", "nl") == [(145000, "", "culled")]
    assert read("entdeckte den 320 Gramm schweren Stein", "de") == [(320, "", "grams")]
    assert read("found a 380-gram meteorite fragment", "en") == [(380, "", "grams")]
    assert read("das Programm mit 300 Stellen", "de") == [(300, "", "jobs")], "no gram in 'Programm'"
    assert read("expone los datos de 4,2 millones de clientes", "es") == [(4200000, "", "customers")]
    assert read("stole data on 4.6 million users", "en") == [(4600000, "", "customers")]
    assert read("Das Beben dauerte 30 Sekunden.", "de") == [(30, "", None)], "no customers in 'Sekunden'"
    assert read("Der Frachter verlor 46 Container in der Nordsee", "de") == [(46, "", "containers")]
    assert read("Algarve: five drown as rip currents hit beaches", "en")[0][2] == "deaths"
    assert read("Vier Badegäste sind an der Algarve ertrunken", "de")[0][2] == "deaths"
    assert read("cuatro bañistas murieron ahogados", "es")[0][2] == "deaths"
    assert read("Cinq détenus se sont évadés de la prison de Leiria", "fr")[0][2] is None, "inmates, not a term"
    (bound,) = figures("Explosie in Botlek, minstens één dode", "nl")
    assert (bound.value, bound.role, bound.at_least) == (1, "deaths", True)
    (died,) = figures("num albergue de Santiago de Compostela, onde morreram três pessoas", "pt")
    assert (died.value, died.role, died.places) == (3, "deaths", frozenset()), "Santiago de Compostela is no Chile"


def test_a_participle_opening_a_headline_describes_its_subject_and_more_events_are_named(tmp_path: Path) -> None:
    arrest, tornado, ferry = wires_from(
        tmp_path,
        {
            "it.txt": "Condannato a Bordeaux per la truffa dei vini, arrestato a Zara\n\nZARA, 7 maggio (ANSA) - È "
            "stato arrestato a Zara il broker condannato a Bordeaux.",
            "nl.txt": "Nederlandse kampeerders ongedeerd na windhoos in Normandië\n\nDEN HAAG (ANP) - Een windhoos "
            "trok over een camping bij Carentan.",
            "it-2.txt": "Traghetto urta banchina nel porto di Ancona, 14 feriti\n\nANCONA, 12 settembre (ANSA) - "
            "Un traghetto ha urtato la banchina del porto.",
        },
    )
    assert (arrest.event, tornado.event, ferry.event) == ("arrest", "storm", "accident")
    (avalanche,) = wires_from(
        tmp_path,
        {"de.txt": "Lawine in St. Anton: drei Tote\n\nINNSBRUCK (dpa) - Eine Lawine hat drei Skifahrer getötet."},
    )
    assert avalanche.event == "landslide", "snow coming down a slope is one class with rock and mud"


def test_a_common_noun_before_a_name_in_two_languages_is_no_misspelt_given_name(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "nl.txt": "Supermarktketen wint\n\nAMSTERDAM (ANP) - De winst steeg, terwijl Concurrent Delvaux Retail "
            "winkels sluit.",
            "de.txt": "Supermarktkette wächst\n\nAMSTERDAM, 6. Mai (dpa) - Der Gewinn stieg, während Konkurrent "
            "Delvaux Retail am selben Tag schließt.",
        },
    )
    assert table(wires) == {}


def test_a_toll_recalled_under_an_earlier_date_is_another_event_s_and_sept_is_september(tmp_path: Path) -> None:
    from presssum.facts import extract_dates

    assert [date.value for date in extract_dates("They will strike again on Sept. 28.", "en")] == ["09-28"]
    wires = wires_from(
        tmp_path,
        {
            "en.txt": "Blast kills three at Dutch chemical plant\n\nMOERDIJK, Aug 10 (AP) - An explosion at a chemical "
            "plant killed three people on Monday.\n\nOn Aug. 3, a tank exploded in Rotterdam, killing two workers.",
            "de.txt": "Explosion in Chemiewerk\n\nMOERDIJK, 10. August (dpa) - Bei einer Explosion in einem Chemiewerk "
            "sind zwei Menschen ums Leben gekommen. Am 3. August waren in Rotterdam zwei Arbeiter getötet worden.",
        },
    )
    assert table(wires)["deaths"] == {"AP": "3", "dpa": "2"}, "the toll every agency recalls hides no disagreement"


def test_the_year_an_old_building_was_built_is_compared(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "en.txt": "Fire guts Coimbra college\n\nLISBON, Oct 17 (Reuters) - Firefighters brought the blaze at the "
            "college, built in 1782, under control.",
            "fr.txt": "Incendie à Coimbra\n\nLISBONNE, 17 oct (AFP) - Le feu a pris dans le collège, construit en "
            "1728, et a été maîtrisé.",
        },
    )
    assert table(wires)["year"] == {"Reuters": "1782", "AFP": "1728"}


@pytest.mark.parametrize(
    ("headline", "lang", "event"),
    [
        ("Werft Meyerhoff streicht 520 Stellen", "de", "job cuts"),
        ("Chantiers Loire to cut 300 jobs after missing ferry orders", "en", "job cuts"),
        ("Cantieri Tirreni, commessa da 2,1 miliardi per tre traghetti", "it", "order"),
        ("Croisière: commande de trois paquebots pour les Chantiers Loire", "fr", "order"),
        ("Banco Levante eleva su beneficio un 18% en el semestre", "es", "results"),
        ("Crolla una palazzina nel centro di Lecce, due morti", "it", "collapse"),
        ("Einsturz eines Parkhauses in Kassel", "de", "collapse"),
        ("Naufragio de un pesquero frente a Burela", "es", "shipwreck"),
    ],
)
def test_a_company_s_news_a_collapse_and_a_shipwreck_are_events_of_their_own(
    headline: str, lang: str, event: str
) -> None:
    from presssum.events import compatible, wire_event

    assert wire_event(headline, ("",), lang) == event
    assert not compatible({"job cuts", "order"}), "a shipyard's cuts and another's order are two stories"
    assert compatible({"collapse", "earthquake"}) and compatible({"job cuts", "strike"})


def test_two_shipyards_news_on_one_day_never_merge_however_low_the_threshold(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "de-cuts.txt": "Werft Meyerhoff streicht 520 Stellen\n\nPAPENBURG, 8. Mai (dpa) - Die Werft Meyerhoff "
            "baut 520 Stellen ab, weil Aufträge für Kreuzfahrtschiffe ausbleiben. Konkurrent Cantieri Tirreni "
            "hatte am selben Tag eine Bestellung gemeldet.",
            "en-cuts.txt": "Meyerhoff shipyard to cut 520 jobs\n\nBERLIN, May 8 (Reuters) - German shipbuilder "
            "Meyerhoff will cut 520 jobs as cruise orders dry up, while Italy's Cantieri Tirreni won a big order.",
            "it-order.txt": "Cantieri Tirreni, commessa da 2,1 miliardi per tre traghetti\n\nGENOVA, 8 maggio (ANSA) "
            "- Cantieri Tirreni ha firmato una commessa da 2,1 miliardi di euro per tre traghetti, mentre la "
            "tedesca Meyerhoff taglia 520 posti.",
            "fr-order.txt": "Commande de trois ferries pour Cantieri Tirreni\n\nROME, 8 mai (AFP) - Le constructeur "
            "naval Cantieri Tirreni a reçu une commande de 2,1 milliards d'euros pour trois ferries.",
        },
    )
    names = [Path(wire.article.input).name for wire in wires]
    found = [{names[index] for index in story} for story in group(wires, threshold=0.0)]
    assert not any(
        {"de-cuts.txt", "it-order.txt"} <= story or {"en-cuts.txt", "fr-order.txt"} <= story for story in found
    )


@pytest.mark.parametrize(
    ("headline", "lang"),
    [
        ("Diez años del incendio de la calle Mayor: Lugo aún recuerda", "es"),
        ("Tien jaar na explosie Delfzijl: 'Wij vergeten het nooit'", "nl"),
        ("Dieci anni dal crollo di via Roma", "it"),
    ],
)
def test_years_since_an_event_mark_an_anniversary_piece_but_years_in_prison_do_not(headline: str, lang: str) -> None:
    from presssum.events import looks_back

    assert looks_back(headline, lang)
    assert not looks_back("Condenado a diez años de cárcel el cabecilla de la trama", "es")
    assert not looks_back("Dieci anni di carcere al boss della truffa", "it")


def test_the_year_a_plan_ends_is_compared_apart_from_its_earlier_steps(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "de.txt": "Polen steigt aus der Kohle aus\n\nWARSCHAU, 18. März (dpa) - Polen will das Kraftwerk Turów bis "
            "2033 abschalten. Die ersten Blöcke sollen 2028 vom Netz gehen.",
            "it.txt": "La Polonia chiude Turów\n\nVARSAVIA, 18 marzo (ANSA) - La Polonia chiuderà entro il 2036 la "
            "centrale di Turów. I primi gruppi saranno spenti nel 2028.",
            "en.txt": "Poland to shut Turow plant\n\nWARSAW, March 18 (Reuters) - Poland will close the Turow power "
            "plant by 2033, the government said.",
        },
    )
    assert table(wires)["year"] == {"dpa": "2033", "ANSA": "2036", "Reuters": "2033"}


def test_years_a_verdict_wire_gives_without_the_word_prison_are_a_term_and_an_age_is_none(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "en.txt": "Art thieves jailed in Siena\n\nSIENA, Italy, Oct 14 (Reuters) - A Siena court convicted two "
            "men of stealing paintings. Marco Bellini, who prosecutors say climbed through a skylight, was given "
            "six years in absentia.",
            "de.txt": "Urteil im Kunstraub von Siena\n\nROM, 14. Oktober (dpa) - Ein Gericht in Siena hat zwei "
            "Männer verurteilt. Marco Bellini erhielt in Abwesenheit fünf Jahre Haft.",
            "it.txt": "Furto di quadri, condanne a Siena\n\nSIENA, 14 ottobre (ANSA) - Sei anni sono stati inflitti "
            "a Marco Bellini, 44 anni, latitante.",
        },
    )
    assert table(wires)["prison term"] == {"Reuters": "6 yrs", "dpa": "5 yrs", "ANSA": "6 yrs"}


def test_a_hyphenated_town_a_town_s_german_adjective_and_a_town_in_the_second_paragraph_are_places(
    tmp_path: Path,
) -> None:
    arrest = wires_from(
        tmp_path,
        {
            "de.txt": "Flüchtiger Betrüger in Luxemburg gefasst\n\nLUXEMBURG, 7. Mai (dpa) - Die Polizei hat in "
            "Esch-sur-Alzette einen in Portugal verurteilten Betrüger festgenommen.",
            "fr.txt": "Un fraudeur en fuite arrêté au Luxembourg\n\nLUXEMBOURG, 7 mai (AFP) - Un Portugais condamné "
            "par défaut a été arrêté à Differdange, a annoncé la police.",
            "en.txt": "Fugitive fraudster caught in Luxembourg\n\nLUXEMBOURG (AP) — Police on Thursday arrested a "
            "Portuguese man convicted of fraud last week.\n\nHe was detained in Differdange, police said.",
        },
    )
    assert table(arrest)["place"] == {"dpa": "Esch-sur-Alzette", "AFP": "Differdange", "AP": "Differdange"}
    blast = wires_from(
        tmp_path,
        {
            "de-blast.txt": "Explosion in Lyoner Restaurant - 12 Verletzte\n\nLYON, 4. Mai (dpa) - Bei einer Explosion "
            "in einem Restaurant in Lyon sind 12 Menschen verletzt worden.",
            "fr-blast.txt": "Lyon: 12 blessés dans l'explosion d'un restaurant\n\nLYON, 4 mai (AFP) - Douze personnes "
            "ont été blessées dans l'explosion d'un restaurant à Lyon.",
        },
    )
    assert "place" not in table(blast)


def test_where_and_when_an_earlier_event_happened_are_not_the_story_s(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "en.txt": "Second quake in a week rattles Sicily\n\nROME (AP) — A magnitude 4.1 earthquake struck "
            "Sicily's coast on Sunday, a week after a stronger quake near Adrano.\n\nThe quake hit near Taormina.",
            "es.txt": "Un terremoto sacude la costa de Sicilia\n\nROMA, 9 sep (EFE).- Un terremoto de magnitud 4,1 "
            "sacudió este domingo Sicilia, con epicentro en Taormina.",
            "fr.txt": "Séisme en Sicile\n\nROME, 9 sept (AFP) - Un séisme de magnitude 4,1 a frappé dimanche "
            "Taormina, une semaine après celui du 2 septembre à Adrano.",
            "it.txt": "Terremoto a Taormina\n\nPALERMO, 9 settembre (ANSA) - Una scossa di magnitudo 4,1 ha colpito "
            "oggi 9 settembre Taormina.",
        },
    )
    assert table(wires) == {}, "Adrano and its 2 September are the earlier quake's"


def test_billions_read_in_millions_too_portuguese_scales_and_a_lower_bound_are_read() -> None:
    from presssum.disagree import _english_figure
    from presssum.fingerprint import figures, places

    assert _english_figure(figures("Le projet coûte 1,34 milliard d'euros.", "fr")[0]) == (
        "1.34 billion EUR (1,340 million)"
    )
    assert figures("lesou o Estado em 14,2 milhões de euros.", "pt")[0].value == 14_200_000
    assert figures("A obra custa 1,4 mil milhões de euros.", "pt")[0].value == 1_400_000_000
    assert not places("whose whereabouts are unknown, at 19H40 GMT", "en")
    assert figures("son oncle a été condamné à plus de vingt ans de prison", "fr")[0].at_least, "22 years agree"
    assert not figures("au moins sept morts", "fr")[0].at_least, "a toll 'at least 7' is set against 9"


def test_a_surname_two_letters_apart_is_a_disagreement_and_a_region_after_a_nationality_is_no_place(
    tmp_path: Path,
) -> None:
    wires = wires_from(
        tmp_path,
        {
            "de.txt": "Hochwasser in Savoyen\n\nCHAMBÉRY, 3. Mai (dpa) - Bei Hochwasser in Challes-les-Eaux sind zwei "
            "Menschen gestorben. Bürgermeister Markus Reindl sprach von einer Katastrophe.",
            "en.txt": "Floods in French Alps kill 2\n\nCHAMBERY, France (AP) — Flash floods killed two people "
            "overnight, mayor Markus Riedl said.",
        },
    )
    assert table(wires) == {"name": {"dpa": "Markus Reindl", "AP": "Markus Riedl"}}


@pytest.mark.parametrize(
    ("sentence", "lang", "role"),
    [
        ("Quelque 340 habitants des villages voisins ont été évacués dans la nuit.", "fr", "evacuated"),
        ("14 Menschen wurden nach Angaben der Sicherheitsregion verletzt.", "de", "injured"),
        ("A storm with gusts of up to 152 km/h swept across France.", "en", "gusts"),
        ("The mudslide injured nine people and forced 320 from homes and campsites.", "en", "evacuated"),
        ("El fuego obligó a desalojar a 430 personas.", "es", "evacuated"),
        ("Las lluvias obligaron a evacuar a unas 700 personas.", "es", "evacuated"),
        ("Quelque 700 habitants de Lodève et de Clermont-l'Hérault ont été évacués dans la nuit.", "fr", "evacuated"),
    ],
)
def test_a_role_said_after_an_auxiliary_or_across_up_to_is_read(sentence: str, lang: str, role: str) -> None:
    from presssum.fingerprint import figures

    assert [figure.role for figure in figures(sentence, lang) if figure.value >= 10] == [role]


def test_an_english_surname_is_not_a_romance_ending_a_storm_has_no_place_row_and_a_caught_fugitive_is_an_arrest(
    tmp_path: Path,
) -> None:
    from presssum.events import wire_event

    assert wire_event("Fugitive sentenced in Antwerp drugs case caught in Spain", ("",), "en") == "arrest"
    assert wire_event("La borrasca Norma deja rachas de 140 km/h", ("",), "es") == "storm"
    arrest = wires_from(
        tmp_path,
        {
            "es.txt": "Detenido en Málaga un italiano\n\nMÁLAGA, 22 nov (EFE).- La Policía ha detenido en Málaga a "
            "Dario Moschetti, condenado en Milán.",
            "en.txt": "Italian fugitive arrested in Spain\n\nMADRID (AP) — Dario Moschetto, 41, was detained in "
            "Malaga on Saturday, police said.",
        },
    )
    assert table(arrest) == {"name": {"EFE": "Dario Moschetti", "AP": "Dario Moschetto"}}
    storm = wires_from(
        tmp_path,
        {
            "es-storm.txt": "La borrasca Norma azota Galicia\n\nLA CORUÑA, 28 nov (EFE).- La borrasca Norma dejó "
            "rachas en Cabo Vilán y un muerto en Francia.",
            "en-storm.txt": "Storm kills one in France\n\nPARIS, Nov 28 (Reuters) - A storm killed a motorist in "
            "Brittany overnight.",
        },
    )
    assert "place" not in table(storm), "a storm is everywhere it blows"


def test_the_year_a_terminal_opens_is_compared_but_not_with_the_year_a_guarantee_lasts_until(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "en.txt": "Rotterdam approves hydrogen terminal\n\nROTTERDAM, Sept 21 (Reuters) - The terminal is due to "
            "start operating in 2031. Jobs are guaranteed until the end of 2035.",
            "nl.txt": "Rotterdam krijgt waterstofterminal\n\nROTTERDAM, 21 september (ANP) - De terminal moet in 2032 "
            "in gebruik worden genomen.",
            "fr.txt": "Un terminal d'hydrogène à Rotterdam\n\nROTTERDAM, 21 sept (AFP) - Le terminal doit entrer en "
            "service en 2031; l'emploi est garanti jusqu'à fin 2034.",
        },
    )
    years = [{claim.source: claim.value for claim in row.claims} for row in disagreements(wires) if row.about == "year"]
    assert years == [{"AFP": "2031", "ANP": "2032", "Reuters": "2031"}, {"AFP": "2034", "Reuters": "2035"}]


def test_a_surname_an_agency_also_gives_alone_is_a_person_s_in_two_romance_languages(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "es.txt": "Detenido en Marbella un contable portugués\n\nMÁLAGA, 26 mar (EFE).- La Policía detuvo en "
            "Marbella a Nuno Salgueiro, condenado en Oporto. Salgueiro vivía con una identidad falsa.",
            "it.txt": "Arrestato a Marbella il contabile portoghese\n\nROMA, 26 marzo (ANSA) - È stato arrestato a "
            "Marbella il contabile portoghese Nuno Salgueira, condannato a Porto.",
        },
    )
    assert table(wires)["name"] == {"EFE": "Nuno Salgueiro", "ANSA": "Nuno Salgueira"}


def test_flights_counted_at_two_airports_are_two_counts(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "nl.txt": "Vluchten geschrapt door staking\n\nZAVENTEM (ANP) - Door een staking van Franse "
            "luchtverkeersleiders gingen op Charleroi 92 vluchten niet door.",
            "fr.txt": "Grève des aiguilleurs\n\nBRUXELLES, 23 avril (AFP) - La grève a entraîné l'annulation de 84 "
            "vols à Bruxelles.",
        },
    )
    assert "flights" not in table(wires), "Brussels' 84 is another airport's count than Charleroi's 92"


def test_an_institution_an_english_wire_writes_in_portuguese_and_a_nationality_are_no_disagreement(
    tmp_path: Path,
) -> None:
    wires = wires_from(
        tmp_path,
        {
            "es.txt": "Huelga de funcionarios en Portugal\n\nLISBOA, 24 feb (EFE).- El coordinador del Frente Común, "
            "Sebastião Moura, dijo que la huelga fue un éxito en la escuela de Lisboa.",
            "pt.txt": "Greve da função pública\n\nLISBOA, 24 fev (Lusa) - A greve convocada pela Frente Comum teve "
            "hoje uma grande adesão, disse o coordenador Sebastião Moura.",
            "en.txt": "Portuguese public workers strike\n\nLISBON, Feb 24 (Reuters) - The Frente Comum union "
            "federation said public employees had joined the walkout.",
        },
    )
    assert table(wires) == {}
    school = wires_from(
        tmp_path,
        {
            "en-school.txt": "Classroom ceiling collapses in Spanish school, injuring 11 children\n\nVALENCIA, Spain "
            "(AP) — A false ceiling collapsed onto a classroom at a public school on Monday, injuring 11 children.",
            "fr-school.txt": "Un faux plafond s'effondre dans une école à Valence\n\nVALENCE (Espagne), 23 fév (AFP) - "
            "Onze enfants ont été blessés lundi quand le faux plafond d'une classe s'est effondré à Valence.",
        },
    )
    assert "place" not in table(school), "'Spanish' is no town"


@pytest.mark.parametrize(
    ("headline", "lang"),
    [
        ("Detido na Póvoa de Varzim armador espanhol condenado por fraude", "pt"),
        ("Arrestato a Lione latitante condannato per truffa", "it"),
        ("Condenado no Porto por fraude ao IVA detido no Luxemburgo", "pt"),
    ],
)
def test_a_headline_opening_on_its_verb_says_where_and_describes_its_subject_after(headline: str, lang: str) -> None:
    from presssum.events import wire_event

    assert wire_event(headline, ("",), lang) == "arrest"


@pytest.mark.parametrize(
    ("sentence", "lang", "role"),
    [
        (
            "Am Sonntag sind 14 Bergsteiger im Karwendel von herabfallenden Steinen schwer verletzt worden.",
            "de",
            "injured",
        ),
        ("Ein Murenabgang hat im Vinschgau 12 Menschen in den Tod gerissen.", "de", "deaths"),
        (
            "Bij Deventer zijn zaterdag 23 fietsers door een slippende bus gewond geraakt.",
            "nl",
            "injured",
        ),
        ("A 20-metre-deep crater opened in the square.", "en", "depth"),
        ("A 61-year-old driver was killed by a falling tree.", "en", "age"),
        ("Una valanga ha ucciso 12 sciatori sul ghiacciaio.", "it", "deaths"),
        ("Un cratère de 20 mètres de profondeur s'est ouvert sur la place.", "fr", "depth"),
    ],
)
def test_a_participle_at_a_german_clause_s_end_and_a_unit_joined_to_its_figure_are_read(
    sentence: str, lang: str, role: str
) -> None:
    from presssum.fingerprint import figures

    assert [figure.role for figure in figures(sentence, lang) if figure.value >= 10] == [role]


@pytest.mark.parametrize(
    ("headline", "lead", "lang", "event"),
    [
        ("Bus hits lorry on A7 motorway, three dead", "Firefighters said the driver was trapped.", "en", None),
        (
            "Treno contro auto a Mortara",
            "L'auto è stata travolta sul passaggio a livello, dicono i vigili del fuoco.",
            "it",
            "accident",
        ),
        (
            "Varkenspest vastgesteld in Limburg",
            "Op een bedrijf in Venray moeten 3.000 varkens worden geruimd.",
            "nl",
            "outbreak",
        ),
        ("Fugitive in Lyon jewel case held in Portugal", "Police said he was sentenced on Monday.", "en", "arrest"),
        (
            "Gouvernement: un décret pour abattre davantage de loups",
            "Le préfet pourra autoriser l'abattage.",
            "fr",
            None,
        ),
    ],
)
def test_firefighters_make_no_fire_and_a_level_crossing_a_disease_and_held_are_events(
    headline: str, lead: str, lang: str, event: str | None
) -> None:
    from presssum.events import wire_event

    assert wire_event(headline, (lead,), lang) == event


def test_the_year_a_company_or_a_ship_dates_from_is_compared_not_another_year_of_its_sentence(
    tmp_path: Path,
) -> None:
    wires = wires_from(
        tmp_path,
        {
            "en.txt": "Brewer Haagbier to close plant\n\nAMSTERDAM, March 9 (Reuters) - Haagbier, founded in 1911, "
            "will close its plant in Zwolle, which it has run since 1998.",
            "de.txt": "Brauerei Haagbier schließt Werk\n\nAMSTERDAM, 9. März (dpa) - Das 1919 gegründete "
            "Unternehmen Haagbier schließt sein Werk in Zwolle.",
        },
    )
    assert table(wires)["year"] == {"Reuters": "1911", "dpa": "1919"}


def test_a_small_town_s_dateline_a_town_named_later_in_the_lead_and_a_saint_s_abbreviation_are_read(
    tmp_path: Path,
) -> None:
    crash = wires_from(
        tmp_path,
        {
            "it.txt": "Treno contro trattore, due morti\n\nMORTARA (PAVIA), 12 ottobre (ANSA) - Due persone sono "
            "morte quando un treno regionale ha travolto un trattore sul passaggio a livello.",
            "en.txt": "Train hits tractor, two dead\n\nMILAN, Oct 12 (Reuters) - A regional train hit a tractor at "
            "a level crossing near Vigevano on Monday, killing two people.",
        },
    )
    assert table(crash)["place"] == {"ANSA": "Mortara", "Reuters": "Vigevano"}
    arrest = wires_from(
        tmp_path,
        {
            "en-arrest.txt": "Fugitive held in Spain\n\nMADRID, May 9 (Reuters) - Spanish police arrested a man "
            "sentenced in absentia in Lyon this week, in the southern port town of Motril, police said.",
            "es-arrest.txt": "Detenido un fugitivo francés\n\nMADRID, 9 may (EFE).- La Guardia Civil ha detenido en "
            "Almuñécar a un francés condenado en Lyon.",
        },
    )
    assert table(arrest)["place"] == {"Reuters": "Motril", "EFE": "Almuñécar"}
    avalanche = wires_from(
        tmp_path,
        {
            "fr-av.txt": "Avalanche en Autriche: deux morts\n\nVIENNE, 3 fév (AFP) - Une avalanche a tué deux skieurs "
            "à Saint-Johann, selon la police.",
            "de-av.txt": "Zwei Tote bei Lawine\n\nSANKT JOHANN IM PONGAU, 3. Februar (dpa) - Bei einem Lawinenabgang "
            "in St. Johann im Pongau sind zwei Skifahrer ums Leben gekommen.",
        },
    )
    assert "place" not in table(avalanche)


def test_towns_on_two_sides_of_a_border_and_a_capital_s_dateline_are_no_disagreement_on_where(tmp_path: Path) -> None:
    fire = wires_from(
        tmp_path,
        {
            "es-fuego.txt": "Incendio en Huelva\n\nHUELVA, 3 ago (EFE).- Un incendio forestal declarado en Ayamonte ha "
            "quemado 900 hectáreas.",
            "pt-fogo.txt": "Fumo chega ao Algarve\n\nVILA REAL DE SANTO ANTÓNIO, 3 ago (Lusa) - O fumo de um "
            "incêndio em Espanha cobriu hoje a cidade.",
        },
    )
    assert "place" not in table(fire)
    arrest = wires_from(
        tmp_path,
        {
            "it-malta.txt": "Arrestato a Malta un latitante\n\nLA VALLETTA, 3 marzo (ANSA) - Un uomo condannato a "
            "Bari è stato arrestato.",
            "en-malta.txt": "Fugitive arrested in Malta\n\nROME, March 3 (Reuters) - Maltese police arrested a man in "
            "Sliema who was convicted in Bari.",
        },
    )
    assert "place" not in table(arrest)


def test_two_airlines_strikes_on_one_day_never_merge_however_low_the_threshold(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "en-tap.txt": "TAP Air Portugal cancels 210 flights as pilots and cabin crew strike\n\nLISBON, June 5 "
            "(Reuters) - TAP Air Portugal cancelled 210 flights on Friday as pilots and cabin crew staged a 24-hour "
            "strike over pay, affecting about 30,000 passengers, the carrier said.\n\nIberia Express pilots also "
            "struck on Friday.",
            "fr-tap.txt": "Portugal: grève chez TAP Air Portugal, 210 vols annulés\n\nLISBONNE, 5 juin (AFP) - La "
            "compagnie TAP Air Portugal a annulé vendredi 210 vols en raison d'une grève de 24 heures de ses pilotes "
            "et personnels de cabine, touchant quelque 30 000 passagers.\n\nLes pilotes d'Iberia Express étaient "
            "aussi en grève.",
            "en-iberia.txt": "Iberia Express cancels 95 flights as pilots and cabin crew strike\n\nMADRID, June 5 "
            "(Reuters) - Iberia Express cancelled 95 flights on Friday as pilots and cabin crew staged a 24-hour "
            "strike over pay, affecting about 12,000 passengers, the carrier said.\n\nTAP Air Portugal crews also "
            "struck on Friday.",
            "fr-iberia.txt": "Espagne: grève chez Iberia Express, 95 vols annulés\n\nMADRID, 5 juin (AFP) - La "
            "compagnie Iberia Express a annulé vendredi 95 vols en raison d'une grève de 24 heures de ses pilotes et "
            "personnels de cabine, touchant quelque 12 000 passagers.\n\nLes équipages de TAP Air Portugal étaient "
            "aussi en grève.",
        },
    )
    names = [Path(wire.article.input).name for wire in wires]
    found = [{names[index] for index in story} for story in group(wires, threshold=0.0)]
    assert {"en-tap.txt", "fr-tap.txt"} in found and {"en-iberia.txt", "fr-iberia.txt"} in found


def test_an_italian_headline_s_preso_in_is_an_arrest() -> None:
    from presssum.events import wire_event

    headline = "Frode sull'Iva, preso in Spagna il latitante Esposito"
    assert wire_event(headline, ("Era ricercato da un anno.",), "it") == "arrest"


def test_a_resort_s_town_is_read_a_town_named_for_a_compass_point_is_a_town_and_a_province_s_dateline_no_place(
    tmp_path: Path,
) -> None:
    collapse = wires_from(
        tmp_path,
        {
            "es-hotel.txt": "Derrumbe de un hotel en la costa rumana\n\nBUCAREST, 14 sep (EFE).- Dos obreros murieron "
            "al derrumbarse un hotel en obras en el balneario de Eforie Sud, informaron los servicios de emergencia.",
            "fr-hotel.txt": "Roumanie: deux morts dans l'effondrement d'un hôtel\n\nBUCAREST, 14 sept (AFP) - Deux "
            "ouvriers ont été tués dans l'effondrement d'un hôtel en travaux à Costinesti, ont annoncé les secours.",
        },
    )
    assert table(collapse)["place"] == {"EFE": "Eforie Sud", "AFP": "Costinesti"}
    avalanche = wires_from(
        tmp_path,
        {
            "it-valanga.txt": "Valanga travolge due scialpinisti\n\nSONDRIO, 3 febbraio (ANSA) - Due scialpinisti sono "
            "stati travolti da una valanga in alta Valtellina.",
            "en-avalanche.txt": "Avalanche buries two skiers in Italy\n\nMILAN, Feb 3 (Reuters) - An avalanche buried "
            "two ski tourers near Livigno on Tuesday, rescuers said.",
        },
    )
    assert "place" not in table(avalanche)


def test_the_year_of_a_deadly_event_the_wires_recall_is_compared(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "en-gas.txt": "Gas leak at Huelva plant injures nine\n\nMADRID, Nov 3 (Reuters) - A gas leak at a "
            "fertiliser plant in Huelva injured nine workers on Tuesday. The site's last fatal accident was in 2017, "
            "when an explosion killed three workers.",
            "fr-gas.txt": "Espagne: fuite de gaz dans une usine de Huelva, neuf blessés\n\nMADRID, 3 nov (AFP) - Une "
            "fuite de gaz a fait neuf blessés mardi dans une usine d'engrais à Huelva. En 2018, une explosion y "
            "avait tué trois ouvriers.",
        },
    )
    assert table(wires)["year"] == {"Reuters": "2017", "AFP": "2018"}


@pytest.mark.parametrize(
    ("headline", "lang", "event"),
    [
        ("Dutch police arrest Belgian convicted over diesel fraud", "en", "arrest"),
        ("Court sentences fugitive arrested in Spain", "en", "verdict"),
        ("Massenkarambolage auf der A3 bei Würzburg", "de", "accident"),
        ("Biscuiterie: le belge Delacre ferme son usine de Roubaix", "fr", "job cuts"),
        ("Lácteos Norte cerrará su planta de Lugo", "es", "job cuts"),
        ("Austria's Brauhaus Linz to buy Czech brewer Pivovar Horak", "en", "takeover"),
        ("Snowstorm kills five in Netherlands, cancels hundreds of Schiphol flights", "en", "storm"),
        ("Vier doden door sneeuwstorm Dirk, Schiphol schrapt 410 vluchten", "nl", "storm"),
        ("Duitse scheepswerf schrapt honderden banen", "nl", "job cuts"),
        ("Attaque du marché de Noël de Duisbourg: 14 ans de prison", "fr", "verdict"),
        ("Fugitive sentenced to 14 years arrested in Spain", "en", "arrest"),
        ("Belgique: Colmart va fermer 37 supermarchés et supprimer 1 150 emplois", "fr", "job cuts"),
        ("Cortiças Montado com vendas recorde de 412 milhões", "pt", "results"),
        ("Alpenair to cut 300 jobs amid pilots' strike", "en", "job cuts"),
        ("La cervecera belga Mosane compra la neerlandesa De Kroon", "es", "takeover"),
        ("Un hélicoptère s'écrase dans les Alpes, deux morts", "fr", "accident"),
        ("Rettungshubschrauber im Aostatal abgestürzt", "de", "accident"),
        ("Dos muertos al estrellarse un helicóptero en los Alpes", "es", "accident"),
        ("Elicottero precipitato sul ghiacciaio del Rutor", "it", "accident"),
        ("Avioneta despenha-se perto de Évora", "pt", "accident"),
        ("Helikopter neergestort in de Italiaanse Alpen", "nl", "accident"),
        ("Bewährungsstrafe nach Gondelabsturz im Stubaital", "de", "verdict"),
    ],
)
def test_a_headline_s_participles_closures_snowstorms_and_prison_terms_report_the_events_a_desk_reads(
    headline: str, lang: str, event: str
) -> None:
    from presssum.events import wire_event

    assert wire_event(headline, ("",), lang) == event


@pytest.mark.parametrize(
    ("texts", "years"),
    [
        (  # the year of the last repair, ten years apart; the opening year of the same sentence agreed
            {
                "fr.txt": "Portugal: le pont de Vilar fermé\n\nLISBONNE, 3 mars (AFP) - Le pont de Vilar, inauguré "
                "en 1958, a été fermé lundi. Il avait fait l'objet de sa dernière grande rénovation en 2004.",
                "es.txt": "Cierran el puente de Vilar\n\nLISBOA, 3 mar (EFE).- El puente de Vilar, inaugurado en 1958 "
                "y cuya última gran reparación data de 2014, fue cerrado este lunes.",
            },
            {"AFP": "2004", "EFE": "2014"},
        ),
        (
            {
                "en.txt": "Belgian customs officers strike\n\nBRUSSELS, May 4 (Reuters) - Belgian customs officers "
                "staged their first strike since 2012 on Monday, holding up lorries at Zeebrugge.",
                "fr.txt": "Grève des douaniers belges\n\nBRUXELLES, 4 mai (AFP) - Les douaniers belges ont mené "
                "lundi leur première grève depuis 2014, bloquant des camions à Zeebrugge.",
            },
            {"Reuters": "2012", "AFP": "2014"},
        ),
        (  # '3 000 hectares en 2016' is no full date
            {
                "en.txt": "Wildfire near Ribadavia\n\nMADRID, Aug 3 (Reuters) - A wildfire broke out overnight near "
                "Ribadavia, where a blaze in 2017 destroyed 3,000 hectares.",
                "fr.txt": "Espagne: incendie près de Ribadavia\n\nMADRID, 3 août (AFP) - Un incendie s'est déclaré "
                "dans la nuit près de Ribadavia, où un incendie avait déjà ravagé 3 000 hectares en 2016.",
            },
            {"Reuters": "2017", "AFP": "2016"},
        ),
        (
            {
                "en-bridge.txt": "Bridge closed after crack found in Liège\n\nBRUSSELS, April 3 (Reuters) - The "
                "Fragnée bridge, which opened in 1998, was closed on Friday after engineers found a crack.",
                "de-bridge.txt": "Brücke in Lüttich gesperrt\n\nBRÜSSEL, 3. April (dpa) - Die 1996 eröffnete Brücke "
                "Fragnée in Lüttich ist wegen eines Risses gesperrt worden.",
            },
            {"Reuters": "1998", "dpa": "1996"},
        ),
        (  # when a painting was made, however the wire names it
            {
                "en.txt": "Vieira da Silva canvas sets auction record\n\nPARIS, Nov 4 (Reuters) - A 1951 painting by "
                "Maria Helena Vieira da Silva sold for 7.2 million euros in Paris on Wednesday.",
                "pt.txt": "Quadro de Vieira da Silva bate recorde\n\nPARIS, 4 nov (Lusa) - O quadro de 1953 de Maria "
                "Helena Vieira da Silva foi vendido hoje por 7,2 milhões de euros.",
            },
            {"Reuters": "1951", "Lusa": "1953"},
        ),
        (  # from when a rule applies
            {
                "fr.txt": "Schiphol: moins de vols de nuit\n\nLA HAYE, 5 mars (AFP) - L'aéroport ne pourra plus "
                "accueillir que 25 000 vols de nuit par an à partir de la saison d'hiver 2028.",
                "en.txt": "Dutch cap Schiphol night flights\n\nAMSTERDAM, March 5 (Reuters) - The cap of 25,000 night "
                "flights a year will take effect with the winter season of 2029.",
            },
            {"AFP": "2028", "Reuters": "2029"},
        ),
        (
            {
                "en.txt": "Stradivarius stolen in Cremona\n\nMILAN, April 12 (Reuters) - A violin made in 1715 was "
                "stolen overnight from a workshop in Cremona.",
                "de.txt": "Geige in Cremona gestohlen\n\nROM, 12. April (dpa) - Eine Stradivari-Geige aus dem Jahr "
                "1751 ist aus einer Werkstatt in Cremona gestohlen worden.",
            },
            {"Reuters": "1715", "dpa": "1751"},
        ),
        (
            {
                "en.txt": "Fire at Marl chemical plant\n\nBERLIN, Jan 26 (Reuters) - A fire destroyed a solvent unit "
                "at a chemical plant in Marl. The unit, which went into operation in 1976, was due for an overhaul.",
                "de.txt": "Großbrand in Chemiepark Marl\n\nMARL, 26. Januar (dpa) - Ein Brand hat eine "
                "Lösungsmittelanlage zerstört. Die Anlage war 1971 in Betrieb gegangen.",
            },
            {"Reuters": "1976", "dpa": "1971"},
        ),
    ],
    ids=["last-repair", "first-since", "earlier-fire", "opened", "painted", "from-when", "made", "into-operation"],
)
def test_the_year_a_thing_opened_was_last_done_or_an_earlier_event_of_the_story_s_kind_happened_is_compared(
    tmp_path: Path, texts: dict[str, str], years: dict[str, str]
) -> None:
    assert table(wires_from(tmp_path, texts))["year"] == years


def test_a_toll_of_one_in_words_is_set_against_two_but_a_part_of_a_total_or_a_lower_bound_is_not(
    tmp_path: Path,
) -> None:
    crush = {
        "it.txt": "Calca a un concerto a Verona, un morto e 20 feriti\n\nVERONA, 5 luglio (ANSA) - Un ragazzo di "
        "19 anni è morto e 20 persone sono rimaste ferite nella calca di stasera all'Arena di Verona.",
        "fr.txt": "Italie: deux morts dans une bousculade à Vérone\n\nROME, 6 juil (AFP) - Deux jeunes sont morts "
        "et 20 personnes ont été blessées samedi soir dans une bousculade à Vérone.",
        "de.txt": "Tödliches Gedränge in Verona\n\nROM, 6. Juli (dpa) - Bei einem Gedränge in der Arena von Verona "
        "ist ein 19-Jähriger ums Leben gekommen. 20 Menschen wurden verletzt.",
    }
    assert table(wires_from(tmp_path, crush))["deaths"] == {"ANSA": "1", "AFP": "2"}, "dpa's 19 is an age"
    crush["it.txt"] = crush["it.txt"].replace(", un morto", ", almeno un morto").replace("Un ragazzo di 19 anni", "Uno")
    assert "deaths" not in table(wires_from(tmp_path, crush))
    storm = wires_from(
        tmp_path,
        {
            "en.txt": "Storm hits Benelux and Germany\n\nAMSTERDAM, Oct 13 (Reuters) - A storm swept across the "
            "Netherlands, Belgium and Germany on Tuesday, killing two people.",
            "nl.txt": "Storm raast over Nederland\n\nDEN HAAG (ANP) - In Duitsland viel in Emden één dode.",
        },
    )
    assert "deaths" not in table(storm), "one dead in Germany is a part of the three countries' two"


def test_an_undated_background_piece_does_not_hide_its_agency_s_dated_news(tmp_path: Path) -> None:
    """In a copied inbox every file has the copy's time: dpa's undated piece is no later than its dated news."""
    from bench.brief import echo_digest

    texts = {
        "de-news.txt": "EU einigt sich auf Ostsee-Fangquoten\n\nLUXEMBURG, 13. Oktober (dpa) - Die Fischereiminister "
        "haben sich auf die Fangquoten für die Ostsee geeinigt. Über die Quoten für die Nordsee beraten die "
        "Minister am 16. Dezember in Brüssel.",
        "de-background.txt": "Hintergrund: Warum der Dorsch nicht zurückkommt\n\nBerlin (dpa) - Die gezielte "
        "Fischerei auf Dorsch in der Ostsee ist verboten; die Bestände erholen sich nicht.",
        "es.txt": "La UE pacta las cuotas del Báltico\n\nLUXEMBURGO, 13 oct (EFE).- Los ministros de Pesca de la "
        "UE pactaron las cuotas del Báltico. Las cuotas del mar del Norte se abordarán el 15 de diciembre.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    articles = [a for a in load_articles([str(tmp_path / name) for name in texts]) if isinstance(a, Article)]
    wires = inbox_wires([(article, echo_digest(article)) for article in articles], datetime.now(timezone.utc))
    assert table(wires)["date"] == {"dpa": "December 16", "EFE": "December 15"}


def test_a_german_region_after_in_is_not_where_it_happened(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "de.txt": "Chlorgas-Austritt bei Tarragona: ein Toter\n\nMADRID, 6. Dezember (dpa) - Beim Austritt von "
            "Chlorgas in einer Chemiefabrik in Katalonien ist ein Arbeiter ums Leben gekommen. 14 Menschen kamen ins "
            "Krankenhaus.",
            "fr.txt": "Espagne: fuite de chlore à Tarragone\n\nMADRID, 6 déc (AFP) - Une fuite de chlore dans une "
            "usine chimique à Tarragone a fait un mort dimanche. 14 personnes ont été hospitalisées.",
        },
    )
    assert table(wires) == {}, "Katalonien is the region Tarragone lies in"


def test_a_maximum_fine_told_two_ways_is_a_disagreement_other_sums_as_far_apart_are_not(tmp_path: Path) -> None:
    fines = wires_from(
        tmp_path,
        {
            "de-law.txt": "Kabinett beschließt Hitzeschutz für Bauarbeiter\n\nBERLIN, 21. Juli (dpa) - Das Kabinett "
            "hat ein Hitzeschutzgesetz beschlossen. Wer gegen die Pflichten verstößt, muss mit Bußgeldern von bis "
            "zu 30.000 Euro rechnen.",
            "fr-law.txt": "Allemagne: une loi contre la chaleur sur les chantiers\n\nBERLIN, 21 juil (AFP) - Le "
            "gouvernement allemand a adopté une loi contre la chaleur. Les contrevenants s'exposeront à des "
            "amendes pouvant atteindre 50 000 euros.",
        },
    )
    assert table(fines)["amount in EUR"] == {"dpa": "30,000 EUR", "AFP": "50,000 EUR"}
    (tmp_path / "aid").mkdir()
    aid = wires_from(
        tmp_path / "aid",
        {
            "de-aid.txt": "Hochwasser: Stadt zahlt Soforthilfe\n\nPASSAU, 21. Juli (dpa) - Die Stadt zahlt jedem "
            "betroffenen Haushalt 30.000 Euro Soforthilfe.",
            "fr-aid.txt": "Crue à Passau: une aide d'urgence\n\nPASSAU, 21 juil (AFP) - La ville a débloqué 50 000 "
            "euros pour une première aide aux sinistrés.",
        },
    )
    assert "amount in EUR" not in table(aid)


def test_a_term_one_agency_says_of_a_29_year_old_and_another_of_nobody_named_is_one_term(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "fr-arrest.txt": "Un trafiquant marseillais arrêté à Rotterdam\n\nMARSEILLE, 21 oct (AFP) - Un membre "
            "d'un réseau de trafic de drogue, condamné mardi par défaut à 10 ans de prison, a été interpellé "
            "mercredi à Rotterdam.\n\nSofiane M., 29 ans, était en fuite. Le tribunal avait condamné le chef "
            "présumé du réseau à 15 ans de prison.",
            "nl-arrest.txt": "Voortvluchtige Franse drugscrimineel opgepakt in Rotterdam\n\nROTTERDAM, 21 oktober "
            "(ANP) - De politie heeft in Rotterdam een 29-jarige Fransman aangehouden die dinsdag in Marseille bij "
            "verstek is veroordeeld tot 10 jaar cel.\n\nDe vermeende leider van het netwerk kreeg 15 jaar cel.",
            "de-arrest.txt": "Flüchtiger Drogenhändler in Rotterdam gefasst\n\nROTTERDAM, 21. Oktober (dpa) - Die "
            "Polizei hat in Rotterdam einen flüchtigen Franzosen festgenommen. Ein Gericht in Marseille hatte ihn "
            "am Dienstag zu zehn Jahren Haft verurteilt.",
        },
    )
    assert "prison term" not in table(wires)


def test_a_toll_of_an_event_years_ago_is_not_the_news_s_but_an_anniversary_piece_s_is(tmp_path: Path) -> None:
    news = wires_from(
        tmp_path,
        {
            "en-slide.txt": "Mudslide kills driver in Italian Dolomites\n\nROME, Aug 23 (Reuters) - A mudslide swept "
            "a car off a mountain road in the Val di Zoldo on Sunday, a day after residents marked the 10th "
            "anniversary of a landslide that killed three people there.",
            "de-slide.txt": "Erdrutsch in den Dolomiten\n\nROM, 23. August (dpa) - Bei einem Erdrutsch im "
            "Zoldo-Tal sind am Sonntag zwei Menschen ums Leben gekommen.",
        },
    )
    assert "deaths" not in table(news)
    (tmp_path / "anniversary").mkdir()
    looking_back = wires_from(
        tmp_path / "anniversary",
        {
            "en-ten.txt": "Ten years since the Zoldo landslide\n\nROME, Aug 22 (Reuters) - Ten years ago a "
            "landslide killed three people in the Val di Zoldo.",
            "de-ten.txt": "Zehn Jahre nach dem Erdrutsch im Zoldo-Tal\n\nROM, 22. August (dpa) - Vor zehn Jahren "
            "kamen bei einem Erdrutsch im Zoldo-Tal vier Menschen ums Leben.",
        },
    )
    assert table(looking_back)["deaths"] == {"Reuters": "3", "dpa": "4"}


def test_two_companies_of_one_sector_named_with_do_in_their_names_never_merge(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "pt-cuts.txt": "Conservas do Minho fecha fábrica de Matosinhos e despede 210 trabalhadores\n\nPORTO, 14 "
            "set (Lusa) - A Conservas do Minho vai encerrar a fábrica de Matosinhos e despedir 210 trabalhadores, "
            "anunciou hoje a empresa.",
            "en-cuts.txt": "Portugal's Conservas do Minho to close cannery, cutting 210 jobs\n\nLISBON, Sept 14 "
            "(Reuters) - Portuguese canned fish maker Conservas do Minho will close its Matosinhos plant, cutting "
            "210 jobs, as rival Atlântica Pescados posted record sales.",
            "pt-sales.txt": "Atlântica Pescados com vendas recorde de 180 milhões\n\nAVEIRO, 14 set (Lusa) - A "
            "Atlântica Pescados registou vendas recorde de 180 milhões de euros no semestre, anunciou hoje a "
            "empresa, no mesmo dia em que a concorrente anunciou um encerramento.",
            "es-sales.txt": "La portuguesa Atlântica Pescados logra ventas récord\n\nLISBOA, 14 sep (EFE).- La "
            "conservera portuguesa Atlântica Pescados alcanzó unas ventas récord de 180 millones de euros.",
        },
    )
    names = [Path(wire.article.input).name for wire in wires]
    found = [{names[index] for index in story} for story in group(wires, threshold=0.0)]
    assert not any(
        {"pt-cuts.txt", "pt-sales.txt"} <= story or {"pt-cuts.txt", "es-sales.txt"} <= story for story in found
    )


def test_two_companies_named_in_one_word_each_never_merge(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "fr-profit.txt": "Espagne: bénéfice record pour l'électricien Hidralis\n\nMADRID, 6 mars (AFP) - Le groupe "
            "énergétique espagnol Hidralis a annoncé vendredi un bénéfice net record de 2,1 milliards d'euros.",
            "es-profit.txt": "Hidralis gana 2.100 millones, un 11 % más\n\nMADRID, 6 mar (EFE).- Hidralis obtuvo un "
            "beneficio neto récord de 2.100 millones de euros en 2025.",
            "pt-cuts.txt": "Elétrica espanhola Aquanor vai cortar 300 postos de trabalho em Portugal\n\nMADRID, 06 mar "
            "(Lusa) - A elétrica espanhola Aquanor anunciou hoje a eliminação de 1.000 postos de trabalho em "
            "Espanha e Portugal, dos quais 300 em Portugal.",
            "en-cuts.txt": "Spain's Aquanor to cut 1,000 jobs as rival Hidralis posts record profit\n\nMADRID, March 6 "
            "(Reuters) - Spanish utility Aquanor said on Friday it would cut 1,000 jobs in Spain and Portugal, on "
            "the same day rival Hidralis reported record annual earnings.",
        },
    )
    names = [Path(wire.article.input).name for wire in wires]
    found = [{names[index] for index in story} for story in group(wires, threshold=0.0)]
    assert not any({"fr-profit.txt", "pt-cuts.txt"} <= story for story in found)


@pytest.mark.parametrize(
    ("headline", "lead", "lang", "named"),
    [
        (
            "Autriche: la compagnie Alpenflug clouée au sol",
            "La compagnie autrichienne Alpenflug a annulé",
            "fr",
            {"alpenflug"},
        ),
        (
            "Pilotenstreik legt Alpenflug lahm",
            "Ein Pilotenstreik hat die Fluggesellschaft Alpenflug lahmgelegt",
            "de",
            set(),
        ),
        (
            "Fábrica de Vila do Conde vai fechar",
            "Os trabalhadores da fábrica de Vila do Conde souberam hoje",
            "pt",
            set(),
        ),
        ("Staking bij Oostenrijkse maatschappij", "Een staking bij een Oostenrijkse maatschappij", "nl", set()),
        ("Greve na KLM cancela voos para Amesterdão", "A greve na KLM cancelou voos para Amesterdão", "pt", {"klm"}),
    ],
)
def test_a_name_of_one_word_inside_a_headline_is_who_it_is_about_not_a_noun_a_town_or_a_nationality(
    headline: str, lead: str, lang: str, named: set[str]
) -> None:
    from presssum.fingerprint import named_in_headline

    assert named_in_headline(headline, lead, lang) == named


def test_one_figure_with_two_digits_swapped_is_a_disagreement_however_far_apart(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "pt-fire.txt": "Incêndio em Monchique obriga a retirar 120 pessoas\n\nFARO, 18 mai (Lusa) - Um incêndio "
            "florestal na serra de Monchique obrigou hoje a retirar 120 pessoas de casa.",
            "en-fire.txt": "Wildfire in Portugal's Algarve forces 210 from homes\n\nLISBON, May 18 (Reuters) - A "
            "wildfire in the Monchique hills forced 210 people from their homes on Monday.",
        },
    )
    assert table(wires)["evacuated"] == {"Lusa": "120", "Reuters": "210"}


def test_a_mine_s_hundimiento_and_its_effondrement_may_be_one_story(tmp_path: Path) -> None:
    wires = wires_from(
        tmp_path,
        {
            "es-mina.txt": "Dos muertos en el hundimiento de una mina de pizarra en Ourense\n\nOURENSE, 19 may (EFE).- "
            "Dos trabajadores han muerto y siete han resultado heridos este martes en el hundimiento parcial de "
            "una mina de pizarra en Sobradelo.",
            "fr-mine.txt": "Espagne: deux morts dans l'effondrement d'une mine d'ardoise\n\nMADRID, 19 mai (AFP) - "
            "Deux mineurs ont été tués et sept blessés mardi dans l'effondrement partiel d'une mine d'ardoise à "
            "Sobradelo, en Galice.",
            "it-other.txt": "Sciopero dei treni in Lombardia\n\nMILANO, 19 maggio (ANSA) - Uno sciopero di otto ore "
            "dei macchinisti ha fermato 300 treni in Lombardia.",
        },
    )
    assert [wire.event for wire in wires] == ["shipwreck", "collapse", "strike"]
    assert [0, 1] in group(wires, threshold=0.0)  # the two words never keep the wires apart


@pytest.mark.parametrize(
    ("headline", "lang", "anniversary"),
    [
        ("Crash d'un hélicoptère de tourisme en Suisse : trois morts, dix ans après un précédent drame", "fr", False),
        ("Dix ans après le crash de Lauterbrunnen, le village se souvient", "fr", True),
    ],
)
def test_news_with_a_toll_that_recalls_an_earlier_drama_after_a_comma_is_no_anniversary_piece(
    headline: str, lang: str, anniversary: bool
) -> None:
    from presssum.events import looks_back

    assert looks_back(headline, lang) is anniversary


@pytest.mark.parametrize(
    ("headline", "lang", "event"),
    [
        ("Solvent spill at German chemical plant closes stretch of Rhine", "en", "leak"),
        ("Gaslek in Rotterdam: 80 woningen ontruimd", "nl", "leak"),
        ("Fuite de gaz à Lyon: 240 habitants évacués", "fr", "leak"),
        ("Un trafiquant en fuite arrêté à Rotterdam", "fr", "arrest"),
        ("Gas leak sparks explosion at Huelva plant", "en", "explosion"),
    ],
)
def test_a_gas_leak_or_a_spill_is_an_event_and_a_fugitive_en_fuite_is_none(
    headline: str, lang: str, event: str
) -> None:
    from presssum.events import compatible, wire_event

    assert wire_event(headline, ("",), lang) == event
    assert compatible({"leak", "explosion"})  # the leak that caused the blast is its story


def test_a_sentence_opening_on_a_preposition_for_towns_names_its_town() -> None:
    from presssum.events import town_after_preposition

    found = town_after_preposition("de").finditer("In Ludwigshafen sind acht Tonnen in den Rhein gelangt.")
    assert [match.group("place") for match in found] == ["Ludwigshafen"]


def test_the_day_a_late_evening_event_is_filed_is_no_date_an_agency_gives(tmp_path: Path) -> None:
    """dpa files a tram crash of 23.10 that night, AFP the next morning: the datelines' days are no disagreement,
    whether or not the reader took the dateline off ('Basel, 14. März (dpa) -', 'BÂLE (Suisse), 15 mars')."""
    wires = wires_from(
        tmp_path,
        {
            "de.txt": "Tram in Basel entgleist\n\nBasel, 14. März (dpa) - In der Basler Innenstadt ist am späten "
            "Samstagabend ein Tram entgleist. Neun Menschen wurden verletzt.",
            "fr.txt": "Déraillement d'un tram à Bâle\n\nBÂLE (Suisse), 15 mars (AFP) - Neuf personnes ont été "
            "blessées dans le déraillement d'un tramway samedi soir à Bâle.",
        },
    )
    assert "date" not in table(wires)


def test_nights_and_the_heaviest_of_several_sentences_are_no_count_or_term_to_compare(tmp_path: Path) -> None:
    climbers = wires_from(
        tmp_path,
        {
            "fr.txt": "Quatre alpinistes secourus au Cervin\n\nZERMATT (Suisse), 3 août (AFP) - Quatre alpinistes "
            "ont été secourus lundi après trois nuits dans la paroi.",
            "en.txt": "Four climbers rescued on Matterhorn\n\nGENEVA, Aug 3 (Reuters) - Four climbers were rescued "
            "on Monday after two nights on the face.",
        },
    )
    assert "rescued" not in table(climbers)
    arrest = wires_from(
        tmp_path,
        {
            "fr.txt": "Arrêté à Naples, un Italien condamné à Lyon\n\nLYON, 7 mai (AFP) - Paolo Russo, condamné "
            "mardi par défaut, a été arrêté jeudi à Naples. Le tribunal de Lyon avait condamné cinq hommes à des "
            "peines allant jusqu'à douze ans de prison.",
            "it.txt": "Arrestato a Napoli Paolo Russo\n\nNAPOLI, 7 maggio (ANSA) - I carabinieri hanno arrestato "
            "Paolo Russo. Era stato condannato in contumacia dal tribunale di Lione a undici anni di reclusione.",
        },
    )
    assert "prison term" not in table(arrest), "twelve years is the ringleader's, not Russo's"


@pytest.mark.parametrize(
    ("texts", "about", "row"),
    [
        (
            {
                "nl.txt": "Busongeluk in Spanje\n\nDEN HAAG (ANP) - Bij een busongeluk in Spanje zijn zondag vijf "
                "mensen om het leven gekomen.",
                "de.txt": "Busunglück in Spanien\n\nMADRID, 10. Mai (dpa) - Bei einem Busunglück in Spanien sind am "
                "Sonntag vier Menschen ums Leben gekommen.",
            },
            "deaths",
            {"ANP": "5", "dpa": "4"},
        ),
        (  # a name after an article and a nationality
            {
                "fr.txt": "Giro: chute massive\n\nROME, 21 mai (AFP) - Le Néerlandais Ruben Haverkort a abandonné "
                "après une chute massive.",
                "it.txt": "Giro, maxi-caduta\n\nROMA, 21 maggio (ANSA) - Si è ritirato l'olandese Ruben Haverkamp, "
                "dopo una maxi-caduta.",
            },
            "name",
            {"AFP": "Ruben Haverkort", "ANSA": "Ruben Haverkamp"},
        ),
        (  # hostages held; the four hours of both are no count
            {
                "nl.txt": "Gijzeling in supermarkt Ede voorbij\n\nEDE (ANP) - Een gewapende man hield zaterdag "
                "vier uur lang zes mensen vast in een supermarkt.",
                "de.txt": "Geiselnahme in Supermarkt beendet\n\nDEN HAAG, 24. Oktober (dpa) - Ein bewaffneter Mann "
                "hatte in einem Supermarkt in Ede vier Stunden lang fünf Menschen in seiner Gewalt.",
            },
            "hostages",
            {"ANP": "6", "dpa": "5"},
        ),
        (
            {
                "it.txt": "Voragine alla Balduina\n\nROMA, 22 giugno (ANSA) - Una voragine si è aperta stamattina "
                "in via Lattanzio, inghiottendo cinque auto in sosta.",
                "es.txt": "Un socavón en Roma\n\nROMA, 22 jun (EFE).- Un socavón se tragó este lunes seis coches "
                "aparcados en el barrio romano de la Balduina.",
            },
            "cars",
            {"ANSA": "5", "EFE": "6"},
        ),
        (
            {
                "de.txt": "Eisregen in Frankreich\n\nPARIS, 20. Januar (dpa) - Nach heftigem Eisregen sind in "
                "Zentralfrankreich rund 190.000 Haushalte ohne Strom.",
                "fr.txt": "Pluies verglaçantes en Auvergne\n\nCLERMONT-FERRAND, 20 janv (AFP) - Quelque 160 000 "
                "foyers étaient privés d'électricité mardi en Auvergne.",
            },
            "without power",
            {"dpa": "190,000", "AFP": "160,000"},
        ),
    ],
    ids=["om-het-leven", "after-a-nationality", "hostages", "cars", "without-power"],
)
def test_a_dutch_toll_a_name_after_a_nationality_and_hostages_held_are_compared(
    tmp_path: Path, texts: dict[str, str], about: str, row: dict[str, str]
) -> None:
    assert table(wires_from(tmp_path, texts))[about] == row


def test_where_in_a_town_it_happened_is_compared_whatever_word_names_the_spot(tmp_path: Path) -> None:
    outage = {
        "es.txt": "Apagón en Tarragona\n\nTARRAGONA, 6 may (EFE).- Un apagón dejó sin luz a 40.000 vecinos.\n\nEl "
        "corte comenzó a las 15.20 horas en el barrio de Sant Pere i Sant Pau y se extendió después al centro.",
        "en.txt": "Power cut hits Tarragona\n\nMADRID, May 6 (Reuters) - A power cut left 40,000 residents without "
        "electricity on Wednesday.\n\nThe cut began in the Torreforta district and spread across the city.",
        "fr.txt": "Panne géante à Tarragone\n\nMADRID, 6 mai (AFP) - La coupure a débuté dans le quartier de "
        "Sant Pere i Sant Pau, selon le gestionnaire du réseau.",
    }
    assert table(wires_from(tmp_path, outage))["place"] == {
        "EFE": "Sant Pere",
        "AFP": "Sant Pere",
        "Reuters": "Torreforta",
    }
    pool = {
        "pt.txt": "Fuga de cloro numa piscina de Braga\n\nBRAGA, 26 jun (Lusa) - Doze crianças foram assistidas após "
        "uma fuga de cloro na piscina municipal da freguesia de São Vicente.",
        "en.txt": "Chlorine leak at Braga pool\n\nLISBON, June 26 (Reuters) - Twelve children were treated after a "
        "chlorine leak at a pool in the Gualtar parish of Braga.",
    }
    assert table(wires_from(tmp_path, pool))["place"] == {"Lusa": "São Vicente", "Reuters": "Gualtar"}
    tram = wires_from(
        tmp_path,
        {
            "fr.txt": "Déraillement d'un tram à Bâle\n\nBÂLE, 14 mars (AFP) - Un tram a déraillé samedi soir à la "
            "place Barfüsser, faisant neuf blessés.",
            "en.txt": "Tram derails in Basel\n\nZURICH, March 14 (Reuters) - A tram derailed in central Basel late "
            "on Saturday near Barfuesser square, injuring nine people.",
        },
    )
    assert "place" not in table(tram), "Barfüsser and Barfuesser are one square"


def test_a_data_breach_s_customers_are_a_count_agencies_give(tmp_path: Path) -> None:
    breach = {
        "es.txt": "Movilia sufre un ciberataque\n\nMADRID, 16 sep (EFE).- La operadora Movilia confirmó que un "
        "grupo de ciberdelincuentes accedió a los datos de 4,2 millones de clientes.",
        "fr.txt": "Cyberattaque chez Movilia\n\nMADRID, 16 sept (AFP) - L'opérateur Movilia a été victime d'une "
        "cyberattaque ayant exposé les données de 4,6 millions de clients.",
    }
    assert set(table(wires_from(tmp_path, breach))["customers"]) == {"EFE", "AFP"}


def test_a_flash_s_marker_is_no_part_of_its_news_and_a_headline_s_surname_is_a_surname(tmp_path: Path) -> None:
    from presssum.group import features

    flash, later = wires_from(
        tmp_path,
        {
            "de.txt": "EILMELDUNG: Flusskreuzfahrtschiff rammt Brücke in Koblenz\n\nKoblenz (dpa) - Ein "
            "Flusskreuzfahrtschiff ist am Dienstagabend in Koblenz gegen einen Pfeiler gestoßen.",
            "it.txt": "URGENTE Milano: scontro tra treni in galleria, 18 feriti\n\nMILANO, 6 novembre (ANSA) - Due "
            "convogli della metropolitana si sono scontrati in galleria.",
        },
    )
    assert flash.headline.startswith("Flusskreuzfahrtschiff") and later.headline.startswith("Milano")
    assert not {"w:eilmeldung", "w:urgente"} & (features(flash) | features(later))
    arrest = {
        "it.txt": "Truffa fondi pesca, arrestato in Spagna il condannato Landolfi\n\nNAPOLI, 10 novembre (ANSA) - "
        "È stato arrestato a Marbella Ciro Landolfi, il consulente di 52 anni condannato dal tribunale di Napoli.",
        "es.txt": "Detenido en Marbella un italiano condenado por fraude\n\nMÁLAGA, 10 nov (EFE).- La Policía "
        "Nacional ha detenido en Marbella al italiano Ciro Landolfo, de 52 años, condenado por un tribunal de Nápoles.",
    }
    assert table(wires_from(tmp_path, arrest))["name"] == {"ANSA": "Ciro Landolfi", "EFE": "Ciro Landolfo"}


def test_a_town_of_two_words_and_a_town_after_its_country_s_adjective_are_where_an_arrest_was(tmp_path: Path) -> None:
    arrest = {
        "fr.txt": "Un trafiquant de tortues arrêté en Espagne\n\nMADRID, 7 août (AFP) - Un Espagnol condamné lundi "
        "en Belgique à quatre ans de prison a été arrêté vendredi à La Línea de la Concepción, dans le sud.",
        "es.txt": "Detenido en Algeciras un condenado en Bélgica\n\nALGECIRAS (Cádiz), 7 ago (EFE).- La Guardia Civil "
        "ha detenido en Algeciras a Javier Olmedo, condenado el lunes por un tribunal de Amberes.",
        "nl.txt": "Veroordeelde smokkelaar opgepakt in Spanje\n\nDEN HAAG (ANP) - In het Zuid-Spaanse Algeciras is "
        "de 44-jarige Javier Olmedo aangehouden, die maandag door de rechtbank in Antwerpen werd veroordeeld.",
    }
    assert table(wires_from(tmp_path, arrest))["place"] == {"AFP": "La Línea", "EFE": "Algeciras", "ANP": "Algeciras"}


def test_an_island_a_peak_or_a_beach_is_compared_with_its_own_kind(tmp_path: Path) -> None:
    ferry = {
        "it.txt": "Traghetto alla deriva\n\nLIVORNO, 8 maggio (ANSA) - Notte di paura per i 412 passeggeri del "
        "traghetto, rimasto alla deriva per sei ore al largo dell'isola di Capraia dopo un'avaria ai motori.",
        "en.txt": "Ferry adrift off Italy\n\nROME, May 8 (Reuters) - A ferry carrying 412 passengers drifted for six "
        "hours off the island of Gorgona on Friday after its engines failed, Italy's coast guard said.",
        "de.txt": "Fähre treibt vor Capraia\n\nROM, 8. Mai (dpa) - Eine Fähre mit 412 Passagieren ist nach einem "
        "Motorschaden vor der italienischen Insel Capraia stundenlang manövrierunfähig getrieben.",
    }
    assert table(wires_from(tmp_path, ferry))["place"] == {"ANSA": "Capraia", "dpa": "Capraia", "Reuters": "Gorgona"}
    climbers = {
        "fr.txt": "Deux alpinistes tués\n\nCHAMONIX, 3 août (AFP) - Deux alpinistes ont été tués dans une chute sur "
        "le versant italien du mont Blanc, près de la plage de glace du col.",
        "it.txt": "Due alpinisti morti\n\nAOSTA, 3 agosto (ANSA) - Due alpinisti sono morti precipitando dal Monte "
        "Bianco, sul versante italiano, vicino alla spiaggia di Bonatti.",
    }
    assert "place" not in table(wires_from(tmp_path, climbers)), "Blanc and Bianco are one peak, a beach no peak"
    island = {
        "fr.txt": "Incendie de forêt en Grèce\n\nATHÈNES, 9 août (AFP) - Un incendie ravage le nord de l'île d'Eubée, "
        "où 300 habitants ont été évacués.",
        "es.txt": "Incendio forestal en Grecia\n\nATENAS, 9 ago (EFE).- Un incendio arrasa el norte de la isla de "
        "Evia, donde 300 vecinos fueron evacuados.",
    }
    assert "place" not in table(wires_from(tmp_path, island)), "Eubée and Evia are one island"
