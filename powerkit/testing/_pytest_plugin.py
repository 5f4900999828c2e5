"""pytest fixtures shipped with powerkit (registered through the ``pytest11`` entry point).

Kept import-light: it is loaded into every pytest session of a project that installs powerkit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from powerkit.testing._context import FakeLambdaContext
from powerkit.testing._context import lambda_context as _build_context

if TYPE_CHECKING:
    from powerkit.testing._logs import CapturedLogs
    from powerkit.testing._metrics import MetricsCapture


@pytest.fixture
def lambda_context() -> FakeLambdaContext:
    """A fresh fake Lambda context (3 s timeout, 128 MB, unique request id)."""
    return _build_context()


@pytest.fixture(name="capture_logs")
def _capture_logs_fixture() -> Iterator[CapturedLogs]:
    """Every line powerkit loggers write during the test, parsed from JSON (a list of dicts)."""
    from powerkit.testing._logs import capture_logs  # imported here: keeps the plugin light

    with capture_logs() as logs:
        yield logs


@pytest.fixture(name="capture_metrics")
def _capture_metrics_fixture() -> Iterator[MetricsCapture]:
    """Every EMF line powerkit publishes during the test; ``.metric("Orders").values``."""
    from powerkit.testing._metrics import capture_metrics  # imported here: keeps the plugin light

    with capture_metrics() as captured:
        yield captured
