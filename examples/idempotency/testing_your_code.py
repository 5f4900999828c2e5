"""Unit-test an idempotent handler: an in-memory store and a fake Lambda context."""

from __future__ import annotations

from typing import Any

from powerkit.idempotency import InMemoryPersistenceLayer, idempotent
from powerkit.testing import lambda_context

store = InMemoryPersistenceLayer()


@idempotent(persistence_store=store)
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return {"total": sum(event["items"])}


def test_a_retry_replays_the_first_response() -> None:
    event = {"items": [1, 2, 3]}
    assert handler(event, lambda_context()) == {"total": 6}
    assert handler(event, lambda_context()) == {"total": 6}
    (record,) = store.records.values()  # what was stored, for assertions
    assert record.status == "COMPLETED"
    store.clear()  # start the next test with an empty store
