"""The CLI answers without loading a model library: torch, transformers, spaCy and Ray load when needed."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("torch", "transformers", "spacy", "ctranslate2", "ray")

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
