"""The errors a user can cause, each printed by the CLI as one line; anything else is a bug."""

from __future__ import annotations

import sys
from enum import IntEnum


class ExitCode(IntEnum):
    """What a script learns from presssum's exit status."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    MODELS_UNAVAILABLE = 3
    INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT
    BROKEN_PIPE = 141  # the reader of stdout went away (`| head`), as a shell reports SIGPIPE


class PresssumError(Exception):
    """Base of every error caused by input, configuration or environment, not by a bug."""


class ConfigError(PresssumError):
    """models.yaml (or an override) is invalid."""


class ModelUnavailableError(PresssumError):
    """A model is neither in the local cache nor reachable."""


class InputError(PresssumError):
    """One article cannot be read or digested; the rest of a batch goes on."""


def warn(message: str) -> None:
    """A fault presssum works around (a broken cache, a skipped link): one line on stderr, the run goes on."""
    if sys.stderr is not None:  # print(file=None) would write to stdout, among the digests
        print(f"presssum: warning: {message}", file=sys.stderr, flush=True)
