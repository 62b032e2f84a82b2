"""Newsroom use: mixed folders, every input kind, bad inputs that fail alone, and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from presssum import InputError
from presssum.readers.text import decode
from tests.conftest import CYBER_WIRE, PRESSSUM, SAMPLES, WriteConfig, run_cli

DATA = Path(__file__).parent / "data"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" * 4
CP1252_WIRE = (
    "L’inflation recule à 2,9 % en zone euro\r\n\r\n"
    "FRANCFORT, 3 mai (APR) - L’inflation dans la zone euro a reculé à 2,9 % en avril, a annoncé "
    "l’office européen de statistique, tandis que le prix de l’énergie baisse de 4 € par mégawattheure.\r\n\r\n"
    "Les économistes de la Banque centrale européenne jugent cette évolution « encourageante » pour l’œuvre "
    "de désinflation engagée depuis deux ans.\r\n"
)


def jsonl(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def mixed_inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    shutil.copy(CYBER_WIRE, inbox / "a-cyber.txt")
    shutil.copy(SAMPLES / "fr-sante-hopital.txt", inbox / "sub" / "b-sante.txt")
    shutil.copy(DATA / "page-fr.html", inbox / "c-page.html")
    (inbox / "d-cp1252.txt").write_bytes(CP1252_WIRE.encode("cp1252"))
    shutil.copy(SAMPLES / "de-bahn-streik.txt", inbox / "e-de.txt")
    (inbox / "f-empty.txt").write_bytes(b"")
    (inbox / "g-image.txt").write_bytes(PNG)
    return inbox


def test_a_mixed_folder_digests_what_it_can_and_names_each_failure(
    mixed_inbox: Path, write_config: WriteConfig
) -> None:
    result = run_cli("digest", str(mixed_inbox), "--config", str(write_config()), "--format", "jsonl")
    assert result.returncode == 1
    rows = {Path(str(row["input"])).name: row for row in jsonl(result.stdout)}
    assert sorted(rows) == [
        "a-cyber.txt",
        "b-sante.txt",
        "c-page.html",
        "d-cp1252.txt",
        "e-de.txt",
        "f-empty.txt",
        "g-image.txt",
    ]
    assert [rows[name]["source_lang"] for name in ("a-cyber.txt", "b-sante.txt", "c-page.html", "d-cp1252.txt")] == [
        "fr"
    ] * 4
    assert rows["e-de.txt"]["source_lang"] == "de"
    assert rows["f-empty.txt"]["error"] == "empty input"
    assert rows["g-image.txt"]["error"] == "binary data, not text"
    assert "L’inflation dans la zone euro a reculé à 2,9 %" in str(rows["d-cp1252.txt"]["source_text"])
    assert "4 €" in str(rows["d-cp1252.txt"]["source_text"]) and "l’œuvre" in str(rows["d-cp1252.txt"]["source_text"])
    errors = [line for line in result.stderr.splitlines() if line.startswith("presssum: error:")]
    assert errors == [
        f"presssum: error: {mixed_inbox / 'f-empty.txt'}: empty input",
        f"presssum: error: {mixed_inbox / 'g-image.txt'}: binary data, not text",
    ]
    assert result.stderr.strip().splitlines()[-1] == "presssum: 5 digested, 2 failed"


def test_an_html_page_reaches_translation_without_its_chrome(write_config: WriteConfig) -> None:
    result = run_cli("digest", str(DATA / "page-fr.html"), "--config", str(write_config()), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    (row,) = jsonl(result.stdout)
    assert row["headline"] == {
        "source": "Les agriculteurs bloquent l'autoroute A7 près de Valence",
        "en": "Les agriculteurs bloquent l'autoroute A7 près de Valence",
    }
    assert (row["author"], row["date"]) == ("Marie Lefèvre", "2024-01-25")
    assert len(row["paragraphs"]) == 3  # type: ignore[arg-type]
    translation = str(row["translation"]).lower()
    for chrome in (
        "accueil",
        "cookies",
        "à lire aussi",
        "salon de l'agriculture",
        "commentaire",
        "adresse e-mail",
        "©",
    ):
        assert chrome not in translation


def test_html_on_stdin_is_recognised(write_config: WriteConfig) -> None:
    page = (DATA / "page-fr.html").read_bytes()
    result = run_cli("digest", "-", "--config", str(write_config()), "--format", "jsonl", stdin=page)
    assert result.returncode == 0, result.stderr
    assert jsonl(result.stdout)[0]["headline"]["source"].startswith("Les agriculteurs")  # type: ignore[index]


def test_a_jsonl_feed_gives_one_digest_per_line_and_a_bad_line_fails_alone(
    tmp_path: Path, write_config: WriteConfig
) -> None:
    feed = tmp_path / "feed.jsonl"
    good = {
        "id": "w1",
        "title": "Le Sénat adopte le budget",
        "text": "Le Sénat a adopté mardi le budget 2025.",
        "lang": "fr",
    }
    other = {
        "id": "w2",
        "title": "Grève à la SNCF",
        "text": "La grève se poursuit jeudi sur le réseau.",
        "url": "https://x.example/2",
    }
    feed.write_text(
        "\n".join([json.dumps(good, ensure_ascii=False), "{not json", json.dumps(other, ensure_ascii=False)]) + "\n",
        encoding="utf-8",
    )
    result = run_cli("digest", str(feed), "--config", str(write_config()), "--format", "jsonl")
    assert result.returncode == 1
    rows = jsonl(result.stdout)
    assert [row["input"] for row in rows] == [f"{feed}:1", f"{feed}:2", f"{feed}:3"]
    assert (rows[0]["id"], rows[2]["id"], rows[2]["url"]) == ("w1", "w2", "https://x.example/2")
    assert str(rows[1]["error"]).startswith("invalid JSON")
    assert f"presssum: error: {feed}:2: invalid JSON" in result.stderr


def test_english_input_skips_translation(tmp_path: Path, write_config: WriteConfig) -> None:
    wire = tmp_path / "en.txt"
    wire.write_text(
        "Storm closes ports along the Channel coast\n\nCALAIS, 4 Feb (APR) - Ferry services between Calais and Dover "
        "were suspended on Sunday as a storm brought winds of up to 130 km/h to the Channel coast.\n",
        encoding="utf-8",
    )
    result = run_cli("digest", str(wire), "--config", str(write_config()), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    (row,) = jsonl(result.stdout)
    assert row["source_lang"] == "en"
    assert row["translation"] == row["source_text"]
    assert "translation:en" not in row["models"]  # type: ignore[operator]
    assert set(row["summary"]) == {"en", "method", "sentences"}  # type: ignore[arg-type]


def test_a_language_with_no_model_is_a_per_file_error(tmp_path: Path, write_config: WriteConfig) -> None:
    wire = tmp_path / "sv.txt"
    wire.write_text(
        "Regeringen presenterar ny budget\n\nStockholm - Regeringen presenterade på tisdagen en budget som "
        "innehåller stora satsningar på försvaret och sjukvården under de kommande åren.\n",
        encoding="utf-8",
    )
    result = run_cli("digest", str(wire), str(CYBER_WIRE), "--config", str(write_config()), "--format", "jsonl")
    assert result.returncode == 1
    rows = jsonl(result.stdout)
    assert str(rows[0]["error"]).startswith("no translation model configured for language 'sv'")
    assert rows[1]["source_lang"] == "fr" and rows[1]["error"] is None


def test_lang_forces_the_route(write_config: WriteConfig) -> None:
    german = SAMPLES / "de-bahn-streik.txt"
    result = run_cli("digest", str(german), "--config", str(write_config()), "--format", "jsonl", "--lang", "fr")
    assert jsonl(result.stdout)[0]["source_lang"] == "fr"


def test_a_file_over_the_size_limit_is_refused_before_reading(write_config: WriteConfig) -> None:
    result = run_cli("digest", str(CYBER_WIRE), "--config", str(write_config()), "--max-bytes", "1000")
    assert result.returncode == 1
    assert "bytes, over the 1,000-byte limit (--max-bytes)" in result.stderr


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"   \n\t\n", "empty input"),
        (PNG, "binary data, not text"),
        ("Titre\n\nCorps du texte en français.".encode("utf-16"), None),
        ("Titre\r\n\r\nCorps du texte, déjà lu.".encode("utf-8-sig"), None),
        ("Titre\n\nL’été à Nîmes coûte 12 €.".encode("cp1252"), None),
        ("Titre\n\nUn texte en latin-1 : déjà été à Noël, très bien, ça coûte cher.".encode("latin-1"), None),
    ],
)
def test_decoding_handles_real_encodings_and_refuses_non_text(data: bytes, reason: str | None) -> None:
    if reason:
        with pytest.raises(InputError, match=reason):
            decode(data)
    else:
        text = decode(data)
        assert text.startswith("Titre") and ("é" in text or "ç" in text)


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path, write_config: WriteConfig) -> None:
    empty = tmp_path / "a-empty.txt"
    empty.write_text("")
    result = run_cli(
        "digest", str(empty), str(CYBER_WIRE), "--config", str(write_config()), "--fail-fast", "--format", "jsonl"
    )
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1


def test_a_usage_error_exits_with_2() -> None:
    result = run_cli("digest", str(CYBER_WIRE), "--format", "pdf")
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "presssum: error: unknown --format 'pdf' (choose from rich, text, markdown, html, json, jsonl, email)"
    )


def test_stdout_stays_clean_while_the_progress_bar_runs(write_config: WriteConfig) -> None:
    """stderr is a terminal (a pty), so the bar draws there; stdout, a pipe, holds only JSON lines."""
    import os
    import pty
    import subprocess
    import threading

    master, slave = pty.openpty()
    drawn = bytearray()

    def drain() -> None:
        # read while presssum runs: a pty holds about 64 KB, and a bar that fills it blocks its writer
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the slave side closed: presssum has exited
                return
            if not chunk:
                return
            drawn.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    process = subprocess.run(
        [str(PRESSSUM), "digest", str(SAMPLES), "--config", str(write_config()), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        timeout=600,
        check=False,
    )
    os.close(slave)
    reader.join(timeout=30)
    os.close(master)
    assert process.returncode == 0
    assert len(jsonl(process.stdout.decode())) == len(list(SAMPLES.glob("*.txt")))
    assert "digesting" in drawn.decode(errors="replace"), "the progress bar was drawn on stderr"


def test_quiet_silences_progress_and_the_closing_line(write_config: WriteConfig) -> None:
    result = run_cli("digest", str(SAMPLES), "--config", str(write_config()), "--format", "jsonl", "--quiet")
    assert result.returncode == 0
    assert result.stderr == ""
