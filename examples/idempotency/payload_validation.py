"""Reject a reused key whose payload changed, instead of replaying the old answer."""

from __future__ import annotations

from typing import Any

from powerkit.idempotency import (
    IdempotencyConfig,
    IdempotencyValidationError,
    InMemoryPersistenceLayer,
    idempotent,
)

config = IdempotencyConfig(
    event_key_jmespath="transfer_id",  # what identifies the request
    payload_validation_jmespath="[amount, to_account]",  # what must not change for that id
)


@idempotent(persistence_store=InMemoryPersistenceLayer(), config=config)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return {"status": "sent", "amount": event["amount"]}


if __name__ == "__main__":
    print(handler({"transfer_id": "t-1", "amount": 100, "to_account": "A"}, None))
    try:
        handler({"transfer_id": "t-1", "amount": 900, "to_account": "A"}, None)
    except IdempotencyValidationError as error:
        print(type(error).__name__)
