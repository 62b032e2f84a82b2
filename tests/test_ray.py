"""--engine ray: the sample folder comes out as the local engine's records, resumes, and survives a lost actor."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from presssum.batch import digest_inputs
from presssum.config import Config, load_config
from presssum.digest import Pipeline
from presssum.engine import Outcome
from presssum.errors import PresssumError
from presssum.load import find_inputs
from presssum.options import DigestOptions, digest_settings
from presssum.outdir import Destination
from presssum.render.json_render import render_line
from tests.conftest import SAMPLES, run_cli, write_echo_config

# one Ray instance per test run: every Ray test on the same xdist worker (make test uses --dist loadgroup).
# Its fixtures are session-wide: xdist interleaves other modules' tests with these, and a module fixture
# would be torn down between them and the first run (~50 s of actors loading models) made again.
pytestmark = pytest.mark.xdist_group("ray")

ray = pytest.importorskip("ray")

from presssum import engine_ray  # noqa: E402 - only with Ray installed

# Fields that say how a record was made, not what it says: wall-clock seconds per stage, and whether
# the local engine took it from its SQLite cache.
RUN_FIELDS = ("timings", "cached")


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[str]:
    """One small Ray instance for every test here; its address lets the CLI join it instead of starting one."""
    ray.init(num_cpus=2, object_store_memory=250_000_000, include_dashboard=False, log_to_driver=False)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


@pytest.fixture(scope="session")
def config_file(tmp_path_factory: pytest.TempPathFactory, echo_model: Path) -> Path:
    return write_echo_config(tmp_path_factory.mktemp("ray-config") / "models.yaml", echo_model)


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample wires plus one binary file that must fail, as a newsroom archive folder."""
    folder = tmp_path_factory.mktemp("archive")
    shutil.copytree(SAMPLES, folder / "wires")
    (folder / "wires" / "corrupt.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 20)
    return folder / "wires"


@pytest.fixture(scope="session")
def first_run(ray_cluster: str, config_file: Path, archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """`presssum digest ARCHIVE --engine ray` as a user runs it, joining the test cluster."""
    dest = tmp_path_factory.mktemp("dest") / "digests"
    args = ("digest", str(archive), "--engine", "ray", "--workers", "1", "--ray-address", ray_cluster)
    return run_cli(*args, "--config", str(config_file), "--output", str(dest), process=True), dest


def job(config_file: Path, inputs: list[str], dest: Path | str, **settings: Any) -> engine_ray.RayJob:
    config = load_config(config_file)
    options = DigestOptions(inputs=inputs)
    return engine_ray.RayJob(
        inputs=inputs, dest=str(dest), config=config, settings=digest_settings(config, options), quiet=True, **settings
    )


def without_run_fields(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in RUN_FIELDS}


def local_records(config: Config, archive: Path) -> list[dict[str, Any]]:
    """What `presssum digest ARCHIVE -f jsonl` prints, line by line, through the local engine's own code."""
    results = digest_inputs(Pipeline(config), find_inputs([str(archive)]).names, max_bytes=5_000_000)
    return [json.loads(render_line(result)) for result in results]


def test_the_sample_folder_comes_out_as_the_local_engine_records(
    first_run: Any, config_file: Path, archive: Path
) -> None:
    result, dest = first_run
    assert result.returncode == 1, result.stderr  # the corrupt file failed, the wires did not
    assert result.stdout == ""  # Ray's logs and the workers' output stay off stdout
    # and off stderr too, which carries presssum's lines only (no token notice, no core_worker log line)
    assert all(line.startswith("presssum: ") for line in result.stderr.splitlines()), result.stderr
    assert f"presssum: error: {archive}/corrupt.txt: binary data, not text" in result.stderr
    assert "5 digested, 1 failed, 0 already in" in result.stderr
    ray_records = engine_ray.read_back(str(dest))
    local = local_records(load_config(config_file), archive)
    assert [record["input"] for record in ray_records] == sorted(str(p) for p in archive.iterdir())
    assert [without_run_fields(r) for r in ray_records] == [without_run_fields(r) for r in local]


def test_a_rerun_skips_what_is_done_and_redoes_a_changed_wire(first_run: Any, config_file: Path, archive: Path) -> None:
    _, dest = first_run
    before = {record["input"]: record for record in engine_ray.read_back(str(dest))}
    changed = archive / "fr-sante-hopital.txt"
    changed.write_text(changed.read_text("utf-8").replace("hôpital", "hôpital public", 1), encoding="utf-8")
    # two one-CPU actors fill the two-CPU cluster: reading and parsing must still find room
    outcome = engine_ray.run(job(config_file, [str(archive)], dest, workers=2))
    assert (outcome.done, outcome.skipped, outcome.failed) == (1, 4, 1)  # a failed input is tried again
    after = {record["input"]: record for record in engine_ray.read_back(str(dest))}
    assert list(after) == list(before)
    for name, record in after.items():
        if name == str(changed):
            assert "hôpital public" in record["source_text"]
        else:
            assert record == before[name]  # timings included: not digested again


def test_an_actor_killed_mid_run_is_restarted_and_the_batch_completes(
    ray_cluster: str, config_file: Path, tmp_path: Path
) -> None:
    wires = [str(SAMPLES / "fr-cyber-consultation.txt"), str(SAMPLES / "de-bahn-streik.txt")]
    done: list[Outcome] = []
    runner = threading.Thread(
        target=lambda: done.append(engine_ray.run(job(config_file, wires, tmp_path / "out", workers=1, batch_size=1)))
    )
    runner.start()
    killed = kill_digest_actor_when_alive(timeout=120)
    assert runner.is_alive(), "the run ended before the actor could be killed"
    runner.join(timeout=300)
    assert killed and done and (done[0].done, done[0].failed) == (2, 0)
    assert [record["input"] for record in engine_ray.read_back(str(tmp_path / "out"))] == wires


def kill_digest_actor_when_alive(timeout: float) -> int | None:
    """SIGKILL the first live digesting actor of this test's Ray instance, as an OOM killer or lost node would."""
    from ray._private import state

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for actor in state.actors().values():
            if "DigestActor" in actor["ActorClassName"] and actor["State"] == "ALIVE" and actor.get("Pid"):
                os.kill(actor["Pid"], signal.SIGKILL)
                return int(actor["Pid"])
        time.sleep(0.05)
    return None


def test_without_ray_the_engine_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as if `import ray` failed
    with pytest.raises(PresssumError, match=r"pip install 'presssum\[ray\]'"):
        engine_ray.run(engine_ray.RayJob(inputs=[str(SAMPLES)], dest=str(tmp_path), config=load_config(), settings=""))


def test_a_web_address_is_refused_in_one_line_naming_it(tmp_path: Path) -> None:
    """Ray reads files and object stores; an https:// page (the local engine fetches those) is a usage error."""
    url = "https://www.example.com/wire.html"
    with pytest.raises(PresssumError, match=r"^https://www\.example\.com/wire\.html: .*not https://"):
        find_inputs([url], object_store=True)
    with pytest.raises(PresssumError, match=r"not https://"):
        Destination("https://www.example.com/digests")


@pytest.fixture(scope="session")
def object_store() -> Iterator[str]:
    """A local S3 server (moto): `s3://` URLs with its endpoint and keys, as a cluster reads a real bucket."""
    server_module = pytest.importorskip("moto.server")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"?endpoint_override={host}:{port}&scheme=http&region=us-east-1&allow_bucket_creation=true"
    server.stop()


def test_wires_in_an_object_store_are_digested_into_an_object_store(
    ray_cluster: str, config_file: Path, object_store: str
) -> None:
    from pyarrow.fs import FileSystem

    wires = ["fr-cyber-consultation.txt", "de-bahn-streik.txt"]
    bucket, _ = FileSystem.from_uri(f"s3://key:secret@wires/{object_store}")
    bucket.create_dir("wires")
    for name in wires:
        with bucket.open_output_stream(f"wires/2026/{name}") as stream:
            stream.write((SAMPLES / name).read_bytes())
    source, dest = f"s3://key:secret@wires/2026{object_store}", f"s3://key:secret@digests/afp{object_store}"
    outcome = engine_ray.run(job(config_file, [source], dest, workers=1))
    assert (outcome.done, outcome.failed) == (2, 0)
    records = engine_ray.read_back(dest)
    assert [record["input"] for record in records] == [f"s3://wires/2026/{name}" for name in sorted(wires)]
    local = digest_inputs(
        Pipeline(load_config(config_file)), [str(SAMPLES / name) for name in sorted(wires)], max_bytes=5_000_000
    )
    expected = [json.loads(render_line(result)) for result in local]
    assert [without_run_fields(r) | {"input": ""} for r in records] == [
        without_run_fields(r) | {"input": ""} for r in expected
    ]
    again = engine_ray.run(job(config_file, [source], dest, workers=1))
    assert (again.done, again.skipped) == (0, 2)  # resumed from the index in the bucket


# What Ray's C++ core and driver threads do in presssum's process, around presssum's own line
RAY_SPEAKS = """
import os, sys
from presssum.engine_ray import ray_output

for mode in ("quiet", "verbose", "failing"):
    sys.stderr.write(f"== {mode}\\n")
    try:
        with ray_output(verbose=mode == "verbose"):
            os.write(2, b"[2026-12-06 E 11682] core_worker.cc:2465: Actor has constructor arguments\\n")
            print("(raylet) a worker died")
            sys.stderr.write("presssum: 1 digested, 0 failed\\n")
            if mode == "failing":
                raise RuntimeError("the cluster went away")
    except RuntimeError as exc:
        sys.stderr.write(f"presssum: error: {exc}\\n")
"""


def test_ray_s_own_lines_stay_off_stderr_unless_verbose_or_the_run_fails() -> None:
    result = subprocess.run([sys.executable, "-c", RAY_SPEAKS], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout == "", result.stderr  # records go to DEST: stdout is empty
    _, quiet, verbose, failing = result.stderr.split("== ")
    assert quiet == "quiet\npresssum: 1 digested, 0 failed\n"
    assert "core_worker.cc" in verbose and "(raylet) a worker died" in verbose
    assert "core_worker.cc" in failing and "presssum: error: the cluster went away" in failing
