"""IdempotencyConfig validation and the package's import footprint."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from powerkit import ConfigError
from powerkit.idempotency import IdempotencyConfig, IdempotencyConfigError


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"expires_after_seconds": 0}, "expires_after_seconds"),
        ({"expires_after_seconds": True}, "expires_after_seconds"),
        ({"in_progress_expiry_ms": -1}, "in_progress_expiry_ms"),
        ({"local_cache_max_items": 0}, "local_cache_max_items"),
        ({"on_in_progress": "block"}, "'raise' or 'wait'"),
        ({"hash_function": "crc32"}, "hashlib"),
        ({"event_key_jmespath": "body.[["}, "JMESPath"),
        ({"payload_validation_jmespath": "a[?"}, "JMESPath"),
        ({"response_hook": 1}, "callable"),
        ({"wait_margin_ms": -5}, "wait_margin_ms"),
    ],
)
def test_bad_options_are_rejected_when_built(options: dict[str, Any], message: str) -> None:
    """Every bad option raises IdempotencyConfigError (a ConfigError) naming it."""
    with pytest.raises(IdempotencyConfigError, match=message) as info:
        IdempotencyConfig(**options)
    assert isinstance(info.value, ConfigError)
    assert isinstance(info.value, ValueError)


def test_defaults_match_the_documented_ones() -> None:
    """The defaults: 1 hour records, deadline-bound locks, raise when in progress."""
    config = IdempotencyConfig()
    assert config.expires_after_seconds == 3600
    assert config.in_progress_expiry_ms is None
    assert config.on_in_progress == "raise"
    assert config.hash_function == "sha256"
    assert config.use_local_cache is False


def test_import_loads_no_sdk() -> None:
    """Importing powerkit.idempotency loads no boto3, botocore, redis, pydantic or sqlite3."""
    code = (
        "import sys, powerkit.idempotency, powerkit.idempotency.conformance\n"
        "heavy = ('boto3', 'botocore', 'redis', 'pydantic', 'sqlite3', 'asyncio')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = eval(out.stdout)
    assert [m for m in loaded if m != "asyncio"] == []


def test_missing_extras_name_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without boto3 or redis installed, building the store says which extra to install."""
    from powerkit import MissingExtraError
    from powerkit.idempotency import DynamoDBPersistenceLayer, RedisPersistenceLayer

    monkeypatch.setitem(sys.modules, "boto3", None)
    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(MissingExtraError, match=r"powerkit\[aws\]"):
        DynamoDBPersistenceLayer("table")
    with pytest.raises(MissingExtraError, match=r"powerkit\[redis\]"):
        RedisPersistenceLayer()


def test_configs_are_immutable_values() -> None:
    """A config cannot be changed in place; replace() builds a validated copy."""
    config = IdempotencyConfig(event_key_jmespath="id")
    with pytest.raises(AttributeError, match="immutable"):
        config.use_local_cache = True  # type: ignore[misc]
    cached = config.replace(use_local_cache=True)
    assert (cached.use_local_cache, cached.event_key_jmespath) == (True, "id")
    assert config == IdempotencyConfig(event_key_jmespath="id") != cached
    assert "event_key_jmespath='id'" in repr(config)
    with pytest.raises(IdempotencyConfigError):
        config.replace(expires_after_seconds=0)


def test_records_replace_fields_and_compare_by_value() -> None:
    """IdempotencyRecord.replace returns a changed copy; records compare by their fields."""
    from powerkit.idempotency import IdempotencyRecord

    record = IdempotencyRecord("k", "INPROGRESS", 100, 100_000, owner="a")
    moved = record.replace(owner="b")
    assert (record.owner, moved.owner) == ("a", "b")
    assert moved == IdempotencyRecord("k", "INPROGRESS", 100, 100_000, owner="b")
    assert record.is_expired(100_000)
    assert not record.is_expired(99_999)
    assert record.lock_lapsed(100_000)
    assert not record.lock_lapsed(99_999)
