"""The errors a user can cause, each printed by the CLI as one line; anything else is a bug."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a script learns from presssum's exit status."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    MODELS_UNAVAILABLE = 3
    INTERRUPTED = 130  # the shell's convention for Ctrl-C (128 + SIGINT)


class PresssumError(Exception):
    """Base of every error caused by input, configuration or environment, not by a bug."""


class ConfigError(PresssumError):
    """models.yaml (or an override) is invalid."""


class ModelUnavailableError(PresssumError):
    """A model is neither in the local cache nor reachable; the message names the role, the model and the fix."""

    def __init__(self, message: str, *, missing: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.missing = missing or (message,)  # one "role model: reason" per missing model

    @classmethod
    def combine(cls, errors: list[ModelUnavailableError], config_files: tuple[str, ...]) -> ModelUnavailableError:
        """One error naming every missing model, the file to edit and --config."""
        missing = tuple(line for error in errors for line in error.missing)
        return cls(f"{'; '.join(missing)}. {fix_for_missing_models(config_files)}", missing=missing)


def fix_for_missing_models(config_files: tuple[str, ...]) -> str:
    """What to do about missing models, with the config file that names them."""
    return (
        "To fix: on a machine with network access run `presssum models pull` (it fills the Hugging Face cache), "
        f"or {local_folders_fix(config_files)}"
    )


def local_folders_fix(config_files: tuple[str, ...]) -> str:
    """The fix that needs no network: point the roles at folders holding the models."""
    if len(config_files) > 1:  # the packaged registry comes first; the user's own file is the one to edit
        return f"set each role's `model:` to a local folder in {config_files[-1]}"
    return "set each role's `model:` to a local folder in a models.yaml of your own, given with --config FILE"


class InputError(PresssumError):
    """One article cannot be read or digested; the rest of a batch goes on."""
