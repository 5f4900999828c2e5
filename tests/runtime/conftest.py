"""Fixtures: the Runtime API stand-in and the real runtime client (``awslambdaric``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip(
    "awslambdaric",
    reason="awslambdaric (the AWS Lambda Python runtime interface client) is not installed: "
    "`pip install awslambdaric` to run the tests under the real runtime client",
)

from tests.runtime.rapid import LambdaProcess, RuntimeAPI

FUNCTIONS = Path(__file__).resolve().parent / "functions"

StartFunction = Callable[..., LambdaProcess]


@pytest.fixture
def runtime_api() -> Iterator[RuntimeAPI]:
    """A Runtime API server on 127.0.0.1, closed after the test."""
    api = RuntimeAPI()
    try:
        yield api
    finally:
        api.close()


@pytest.fixture
def start_function(runtime_api: RuntimeAPI, tmp_path: Path) -> Iterator[StartFunction]:
    """Start ``python -m awslambdaric <handler>`` (task root ``functions/`` by default)."""
    started: list[LambdaProcess] = []

    def start(
        handler: str, *, task_root: Path = FUNCTIONS, env: dict[str, str] | None = None
    ) -> LambdaProcess:
        process = LambdaProcess(runtime_api, handler, task_root, tmp_path, env)
        started.append(process)
        return process

    try:
        yield start
    finally:
        for process in started:
            process.stop()
