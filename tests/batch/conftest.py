"""Fixtures for the batch tests: a captured powerkit logger and the real sample events."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from powerkit.logging import Logger
from powerkit.testing import CapturedLogs, capture_logs


@pytest.fixture
def logs() -> Iterator[CapturedLogs]:
    """Every line powerkit loggers write during the test, parsed."""
    with capture_logs() as lines:
        yield lines


@pytest.fixture
def logger() -> Logger:
    """A powerkit logger to hand to processors (its lines go to ``logs``)."""
    return Logger(service="batch-tests")
