"""Every powerkit handler decorator on one handler that accepts any JSON event."""

from __future__ import annotations

from typing import Any

from powerkit.correlation import correlate
from powerkit.logging import Logger
from powerkit.metrics import Metrics, MetricUnit
from powerkit.tracing import Tracer

logger = Logger(service="runtime-anything")
metrics = Metrics(namespace="RuntimeAnything", service="runtime-anything")
tracer = Tracer(service="runtime-anything")


@logger.inject_lambda_context(log_event=True, correlation_id_path="requestContext.requestId")
@correlate
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: Any, context: Any) -> Any:
    metrics.add_metric("Seen", MetricUnit.Count, 1)
    logger.info("seen", kind=type(event).__name__)
    return event
