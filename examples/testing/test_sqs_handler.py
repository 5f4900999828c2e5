"""Test an SQS handler with a built event and the ``lambda_context`` fixture."""

from __future__ import annotations

import json
from typing import Any

from powerkit.testing import sqs_event


def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    """Sum the totals of the orders in the batch."""
    orders = [json.loads(record["body"]) for record in event["Records"]]
    return {"orders": len(orders), "total": sum(order["total"] for order in orders)}


def test_handler_sums_the_batch(lambda_context: Any) -> None:
    event = sqs_event([{"order_id": "a", "total": 5}, {"order_id": "b", "total": 7}])

    assert handler(event, lambda_context) == {"orders": 2, "total": 12}


def test_fifo_events_carry_the_message_group() -> None:
    event = sqs_event(["{}"], fifo=True, group_ids="customer-42")

    assert event["Records"][0]["attributes"]["MessageGroupId"] == "customer-42"
