"""`presssum watch`: digest wires as they land in a folder, until stopped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from presssum.outdir import OutputDir
from presssum.readers import KNOWN_SUFFIXES
from presssum.stories import embargo_passed


def pending(inbox: Path, output: OutputDir) -> list[str]:
    """Inputs in the inbox with no output yet, or changed since their output was written."""
    return [
        str(path)
        for path in sorted(inbox.rglob("*"))
        if path.is_file() and path.suffix.lower() in KNOWN_SUFFIXES and not path.name.startswith(".")
        if not _is_done(path, output)
    ]


def _is_done(path: Path, output: OutputDir) -> bool:
    name = output.entries.get(str(path), {}).get("file")
    if not isinstance(name, str):
        return False
    written = output.folder / name
    return written.is_file() and written.stat().st_mtime >= path.stat().st_mtime


def watch(inbox: Path, output: OutputDir, digest_paths: Callable[[list[str]], None], ready: Callable[[], None]) -> None:
    """Digest what is pending now, then each new or changed file as it settles; Ctrl-C stops."""
    import watchfiles

    attempted: dict[str, float] = {}

    def run_pending() -> None:
        # a file that failed is tried again only once it changes; a held one once its embargo passes
        todo = [
            path
            for path in pending(inbox, output)
            if attempted.get(path) != Path(path).stat().st_mtime or _released(path, output)
        ]
        attempted.update({path: Path(path).stat().st_mtime for path in todo})
        if todo:
            digest_paths(todo)

    run_pending()
    ready()
    # wake every minute even without file events, so held embargoed items are released on time
    for _changes in watchfiles.watch(inbox, raise_interrupt=False, rust_timeout=60_000, yield_on_timeout=True):
        run_pending()


def _released(path: str, output: OutputDir) -> bool:
    """An input held for its embargo (--hold-embargoed) whose embargo has now passed."""
    entry = output.entries.get(path, {})
    until = entry.get("until")
    return bool(entry.get("held")) and isinstance(until, str) and embargo_passed(until)
