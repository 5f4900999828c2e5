"""Assert on what a handler logs and which metrics it publishes."""

from __future__ import annotations

from typing import Any

from powerkit.logging import Logger
from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import sqs_event

logger = Logger(service="orders")
metrics = Metrics(namespace="Shop", service="orders")


@logger.inject_lambda_context
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> int:
    for record in event["Records"]:
        logger.info("order received", message_id=record["messageId"])
    metrics.add_metric(name="OrdersReceived", unit=MetricUnit.Count, value=len(event["Records"]))
    return len(event["Records"])


def test_logs_one_line_per_order(lambda_context: Any, capture_logs: Any) -> None:
    event = sqs_event(["{}", "{}"])

    handler(event, lambda_context)

    assert capture_logs.messages() == ["order received", "order received"]
    assert capture_logs[0]["message_id"] == event["Records"][0]["messageId"]
    assert capture_logs[0]["function_request_id"] == lambda_context.aws_request_id


def test_counts_the_orders(lambda_context: Any, capture_metrics: Any) -> None:
    handler(sqs_event(["{}", "{}", "{}"]), lambda_context)

    orders = capture_metrics.metric("OrdersReceived")
    assert orders.value == 3
    assert orders.unit == "Count"
    assert orders.namespace == "Shop"
