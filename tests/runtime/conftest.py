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

from tests.runtime.rapid import LambdaProcess

FUNCTIONS = Path(__file__).resolve().parent / "functions"

StartFunction = Callable[..., LambdaProcess]


@pytest.fixture
def start_function(tmp_path: Path) -> Iterator[StartFunction]:
    """Start ``python -m awslambdaric <handler>`` (task root ``functions/`` by default).

    Each call is one execution environment: its own process and Runtime API server; all are
    stopped after the test.
    """
    started: list[LambdaProcess] = []

    def start(
        handler: str, *, task_root: Path = FUNCTIONS, env: dict[str, str] | None = None
    ) -> LambdaProcess:
        process = LambdaProcess(handler, task_root, tmp_path, env)
        started.append(process)
        return process

    try:
        yield start
    finally:
        for process in started:
            process.stop()
