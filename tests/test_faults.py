"""Fault injection: a hostile user's inputs, files, cache, output folder and config never end a batch.

Each test runs many faults at once and checks each on its own: one line naming the input, the right
exit code, every good input digested, finished outputs intact, index.json valid, no traceback.
The CLI runs in-process (typer's runner) except where only a real process shows the fault.
"""

from __future__ import annotations

import contextlib
import email
import errno
import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import policy
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from presssum import InputError, digest
from presssum.cache import DigestCache
from presssum.cli import app
from presssum.config import load_config
from presssum.errors import ConfigError
from presssum.load import folder_files
from presssum.segment import split_sentences, text_windows
from tests.conftest import PRESSSUM, WriteConfig

pytestmark = pytest.mark.faults

GOOD = "Bahn streikt wieder\n\nDie Lokführer legen am Montag die Arbeit nieder. Der Fernverkehr steht still.\n"
# ESC sequences a terminal would obey: colour, clear-screen, an OSC 8 link, and a C1 control (CSI).
TERMINAL_TRICKS = "\x1b[31mrot\x1b[0m \x1b[2J\x1b]8;;https://evil.example\x1b\\Link\x1b]8;;\x1b\\ \x9b2J"


def cli(*args: str, stdin: str | None = None) -> Result:
    """`presssum ARGS` in this process, offline, as the console script runs it."""
    return CliRunner().invoke(app, list(args), input=stdin, env={"HF_HUB_OFFLINE": "1", "NO_COLOR": "1"})


def one_line_errors(result: Result) -> dict[str, str]:
    """The inputs named on `presssum: error:` lines, each line whole; and no traceback anywhere."""
    assert "Traceback" not in result.output + result.stderr, result.stderr
    prefix = "presssum: error: "
    lines = [line[len(prefix) :] for line in result.stderr.splitlines() if line.startswith(prefix)]
    return {line.split(": ", 1)[0]: line for line in lines}


def jsonl(*records: dict[str, str]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


@pytest.fixture
def hostile_inbox(tmp_path: Path) -> Path:
    """A folder of wires as a hostile feed delivers them: the good among the bad."""
    inbox = tmp_path / "inbox"
    (inbox / ".git").mkdir(parents=True)
    (inbox / ".git" / "secret.txt").write_text(GOOD.replace("Bahn", "Geheim"), encoding="utf-8")
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")
    (inbox / "latin1.txt").write_bytes(
        "Neue Brücke eröffnet\n\nDie Stadt hat am Freitag eine Brücke für zwölf Millionen Euro eröffnet.\n".encode(
            "latin-1"
        )
    )
    (inbox / "tricks.txt").write_text(f"Achtung {TERMINAL_TRICKS}\n\nDer Text {TERMINAL_TRICKS} geht weiter.\n")
    (inbox / "feed.jsonl").write_text(
        jsonl({"title": "Erste Meldung", "text": "Der Zug fährt wieder. Alle sind froh."})
        + "[" * 100_000
        + "\n"
        + jsonl(
            {
                "title": "Zeile\r\nBcc: evil@example.org",
                "text": "Die Meldung hat einen Umbruch im Titel.",
                "author": TERMINAL_TRICKS,
            },
            {"title": "Index", "text": "Ein Titel, der wie die Indexdatei heißt."},
            {"title": "Volle Platte", "text": "Diese Meldung findet keinen Platz mehr auf der Platte."},
        ),
        encoding="utf-8",
    )
    (inbox / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "bad-bom.txt").write_bytes(b"\xef\xbb\xbfTitel\n\n\xff\xfe kaputt\n")
    (inbox / "chrome.txt").write_text("Newsletter abonnieren\n\nCookies akzeptieren\n", encoding="utf-8")
    (inbox / "big.txt").write_text(GOOD + "Noch ein Satz. " * 14_000, encoding="utf-8")
    (inbox / "link-inside.txt").symlink_to(inbox / "good.txt")
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd.txt").write_text(GOOD.replace("Bahn", "Passwort"), encoding="utf-8")
    (inbox / "link-outside.txt").symlink_to(outside / "passwd.txt")
    (inbox / "folder-outside").symlink_to(outside, target_is_directory=True)
    return inbox


@pytest.fixture
def disk_full_for(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Writing the file of the article headed 'Volle Platte' fails with ENOSPC, as on a full disk."""
    from presssum import outdir

    real_write = outdir.write_atomic

    def write(path: Path, data: bytes) -> None:
        if path.name.startswith("volle-platte"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(path, data)

    monkeypatch.setattr(outdir, "write_atomic", write)
    yield "volle-platte"


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_hostile_batch_names_each_bad_input_and_keeps_every_good_digest(
    hostile_inbox: Path, write_config: WriteConfig, tmp_path: Path, disk_full_for: str, umask_022: None
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    feed = hostile_inbox / "feed.jsonl"
    # an index from elsewhere, steering an input's file out of the folder
    (out / "index.json").write_text(
        json.dumps({"articles": [{"input": str(hostile_inbox / "good.txt"), "file": "../escaped.json"}]}),
        encoding="utf-8",
    )
    config = str(write_config())
    common = ["--config", config, "--lang", "de", "--max-bytes", "200000", "--output", str(out)]
    extra = ["/dev/zero", "/dev/null", str(tmp_path / "missing.txt")]

    first = cli("digest", str(hostile_inbox), *extra, *common, "--format", "json")

    assert first.exit_code == 1, first.stderr
    errors = one_line_errors(first)
    expected = {
        f"{feed}:2": "nested too deeply",
        str(hostile_inbox / "binary.txt"): "binary data",
        str(hostile_inbox / "empty.txt"): "empty input",
        str(hostile_inbox / "bad-bom.txt"): "invalid utf-8-sig",
        str(hostile_inbox / "chrome.txt"): "no article",
        str(hostile_inbox / "big.txt"): "over the 200,000-byte limit",
        "/dev/zero": "over the 200,000-byte limit",
        "/dev/null": "empty input",
        str(tmp_path / "missing.txt"): "no such file",
        f"{feed}:5": "No space left on device",
    }
    assert set(errors) == set(expected), first.stderr
    for name, reason in expected.items():
        assert reason in errors[name], errors[name]
    assert f"presssum: 7 digested, {len(expected)} failed" in first.stderr
    assert "link-outside.txt: skipped, a link to a file outside" in first.stderr
    assert "folder-outside: skipped, a link to a folder outside" in first.stderr
    for never_read in ("secret.txt", "passwd.txt", "Passwort", "Geheim"):
        assert never_read not in first.stdout + first.stderr

    index = {entry["input"]: entry for entry in json.loads((out / "index.json").read_text("utf-8"))["articles"]}
    good = [
        *(str(hostile_inbox / name) for name in ("good.txt", "latin1.txt", "tricks.txt", "link-inside.txt")),
        *(f"{feed}:{line}" for line in (1, 3, 4)),
    ]
    assert {name for name, entry in index.items() if entry["file"]} == set(good)
    files = {entry["file"] for entry in index.values() if entry["file"]}
    assert files <= {path.name for path in out.iterdir()}, "every finished output is there"
    assert index[f"{feed}:4"]["file"] == "index-2.json", "a headline slugging to 'index' keeps index.json"
    assert not (tmp_path / "escaped.json").exists(), "an index entry never leads outside the folder"
    for name in files:
        written = out / name
        assert json.loads(written.read_text("utf-8"))["articles"], name
        assert written.stat().st_mode & 0o777 == 0o644, "output files honour the umask"
        assert "\x1b" not in written.read_text("utf-8") and "\x9b" not in written.read_text("utf-8")

    # the same folder in another format: the JSON files are replaced, none is left with a stale suffix
    second = cli("digest", str(hostile_inbox), *common, "--format", "email", "--to", "desk@example.org")

    assert second.exit_code == 1
    assert sorted(path.suffix for path in out.iterdir() if path.name != "index.json") == [".eml"] * 7
    for path in out.glob("*.eml"):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert "\n" not in message["Subject"] and message["Bcc"] is None, message["Subject"]
        assert "\x1b" not in path.read_text("utf-8")
    assert "Zeile Bcc: evil@example.org" in {
        email.message_from_bytes(p.read_bytes(), policy=policy.default)["Subject"] for p in out.glob("*.eml")
    }


@pytest.mark.parametrize(
    ("flags", "reason"),
    [
        (["--format", "email", "--to", "desk@example.org\nBcc: all@example.org"], "--to"),
        (["--format", "email", "--to", "desk@example.org", "--from", "me\r@example.org"], "--from"),
        (["--max-bytes", "-5"], "--max-bytes -5"),
        (["--max-bytes", "0"], "--max-bytes 0"),
        (["--max-words", "0"], "--max-words 0"),
        (["--glob", "/etc/*"], "--glob '/etc/*'"),
        (["--glob", "../secret/*"], "--glob '../secret/*'"),
        (["--output", "{tmp}/a-file"], "exists and is not a folder"),
        (["--output", "{tmp}/a-file/below"], "cannot write there"),
        (["--config", "{tmp}/bomb.yaml"], "aliases"),
        (["--config", "{tmp}/latin1.yaml"], "not UTF-8"),
    ],
)
def test_a_bad_flag_is_a_usage_error_before_any_work(
    flags: list[str], reason: str, tmp_path: Path, write_config: WriteConfig
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    nine = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcd", "bcde", strict=True)
    )
    (tmp_path / "bomb.yaml").write_text(nine)  # 9**5 values once expanded
    (tmp_path / "latin1.yaml").write_bytes("device: caf\xe9\n".encode("latin-1"))
    (tmp_path / "wire.txt").write_text(GOOD, encoding="utf-8")
    flags = [flag.replace("{tmp}", str(tmp_path)) for flag in flags]
    config = [] if "--config" in flags else ["--config", str(write_config())]

    result = cli("digest", str(tmp_path / "wire.txt"), *config, *flags)

    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    one_line_errors(result)
    assert len(result.stderr.strip().splitlines()) == 1 and reason in result.stderr
    assert not (tmp_path / "cache" / "digests.sqlite").exists(), "nothing was digested"


@pytest.mark.parametrize(
    "layer",
    [
        {"device": 3},
        {"device": "tpu"},
        {"offline": "sometimes"},
        {"glossary": ["a", "b"]},
        {"translation": 5},
        {"translation": {"pairs": {"fr": "a-model"}}},
        {"translation": {"pairs": {"fr": {"model": ["x"]}}}},
        {"translation": {"generation": {"num_beams": 0}}},
        {"translation": {"generation": {"num_beams": "four"}}},
        {"summarizer": {"lengths": {"short": {"min_new_tokens": 9, "max_new_tokens": 1}}}},
        {"summarizer": {"lengths": {"huge": {"min_new_tokens": 0, "max_new_tokens": 1}}}},
        {"back_translation": None},
        {"unknown_key": 1},
        ["a", "list"],
        "just a string",
        {1: "a number as a key"},
    ],
)
def test_every_wrong_type_in_a_config_is_one_line_naming_the_file(layer: object, tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text(yaml.safe_dump(layer), encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)


def test_deeply_nested_yaml_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text("a: " + "[" * 1_500, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"nested too deeply|not valid YAML"):
        load_config(path)


def _garbage(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "digests.sqlite").write_bytes(os.urandom(4096))


def _truncated(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    db = sqlite3.connect(folder / "digests.sqlite")
    db.execute("CREATE TABLE digests (key TEXT PRIMARY KEY, digest TEXT NOT NULL)")
    db.executemany("INSERT INTO digests VALUES (?, ?)", [(str(n), "x" * 5000) for n in range(50)])
    db.commit()
    db.close()
    data = (folder / "digests.sqlite").read_bytes()
    (folder / "digests.sqlite").write_bytes(data[: len(data) // 3])


def _bad_row(folder: Path) -> None:
    folder.mkdir()
    db = sqlite3.connect(folder / "digests.sqlite")
    db.execute("CREATE TABLE digests (key TEXT PRIMARY KEY, digest TEXT NOT NULL)")
    db.commit()
    db.close()


def _under_a_file(folder: Path) -> None:
    folder.write_text("a file where the cache folder should be")


@pytest.mark.parametrize("fault", [_garbage, _truncated, _bad_row, _under_a_file])
def test_a_cache_fault_is_one_warning_and_the_run_goes_on_without_it(
    fault: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from presssum import parse_wire

    folder = tmp_path / "cache-folder"
    fault(folder)  # type: ignore[operator]
    path = folder / "digests.sqlite"
    cache = DigestCache(path, settings="s")
    article = parse_wire(GOOD)
    if fault is _bad_row:  # a row another version wrote, that this one cannot read
        db = sqlite3.connect(path)
        db.execute("INSERT INTO digests VALUES (?, ?)", (cache.key(article, "de"), '{"not": "a digest"}'))
        db.commit()
        db.close()
    for _ in range(3):
        assert cache.get(article, "de") is None
    cache.close()
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("presssum: warning:")]
    assert len(warnings) == 1 and str(path) in warnings[0], warnings


@pytest.fixture
def mount() -> Iterator[Callable[..., None]]:
    """`mount ARGS TARGET` (root only), undone after the test; the test is skipped where mounting is not allowed."""
    mounted: list[Path] = []

    def run(*args: str, target: Path) -> None:
        done = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot mount here: {done.stderr.strip()}")
        if target not in mounted:  # a remount is undone with its mount
            mounted.append(target)

    yield run
    for target in reversed(mounted):
        subprocess.run(["umount", str(target)], capture_output=True, check=True)


def _read_only(path: Path, mount: Callable[..., None]) -> None:
    """`path` (a file or a folder) read-only as a shared cache is: root writes through a file's mode, so for
    root it is a read-only bind mount of itself."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return
    mount("--bind", str(path), target=path)
    mount("-o", "remount,bind,ro", target=path)


@dataclass
class Harm:
    """What a cache fault needs to be set up, and undone after the run."""

    cache: Path
    mount: Callable[..., None]
    monkeypatch: pytest.MonkeyPatch
    undo: contextlib.ExitStack


def _read_only_file(harm: Harm) -> None:
    _read_only(harm.cache / "digests.sqlite", harm.mount)


def _read_only_folder(harm: Harm) -> None:
    _read_only(harm.cache, harm.mount)


def _full_disk(harm: Harm) -> None:
    """The cache on a small file system, filled to the last byte by another file."""
    disk = harm.cache.parent / "small-disk"
    disk.mkdir()
    harm.mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", target=disk)
    shutil.copy(harm.cache / "digests.sqlite", disk / "digests.sqlite")
    (disk / "models").symlink_to(harm.cache / "models")
    harm.monkeypatch.setenv("PRESSSUM_CACHE_DIR", str(disk))
    with contextlib.suppress(OSError), (disk / "filler").open("wb") as filler:
        while True:
            filler.write(b"x" * 4096)
            filler.flush()


def _locked(harm: Harm) -> None:
    """Another process's exclusive lock on the database, held past presssum's wait (shortened for the test)."""
    harm.monkeypatch.setattr("presssum.cache.BUSY_TIMEOUT_S", 0.2)
    other = harm.undo.enter_context(contextlib.closing(sqlite3.connect(harm.cache / "digests.sqlite")))
    other.isolation_level = None
    other.execute("BEGIN EXCLUSIVE")


def _corrupt(harm: Harm) -> None:
    """Pages overwritten with garbage past the header, as a crash mid-write or a bad disk leaves them."""
    with (harm.cache / "digests.sqlite").open("r+b") as file:
        file.seek(100)
        file.write(os.urandom(8192))


def _another_version(harm: Harm) -> None:
    """A cache laid out by a newer presssum: its own schema number and its own columns."""
    harm.cache.joinpath("digests.sqlite").unlink()
    db = sqlite3.connect(harm.cache / "digests.sqlite")
    db.execute("CREATE TABLE digests (key TEXT PRIMARY KEY, model TEXT, digest BLOB)")
    db.execute("PRAGMA user_version = 7")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("fault", "reads"),
    [
        (_read_only_file, True),
        (_read_only_folder, True),
        (_full_disk, True),
        (_locked, False),
        (_corrupt, False),
        (_another_version, False),
    ],
)
def test_every_cache_fault_is_one_warning_and_no_article_fails(
    fault: Callable[[Harm], None],
    reads: bool,
    tmp_path: Path,
    write_config: WriteConfig,
    isolated_cache: Path,
    mount: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = str(write_config())
    cached, new = tmp_path / "cached.txt", tmp_path / "new.txt"
    cached.write_text(GOOD, encoding="utf-8")
    new.write_text(GOOD.replace("Montag", "Dienstag").replace("Bahn", "Fähre"), encoding="utf-8")
    assert cli("digest", str(cached), "--config", config, "--lang", "de").exit_code == 0
    with contextlib.ExitStack() as undo:
        fault(Harm(isolated_cache, mount, monkeypatch, undo))
        database = Path(os.environ["PRESSSUM_CACHE_DIR"]) / "digests.sqlite"
        before = database.read_bytes()

        result = cli("digest", str(cached), str(new), "--config", config, "--lang", "de", "-f", "json")

        after = database.read_bytes()
    assert result.exit_code == 0, result.stderr
    assert one_line_errors(result) == {}
    warnings = [line for line in result.stderr.splitlines() if line.startswith("presssum: warning:")]
    assert len(warnings) == 1 and str(database) in warnings[0], result.stderr
    digests = json.loads(result.stdout)["articles"]
    assert [d["headline"]["source"] for d in digests] == ["Bahn streikt wieder", "Fähre streikt wieder"]
    assert [d["cached"] for d in digests] == [reads, False], "what can be read is read"
    assert after == before, "nothing is written"


def test_watch_refuses_an_output_folder_inside_the_watched_one(tmp_path: Path, write_config: WriteConfig) -> None:
    (tmp_path / "inbox").mkdir()
    result = cli(
        "watch", str(tmp_path / "inbox"), "--output", str(tmp_path / "inbox" / "out"), "-c", str(write_config())
    )
    assert result.exit_code == 2
    assert "inside the watched folder" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "inbox" / "out").exists()


def test_a_watched_folder_follows_links_only_inside_it(hostile_inbox: Path) -> None:
    notes: list[str] = []
    found = [Path(path).name for path in folder_files(hostile_inbox, note=notes.append)]
    assert "link-inside.txt" in found and "good.txt" in found
    assert "link-outside.txt" not in found and "secret.txt" not in found and "passwd.txt" not in found
    assert len(notes) == 2


def test_the_library_reads_bytes_as_the_cli_does_and_strips_terminal_controls(write_config: WriteConfig) -> None:
    config = write_config()
    with pytest.raises(InputError, match="binary"):
        digest(b"\x89PNG\r\n\x1a\n\x00\x00\x00", config=config)
    from_bytes = digest(GOOD.encode("latin-1"), config=config, lang="de")
    assert "Lokführer" in from_bytes.to_dict()["source_text"], "decoded as Latin-1, as the CLI would"
    tricked = digest(GOOD.replace("Montag", f"Montag {TERMINAL_TRICKS}"), config=config, lang="de")
    assert not any(control in json.dumps(tricked.to_dict()) for control in ("\\u001b", "\\u009b"))


def test_a_huge_paragraph_is_split_in_linear_time() -> None:
    paragraph = "Le gouvernement a annoncé 3,5 millions d'euros, a dit M. Dupont. « Nous verrons. " * 1500
    started = time.perf_counter()
    sentences = split_sentences(paragraph, "fr")
    assert time.perf_counter() - started < 20, "pysbd alone takes minutes on a paragraph this long"
    assert " ".join(sentences).split() == paragraph.split(), "nothing is lost"
    assert "".join(text_windows(paragraph, 2000)) == paragraph


def test_a_huge_wire_under_max_bytes_is_refused_in_seconds_naming_the_flag_to_raise(
    tmp_path: Path, write_config: WriteConfig
) -> None:
    sentence = "Le gouvernement a annoncé 3,5 millions d'euros pour les hôpitaux, a dit M. Dupont à Paris. "
    huge = tmp_path / "huge.txt"
    huge.write_text("Grève géante\n\n" + sentence * (4_900_000 // len(sentence.encode())), encoding="utf-8")
    blob = tmp_path / "blob.txt"  # no spaces to count words by
    blob.write_text("Titre\n\n" + "x" * 1_000_000, encoding="utf-8")
    assert huge.stat().st_size < 5_000_000, "under the default --max-bytes"

    started = time.perf_counter()
    result = cli("digest", str(tmp_path), "--config", str(write_config()), "--lang", "de")

    assert time.perf_counter() - started < 15, "it took hours; no model need even be loaded"
    assert result.exit_code == 1
    errors = one_line_errors(result)
    assert set(errors) == {str(huge), str(blob)}, result.stderr
    assert "834,03" in errors[str(huge)] and "over the 50,000-word limit; --max-words 834" in errors[str(huge)]
    assert "--max-words" in errors[str(blob)]
    assert "presssum: 0 digested, 2 failed" in result.stderr


def test_a_long_wire_within_a_raised_limit_counts_its_sentences_as_it_goes(
    tmp_path: Path, write_config: WriteConfig
) -> None:
    from presssum import Pipeline
    from presssum.batch import digest_inputs
    from presssum.records import Digest, Failure

    wire = tmp_path / "long.txt"
    wire.write_text("Lange Meldung\n\n" + " ".join(f"Der Zug {n} fährt heute nicht." for n in range(120)))
    pipeline = Pipeline(load_config(write_config()))

    refused = list(digest_inputs(pipeline, [str(wire)], lang="de", max_bytes=100_000, max_words=500))
    assert isinstance(refused[0], Failure) and "--max-words 722 digests it" in refused[0].error

    stages: list[str] = []
    digested = list(
        digest_inputs(pipeline, [str(wire)], lang="de", max_bytes=100_000, max_words=722, on_stage=stages.append)
    )
    assert isinstance(digested[0], Digest)
    counts = [stage for stage in stages if stage.startswith("translating · ") and "sentences" in stage]
    assert "translating · reading names, figures and dates first" in stages, "said before the count starts"
    assert len(counts) > 2, "the count moves batch by batch"
    assert counts[-1] == "translating · 121 of 121 sentences", counts  # the headline and 120 sentences


ENGLISH_IN_FRENCH = (
    'The union said in a statement in English: "We will not back down until the government listens to railway workers."'
)
# What the packaged models.yaml routes: its translation pairs and English.
ROUTABLE = frozenset({"fr", "de", "es", "it", "pt", "nl", "ru", "en"})


def test_an_english_paragraph_in_a_french_wire_is_marked_english_and_kept_as_written(write_config: WriteConfig) -> None:
    """Among 97 languages the identifier gives it English 0.988 (Nigerian Pidgin the rest), under the 0.99
    a paragraph needs to leave its wire's language; among the languages presssum routes, 0.99999."""
    wire = (
        "Grève à la SNCF\n\n"
        "Les syndicats de cheminots ont appelé à une grève reconductible à partir de mardi.\n\n"
        f"{ENGLISH_IN_FRENCH}\n\n"
        "Le trafic sera très perturbé sur l'ensemble du réseau, selon la direction.\n"
    )
    result = digest(wire, config=write_config(), lang="fr")
    assert [pair.lang for pair in result.paragraphs] == ["fr", "en", "fr"]
    assert result.paragraphs[1].en == ENGLISH_IN_FRENCH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH_IN_FRENCH, "en"),
        # surely a language no model is configured for: named, so the wire fails or is flagged, never sent to
        # the German model (Finnish's nearest routable language, at 0.59)
        ("Presidentti Niinistö sanoi tiistaina, että hallitus ei aio luopua suunnitelmastaan.", "fi"),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.", "la"),
        ("Die Lokführer legen am Montag die Arbeit nieder, der Fernverkehr steht still.", "de"),
    ],
)
def test_language_identification_chooses_among_the_routable_languages_unless_sure_of_another(
    text: str, expected: str
) -> None:
    from presssum.lang import detect_language

    assert detect_language(text, "fr", min_confidence=0.99, languages=ROUTABLE) == expected


def test_spacy_gets_text_longer_than_its_limit_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from presssum import facts
    from presssum.facts import analysis  # noqa: F401 - the module whose spaCy loader is replaced

    nlp = spacy.blank("fr")  # a real pipeline that loads in no time, with one rule for one name
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PER", "pattern": "Emmanuel Macron"}])  # type: ignore[attr-defined]
    nlp.max_length = 2000
    monkeypatch.setattr(facts.analysis, "french_nlp", lambda: nlp)
    text = "Emmanuel Macron a reçu Olaf Scholz à Paris. " * 200  # 8,800 characters: spaCy's E088 before
    assert facts.protected_names(text, "fr") == ["Emmanuel Macron"]


def test_closed_stdin_and_a_closed_output_pipe_end_quietly(tmp_path: Path) -> None:
    missing = [str(tmp_path / f"missing-{n}.txt") for n in range(3)]
    closed = subprocess.run(
        f"'{PRESSSUM}' digest - <&-", shell=True, capture_output=True, text=True, timeout=120, check=False
    )
    assert closed.returncode == 1, closed.stderr
    assert closed.stderr.splitlines()[0] == "presssum: error: -: stdin is closed"
    assert "Traceback" not in closed.stderr

    # `| true` closes the pipe before presssum writes its first line
    piped = subprocess.run(
        ["bash", "-c", f"'{PRESSSUM}' digest {' '.join(missing)} --format jsonl | true; echo ${{PIPESTATUS[0]}}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert piped.stdout.strip() == "141", "the SIGPIPE convention, not 1 ('some inputs failed')"
    assert "Traceback" not in piped.stderr and "Broken pipe" not in piped.stderr


def test_a_model_folder_without_its_tokenizer_is_exit_3(
    tmp_path: Path, write_config: WriteConfig, echo_model: Path
) -> None:
    broken = tmp_path / "broken-model"
    shutil.copytree(echo_model, broken)
    (broken / "source.spm").unlink()
    (tmp_path / "wire.txt").write_text(GOOD, encoding="utf-8")
    config = write_config()
    config.write_text(config.read_text().replace(str(echo_model), str(broken)))

    result = cli("digest", str(tmp_path / "wire.txt"), "--config", str(config), "--lang", "de")

    assert result.exit_code == 3, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "broken-model" in result.stderr


def test_ctranslate2_refuses_a_pickled_only_checkpoint(
    tmp_path: Path, write_config: WriteConfig, echo_model: Path
) -> None:
    import torch
    from safetensors.torch import load_file

    pickled = tmp_path / "pickled-model"
    shutil.copytree(echo_model, pickled)
    torch.save(load_file(pickled / "model.safetensors"), pickled / "pytorch_model.bin")
    (pickled / "model.safetensors").unlink()
    (tmp_path / "wire.txt").write_text(GOOD, encoding="utf-8")
    config = write_config()
    config.write_text(config.read_text().replace(str(echo_model), str(pickled)))

    result = cli(
        "digest", str(tmp_path / "wire.txt"), "--config", str(config), "--lang", "de", "--backend", "ctranslate2"
    )

    assert result.exit_code == 3, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "pickled-model" in result.stderr


def test_a_bug_one_wire_sets_off_fails_that_wire_alone(write_config: WriteConfig) -> None:
    """A crash inside a stage (the summariser, on the German strike wire only) must not sink the batch."""
    from presssum import Pipeline
    from presssum.batch import digest_inputs
    from presssum.load import find_inputs
    from presssum.records import Digest, Failure
    from tests.backends import Wrapped, echo_loader
    from tests.conftest import SAMPLES

    class CrashesOnTheStrike(Wrapped):
        def generate(self, texts: Any, settings: Any, bounds: Any) -> list[str]:
            if any("Streik" in text for text in texts):
                raise RuntimeError("index out of range in the decoder")
            return self.inner.generate(texts, settings, bounds)

    pipeline = Pipeline(load_config(write_config()), loader=echo_loader(wrap={"summarizer": CrashesOnTheStrike}))
    results = list(digest_inputs(pipeline, find_inputs([str(SAMPLES)]).names, max_bytes=1_000_000))
    failed = [r for r in results if isinstance(r, Failure)]
    assert [(f.input, f.error) for f in failed] == [
        (
            str(SAMPLES / "de-bahn-streik.txt"),
            "internal error (RuntimeError: index out of range in the decoder); please report it with this input",
        )
    ]
    assert sum(isinstance(r, Digest) for r in results) == len(list(SAMPLES.glob("*.txt"))) - 1
