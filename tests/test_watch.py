"""`presssum watch`: wires dropped into a folder are digested as they land; done ones are skipped."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import CYBER_WIRE, PRESSSUM, SAMPLES, WriteConfig, ctrl_c_as_at_a_terminal


def start_watch(inbox: Path, out: Path, config: Path, log: Path) -> subprocess.Popen[bytes]:
    """The watcher, its stderr going to `log` so the test can see when it is ready."""
    with log.open("wb") as stderr:
        return subprocess.Popen(
            [str(PRESSSUM), "watch", str(inbox), "--output", str(out), "--config", str(config)],
            stderr=stderr,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
            preexec_fn=ctrl_c_as_at_a_terminal,
        )


def wait_for(condition: Callable[[], bool], seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def indexed(out: Path) -> dict[str, str | None]:
    index = out / "index.json"
    if not index.is_file():
        return {}
    return {entry["input"]: entry["file"] for entry in json.loads(index.read_text(encoding="utf-8"))["articles"]}


def stop(process: subprocess.Popen[bytes], log: Path) -> str:
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    stderr = log.read_text(encoding="utf-8")
    assert process.returncode == 130, stderr  # Ctrl-C, as the README's exit-code table says
    return stderr


def test_watch_digests_existing_and_new_wires_then_skips_them_after_a_restart(
    tmp_path: Path, write_config: WriteConfig
) -> None:
    inbox, out, config = tmp_path / "inbox", tmp_path / "out", write_config()
    inbox.mkdir()
    shutil.copy(CYBER_WIRE, inbox / "first.txt")
    log = tmp_path / "watch.log"
    process = start_watch(inbox, out, config, log)
    try:
        wait_for(lambda: "watching" in log.read_text(encoding="utf-8"))
        assert str(inbox / "first.txt") in indexed(out), "what was already there is digested first"
        shutil.copy(SAMPLES / "fr-sante-hopital.txt", inbox / "second.txt")
        wait_for(lambda: str(inbox / "second.txt") in indexed(out))
    finally:
        stderr = stop(process, log)
    assert f"{inbox / 'second.txt'} ->" in stderr
    written = {path.name: path.stat().st_mtime_ns for path in out.glob("*.txt")}
    assert len(written) == 2

    restarted = start_watch(inbox, out, config, log)
    try:
        wait_for(lambda: "watching" in log.read_text(encoding="utf-8"))
    finally:
        stderr = stop(restarted, log)
    assert "->" not in stderr, "nothing already done is digested again"
    assert {path.name: path.stat().st_mtime_ns for path in out.glob("*.txt")} == written
