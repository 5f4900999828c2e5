"""A handler with logging, metrics and tracing switched on."""

from __future__ import annotations

from typing import Any

from powerkit import Logger, Metrics, MetricUnit, Tracer

logger = Logger(service="orders")
metrics = Metrics(namespace="Shop", service="orders")
tracer = Tracer(service="orders")


@tracer.capture_method
def total(items: list[dict[str, Any]]) -> float:
    return sum(item["price"] * item["quantity"] for item in items)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    amount = total(event["items"])
    logger.info("order priced", order_id=event["order_id"], amount=amount)
    metrics.add_metric("OrdersPriced", MetricUnit.Count, 1)
    tracer.put_annotation("order_id", event["order_id"])
    return {"order_id": event["order_id"], "amount": amount}
