"""presssum: foreign-language press wires into bilingual English digests."""

from __future__ import annotations

import logging

from presssum.article import parse_wire
from presssum.config import Config, load_config
from presssum.digest import Pipeline, digest
from presssum.errors import ConfigError, InputError, ModelUnavailableError, PresssumError
from presssum.records import Article, Digest, Failure

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "Config",
    "ConfigError",
    "Digest",
    "Failure",
    "InputError",
    "ModelUnavailableError",
    "Pipeline",
    "PresssumError",
    "digest",
    "load_config",
    "parse_wire",
]
