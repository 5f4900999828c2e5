"""A handler using Logger, Metrics and Tracer together, as a function would in Lambda."""

from __future__ import annotations

import sys
from typing import Any

from powerkit.correlation import correlate
from powerkit.logging import Logger
from powerkit.metrics import Metrics, MetricUnit
from powerkit.tracing import Tracer

logger = Logger(service="runtime-probe")
metrics = Metrics(namespace="RuntimeProbe", service="runtime-probe")
tracer = Tracer(service="runtime-probe")


@tracer.capture_method
def work(n: int) -> int:
    tracer.put_annotation("n", n)
    return n * 2


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    logger.info("handling", n=event["n"])
    metrics.add_metric("Handled", MetricUnit.Count, 1)
    if event.get("fail"):
        raise ValueError(f"refused n={event['n']}")
    return {"doubled": work(event["n"]), "remaining_ms": context.get_remaining_time_in_millis()}


def modules(event: dict[str, Any], context: Any) -> list[str]:
    """The modules loaded before this function's module was imported (for the benchmark)."""
    return sorted(sys.modules)


@logger.inject_lambda_context
@correlate
def correlated(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Log one line; the correlation id comes from the client context of a direct invoke."""
    logger.info("correlated")
    return {"custom": context.client_context.custom, "app": context.client_context.client.app_title}
