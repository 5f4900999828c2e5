"""The real sample events from ../shared/events: identifiers and typed records per source."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from powerkit.batch import (
    BatchProcessor,
    EventType,
    SqsFifoPartialProcessor,
    process_partial_response,
)
from tests.support.events import load_sample

SQS = [
    "aws-lambda-go/sqs-event.json",
    "powertools/sqsEvent.json",
    "powertools/sqsDlqTriggerEvent.json",
    "powertools/snsSqsEvent.json",
    "powertools/s3SqsEvent.json",
]
KINESIS = [
    "aws-lambda-go/kinesis-event.json",
    "powertools/kinesisStreamEvent.json",
    "powertools/kinesisStreamEventOneRecord.json",
    "powertools/kinesisStreamCloudWatchLogsEvent.json",
]
DYNAMODB = ["aws-lambda-go/dynamodb-event.json", "powertools/dynamoStreamEvent.json"]


def identifier(record: dict[str, Any]) -> str:
    if "messageId" in record:
        return str(record["messageId"])
    if "kinesis" in record:
        return str(record["kinesis"]["sequenceNumber"])
    return str(record["dynamodb"]["SequenceNumber"])


def fail_last(records: list[dict[str, Any]]) -> Any:
    last = records[-1]

    def handler(record: Any) -> None:
        if record.raw_event is last:
            raise ValueError("last record fails")

    return handler


CASES = (
    [(name, EventType.SQS) for name in SQS]
    + [(name, EventType.KinesisDataStreams) for name in KINESIS]
    + [(name, EventType.DynamoDBStreams) for name in DYNAMODB]
)


@pytest.mark.parametrize(("name", "event_type"), CASES)
def test_sample_all_succeed(name: str, event_type: EventType) -> None:
    """Every sample processes cleanly into an empty failure list."""
    event = load_sample(name)
    seen: list[Any] = []
    response = process_partial_response(event, seen.append, BatchProcessor(event_type))
    assert response == {"batchItemFailures": []}
    assert len(seen) == len(event["Records"])


@pytest.mark.parametrize(("name", "event_type"), CASES)
def test_sample_failed_record_is_reported_by_its_identifier(
    name: str, event_type: EventType
) -> None:
    """The failing record is reported by the identifier field of its source."""
    event = load_sample(name)
    records = event["Records"]
    processor = BatchProcessor(event_type, raise_on_entire_batch_failure=False)
    response = process_partial_response(event, fail_last(records), processor)
    assert response == {"batchItemFailures": [{"itemIdentifier": identifier(records[-1])}]}


def test_real_sqs_records_read_through_typed_records() -> None:
    """The handler reads the sample's body and receive count through SQSRecord."""
    event = load_sample("powertools/sqsEvent.json")
    seen: list[tuple[str, str, int]] = []

    def handler(record: Any) -> None:
        seen.append((record.message_id, record.body, record.attributes.approximate_receive_count))

    process_partial_response(event, handler, BatchProcessor())
    assert seen == [(r["messageId"], r["body"], 1) for r in event["Records"]]


def test_real_kinesis_records_decode() -> None:
    """The sample Kinesis data decodes through KinesisStreamRecord."""
    event = load_sample("powertools/kinesisStreamEvent.json")
    texts: list[str] = []
    process_partial_response(
        event,
        lambda r: texts.append(r.kinesis.data_as_text()),
        BatchProcessor(EventType.KinesisDataStreams),
    )
    assert texts == ["Hello, this is a test.", "This is only a test."]


def test_real_dynamodb_records_deserialise() -> None:
    """The sample DynamoDB images deserialise through DynamoDBRecord."""
    event = load_sample("powertools/dynamoStreamEvent.json")
    numbers: list[str] = []
    process_partial_response(
        event,
        lambda r: numbers.append(r.dynamodb.sequence_number),
        BatchProcessor(EventType.DynamoDBStreams),
    )
    assert numbers == ["111", "222"]


def test_duplicate_sequence_numbers_are_reported_once() -> None:
    """aws-lambda-go's DynamoDB sample repeats a SequenceNumber: it is reported once."""
    event = load_sample("aws-lambda-go/dynamodb-event.json")
    processor = BatchProcessor(EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)
    response = process_partial_response(event, lambda r: 1 / 0, processor)
    (number,) = {r["dynamodb"]["SequenceNumber"] for r in event["Records"]}
    assert response == {"batchItemFailures": [{"itemIdentifier": number}]}


def test_real_fifo_sample_carries_its_group() -> None:
    """The SNS-to-SQS FIFO sample is processed by the FIFO processor and reported by id."""
    event = load_sample("powertools/snsSqsFifoEvent.json")
    processor = SqsFifoPartialProcessor(raise_on_entire_batch_failure=False)
    groups: list[str] = []

    def handler(record: Any) -> None:
        groups.append(record.attributes.message_group_id)
        raise ValueError("fail")

    response = process_partial_response(event, handler, processor)
    assert groups == ["powertools-test"]
    assert response == {"batchItemFailures": [{"itemIdentifier": event["Records"][0]["messageId"]}]}


def test_real_samples_combined_into_a_fifo_batch() -> None:
    """Sample SQS records combined into one FIFO batch: stop at the failure, report the rest."""
    records = [r for name in SQS for r in load_sample(name)["Records"]]
    for record in records:
        record["attributes"]["MessageGroupId"] = "g"
    seen: list[str] = []

    def handler(record: Any) -> None:
        seen.append(record.message_id)
        if len(seen) == 3:
            raise ValueError("third fails")

    response = process_partial_response({"Records": records}, handler, SqsFifoPartialProcessor())
    assert seen == [r["messageId"] for r in records[:3]]
    assert response == {
        "batchItemFailures": [{"itemIdentifier": r["messageId"]} for r in records[2:]]
    }


class _Message(BaseModel):
    message: str


def test_real_sqs_sample_with_a_model() -> None:
    """powertools/sqsEvent.json: the plain-text body fails the model alone, the JSON one passes."""
    event = load_sample("powertools/sqsEvent.json")
    seen: list[Any] = []
    response = process_partial_response(event, seen.append, BatchProcessor(model=_Message))
    assert seen == [_Message(message="foo1")]
    assert response == {"batchItemFailures": [{"itemIdentifier": event["Records"][0]["messageId"]}]}


def test_real_sqs_sample_as_poison() -> None:
    """aws-lambda-go/sqs-event.json was received twice: above max_receive_count=1 it is parked."""
    event = load_sample("aws-lambda-go/sqs-event.json")
    parked: list[str] = []
    processor = BatchProcessor(max_receive_count=1, on_poison=lambda r: parked.append(r.message_id))
    assert process_partial_response(event, print, processor) == {"batchItemFailures": []}
    assert parked == ["MessageID_1"]


@pytest.mark.parametrize(("name", "event_type"), CASES)
def test_real_sample_past_the_deadline_attempts_nothing(name: str, event_type: EventType) -> None:
    """With too little time left, every record of a real sample is reported unattempted."""

    class AlmostOut:
        def get_remaining_time_in_millis(self) -> int:
            return 10

    event = load_sample(name)
    seen: list[Any] = []
    processor = BatchProcessor(event_type, raise_on_entire_batch_failure=False)
    response = process_partial_response(event, seen.append, processor, AlmostOut())
    assert seen == []
    expected = list(dict.fromkeys(identifier(r) for r in event["Records"]))
    assert [item["itemIdentifier"] for item in response["batchItemFailures"]] == expected
