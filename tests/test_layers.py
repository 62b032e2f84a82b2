"""The CLI answers without loading a model library (torch, transformers, spaCy and Ray load when needed), and
every module is placed in the layering contracts that `lint-imports` checks."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

HEAVY = ("torch", "transformers", "spacy", "ctranslate2", "ray")
RECORDS_LAYER = ("presssum.records", "presssum.errors")  # what renderers and readers may import of presssum

LOADED_AFTER_HELP = f"""
import sys
from typer.testing import CliRunner
from presssum.cli import app
for command in ([], ["digest"], ["brief"], ["watch"]):
    assert CliRunner().invoke(app, [*command, "--help"]).exit_code == 0
print(" ".join(name for name in {HEAVY!r} if name in sys.modules))
"""


def test_help_of_every_command_loads_no_model_library() -> None:
    result = subprocess.run([sys.executable, "-c", LOADED_AFTER_HELP], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def presssum_modules() -> set[str]:
    """Every module and package of presssum, by its dotted name, read from the source tree."""
    root = ROOT / "src"
    found = {
        ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        for path in (root / "presssum").rglob("*.py")
    }
    return found - {"presssum"}


def forbidden_contract(source: str, forbidden: str) -> dict[str, list[str]]:
    """The import-linter contract of pyproject.toml that forbids `source` to import `forbidden`."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        contracts = tomllib.load(file)["tool"]["importlinter"]["contracts"]
    (contract,) = [
        c for c in contracts if source in c.get("source_modules", ()) and forbidden in c["forbidden_modules"]
    ]
    return dict(contract)


def named(module: str, names: set[str]) -> bool:
    """Whether the module or a package holding it is among the names."""
    parts = module.split(".")
    return any(".".join(parts[:depth]) in names for depth in range(2, len(parts) + 1))


def test_every_module_is_placed_in_every_layer_contract() -> None:
    """A new module cannot slip past the layering: each is either forbidden to renderers and readers or one
    of what they may read, and each sits on the pipeline's or the engines' side of the engine contract."""
    modules = presssum_modules()
    engines = forbidden_contract("presssum.digest", "presssum.engine")
    pipeline, engine_side = set(engines["source_modules"]), set(engines["forbidden_modules"])
    assert [m for m in modules if named(m, pipeline) == named(m, engine_side)] == [], "on neither side, or both"
    for package in ("presssum.render", "presssum.readers"):
        forbidden = set(forbidden_contract(package, "presssum.digest")["forbidden_modules"])
        may_read = {package, *RECORDS_LAYER}
        assert [m for m in modules if named(m, forbidden) == named(m, may_read)] == [], f"{package}: unplaced"
