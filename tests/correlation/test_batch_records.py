"""Within a batch, each record's own correlation id is on the lines logged for it."""

from __future__ import annotations

from typing import Any

import pytest

from powerkit.batch import (
    AsyncBatchProcessor,
    BatchProcessor,
    EventType,
    async_process_partial_response,
    process_partial_response,
)
from powerkit.logging import Logger
from powerkit.testing import capture_logs, lambda_context, sqs_event


def _event() -> dict[str, Any]:
    return sqs_event(
        bodies=["a", "b", "c"],
        message_attributes=[{"x-correlation-id": "c-a"}, {}, {"x-correlation-id": "c-c"}],
    )


@pytest.mark.parametrize("workers", [1, 3])
def test_each_record_logs_its_own_correlation_id(workers: int) -> None:
    """Records with an id log it; a record without one logs the invocation's; it is restored."""
    logger = Logger(service="batch-correlation")
    processor = BatchProcessor(event_type=EventType.SQS, max_workers=workers)

    def record_handler(record: Any) -> None:
        logger.info("record", body=record.body)

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> Any:
        response = process_partial_response(event, record_handler, processor, context)
        logger.info("done")
        return response

    with capture_logs() as logs:
        handler(_event(), lambda_context())
    by_body = {line["body"]: line["correlation_id"] for line in logs if line["message"] == "record"}
    # The invocation's id comes from the first record (c-a); record b carries none.
    assert by_body == {"a": "c-a", "b": "c-a", "c": "c-c"}
    assert logs[-1]["message"] == "done"
    assert logs[-1]["correlation_id"] == "c-a"


def test_async_records_log_their_own_correlation_id() -> None:
    """The async processor binds each record's id in its own task."""
    logger = Logger(service="batch-correlation-async")
    processor = AsyncBatchProcessor(event_type=EventType.SQS)

    async def record_handler(record: Any) -> None:
        logger.info("record", body=record.body)

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> Any:
        return async_process_partial_response(event, record_handler, processor, context)

    with capture_logs() as logs:
        handler(_event(), lambda_context())
    assert {line["body"]: line["correlation_id"] for line in logs} == {
        "a": "c-a",
        "b": "c-a",
        "c": "c-c",
    }
