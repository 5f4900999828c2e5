"""Per-record idempotency with idempotent_function: the documented pattern, pinned."""

from __future__ import annotations

from typing import Any

from powerkit.batch import BatchProcessor, process_partial_response
from powerkit.idempotency import IdempotencyConfig, InMemoryPersistenceLayer, idempotent_function
from powerkit.testing import lambda_context, sqs_event


def test_redelivered_batch_only_redoes_the_failed_record() -> None:
    """Keyed on messageId: succeeded records replay, the failed one runs again and can succeed."""
    store = InMemoryPersistenceLayer()
    config = IdempotencyConfig(event_key_jmespath="messageId")
    runs: list[str] = []
    flaky = {"b": 1}  # "b" fails once, then works

    @idempotent_function(data_keyword_argument="record", persistence_store=store, config=config)
    def work(record: Any) -> str:
        runs.append(record.body)
        if flaky.get(record.body, 0) > 0:
            flaky[record.body] -= 1
            raise ConnectionError("downstream blip")
        return record.body.upper()

    processor = BatchProcessor()
    event = sqs_event(bodies=["a", "b", "c"])
    first = process_partial_response(event, lambda r: work(record=r), processor, lambda_context())
    assert first == {"batchItemFailures": [{"itemIdentifier": event["Records"][1]["messageId"]}]}
    # Lambda redelivers; here the whole batch comes back (e.g. after a timeout elsewhere).
    second = process_partial_response(event, lambda r: work(record=r), processor, lambda_context())
    assert second == {"batchItemFailures": []}
    assert runs == ["a", "b", "c", "b"]
