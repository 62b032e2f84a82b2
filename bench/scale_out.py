"""Benchmark: articles per minute, local engine against --engine ray with 1 and 2 one-thread actors.

Uses the committed echo MarianMT for every role (tests/assets/echo-marian), so it runs anywhere in
minutes; it measures the engines' overheads and scaling, not a production model's speed (bench/run.py
does that). Each arm is the real CLI in a subprocess on the same numbered copies of the samples, timed
from start to exit (startup and model loading included) and again on one wire, so the difference gives
the steady rate.

    python bench/scale_out.py --wires 40 --out bench/results/scale-out.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import cpu_features  # bench/ is a folder of scripts, not a package

ROOT = Path(__file__).resolve().parents[1]
ECHO = ROOT / "tests" / "assets" / "echo-marian"
# local: torch's own thread count (one per core); local-1t: one thread (OMP_NUM_THREADS=1, which torch
# and so CTranslate2 follow), as one Ray actor has; ray-AxT: A actors of T threads (--worker-cpus)
LOCAL = ["--format", "jsonl", "--no-cache"]
ARMS = {
    "local": LOCAL,
    "local-1t": LOCAL,
    "ray-1x1": ["--engine", "ray", "--workers", "1", "--worker-cpus", "1"],
    "ray-2x1": ["--engine", "ray", "--workers", "2", "--worker-cpus", "1"],
}


def echo_config(path: Path) -> Path:
    model = str(ECHO)
    lengths = {name: {"min_new_tokens": 0, "max_new_tokens": 40} for name in ("short", "medium", "long")}
    config = {
        "translation": {"pairs": {"fr": {"model": model}, "de": {"model": model}}},
        "summarizer": {"model": model, "generation": {"num_beams": 1}, "lengths": lengths},
        "back_translation": {"pairs": {"fr": {"model": model}, "de": {"model": model}}},
    }
    path.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return path


def wires(folder: Path, count: int) -> Path:
    """`count` distinct wires: the samples in turn, each headline numbered."""
    samples = sorted((ROOT / "samples").glob("*.txt"))
    folder.mkdir(parents=True)
    for number in range(count):
        headline, rest = samples[number % len(samples)].read_text("utf-8").split("\n", 1)
        (folder / f"wire-{number:04d}.txt").write_text(f"{headline} ({number})\n{rest}", encoding="utf-8")
    return folder


def timed(name: str, source: Path, config: Path, work: Path) -> float:
    out = Path(tempfile.mkdtemp(dir=work))
    arm = ARMS[name]
    command = [sys.executable, "-m", "presssum", "digest", str(source), "-c", str(config), "-q", *arm]
    environment = {**os.environ, "HF_HUB_OFFLINE": "1"}
    if name == "local-1t":
        environment["OMP_NUM_THREADS"] = "1"
    if "ray" in arm:
        command += ["--output", str(out / "digests")]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=environment, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench: {name} failed:\n{done.stderr.decode()[-3000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wires", type=int, default=40)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--arms", help=f"comma-separated subset of: {', '.join(ARMS)}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        config = echo_config(work / "models.yaml")
        many, one = wires(work / "many", args.wires), wires(work / "one", 1)
        report: dict[str, Any] = {
            "wires": args.wires,
            "model": "echo-marian (every role)",
            "cpu": cpu_features(),
            "load_before": os.getloadavg(),
        }
        report["arms"] = []
        chosen = args.arms.split(",") if args.arms else list(ARMS)
        for name in chosen:
            single, whole = timed(name, one, config, work), timed(name, many, config, work)
            steady = (args.wires - 1) / max(whole - single, 1e-9) * 60
            row = {
                "arm": name,
                "seconds_1_wire": round(single, 1),
                f"seconds_{args.wires}_wires": round(whole, 1),
                "articles_per_min_overall": round(args.wires / whole * 60, 1),
                "articles_per_min_steady": round(steady, 1),
                "load_after": os.getloadavg(),
            }
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
            report["arms"].append(row)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
