"""Per-record idempotency in an SQS batch: a redelivered message is not processed twice."""

from __future__ import annotations

import json
from typing import Any

from powerkit.batch import BatchProcessor, EventType, process_partial_response
from powerkit.idempotency import IdempotencyConfig, InMemoryPersistenceLayer, idempotent_function

processor = BatchProcessor(EventType.SQS)
store = InMemoryPersistenceLayer()
shipped: list[str] = []


@idempotent_function(
    data_keyword_argument="record",
    persistence_store=store,
    config=IdempotencyConfig(event_key_jmespath="messageId"),
)
def ship(record: Any) -> str:
    order = json.loads(record.body)
    shipped.append(order["order_id"])
    return order["order_id"]


def handler(event: dict[str, Any], context: Any) -> Any:
    return process_partial_response(event, ship, processor, context)
