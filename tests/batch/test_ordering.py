"""Ordered batches: SQS FIFO, Kinesis Data Streams and DynamoDB Streams stop at a failure."""

from __future__ import annotations

from typing import Any

import pytest

from powerkit.batch import (
    BatchProcessingError,
    BatchProcessor,
    EventType,
    RecordNotProcessedError,
    SqsFifoPartialProcessor,
    process_partial_response,
)
from powerkit.testing import dynamodb_stream_event, kinesis_event, sqs_event


def sqs_ids(event: dict[str, Any], *indexes: int) -> list[dict[str, str]]:
    return [{"itemIdentifier": event["Records"][i]["messageId"]} for i in indexes]


class Recorder:
    """A record handler that remembers what it saw and fails on chosen payloads."""

    def __init__(self, *bad: str) -> None:
        self.bad = set(bad)
        self.seen: list[str] = []

    def __call__(self, record: Any) -> None:
        text = self.text(record)
        self.seen.append(text)
        if text in self.bad:
            raise ValueError(f"bad {text}")

    @staticmethod
    def text(record: Any) -> str:
        if hasattr(record, "body"):
            return str(record.body)
        if hasattr(record, "kinesis"):
            return record.kinesis.data_as_text()
        return str(record.dynamodb.new_image["id"])


def test_fifo_stops_at_first_failure_and_reports_the_rest() -> None:
    """FIFO: the failed message and every later one are reported; later ones never run."""
    event = sqs_event(bodies=["a", "b", "bad", "c", "d"], fifo=True)
    handler = Recorder("bad")
    response = process_partial_response(event, handler, SqsFifoPartialProcessor())
    assert handler.seen == ["a", "b", "bad"]
    assert response == {"batchItemFailures": sqs_ids(event, 2, 3, 4)}


def test_fifo_skipped_records_carry_not_processed_errors() -> None:
    """Records skipped after a FIFO failure hold RecordNotProcessedError(reason='ordering')."""
    event = sqs_event(bodies=["a", "bad", "c"], fifo=True)
    with SqsFifoPartialProcessor()(event["Records"], Recorder("bad")) as batch:
        batch.process()
    first, skipped = batch.failures
    assert first.attempted
    assert not skipped.attempted
    assert isinstance(skipped.exception, RecordNotProcessedError)
    assert skipped.exception.reason == "ordering"
    assert skipped.record.body == "c"


def test_fifo_first_record_failing_fails_the_whole_batch() -> None:
    """FIFO with the first message failing: nothing succeeded, so the batch is retried."""
    event = sqs_event(bodies=["bad", "b", "c"], fifo=True)
    with pytest.raises(BatchProcessingError) as caught:
        process_partial_response(event, Recorder("bad"), SqsFifoPartialProcessor())
    reasons = [getattr(exc, "reason", None) for exc in caught.value.exceptions]
    assert reasons == [None, "ordering", "ordering"]


def test_fifo_entire_failure_list_when_raising_is_off() -> None:
    """FIFO with raise_on_entire_batch_failure=False returns every id instead of raising."""
    event = sqs_event(bodies=["bad", "b"], fifo=True)
    processor = SqsFifoPartialProcessor(raise_on_entire_batch_failure=False)
    response = process_partial_response(event, Recorder("bad"), processor)
    assert response == {"batchItemFailures": sqs_ids(event, 0, 1)}


def test_fifo_skip_group_on_error_skips_only_the_failed_group() -> None:
    """skip_group_on_error=True: later records of the failed group are skipped, others run."""
    event = sqs_event(
        bodies=["g1-a", "g1-bad", "g2-a", "g1-b", "g2-b", "g3-a"],
        fifo=True,
        group_ids=["g1", "g1", "g2", "g1", "g2", "g3"],
    )
    handler = Recorder("g1-bad")
    processor = SqsFifoPartialProcessor(skip_group_on_error=True)
    response = process_partial_response(event, handler, processor)
    assert handler.seen == ["g1-a", "g1-bad", "g2-a", "g2-b", "g3-a"]
    assert response == {"batchItemFailures": sqs_ids(event, 1, 3)}


def test_fifo_skip_group_reason_is_group() -> None:
    """A record skipped because its group failed carries reason 'group'."""
    event = sqs_event(bodies=["bad", "same"], fifo=True, group_ids=["g", "g"])
    processor = SqsFifoPartialProcessor(skip_group_on_error=True)
    batch = processor(event["Records"], Recorder("bad"))
    with pytest.raises(BatchProcessingError) as caught:
        batch.process()
    assert [getattr(e, "reason", None) for e in caught.value.exceptions] == [None, "group"]


def test_fifo_skip_group_several_groups_failing() -> None:
    """Two groups failing are both skipped from their failure on; a clean group goes on."""
    event = sqs_event(
        bodies=["a1", "b1", "a2", "c1", "b2", "a3"],
        fifo=True,
        group_ids=["a", "b", "a", "c", "b", "a"],
    )
    handler = Recorder("a1", "b1")
    processor = SqsFifoPartialProcessor(skip_group_on_error=True)
    response = process_partial_response(event, handler, processor)
    assert handler.seen == ["a1", "b1", "c1"]
    assert response == {"batchItemFailures": sqs_ids(event, 0, 1, 2, 4, 5)}


def test_kinesis_stops_at_first_failure_and_reports_sequence_numbers() -> None:
    """Kinesis: checkpoint semantics; the failed record and all later ones, by sequence number."""
    event = kinesis_event([b"a", b"bad", b"c", b"d"])
    handler = Recorder("bad")
    processor = BatchProcessor(EventType.KinesisDataStreams)
    response = process_partial_response(event, handler, processor)
    assert handler.seen == ["a", "bad"]
    numbers = [r["kinesis"]["sequenceNumber"] for r in event["Records"]]
    assert response == {"batchItemFailures": [{"itemIdentifier": n} for n in numbers[1:]]}


def test_kinesis_all_succeed() -> None:
    """A Kinesis batch with no failure returns an empty list."""
    event = kinesis_event([b"a", b"b"])
    processor = BatchProcessor(EventType.KinesisDataStreams)
    assert process_partial_response(event, Recorder(), processor) == {"batchItemFailures": []}


def test_dynamodb_stops_at_first_failure_and_reports_sequence_numbers() -> None:
    """DynamoDB Streams: the failed record and every later one, by dynamodb.SequenceNumber."""
    event = dynamodb_stream_event(
        [{"keys": {"id": str(i)}, "new_image": {"id": str(i)}} for i in range(4)]
    )
    handler = Recorder("2")
    processor = BatchProcessor(EventType.DynamoDBStreams)
    response = process_partial_response(event, handler, processor)
    assert handler.seen == ["0", "1", "2"]
    numbers = [r["dynamodb"]["SequenceNumber"] for r in event["Records"]]
    assert response == {"batchItemFailures": [{"itemIdentifier": n} for n in numbers[2:]]}


def test_stream_identifier_is_never_the_event_id() -> None:
    """Streams report the sequence number, not eventID (oracle checklist item 1)."""
    event = kinesis_event([b"bad", b"ok"])
    processor = BatchProcessor(EventType.KinesisDataStreams, raise_on_entire_batch_failure=False)
    response = process_partial_response(event, Recorder("bad"), processor)
    reported = {item["itemIdentifier"] for item in response["batchItemFailures"]}
    assert reported.isdisjoint({r["eventID"] for r in event["Records"]})
    assert reported == {r["kinesis"]["sequenceNumber"] for r in event["Records"]}
