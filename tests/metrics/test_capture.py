"""capture_metrics: parsed EMF lines with per-metric helpers."""

from __future__ import annotations

import pytest

from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import capture_metrics


def test_metric_merges_values_across_lines() -> None:
    """.metric(name) merges the values of lines with the same dimensions."""
    metrics = Metrics(namespace="Shop")
    with capture_metrics() as captured:
        for value in (1, 2):
            metrics.add_metric("Orders", MetricUnit.Count, value)
            metrics.flush()
    orders = captured.metric("Orders")
    assert (orders.values, orders.total, len(orders.timestamps)) == ([1, 2], 3, 2)
    assert len(captured.metrics("Orders")) == 2
    with pytest.raises(AssertionError, match="2 values"):
        _ = orders.value


def test_metric_refuses_to_merge_different_dimensions() -> None:
    """.metric(name) points to .metrics(name) when the lines' dimensions differ."""
    metrics = Metrics(namespace="Shop")
    with capture_metrics() as captured:
        for region in ("eu", "us"):
            metrics.add_dimension("region", region)
            metrics.add_metric("Orders", MetricUnit.Count, 1)
            metrics.flush()
    with pytest.raises(AssertionError, match=r"\.metrics\('Orders'\)"):
        captured.metric("Orders")
    assert [m.dimensions["region"] for m in captured.metrics("Orders")] == ["eu", "us"]


def test_missing_metric_lists_what_was_published() -> None:
    """Asking for an unpublished metric names the ones that were published."""
    metrics = Metrics(namespace="Shop")
    with capture_metrics() as captured:
        metrics.add_metric("Orders", MetricUnit.Count, 1)
        metrics.flush()
    with pytest.raises(AssertionError, match=r"\['Orders'\]"):
        captured.metric("Refunds")


def test_capture_stops_at_the_end_of_the_block() -> None:
    """Lines published after the block are not recorded; clear() forgets lines."""
    metrics = Metrics(namespace="Shop")
    with capture_metrics() as captured:
        metrics.add_metric("Orders", MetricUnit.Count, 1)
        metrics.flush()
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    metrics.flush()
    assert len(captured) == 1
    assert [line["Orders"] for line in captured] == [1]
    captured.clear()
    assert captured.lines == []


def test_unit_and_resolution_are_reported() -> None:
    """A captured metric carries its unit and storage resolution."""
    metrics = Metrics(namespace="Shop")
    with capture_metrics() as captured:
        metrics.add_metric("Fast", MetricUnit.Milliseconds, 1, resolution=1)
        metrics.flush()
    fast = captured.metric("Fast")
    assert (fast.unit, fast.resolution, fast.dimension_sets) == ("Milliseconds", 1, [[]])
