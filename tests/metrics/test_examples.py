"""Every metrics docs example runs and publishes the lines the docs describe."""

from __future__ import annotations

import runpy
import time
from pathlib import Path
from typing import Any

import pytest

from powerkit.testing import lambda_context
from tests.support.emf import assert_valid_emf

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "metrics"


def run(name: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """Run an example as ``__main__``; return its stdout lines, parsed and validated."""
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    return [assert_valid_emf(line) for line in capsys.readouterr().out.splitlines()]


def directive(line: dict[str, Any]) -> dict[str, Any]:
    """The (only) metric directive of a line."""
    (found,) = line["_aws"]["CloudWatchMetrics"]
    return dict(found)


def test_every_example_is_tested() -> None:
    """Each file in examples/metrics has a test here."""
    tested = {
        name.removeprefix("test_").removesuffix("_example") + ".py"
        for name in globals()
        if name.startswith("test_") and name.endswith("_example")
    }
    assert tested == {path.name for path in EXAMPLES.glob("*.py")}


def test_getting_started_example(capsys: pytest.CaptureFixture[str]) -> None:
    """One line: two metrics in namespace Shop with the service dimension."""
    (line,) = run("getting_started.py", capsys)
    assert directive(line) == {
        "Namespace": "Shop",
        "Dimensions": [["service"]],
        "Metrics": [
            {"Name": "OrdersPlaced", "Unit": "Count"},
            {"Name": "OrderValue", "Unit": "None"},
        ],
    }
    assert (line["service"], line["OrdersPlaced"], line["OrderValue"]) == ("orders", 1, 42.5)


def test_dimensions_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Default, added and set dimensions: two dimension sets in one directive."""
    (line,) = run("dimensions.py", capsys)
    assert directive(line)["Dimensions"] == [
        ["service", "environment", "payment"],
        ["service", "environment", "country"],
    ]
    assert (line["environment"], line["payment"], line["country"]) == ("prod", "card", "FR")


def test_high_resolution_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Three values in one high-resolution metric."""
    (line,) = run("high_resolution.py", capsys)
    assert directive(line)["Metrics"] == [
        {"Name": "PaymentLatency", "Unit": "Milliseconds", "StorageResolution": 1}
    ]
    assert line["PaymentLatency"] == [12, 15.5, 9]


def test_metadata_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Metadata is a plain member; the timestamp is the order's time, not the print time."""
    (line,) = run("metadata.py", capsys)
    assert line["order_id"] == "o-17"
    assert directive(line)["Dimensions"] == [["service"]]
    age_ms = int(time.time() * 1000) - line["_aws"]["Timestamp"]
    assert 4 * 60_000 < age_ms < 6 * 60_000


def test_cold_start_example(capsys: pytest.CaptureFixture[str]) -> None:
    """A ColdStart line first, then one business line per invocation."""
    cold, first, second = run("cold_start.py", capsys)
    assert directive(cold)["Dimensions"] == [["function_name", "service"]]
    assert (cold["ColdStart"], cold["function_name"]) == (1, "orders-fn")
    assert "ColdStart" not in first
    assert "ColdStart" not in second
    assert first["OrdersPlaced"] == second["OrdersPlaced"] == 1


def test_single_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The coupon metric is its own line with only the coupon dimension."""
    coupon, orders = run("single.py", capsys)
    assert directive(coupon)["Dimensions"] == [["coupon"]]
    assert (coupon["CouponUsed"], coupon["coupon"]) == (1, "SPRING")
    assert directive(orders)["Dimensions"] == [["service"]]


def test_deadline_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The metric is published by the deadline flush, before the handler gives up."""
    (line,) = run("deadline.py", capsys)
    assert line["ExportStarted"] == 1


def test_test_handler_example(capture_metrics: Any) -> None:
    """The example test functions pass with powerkit's fixtures."""
    namespace = runpy.run_path(str(EXAMPLES / "test_handler.py"))
    namespace["test_counts_items_per_payment"](lambda_context(), capture_metrics)
    namespace["test_works_without_pytest_fixtures"]()
