"""The deadline watchdog: stop before the Lambda deadline and report what was not attempted."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from powerkit.batch import (
    AsyncBatchProcessor,
    BatchProcessingError,
    BatchProcessor,
    EventType,
    async_process_partial_response,
    process_partial_response,
)
from powerkit.testing import CapturedLogs, kinesis_event, lambda_context, sqs_event


class FixedContext:
    """A Lambda context frozen at ``remaining`` milliseconds (counts how often it is asked)."""

    def __init__(self, remaining: int) -> None:
        self.remaining = remaining
        self.asked = 0

    def get_remaining_time_in_millis(self) -> int:
        self.asked += 1
        return self.remaining


def ids(event: dict[str, Any], indexes: range | list[int]) -> list[dict[str, str]]:
    return [{"itemIdentifier": event["Records"][i]["messageId"]} for i in indexes]


def test_deadline_running_out_mid_batch_reports_the_rest(logs: CapturedLogs, logger: Any) -> None:
    """When time runs out mid-batch, the remaining records are reported, not attempted."""
    event = sqs_event(bodies=[str(i) for i in range(6)])
    # 2 s left, 1 s margin: the watchdog trips once 1 s has passed (record 2 sleeps 1.1 s).
    context = lambda_context(timeout_s=2.0)
    seen: list[str] = []

    def handler(record: Any) -> None:
        seen.append(record.body)
        if record.body == "2":
            time.sleep(1.1)

    processor = BatchProcessor(logger=logger)
    response = process_partial_response(event, handler, processor, context)
    assert seen == ["0", "1", "2"]
    assert response == {"batchItemFailures": ids(event, range(3, 6))}
    (line,) = [line for line in logs if "deadline" in line["message"]]
    assert line["level"] == "WARNING"
    assert "3 of 6 records not attempted" in line["message"]
    assert "record_id" not in line


def test_too_little_time_at_start_attempts_nothing() -> None:
    """Below the margin before the first record, nothing runs and the batch fails whole."""
    event = sqs_event(bodies=["a", "b"])
    seen: list[Any] = []
    with pytest.raises(BatchProcessingError) as caught:
        process_partial_response(event, seen.append, BatchProcessor(), FixedContext(999))
    assert seen == []
    assert [exc.reason for exc in caught.value.exceptions] == ["deadline", "deadline"]  # type: ignore[attr-defined]


def test_not_attempted_records_are_listed_when_raising_is_off() -> None:
    """With raise_on_entire_batch_failure=False every unattempted record is returned."""
    event = sqs_event(bodies=["a", "b"])
    processor = BatchProcessor(raise_on_entire_batch_failure=False)
    response = process_partial_response(event, print, processor, FixedContext(10))
    assert response == {"batchItemFailures": ids(event, [0, 1])}


def test_margin_is_configurable() -> None:
    """deadline_margin_ms sets the threshold: 500 ms left passes a 400 ms margin."""
    event = sqs_event(bodies=["a"])
    seen: list[Any] = []
    processor = BatchProcessor(deadline_margin_ms=400)
    process_partial_response(event, seen.append, processor, FixedContext(500))
    assert len(seen) == 1


def test_zero_margin_disables_the_watchdog() -> None:
    """deadline_margin_ms=0 never asks the context and never stops."""
    event = sqs_event(bodies=["a", "b"])
    context = FixedContext(0)
    seen: list[Any] = []
    process_partial_response(event, seen.append, BatchProcessor(deadline_margin_ms=0), context)
    assert len(seen) == 2
    assert context.asked == 0


def test_context_is_not_asked_for_every_record() -> None:
    """With plenty of time left, the context is asked once, not once per record."""
    event = sqs_event(bodies=[str(i) for i in range(50)])
    context = FixedContext(600_000)
    process_partial_response(event, lambda record: None, BatchProcessor(), context)
    assert context.asked == 1


def test_no_context_means_no_watchdog() -> None:
    """Called outside Lambda with no context, every record is processed."""
    event = sqs_event(bodies=["a", "b"])
    seen: list[Any] = []
    process_partial_response(event, seen.append, BatchProcessor())
    assert len(seen) == 2


def test_stream_stops_at_deadline_too() -> None:
    """Kinesis batches stop at the deadline and report from the first unattempted record."""
    event = kinesis_event([b"a", b"b"])
    processor = BatchProcessor(EventType.KinesisDataStreams, raise_on_entire_batch_failure=False)
    response = process_partial_response(event, print, processor, FixedContext(1))
    numbers = [r["kinesis"]["sequenceNumber"] for r in event["Records"]]
    assert response == {"batchItemFailures": [{"itemIdentifier": n} for n in numbers]}


def test_thread_pool_checks_the_deadline_per_record() -> None:
    """With max_workers>1, records starting after the deadline are reported unattempted."""
    event = sqs_event(bodies=["a", "b", "c"])
    processor = BatchProcessor(max_workers=2, raise_on_entire_batch_failure=False)
    seen: list[Any] = []
    response = process_partial_response(event, seen.append, processor, FixedContext(5))
    assert seen == []
    assert response == {"batchItemFailures": ids(event, [0, 1, 2])}


def test_async_records_still_running_at_the_deadline_are_cancelled(
    logs: CapturedLogs, logger: Any
) -> None:
    """Async: records not done when the margin is reached are cancelled and reported."""
    event = sqs_event(bodies=["fast", "slow", "fast2"])
    cancelled: list[str] = []

    async def handler(record: Any) -> None:
        if record.body == "slow":
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                cancelled.append(record.body)
                raise

    processor = AsyncBatchProcessor(logger=logger)
    context = lambda_context(timeout_s=1.6)  # 0.6 s before the 1 s margin
    response = async_process_partial_response(event, handler, processor, context)
    assert cancelled == ["slow"]
    assert response == {"batchItemFailures": ids(event, [1])}
    assert any("1 of 3 records not attempted" in line["message"] for line in logs)


def test_async_too_little_time_at_start_attempts_nothing() -> None:
    """Async: below the margin before starting, no record handler runs."""
    event = sqs_event(bodies=["a"])
    seen: list[Any] = []

    async def handler(record: Any) -> None:
        seen.append(record)

    processor = AsyncBatchProcessor(raise_on_entire_batch_failure=False)
    response = async_process_partial_response(event, handler, processor, FixedContext(3))
    assert seen == []
    assert response == {"batchItemFailures": ids(event, [0])}


def test_async_handler_swallowing_cancellation_keeps_its_outcome() -> None:
    """A record that catches the deadline cancellation and returns counts as processed."""
    event = sqs_event(bodies=["stubborn", "fast"])

    async def handler(record: Any) -> str:
        if record.body == "stubborn":
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                return "finished anyway"
        return "ok"

    batch = AsyncBatchProcessor()(event["Records"], handler, lambda_context(timeout_s=1.5))
    batch.process()
    assert batch.response() == {"batchItemFailures": []}
    assert sorted(result for _, result in batch.successes) == ["finished anyway", "ok"]
