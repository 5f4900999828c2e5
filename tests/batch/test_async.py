"""AsyncBatchProcessor: async def handlers, SQS records concurrently, streams in order."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from powerkit.batch import (
    AsyncBatchProcessor,
    BatchConfigError,
    BatchProcessingError,
    BatchProcessor,
    EventType,
    async_process_partial_response,
    process_partial_response,
)
from powerkit.testing import CapturedLogs, kinesis_event, lambda_context, sqs_event


def ids(event: dict[str, Any], *indexes: int) -> list[dict[str, str]]:
    return [{"itemIdentifier": event["Records"][i]["messageId"]} for i in indexes]


def test_sqs_records_run_concurrently() -> None:
    """Every record waits for the last one to start: only concurrent processing finishes."""
    event = sqs_event(bodies=[str(i) for i in range(5)])
    started: list[str] = []

    async def handler(record: Any) -> str:
        started.append(record.body)
        while len(started) < 5:
            await asyncio.sleep(0)
        if record.body == "3":
            raise ValueError("three")
        return record.body

    response = async_process_partial_response(event, handler, AsyncBatchProcessor())
    assert response == {"batchItemFailures": ids(event, 3)}


def test_max_concurrency_bounds_records_in_flight() -> None:
    """max_concurrency=2 never lets more than two handlers run at once."""
    event = sqs_event(bodies=[str(i) for i in range(8)])
    in_flight = 0
    peak = 0

    async def handler(record: Any) -> None:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0)
        in_flight -= 1

    async_process_partial_response(event, handler, AsyncBatchProcessor(max_concurrency=2))
    assert peak == 2


def test_streams_run_in_order_and_stop_at_first_failure() -> None:
    """Kinesis with an async handler: one record at a time, stop at the first failure."""
    event = kinesis_event([b"a", b"bad", b"c"])
    seen: list[str] = []

    async def handler(record: Any) -> None:
        seen.append(record.kinesis.data_as_text())
        await asyncio.sleep(0)
        if seen[-1] == "bad":
            raise ValueError("bad")

    processor = AsyncBatchProcessor(EventType.KinesisDataStreams)
    response = async_process_partial_response(event, handler, processor)
    assert seen == ["a", "bad"]
    numbers = [r["kinesis"]["sequenceNumber"] for r in event["Records"]]
    assert response == {"batchItemFailures": [{"itemIdentifier": n} for n in numbers[1:]]}


def test_every_record_failing_raises() -> None:
    """The entire-failure rule applies to the async processor."""
    event = sqs_event(bodies=["a", "b"])

    async def handler(record: Any) -> None:
        raise RuntimeError(record.body)

    with pytest.raises(BatchProcessingError) as caught:
        async_process_partial_response(event, handler, AsyncBatchProcessor())
    assert sorted(str(e) for e in caught.value.exceptions) == ["a", "b"]


def test_handler_taking_context_receives_it() -> None:
    """An async handler with a second parameter receives the Lambda context."""
    event = sqs_event(bodies=["a"])
    context = lambda_context()
    seen: list[Any] = []

    async def handler(record: Any, ctx: Any) -> None:
        seen.append(ctx)

    async_process_partial_response(event, handler, AsyncBatchProcessor(), context)
    assert seen == [context]


def test_awaitable_inside_a_running_loop() -> None:
    """Inside a coroutine, await processor(...).async_process() on the current loop."""
    event = sqs_event(bodies=["a", "bad"])

    async def handler(record: Any) -> None:
        if record.body == "bad":
            raise ValueError("bad")

    async def main() -> dict[str, Any]:
        batch = await AsyncBatchProcessor()(event["Records"], handler).async_process()
        return batch.response()

    assert asyncio.run(main()) == {"batchItemFailures": ids(event, 1)}


def test_sync_entry_point_works_inside_a_running_loop() -> None:
    """async_process_partial_response called from running loop code still completes."""
    event = sqs_event(bodies=["a"])

    async def handler(record: Any) -> str:
        return str(record.body)

    async def main() -> Any:
        return async_process_partial_response(event, handler, AsyncBatchProcessor())

    assert asyncio.run(main()) == {"batchItemFailures": []}


def test_each_task_logs_with_its_record_id(logs: CapturedLogs, logger: Any) -> None:
    """Concurrent records each log with their own record_id (one context per task)."""
    event = sqs_event(bodies=[str(i) for i in range(4)])

    async def handler(record: Any) -> None:
        await asyncio.sleep(0)
        logger.info("x", body=record.body)

    async_process_partial_response(event, handler, AsyncBatchProcessor())
    assert {line["body"]: line["record_id"] for line in logs} == {
        r["body"]: r["messageId"] for r in event["Records"]
    }


def test_sync_handler_is_rejected() -> None:
    """AsyncBatchProcessor with a plain def handler points back to BatchProcessor."""
    with pytest.raises(BatchConfigError, match="use BatchProcessor"):
        async_process_partial_response(sqs_event(), lambda r: None, AsyncBatchProcessor())


def test_entry_points_check_the_processor_kind() -> None:
    """Each entry point refuses the other kind of processor with a clear message."""

    async def handler(record: Any) -> None:
        return None

    with pytest.raises(BatchConfigError, match="AsyncBatchProcessor"):
        async_process_partial_response(sqs_event(), handler, BatchProcessor())  # type: ignore[arg-type]
    with pytest.raises(BatchConfigError, match="async_process_partial_response"):
        process_partial_response(sqs_event(), handler, AsyncBatchProcessor())


@pytest.mark.parametrize("value", [0, -1, 1.5, True])
def test_bad_max_concurrency_is_rejected(value: Any) -> None:
    """max_concurrency must be a positive integer or None."""
    with pytest.raises(BatchConfigError, match="max_concurrency"):
        AsyncBatchProcessor(max_concurrency=value)


def test_in_order_keys_are_gone_after_the_batch(logs: CapturedLogs, logger: Any) -> None:
    """Async stream records bind their keys one by one; none remain after the batch."""
    event = kinesis_event([b"a", b"b"])

    async def handler(record: Any) -> None:
        logger.info("x")

    processor = AsyncBatchProcessor(EventType.KinesisDataStreams)
    async_process_partial_response(event, handler, processor)
    logger.info("after")
    numbers = [r["kinesis"]["sequenceNumber"] for r in event["Records"]]
    assert [line.get("record_id") for line in logs] == [*numbers, None]
