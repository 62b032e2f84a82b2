"""One renderer per output format, all reading the same Digest."""

from __future__ import annotations

from typing import Literal

Format = Literal["rich", "text", "markdown", "html", "json", "jsonl", "email"]
FORMATS: tuple[Format, ...] = ("rich", "text", "markdown", "html", "json", "jsonl", "email")
