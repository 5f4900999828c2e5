"""Fixtures shared by the whole suite.

Shared helpers live in ``tests/support/`` (one module per concern, owned by the utility that
needs it) and are registered here as plugins so their fixtures are visible everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from powerkit._scope import reset_cold_start

pytest_plugins = [
    "tests.support.servers",
    "tests.support.emf",
    "tests.support.xray",
    "tests.support.events",
]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

_CLEARED_PREFIXES = ("POWERKIT_", "POWERTOOLS_", "AWS_LAMBDA_", "AWS_XRAY_")
_CLEARED_NAMES = ("LAMBDA_TASK_ROOT", "_X_AMZN_TRACE_ID", "LOG_LEVEL", "AWS_SAM_LOCAL", "_HANDLER")


@pytest.fixture(autouse=True)
def lambda_free_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts outside Lambda, with no powerkit settings and fake AWS credentials."""
    for name in list(os.environ):
        if name.startswith(_CLEARED_PREFIXES) or name in _CLEARED_NAMES:
            monkeypatch.delenv(name)
    # boto3 must never reach real AWS from the tests.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    reset_cold_start()
    yield
    reset_cold_start()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository (specs and real sample events)."""
    if not SHARED.is_dir():
        message = f"{SHARED} is absent: the shared specs and real sample events are needed"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI always has shared/ beside the clone: absent is a bug
        pytest.skip(message + " (sdist build?)")
    return SHARED
