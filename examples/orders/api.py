"""POST /orders: validate, create once per order id, log, count and trace."""

from __future__ import annotations

import json
import time
from typing import Any

from orders_common import ORDER_SCHEMA, idempotency_store, order_total, publish_order

from powerkit import Logger, Metrics, MetricUnit, Tracer
from powerkit.correlation import correlate
from powerkit.idempotency import IdempotencyConfig, idempotent_function
from powerkit.jmespath import envelopes
from powerkit.validation import SchemaValidationError, validate

logger = Logger(service="orders-api")
metrics = Metrics(namespace="Orders", service="orders-api")
tracer = Tracer(service="orders-api")


def _mark_replay(response: dict[str, Any], record: Any) -> dict[str, Any]:
    return {**response, "replayed": True}


@idempotent_function(
    data_keyword_argument="order",
    persistence_store=idempotency_store(),
    config=IdempotencyConfig(event_key_jmespath="order_id", response_hook=_mark_replay),
)
@tracer.capture_method
def create_order(*, order: dict[str, Any]) -> dict[str, Any]:
    total = order_total(order["items"])
    logger.info("order created", order_id=order["order_id"], total=total)
    metrics.add_metric("OrdersCreated", MetricUnit.Count, 1)
    metrics.add_metric("OrderValue", MetricUnit.NoUnit, total)
    publish_order(order)  # to the worker's queue when one is configured
    return {
        "order_id": order["order_id"],
        "total": total,
        "currency": order["currency"],
        "created_at": time.time(),
    }


@logger.inject_lambda_context
@correlate
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    try:
        order = validate(event, ORDER_SCHEMA, envelope=envelopes.API_GATEWAY_REST)
    except SchemaValidationError as exc:
        logger.warning("order rejected", reason=str(exc))
        metrics.add_metric("OrdersRejected", MetricUnit.Count, 1)
        return {"statusCode": 400, "body": json.dumps({"error": str(exc)})}
    tracer.put_annotation("order_id", order["order_id"])
    created = create_order(order=order)
    if created.get("replayed"):
        logger.info("order replayed from the idempotency store", order_id=order["order_id"])
        metrics.add_metric("OrdersReplayed", MetricUnit.Count, 1)
    status = 200 if created.get("replayed") else 201
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(created),
    }
