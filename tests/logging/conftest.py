"""Fixtures for the logging tests: loggers writing to an in-memory stream, cleaned up after."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from powerkit.logging import Logger


class Output(io.StringIO):
    """An in-memory stream whose lines parse as JSON."""

    def lines(self) -> list[dict[str, Any]]:
        """Every line written so far, parsed (fails the test if one is not JSON)."""
        return [json.loads(line) for line in self.getvalue().splitlines() if line]

    def last(self) -> dict[str, Any]:
        """The last line written."""
        lines = self.lines()
        assert lines, "nothing was logged"
        return lines[-1]


@pytest.fixture
def output() -> Output:
    """Where the test's loggers write."""
    return Output()


@pytest.fixture
def make_logger(output: Output, request: pytest.FixtureRequest) -> Iterator[Callable[..., Logger]]:
    """Build a Logger for a service unique to the test, writing to ``output``."""
    created: list[str] = []
    base = request.node.name.replace("[", "_").replace("]", "_")

    def make(**options: Any) -> Logger:
        options.setdefault("service", f"{base}-{len(created)}")
        options.setdefault("stream", output)
        logger = Logger(**options)
        created.append(logger.service)
        return logger

    yield make
    for name in created:
        stdlib = logging.getLogger(name)
        for handler in list(stdlib.handlers):
            stdlib.removeHandler(handler)
        stdlib.filters.clear()
        if hasattr(stdlib, "powerkit_service"):
            delattr(stdlib, "powerkit_service")
