"""Story versions on the real agency chains: latest digested with its changes, kills withdrawn, the
second version translating only its new sentences (echo model, in process)."""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

import presssum
from presssum.batch import digest_inputs
from presssum.cache import DigestCache
from presssum.load import load_articles
from presssum.outdir import OutputDir
from presssum.records import Digest, Failure, StoryNotice
from presssum.render import RenderOptions, output_format
from presssum.stories import plan
from tests.conftest import ECHO_MODEL, ROOT, WriteConfig, run_cli

WIRE_FORMATS = ROOT.parent / "shared" / "wire-formats"
BRD054 = [WIRE_FORMATS / "newsml12" / f"sda_de_brd054_{name}.xml" for name in ("rev1", "rev2_rectify")]
BRZ011 = [WIRE_FORMATS / "newsml12" / f"sda_de_brz011_{name}.xml" for name in ("rev1", "rev2_delete")]
KERBER = sorted((WIRE_FORMATS / "newsml-g2").glob("dpa_de_kerber_*.xml"))
HANAU = sorted((WIRE_FORMATS / "newsml-g2").glob("dpa_de_hanau_[23]*.xml"))

Result = Digest | Failure | StoryNotice


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> presssum.Pipeline:
    """Every role on the echo model, German included; loaded once for the module."""
    model = {"model": str(ECHO_MODEL)}
    data = {
        # the echo model copies by design: the untranslated guard would retry every sentence
        "translation": {
            "pairs": {"de": model, "fr": model},
            "generation": {"num_beams": 1},
            "guards": {"untranslated": False},
        },
        "summarizer": {
            **model,
            "generation": {"num_beams": 1},
            "lengths": {"medium": {"min_new_tokens": 0, "max_new_tokens": 24}},
        },
        "back_translation": {"pairs": {"de": model, "fr": model}},
    }
    path = tmp_path_factory.mktemp("config") / "models.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return presssum.Pipeline(presssum.load_config(path))


def run(pipeline: presssum.Pipeline, paths: Sequence[Path], cache: DigestCache, **options: bool) -> list[Result]:
    return list(digest_inputs(pipeline, [str(p) for p in paths], max_bytes=10**6, cache=cache, **options))


@pytest.fixture(scope="module")
def one_run(pipeline: presssum.Pipeline, tmp_path_factory: pytest.TempPathFactory) -> list[Result]:
    cache = DigestCache(tmp_path_factory.mktemp("cache") / "digests.sqlite", "settings")
    return run(pipeline, [*BRD054, *BRZ011], cache)


def test_each_chain_is_digested_once_as_its_latest_version(one_run: list[Result]) -> None:
    digests = {Path(r.input).name: r for r in one_run if isinstance(r, Digest)}
    assert set(digests) == {BRD054[1].name}
    superseded = {Path(r.input).name for r in one_run if isinstance(r, StoryNotice) and r.kind == "superseded"}
    assert superseded == {BRD054[0].name, BRZ011[0].name}
    story = digests[BRD054[1].name].story
    assert story is not None and [v.version for v in story.versions] == [1, 2]


def test_dpa_updates_under_new_guids_chain_to_their_latest() -> None:
    planned = plan(load_articles([str(p) for p in [*KERBER, *HANAU]]))
    kept = [item.input for item in planned.items if not isinstance(item, StoryNotice)]
    assert kept == [str(KERBER[1]), str(HANAU[1])]
    assert [a.input for a in planned.earlier[str(KERBER[1])]] == [str(KERBER[0])]


def test_a_correction_shows_what_changed_and_its_note_in_every_format(one_run: list[Result]) -> None:
    (digest,) = [r for r in one_run if isinstance(r, Digest) and r.input == str(BRD054[1])]
    assert digest.story is not None and digest.story.changes is not None
    changes = digest.story.changes
    assert changes.since_version == 1
    assert len(changes.added) == len(changes.removed) == 1  # one word corrected in one sentence
    assert "unkontrollierte" in changes.added[0] and "unkontrollierte" not in changes.removed[0]
    note = "CORRECTION: Im 2. Abschnitt nach dem Lead unkontrollierte statt kontrollierte Masseneinwanderung"
    for name in ("text", "markdown", "html", "email"):
        options = RenderOptions(to="desk@example.org", sender="p@example.org")
        rendered = output_format(name).document([digest], options)
        message = email.message_from_bytes(rendered, policy=email.policy.default)
        shown = message.get_body(("plain",)) if name == "email" else None
        page = shown.get_content() if shown else rendered.decode("utf-8")  # type: ignore[union-attr]
        assert note in " ".join(page.split()).replace("\\", ""), name
    assert digest.to_dict()["wire"]["signals"] == ["correction"]
    assert digest.to_dict()["wire"]["ednote"].startswith("Im 2. Abschnitt")
    assert digest.to_dict()["story"]["changes"]["since_version"] == 1


def test_a_kill_withdraws_the_story_and_its_earlier_digest_file(
    pipeline: presssum.Pipeline, one_run: list[Result], tmp_path: Path
) -> None:
    (notice,) = [r for r in one_run if isinstance(r, StoryNotice) and r.kind == "withdrawn"]
    assert notice.input == str(BRZ011[1])
    assert not any(isinstance(r, Digest) and "brz011" in r.input for r in one_run)
    # In an --output folder the digest of the first run is replaced by a withdrawal notice.
    cache = DigestCache(tmp_path / "digests.sqlite", "settings")
    folder = OutputDir(tmp_path / "out", ".txt")
    (first,) = run(pipeline, BRZ011[:1], cache)
    assert isinstance(first, Digest)
    written = folder.write(first, output_format("text").document([first], RenderOptions()))
    (kill,) = run(pipeline, BRZ011[1:], cache)
    assert isinstance(kill, StoryNotice) and kill.kind == "withdrawn"
    folder.record_notice(kill)
    assert written.read_text(encoding="utf-8").startswith("WITHDRAWN: ")
    entries = {entry["input"]: entry for entry in folder.entries.values()}
    assert entries[str(BRZ011[0])]["withdrawn"] is True and entries[str(BRZ011[1])]["withdrawn"] is True
    assert entries[str(BRZ011[1])]["notice"] == "withdrawn"  # index.json lists the notice itself


def test_a_second_version_in_a_later_run_translates_only_its_new_sentences(
    pipeline: presssum.Pipeline, tmp_path: Path
) -> None:
    cache = DigestCache(tmp_path / "digests.sqlite", "settings")
    run(pipeline, KERBER[:1], cache)
    first_sent = cache.sentences.sent_to_model
    (second,) = [r for r in run(pipeline, KERBER[1:], cache) if isinstance(r, Digest)]
    second_sent = cache.sentences.sent_to_model - first_sent
    articles = [a for a in load_articles([str(p) for p in KERBER]) if not isinstance(a, Failure)]
    assert second.story is not None and second.story.changes is not None
    assert [v.input for v in second.story.versions] == [str(p) for p in KERBER]
    new_sentences = len(second.story.changes.added)
    total = sum(len(presssum.segment.split_sentences(p, "de")) for p in articles[1].paragraphs)  # type: ignore[union-attr]
    assert 0 < new_sentences < total
    # headline + the sentences the first version did not have, + the removed ones for the changes list
    assert second_sent <= 1 + new_sentences + len(second.story.changes.removed)


def test_an_embargoed_item_is_marked_and_can_be_held() -> None:
    path = WIRE_FORMATS / "newsml-g2" / "iptc_LISTING_1_embargo_sig-update.xml"
    from presssum.readers import parse

    (article,) = parse(str(path), path.read_bytes())
    assert article.wire is not None  # type: ignore[union-attr]
    assert article.wire.status_line.startswith("EMBARGOED until 2018-10-23T12:00:00Z")  # type: ignore[union-attr]
    held = plan(
        [article],
        hold_embargoed=True,
        now=__import__("datetime").datetime(2018, 10, 22, tzinfo=__import__("datetime").timezone.utc),
    )  # type: ignore[list-item]
    assert isinstance(held.items[0], StoryNotice) and held.items[0].kind == "held"
    released = plan([article], hold_embargoed=True)  # type: ignore[list-item]
    assert released.items == [article]


def test_a_withdrawal_alone_is_a_valid_json_document_and_a_jsonl_line(
    write_config: WriteConfig, tmp_path: Path
) -> None:
    kill = str(WIRE_FORMATS / "nitf" / "iptc_en_nitf32_fishing_canceled_dtd.xml")
    config = str(write_config())
    env = {"PRESSSUM_CACHE_DIR": str(tmp_path / "cache")}
    document = json.loads(run_cli("digest", kill, "--config", config, "-f", "json", env=env).stdout)
    assert document["articles"] == []
    (notice,) = document["notices"]
    assert notice["notice"] == "withdrawn" and notice["withdrawn"] is True and notice["input"] == kill
    assert notice["reason"] == "Today begins an expanded format of this popular column."  # the agency's note
    (line,) = run_cli("digest", kill, "--config", config, "-f", "jsonl", env=env).stdout.splitlines()
    assert json.loads(line) == notice


def test_json_notices_say_which_versions_were_replaced_and_which_corrects(one_run: list[Result]) -> None:
    document = json.loads(output_format("json").document(one_run, RenderOptions()))
    assert [Path(a["input"]).name for a in document["articles"]] == [BRD054[1].name]
    kinds = {(Path(n["input"]).name, n["notice"]) for n in document["notices"]}
    assert kinds == {
        (BRD054[0].name, "superseded"),
        (BRZ011[0].name, "superseded"),
        (BRZ011[1].name, "withdrawn"),
        (BRD054[1].name, "corrected"),
    }
    (corrected,) = [n for n in document["notices"] if n["notice"] == "corrected"]
    assert (
        corrected["reason"].startswith("Im 2. Abschnitt")
        and corrected["story"] == document["articles"][0]["story"]["id"]
    )
    (replaced,) = [n for n in document["notices"] if n["input"] == str(BRZ011[0])]
    assert "withdraws the story" in replaced["message"]


def test_a_held_embargo_is_a_jsonl_line_with_its_time() -> None:
    path = WIRE_FORMATS / "newsml-g2" / "iptc_LISTING_1_embargo_sig-update.xml"
    from presssum.readers import parse

    (article,) = parse(str(path), path.read_bytes())
    moment = datetime(2018, 10, 22, tzinfo=timezone.utc)
    (held,) = plan([article], hold_embargoed=True, now=moment).items  # type: ignore[list-item]
    assert isinstance(held, StoryNotice)
    line = json.loads(output_format("jsonl").document([held], RenderOptions()))
    assert line["notice"] == "held" and line["until"] == "2018-10-23T12:00:00Z"
