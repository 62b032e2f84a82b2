"""`presssum watch`: digest wires as they land in a folder, until stopped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from presssum.errors import PresssumError, warn
from presssum.load import Note, folder_files
from presssum.outdir import OutputDir
from presssum.stories import embargo_passed

# how often a watcher looks at its inbox without a file event: a wire that landed before the watcher
# started has no event, and a held embargoed item is released within this time of its embargo
RESCAN_MS = 5_000


def check_output_outside(inbox: Path, output: Path) -> None:
    """The output folder must not be watched: each digest written would be digested in turn, forever."""
    if output.resolve().is_relative_to(inbox.resolve()):
        raise PresssumError(f"--output {output} is inside the watched folder {inbox}; choose a folder outside it")


def pending(inbox: Path, output: OutputDir, note: Note = warn) -> list[str]:
    """Inputs in the inbox with no output yet, or changed since their output was written."""
    return [path for path in folder_files(inbox, note=note) if not _is_done(Path(path), output)]


def _is_done(path: Path, output: OutputDir) -> bool:
    name = output.entries.get(str(path), {}).get("file")
    if not isinstance(name, str):
        return False
    written = output.folder / name
    return written.is_file() and written.stat().st_mtime >= modified_time(str(path))


def watch(inbox: Path, output: OutputDir, digest_paths: Callable[[list[str]], None], ready: Callable[[], None]) -> None:
    """Digest what is pending now, then each new or changed file as it settles, until Ctrl-C.

    Ctrl-C raises KeyboardInterrupt to the caller, which decides the exit status.
    """
    attempted: dict[str, float] = {}
    skipped: set[str] = set()

    def note(message: str) -> None:
        if message not in skipped:  # a link leaving the inbox is reported once, not on every change
            skipped.add(message)
            warn(message)

    def run_pending() -> None:
        # a file that failed is tried again only once it changes; a held one once its embargo passes
        todo = [
            path
            for path in pending(inbox, output, note)
            if attempted.get(path) != modified_time(path) or _released(path, output)
        ]
        attempted.update({path: modified_time(path) for path in todo})
        if todo:
            digest_paths(todo)

    run_pending()
    ready()
    for _ in wake_ups(inbox):
        run_pending()


def wake_ups(inbox: Path) -> Iterator[None]:
    """Each change in the inbox, and every RESCAN_MS without one: a wire that landed before the watcher
    started has no event, and a held embargoed item is due on time. Only Ctrl-C ends it (KeyboardInterrupt)."""
    import watchfiles

    for _changes in watchfiles.watch(inbox, raise_interrupt=True, rust_timeout=RESCAN_MS, yield_on_timeout=True):
        yield


def modified_time(path: str) -> float:
    """A file's modification time, or -1 for one removed since it was listed."""
    try:
        return Path(path).stat().st_mtime
    except OSError:  # removed between listing and now
        return -1.0


def _released(path: str, output: OutputDir) -> bool:
    """An input held for its embargo (--hold-embargoed) whose embargo has now passed."""
    entry = output.entries.get(path, {})
    until = entry.get("until")
    return bool(entry.get("held")) and isinstance(until, str) and embargo_passed(until)
