"""Run idempotency locally with no cloud at all: a SQLite file shared by every process."""

from __future__ import annotations

from typing import Any

from powerkit.idempotency import SQLitePersistenceLayer, idempotent
from powerkit.testing import lambda_context

store = SQLitePersistenceLayer("/tmp/powerkit-idempotency.db")
charges: list[str] = []


@idempotent(persistence_store=store)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    charges.append(event["order_id"])
    return {"charged": event["order_id"], "charges_so_far": len(charges)}


if __name__ == "__main__":
    event = {"order_id": "o-1001"}
    print(handler(event, lambda_context()))  # runs
    print(handler(event, lambda_context()))  # replays: same response, no second charge
