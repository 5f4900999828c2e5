"""SQS worker: ship each order once, report only the records that failed."""

from __future__ import annotations

from typing import Any

from orders_common import idempotency_store, order_total
from pydantic import BaseModel, Field

from powerkit import Logger, Metrics, MetricUnit, Tracer
from powerkit.batch import BatchProcessor, EventType, process_partial_response
from powerkit.correlation import correlate
from powerkit.idempotency import IdempotencyConfig, idempotent_function

logger = Logger(service="orders-worker")
metrics = Metrics(namespace="Orders", service="orders-worker")
tracer = Tracer(service="orders-worker")


class Item(BaseModel):
    sku: str
    quantity: int = Field(ge=1)
    price: float = Field(ge=0)


class Order(BaseModel):
    order_id: str
    customer: str
    items: list[Item] = Field(min_length=1)


processor = BatchProcessor(event_type=EventType.SQS, model=Order, logger=logger)


@idempotent_function(
    data_keyword_argument="order",
    persistence_store=idempotency_store(),
    config=IdempotencyConfig(event_key_jmespath="order_id"),
)
def ship(*, order: Order) -> dict[str, Any]:
    total = order_total([item.model_dump() for item in order.items])
    logger.info("order shipped", order_id=order.order_id, total=total)
    metrics.add_metric("OrdersShipped", MetricUnit.Count, 1)
    return {"order_id": order.order_id, "total": total}


@tracer.capture_method
def record_handler(order: Order) -> dict[str, Any]:
    return ship(order=order)


@logger.inject_lambda_context
@correlate
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, record_handler, processor, context)
