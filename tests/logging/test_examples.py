"""Every logging docs example runs and writes the lines the docs describe."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "logging"


def run(name: str, capsys: pytest.CaptureFixture[str]) -> list[Any]:
    """Run an example as ``__main__``; return its stdout lines, JSON ones parsed."""
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    lines: list[Any] = []
    for text in capsys.readouterr().out.splitlines():
        try:
            lines.append(json.loads(text))
        except ValueError:
            lines.append(text)
    return lines


def test_every_example_is_tested():
    """Each file in examples/logging has a test here."""
    tested = {
        name.removeprefix("test_").replace("_example", "") + ".py"
        for name in globals()
        if name.startswith("test_") and name.endswith("_example")
    }
    assert tested == {path.name for path in EXAMPLES.glob("*.py")}


def test_getting_started_example(capsys):
    """One line with the order keys and the Lambda keys."""
    (line,) = run("getting_started.py", capsys)
    assert line["message"] == "order received"
    assert (line["service"], line["order_id"], line["items"]) == ("orders", "o-1", 2)
    assert line["function_name"] == "orders-fn"
    assert line["cold_start"] is True


def test_keys_example(capsys):
    """Persistent, appended, bound and per-line keys land where the comments say."""
    reserved, placed, between = run("keys.py", capsys)
    assert (reserved["environment"], reserved["customer_id"], reserved["sku"]) == (
        "prod",
        "c-7",
        "sku-1",
    )
    assert "sku" not in placed
    assert placed["total"] == 12.5
    assert between == {**between, "environment": "prod"}
    assert "customer_id" not in between


def test_correlation_example(capsys):
    """The API Gateway request id becomes the correlation id and the response header."""
    line, printed = run("correlation.py", capsys)
    assert line["correlation_id"]
    assert printed == "True"


def test_buffering_example(capsys):
    """The clean invocation writes nothing; the failing one writes the debug line then the error."""
    lines = run("buffering.py", capsys)
    assert [(line["level"], line["message"]) for line in lines] == [
        ("DEBUG", "calling provider"),
        ("ERROR", "amount over limit"),
    ]


def test_redaction_example(capsys):
    """The Authorization header and the password are masked."""
    event, attempt = run("redaction.py", capsys)
    assert event["message"]["headers"] == {"Authorization": "***"}
    assert attempt["credentials"] == {"user": "ana", "Password": "***"}


def test_child_example(capsys):
    """The child's line carries the parent's service and appended key."""
    (line,) = run("child.py", capsys)
    assert (line["service"], line["warehouse"], line["sku"]) == ("inventory", "w-1", "sku-9")
    assert line["location"].startswith("reserve:")


def test_stdlib_example(capsys):
    """The filter drops the healthcheck; botocore's warning comes out as a powerkit line."""
    (line,) = run("stdlib.py", capsys)
    assert (line["level"], line["message"], line["service"]) == (
        "WARNING",
        "retrying PutObject",
        "files",
    )


def test_context_keys_example(capsys):
    """Both loggers carry the record id inside the block, neither after it."""
    lines = run("context_keys.py", capsys)
    assert [(line["service"], line.get("record_id")) for line in lines] == [
        ("orders-worker", "r-1"),
        ("audit", "r-1"),
        ("orders-worker", "r-2"),
        ("audit", "r-2"),
        ("orders-worker", None),
    ]


def test_serialization_example(capsys):
    """The custom default handles Money; powerkit handles the rest."""
    (line,) = run("serialization.py", capsys)
    assert line["due"] == "2024-06-30"
    assert line["total"] == 12.5
    assert line["tax"] == "2.50"
    assert line["lines"] == [{"sku": "sku-1", "qty": 2}]
    assert line["tags"] == ["b2b"]


def test_sampling_example(capsys, monkeypatch):
    """When the draw samples the invocation, the debug line is written and marked."""
    monkeypatch.setattr("powerkit.logging._service.random_fraction", lambda: 0.0)
    debug, info = run("sampling.py", capsys)
    assert (debug["message"], debug["plan"], debug["sampled"]) == ("query plan", "index-scan", True)
    assert info["sampled"] is True


def test_uncaught_example():
    """The crash is one CRITICAL JSON line pointing at the failing statement."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "uncaught.py")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == ""
    line = json.loads(result.stdout)
    assert (line["level"], line["exception_name"], line["location"]) == (
        "CRITICAL",
        "KeyError",
        "<module>:9",
    )


def test_test_handler_example(monkeypatch):
    """The documented test passes against the getting-started handler."""
    from powerkit.testing import capture_logs

    monkeypatch.syspath_prepend(str(EXAMPLES))
    monkeypatch.delitem(sys.modules, "getting_started", raising=False)
    namespace = runpy.run_path(str(EXAMPLES / "test_handler.py"))
    try:
        with capture_logs() as logs:
            namespace["test_handler_logs_the_order"](logs)
    finally:
        sys.modules.pop("getting_started", None)
    assert logs[0]["order_id"] == "o-42"
