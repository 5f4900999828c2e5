"""What both order functions share: the order shape and the idempotency store."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from powerkit.idempotency import (
    DynamoDBPersistenceLayer,
    PersistenceStore,
    SQLitePersistenceLayer,
)

ORDER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["order_id", "customer", "items"],
    "properties": {
        "order_id": {"type": "string", "minLength": 1},
        "customer": {"type": "string", "minLength": 1},
        "currency": {"type": "string", "default": "EUR"},
        "items": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["sku", "quantity", "price"],
                "properties": {
                    "sku": {"type": "string"},
                    "quantity": {"type": "integer", "minimum": 1},
                    "price": {"type": "number", "minimum": 0},
                },
            },
        },
    },
}


def idempotency_store() -> PersistenceStore:
    """DynamoDB when ORDERS_TABLE is set (deployed), else an SQLite file (local runs)."""
    table = os.environ.get("ORDERS_TABLE")
    if table:
        return DynamoDBPersistenceLayer(table_name=table)
    default = Path(tempfile.gettempdir()) / "powerkit-orders.sqlite3"
    return SQLitePersistenceLayer(os.environ.get("ORDERS_IDEMPOTENCY_DB", str(default)))


def publish_order(order: dict[str, Any]) -> bool:
    """Send the order to the worker's queue (ORDERS_QUEUE_URL); False when none is configured.

    The client is created on first use, after ``instrument_boto3()`` ran, so the message
    carries the correlation id.
    """
    queue_url = os.environ.get("ORDERS_QUEUE_URL")
    if not queue_url:
        return False
    import boto3

    from powerkit.correlation import instrument_boto3

    instrument_boto3()
    boto3.client("sqs").send_message(QueueUrl=queue_url, MessageBody=json.dumps(order))
    return True


def order_total(items: list[dict[str, Any]]) -> float:
    return round(sum(item["quantity"] * item["price"] for item in items), 2)
