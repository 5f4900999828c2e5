"""single_metric: a one-off line with its own namespace and dimensions."""

from __future__ import annotations

import pytest

from powerkit import ConfigError
from powerkit.metrics import Metrics, MetricUnit, MetricValueError, single_metric
from powerkit.testing import capture_metrics, lambda_context


def test_single_metric_is_its_own_line_with_its_own_dimensions() -> None:
    """The block publishes one line with only the dimensions given to it."""
    metrics = Metrics(namespace="Shop", service="orders")
    metrics.set_default_dimensions(env="prod")

    @metrics.log_metrics
    def handler(event: object, context: object) -> None:
        metrics.add_metric("Orders", MetricUnit.Count, 1)
        with single_metric(
            "Refunds", MetricUnit.Count, 2, namespace="Refunds", dimensions={"currency": "EUR"}
        ) as metric:
            metric.add_dimension("reason", "damaged")
            metric.add_metadata("order_id", "o-1")

    with capture_metrics() as captured:
        handler({}, lambda_context())
    refunds = captured.metric("Refunds")
    assert (refunds.values, refunds.namespace) == ([2], "Refunds")
    assert refunds.dimensions == {"currency": "EUR", "reason": "damaged"}
    assert captured.lines[0]["order_id"] == "o-1"
    assert captured.metric("Orders").dimensions == {"service": "orders", "env": "prod"}


def test_single_metric_accepts_more_values_of_its_name_only() -> None:
    """Extra values of the same name accumulate; another name is refused."""
    with (
        capture_metrics() as captured,
        single_metric("Latency", "Milliseconds", 1, namespace="Shop") as metric,
    ):
        metric.add_metric("Latency", "Milliseconds", 2)
        with pytest.raises(MetricValueError, match="one metric"):
            metric.add_metric("Other", "Count", 1)
        assert metric.name == "Latency"
    assert captured.metric("Latency").values == [1, 2]


def test_single_metric_is_published_when_the_block_raises() -> None:
    """An exception inside the block still publishes the line, and propagates."""
    with (
        capture_metrics() as captured,
        pytest.raises(KeyError),
        single_metric("Failures", MetricUnit.Count, 1, namespace="Shop"),
    ):
        raise KeyError("x")
    assert captured.metric("Failures").values == [1]


def test_single_metric_high_resolution_and_default_dimensions_alias() -> None:
    """resolution=1 is written as StorageResolution; default_dimensions merges in."""
    with (
        capture_metrics() as captured,
        single_metric(
            "Fast",
            MetricUnit.Count,
            1,
            resolution=1,
            namespace="Shop",
            default_dimensions={"env": "prod"},
            dimensions={"az": "a"},
        ),
    ):
        pass
    fast = captured.metric("Fast")
    assert (fast.resolution, fast.dimensions) == (1, {"env": "prod", "az": "a"})


def test_single_metric_namespace_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without namespace=, POWERKIT_METRICS_NAMESPACE is used; with neither it is an error."""
    with pytest.raises(ConfigError, match="namespace"), single_metric("X", "Count", 1):
        pass
    monkeypatch.setenv("POWERKIT_METRICS_NAMESPACE", "FromEnv")
    with capture_metrics() as captured, single_metric("X", "Count", 1):
        pass
    assert captured.metric("X").namespace == "FromEnv"


def test_single_metric_validates_like_add_metric() -> None:
    """A bad value is refused before the block runs."""
    with (
        pytest.raises(MetricValueError, match="'X'"),
        single_metric("X", "Count", float("nan"), namespace="S"),
    ):
        pass
