"""An idempotent payment handler: a retried event returns the first response, not a new charge."""

from __future__ import annotations

import json
import uuid
from typing import Any

from powerkit.idempotency import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent

# Built once per execution environment (outside the handler) so warm invocations reuse it.
store = DynamoDBPersistenceLayer(table_name="IdempotencyTable")
config = IdempotencyConfig(
    event_key_jmespath='powerkit_json(body).["customer_id", "order_id"]',
    expires_after_seconds=3600,
)


@idempotent(persistence_store=store, config=config)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    order = json.loads(event["body"])
    payment_id = str(uuid.uuid4())  # stands in for the call to your payment provider
    return {
        "statusCode": 200,
        "body": json.dumps({"payment_id": payment_id, "order_id": order["order_id"]}),
    }
