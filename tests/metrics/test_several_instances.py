"""Metrics added to another instance (a helper module's Metrics()) are never lost."""

from __future__ import annotations

from typing import Any

from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import capture_metrics, lambda_context


def test_a_helper_instance_is_published_by_the_handlers_log_metrics() -> None:
    """A second instance without its own log_metrics is flushed when the handler's finishes."""
    handler_metrics = Metrics(namespace="Shop", service="orders")
    helper_metrics = Metrics(namespace="Shop", service="pricing")

    def price(order: dict[str, Any]) -> int:
        helper_metrics.add_metric("PricesComputed", MetricUnit.Count, 1)
        return 3

    @handler_metrics.log_metrics
    def handler(event: Any, context: Any) -> int:
        handler_metrics.add_metric("Orders", MetricUnit.Count, 1)
        return price(event)

    with capture_metrics() as captured:
        handler({}, lambda_context())
        handler({}, lambda_context())
    assert captured.metric("Orders").values == [1, 1]
    prices = captured.metrics("PricesComputed")
    assert sum(len(m.values) for m in prices) == 2
    assert all(m.dimensions == {"service": "pricing"} for m in prices)


def test_each_stray_metric_is_published_once() -> None:
    """A stray metric goes out with the first log_metrics that finishes, not again."""
    first, second = Metrics(namespace="A"), Metrics(namespace="B")
    stray = Metrics(namespace="C")

    @first.log_metrics
    def one(event: Any, context: Any) -> None:
        stray.add_metric("Stray", MetricUnit.Count, 5)

    @second.log_metrics
    def two(event: Any, context: Any) -> None:
        second.add_metric("Second", MetricUnit.Count, 1)

    with capture_metrics() as captured:
        one({}, lambda_context())
        two({}, lambda_context())
    assert [m.values for m in captured.metrics("Stray")] == [[5]]
