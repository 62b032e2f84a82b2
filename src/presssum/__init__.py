"""presssum: foreign-language press wires into bilingual English digests."""

from __future__ import annotations

import logging

from presssum.config import Config, load_config
from presssum.digest import Pipeline
from presssum.errors import ConfigError, InputError, ModelUnavailableError, PresssumError
from presssum.facts import check_facts
from presssum.one_wire import digest  # after presssum.digest: the name is the function, not the module
from presssum.readers.plain import parse_wire
from presssum.records import Article, Digest, Fact, FactReport, Failure

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "Config",
    "ConfigError",
    "Digest",
    "Fact",
    "FactReport",
    "Failure",
    "InputError",
    "ModelUnavailableError",
    "Pipeline",
    "PresssumError",
    "check_facts",
    "digest",
    "load_config",
    "parse_wire",
]
