"""BatchProcessor over SQS: the partial response contract (../shared/specs/BATCH.md)."""

from __future__ import annotations

from typing import Any

import pytest

from powerkit.batch import (
    BatchConfigError,
    BatchEventError,
    BatchProcessingError,
    BatchProcessor,
    EventType,
    RecordFailure,
    SqsFifoPartialProcessor,
    process_partial_response,
)
from powerkit.events import SQSRecord
from powerkit.testing import lambda_context, sqs_event


def fail_on(*bad: str) -> Any:
    def handler(record: SQSRecord) -> str:
        if record.body in bad:
            raise ValueError(f"bad body {record.body}")
        return record.body.upper()

    return handler


def ids(event: dict[str, Any], *indexes: int) -> list[dict[str, str]]:
    return [{"itemIdentifier": event["Records"][i]["messageId"]} for i in indexes]


def test_all_succeed_gives_empty_failure_list() -> None:
    """Every record succeeding returns {"batchItemFailures": []}."""
    event = sqs_event(bodies=["a", "b", "c"])
    response = process_partial_response(event, fail_on(), BatchProcessor())
    assert response == {"batchItemFailures": []}


def test_empty_batch_gives_empty_failure_list() -> None:
    """An event with no records succeeds with an empty list (and no handler call)."""
    calls: list[Any] = []
    response = process_partial_response({"Records": []}, calls.append, BatchProcessor())
    assert response == {"batchItemFailures": []}
    assert calls == []


def test_failed_records_are_reported_by_message_id_in_event_order() -> None:
    """Only the failed records are reported, each by its messageId, in event order."""
    event = sqs_event(bodies=["ok", "bad1", "ok", "bad2", "ok"])
    response = process_partial_response(event, fail_on("bad1", "bad2"), BatchProcessor())
    assert response == {"batchItemFailures": ids(event, 1, 3)}


def test_standard_queue_keeps_going_after_a_failure() -> None:
    """A standard queue processes every record, even after one failed."""
    event = sqs_event(bodies=["bad", "a", "b"])
    seen: list[str] = []

    def handler(record: SQSRecord) -> None:
        seen.append(record.body)
        if record.body == "bad":
            raise ValueError("bad")

    process_partial_response(event, handler, BatchProcessor())
    assert seen == ["bad", "a", "b"]


def test_handler_receives_typed_sqs_records() -> None:
    """The record handler gets powerkit.events SQSRecord objects over the raw record."""
    event = sqs_event(bodies=[{"order": 1}], receive_count=3)
    got: list[SQSRecord] = []
    process_partial_response(event, got.append, BatchProcessor())
    (record,) = got
    assert isinstance(record, SQSRecord)
    assert record.raw_event is event["Records"][0]
    assert record.json_body == {"order": 1}
    assert record.attributes.approximate_receive_count == 3


def test_every_record_failing_raises_with_every_exception() -> None:
    """All records failing raises BatchProcessingError carrying each record's exception."""
    event = sqs_event(bodies=["x", "y", "z"])
    with pytest.raises(BatchProcessingError) as caught:
        process_partial_response(event, fail_on("x", "y", "z"), BatchProcessor())
    error = caught.value
    assert [str(exc) for exc in error.exceptions] == ["bad body x", "bad body y", "bad body z"]
    assert [f.record_id for f in error.failures] == [r["messageId"] for r in event["Records"]]
    assert "all 3 records" in str(error)
    assert "raise_on_entire_batch_failure=False" in str(error)


def test_entire_failure_returns_every_id_when_raising_is_off() -> None:
    """raise_on_entire_batch_failure=False returns the full failure list instead."""
    event = sqs_event(bodies=["x", "y"])
    processor = BatchProcessor(raise_on_entire_batch_failure=False)
    response = process_partial_response(event, fail_on("x", "y"), processor)
    assert response == {"batchItemFailures": ids(event, 0, 1)}


def test_one_success_is_enough_not_to_raise() -> None:
    """A batch with one success among failures returns a partial response, no error."""
    event = sqs_event(bodies=["x", "ok", "y"])
    response = process_partial_response(event, fail_on("x", "y"), BatchProcessor())
    assert response == {"batchItemFailures": ids(event, 0, 2)}


def test_handler_taking_context_receives_it() -> None:
    """A record handler with a second parameter is called with the Lambda context."""
    event = sqs_event(bodies=["a"])
    context = lambda_context()
    seen: list[Any] = []

    def handler(record: SQSRecord, ctx: Any) -> None:
        seen.append(ctx)

    process_partial_response(event, handler, BatchProcessor(), context)
    assert seen == [context]


def test_handler_context_defaults_to_the_running_invocation() -> None:
    """Inside a powerkit-decorated handler, the invocation's context is passed along."""
    from powerkit.middleware import lambda_handler_decorator

    @lambda_handler_decorator
    def passthrough(handler: Any, event: Any, context: Any) -> Any:
        return handler(event, context)

    seen: list[Any] = []

    def record_handler(record: SQSRecord, context: Any) -> None:
        seen.append(context)

    @passthrough
    def lambda_handler(event: Any, context: Any) -> Any:
        return process_partial_response(event, record_handler, BatchProcessor())

    context = lambda_context()
    lambda_handler(sqs_event(bodies=["a"]), context)
    assert seen == [context]


def test_non_sqs_event_is_a_clear_error() -> None:
    """An event without a Records list raises BatchEventError naming the problem."""
    with pytest.raises(BatchEventError, match="no 'Records' list"):
        process_partial_response({"detail": {}}, fail_on(), BatchProcessor())


def test_record_without_message_id_is_a_clear_error() -> None:
    """A record lacking its identifier raises BatchEventError (it could not be reported)."""
    event = sqs_event(bodies=["a"])
    del event["Records"][0]["messageId"]
    with pytest.raises(BatchEventError, match="messageId"):
        process_partial_response(event, fail_on(), BatchProcessor())


def test_failed_record_with_empty_id_is_never_reported() -> None:
    """An empty identifier is refused rather than sent (Lambda would fail the batch)."""
    event = sqs_event(bodies=["bad", "ok"])
    event["Records"][0]["messageId"] = ""
    with pytest.raises(BatchEventError, match="cannot be reported"):
        process_partial_response(event, fail_on("bad"), BatchProcessor())


def test_wrong_event_type_is_caught() -> None:
    """An SQS event given to a Kinesis processor fails with a hint about event_type."""
    processor = BatchProcessor(EventType.KinesisDataStreams)
    with pytest.raises(BatchEventError, match="event_type"):
        process_partial_response(sqs_event(bodies=["a"]), fail_on(), processor)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"event_type": "Kafka"}, "not one of"),
        ({"max_workers": 0}, "at least 1"),
        ({"max_workers": 2.5}, "integer"),
        ({"deadline_margin_ms": -1}, "at least 0"),
        ({"max_workers": 4, "event_type": EventType.KinesisDataStreams}, "out of order"),
        ({"max_workers": 4, "event_type": EventType.DynamoDBStreams}, "out of order"),
        ({"max_receive_count": 3}, "go together"),
        ({"on_poison": print}, "go together"),
        (
            {
                "event_type": EventType.KinesisDataStreams,
                "max_receive_count": 3,
                "on_poison": print,
            },
            "SQS records only",
        ),
    ],
)
def test_bad_options_are_rejected_at_construction(kwargs: dict[str, Any], message: str) -> None:
    """Invalid processor options raise BatchConfigError (a ValueError) when built."""
    with pytest.raises(BatchConfigError, match=message) as caught:
        BatchProcessor(**kwargs)
    assert isinstance(caught.value, ValueError)


def test_fifo_processor_rejects_a_thread_pool() -> None:
    """SqsFifoPartialProcessor(max_workers=2) is a clear error: order matters in FIFO."""
    with pytest.raises(BatchConfigError, match="FIFO queue out of order"):
        SqsFifoPartialProcessor(max_workers=2)


def test_async_handler_is_rejected_by_the_sync_processor() -> None:
    """An async def record handler given to BatchProcessor points to AsyncBatchProcessor."""

    async def handler(record: SQSRecord) -> None:
        return None

    with pytest.raises(BatchConfigError, match="AsyncBatchProcessor"):
        process_partial_response(sqs_event(bodies=["a"]), handler, BatchProcessor())


def test_handler_without_parameters_is_rejected() -> None:
    """A record handler that cannot take the record is a clear configuration error."""
    with pytest.raises(BatchConfigError, match="first argument"):
        process_partial_response(sqs_event(bodies=["a"]), lambda: None, BatchProcessor())


def test_context_manager_flow_exposes_outcomes() -> None:
    """processor(records, handler) as a context manager gives successes and failures."""
    event = sqs_event(bodies=["a", "bad", "c"])
    processor = BatchProcessor()
    with processor(event["Records"], fail_on("bad")) as batch:
        batch.process()
    assert [(record.body, result) for record, result in batch.successes] == [
        ("a", "A"),
        ("c", "C"),
    ]
    (failure,) = batch.failures
    assert isinstance(failure, RecordFailure)
    assert failure.record_id == event["Records"][1]["messageId"]
    assert failure.record.body == "bad"
    assert failure.attempted
    assert str(failure.exception) == "bad body bad"
    assert batch.response() == {"batchItemFailures": ids(event, 1)}


def test_success_and_failure_hooks_can_be_overridden() -> None:
    """Subclass hooks see each outcome: success_handler and failure_handler."""
    seen: list[tuple[str, str]] = []

    class Recording(BatchProcessor):
        def success_handler(self, record: Any, result: Any) -> None:
            seen.append(("ok", result))

        def failure_handler(self, record: Any, exception: Exception) -> None:
            seen.append(("fail", str(exception)))

    event = sqs_event(bodies=["a", "bad"])
    response = process_partial_response(event, fail_on("bad"), Recording())
    assert seen == [("ok", "A"), ("fail", "bad body bad")]
    assert response == {"batchItemFailures": ids(event, 1)}


def test_success_hook_raising_fails_the_record() -> None:
    """If success_handler raises, that record is reported as failed."""

    class Picky(BatchProcessor):
        def success_handler(self, record: Any, result: Any) -> None:
            if result == "B":
                raise RuntimeError("rejected by hook")

    event = sqs_event(bodies=["a", "b"])
    response = process_partial_response(event, fail_on(), Picky())
    assert response == {"batchItemFailures": ids(event, 1)}


def test_processor_is_reusable_across_batches() -> None:
    """One module-level processor serves many batches without carrying state over."""
    processor = BatchProcessor()
    first = sqs_event(bodies=["bad", "ok"])
    second = sqs_event(bodies=["ok", "ok"])
    assert process_partial_response(first, fail_on("bad"), processor) == {
        "batchItemFailures": ids(first, 0)
    }
    assert process_partial_response(second, fail_on("bad"), processor) == {"batchItemFailures": []}


def test_base_exceptions_are_not_swallowed() -> None:
    """KeyboardInterrupt/SystemExit from a handler propagate instead of failing one record."""

    def handler(record: SQSRecord) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        process_partial_response(sqs_event(bodies=["a"]), handler, BatchProcessor())


def test_wrapped_event_object_is_accepted() -> None:
    """A powerkit.events SQSEvent can be passed instead of the raw dict."""
    from powerkit.events import SQSEvent

    event = sqs_event(bodies=["bad", "ok"])
    response = process_partial_response(SQSEvent(event), fail_on("bad"), BatchProcessor())
    assert response == {"batchItemFailures": ids(event, 0)}


def test_typed_records_list_is_accepted() -> None:
    """processor(SQSEvent(event).records, ...) processes the records' raw dicts."""
    from powerkit.events import SQSEvent

    event = sqs_event(bodies=["bad", "ok"])
    with BatchProcessor()(SQSEvent(event).records, fail_on("bad")) as batch:
        batch.process()
    assert batch.response() == {"batchItemFailures": ids(event, 0)}
    assert [record.body for record, _ in batch.successes] == ["ok"]
