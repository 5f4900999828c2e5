"""Handlers that raise, under the real runtime client: error responses, metrics still out."""

from __future__ import annotations

import json

from powerkit._cli._emf_check import check_line
from tests.runtime.conftest import StartFunction


def test_powerkit_error_is_the_runtime_error_type_and_metrics_flush(
    start_function: StartFunction,
) -> None:
    """A SchemaValidationError reaches /invocation/{id}/error by name; Attempted is published."""
    function = start_function("failing.handler")
    bad = function.invoke({"n": "seven"})
    good = function.invoke({"n": 7})
    function.stop()

    assert bad.kind == "error"
    error = bad.json()
    assert error["errorType"] == "SchemaValidationError"
    assert "n" in error["errorMessage"]
    assert error["requestId"] == bad.request_id
    assert "SchemaValidationError" in bad.headers["lambda-runtime-function-xray-error-cause"]
    assert (good.kind, good.json()) == ("response", {"n": 7})

    lines = function.stdout().splitlines()
    emf = [line for line in lines if check_line(line) is not None]
    assert all(check_line(line).problems == [] for line in emf), emf  # type: ignore[union-attr]
    assert len(emf) == 2  # one per invocation, the failed one included
    # The runtime logs the failure as one text record (lines joined by \r) after the metrics.
    (runtime_error,) = [line for line in lines if line.startswith("[ERROR]")]
    assert runtime_error.startswith("[ERROR] SchemaValidationError: ")
    assert lines.index(runtime_error) > lines.index(emf[0])


def test_builtin_error_keeps_its_name_and_the_handler_frame(start_function: StartFunction) -> None:
    """An exception raised by user code keeps its type; its frame ends the runtime's stack trace."""
    function = start_function("failing.handler")
    invocation = function.invoke({"n": -1})
    function.stop()

    error = invocation.json()
    assert (error["errorType"], error["errorMessage"]) == (
        "ArithmeticError",
        "n must not be negative",
    )
    assert "failing.py" in error["stackTrace"][-1]
    metrics = [line for line in function.stdout().splitlines() if check_line(line) is not None]
    assert len(metrics) == 1
    assert json.loads(metrics[0])["Attempted"] == 1
