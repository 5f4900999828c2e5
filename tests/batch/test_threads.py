"""max_workers>1: a thread pool for standard SQS queues only."""

from __future__ import annotations

import contextvars
from typing import Any

import pytest

from powerkit.batch import BatchProcessingError, BatchProcessor, process_partial_response
from powerkit.testing import sqs_event

_tenant: contextvars.ContextVar[str] = contextvars.ContextVar("tenant", default="none")


def test_failures_are_reported_in_event_order() -> None:
    """Failures from worker threads come back in event order, exactly the failed ones."""
    event = sqs_event(bodies=[str(i) for i in range(30)])

    def handler(record: Any) -> None:
        if int(record.body) % 3 == 0:
            raise ValueError(record.body)

    response = process_partial_response(event, handler, BatchProcessor(max_workers=5))
    expected = [r["messageId"] for i, r in enumerate(event["Records"]) if i % 3 == 0]
    assert [item["itemIdentifier"] for item in response["batchItemFailures"]] == expected


def test_workers_see_the_callers_context_variables() -> None:
    """Each worker task runs in a copy of the caller's contextvars context."""
    event = sqs_event(bodies=["a", "b", "c"])
    seen: list[str] = []
    token = _tenant.set("acme")
    try:
        process_partial_response(
            event, lambda r: seen.append(_tenant.get()), BatchProcessor(max_workers=3)
        )
    finally:
        _tenant.reset(token)
    assert seen == ["acme"] * 3


def test_worker_changes_do_not_leak_back() -> None:
    """A context variable set inside a worker does not change the caller's value."""
    event = sqs_event(bodies=["a", "b"])
    process_partial_response(event, lambda r: _tenant.set("leak"), BatchProcessor(max_workers=2))
    assert _tenant.get() == "none"


def test_all_failing_in_threads_raises() -> None:
    """The entire-failure rule holds with a thread pool."""
    event = sqs_event(bodies=["a", "b", "c"])
    with pytest.raises(BatchProcessingError) as caught:
        process_partial_response(event, lambda r: 1 / 0, BatchProcessor(max_workers=2))
    assert len(caught.value.exceptions) == 3


def test_successes_are_kept_in_the_context_manager_flow() -> None:
    """The threaded context-manager run exposes every success."""
    event = sqs_event(bodies=["a", "b", "c"])
    with BatchProcessor(max_workers=3)(event["Records"], lambda r: r.body) as batch:
        batch.process()
    assert sorted(result for _, result in batch.successes) == ["a", "b", "c"]


def test_one_processor_serves_concurrent_invocations() -> None:
    """A shared processor used by parallel invocations keeps each batch's outcome apart."""
    from concurrent.futures import ThreadPoolExecutor

    processor = BatchProcessor()
    events = [sqs_event(bodies=[f"{n}-{i}" for i in range(50)]) for n in range(4)]

    def handler(record: Any) -> None:
        invocation, index = record.body.split("-")
        if int(index) % (int(invocation) + 2) == 0:
            raise ValueError(record.body)

    with ThreadPoolExecutor(4) as pool:
        responses = list(
            pool.map(lambda e: process_partial_response(e, handler, processor), events)
        )
    for n, (event, response) in enumerate(zip(events, responses)):
        expected = [r["messageId"] for i, r in enumerate(event["Records"]) if i % (n + 2) == 0]
        assert [item["itemIdentifier"] for item in response["batchItemFailures"]] == expected
