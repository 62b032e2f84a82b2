"""The fast paths give the same text as the default path: int8 on CPU, and CTranslate2."""

from __future__ import annotations

import pytest

import presssum
from presssum.config import role_overrides
from tests.conftest import LONG_WIRE, WriteConfig


@pytest.mark.parametrize(
    ("flags", "backend"), [({"fast": True}, "torch-int8"), ({"backend": "ctranslate2"}, "ctranslate2")]
)
def test_a_fast_path_agrees_with_the_default_path_on_the_echo_model(
    write_config: WriteConfig, flags: dict[str, object], backend: str, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # CTranslate2 conversions land in a fresh cache
    path = write_config()
    base = presssum.load_config(path)
    article = presssum.parse_wire(LONG_WIRE.read_text(encoding="utf-8"))
    (default,) = presssum.Pipeline(base).digest_articles([article], lang="fr")
    fast_config = presssum.load_config(path, overrides=role_overrides(base=base, **flags))  # type: ignore[arg-type]
    (fast,) = presssum.Pipeline(fast_config).digest_articles([article], lang="fr")
    assert isinstance(default, presssum.Digest) and isinstance(fast, presssum.Digest)
    assert {model.backend for model in fast.models} == {backend}
    assert fast.translation == default.translation
    assert fast.summary == default.summary
