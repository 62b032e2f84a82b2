"""The errors a user can cause, each printed by the CLI as one line; anything else is a bug."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a script learns from presssum's exit status."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    MODELS_UNAVAILABLE = 3


class PresssumError(Exception):
    """Base of every error caused by input, configuration or environment, not by a bug."""


class ConfigError(PresssumError):
    """models.yaml (or an override) is invalid."""


class ModelUnavailableError(PresssumError):
    """A model is neither in the local cache nor reachable."""


class InputError(PresssumError):
    """One article cannot be read or digested; the rest of a batch goes on."""
