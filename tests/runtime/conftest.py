"""Fixtures: the Runtime API stand-in and the real runtime client (``awslambdaric``)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.runtime.rapid import LambdaProcess

FUNCTIONS = Path(__file__).resolve().parent / "functions"

StartFunction = Callable[..., LambdaProcess]


def _missing_runtime_client() -> str | None:
    try:
        importlib.import_module("awslambdaric")
        importlib.import_module("runtime_client")  # its compiled extension
    except ImportError as exc:
        return (
            f"awslambdaric, the AWS Lambda Python runtime interface client, cannot be imported "
            f"({exc}): `pip install awslambdaric` to run the tests under the real runtime client"
        )
    return None


@pytest.fixture(autouse=True, scope="session")
def _runtime_client_installed() -> None:
    """Skip every test here, with the reason, when awslambdaric is not importable."""
    reason = _missing_runtime_client()
    if reason is not None:
        pytest.skip(reason)


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
