"""model=: each record's payload validated into a pydantic model; bad records fail alone."""

from __future__ import annotations

import json
import sys
from typing import Any

import pydantic
import pytest

from powerkit import MissingExtraError
from powerkit.batch import BatchProcessor, EventType, process_partial_response
from powerkit.testing import dynamodb_stream_event, kinesis_event, sqs_event


class Order(pydantic.BaseModel):
    order_id: int
    amount: float


def test_sqs_body_is_validated_into_the_model() -> None:
    """The handler receives the model built from the JSON body."""
    event = sqs_event(bodies=[{"order_id": 1, "amount": 9.5}])
    seen: list[Any] = []
    process_partial_response(event, seen.append, BatchProcessor(model=Order))
    assert seen == [Order(order_id=1, amount=9.5)]


def test_invalid_and_malformed_bodies_fail_alone() -> None:
    """A body failing validation or not JSON at all is reported; the others are processed."""
    event = sqs_event(
        bodies=[
            {"order_id": 1, "amount": 1},
            {"order_id": "not a number", "amount": 1},
            "{not json",
            {"order_id": 4, "amount": 4},
        ]
    )
    seen: list[int] = []
    processor = BatchProcessor(model=Order)
    with processor(event["Records"], lambda order: seen.append(order.order_id)) as batch:
        batch.process()
    assert seen == [1, 4]
    assert batch.response() == {
        "batchItemFailures": [
            {"itemIdentifier": event["Records"][1]["messageId"]},
            {"itemIdentifier": event["Records"][2]["messageId"]},
        ]
    }
    assert all(isinstance(f.exception, pydantic.ValidationError) for f in batch.failures)
    assert batch.failures[0].record.body == event["Records"][1]["body"]


def test_kinesis_data_is_decoded_and_validated() -> None:
    """Kinesis: the base64 data, as JSON, is validated into the model."""
    event = kinesis_event([json.dumps({"order_id": 7, "amount": 2}).encode()])
    seen: list[Any] = []
    processor = BatchProcessor(EventType.KinesisDataStreams, model=Order)
    process_partial_response(event, seen.append, processor)
    assert seen == [Order(order_id=7, amount=2)]


def test_dynamodb_new_image_is_validated() -> None:
    """DynamoDB Streams: the deserialised NewImage is validated into the model."""
    event = dynamodb_stream_event(
        [{"keys": {"order_id": 3}, "new_image": {"order_id": 3, "amount": 1.25}}]
    )
    seen: list[Any] = []
    processor = BatchProcessor(EventType.DynamoDBStreams, model=Order)
    process_partial_response(event, seen.append, processor)
    assert seen == [Order(order_id=3, amount=1.25)]


def test_any_type_pydantic_accepts_works() -> None:
    """model= accepts what pydantic's TypeAdapter accepts, e.g. list[int]."""
    event = sqs_event(bodies=[[1, 2, 3]])
    seen: list[Any] = []
    process_partial_response(event, seen.append, BatchProcessor(model=list[int]))
    assert seen == [[1, 2, 3]]


def test_missing_pydantic_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pydantic, model= raises MissingExtraError naming powerkit[parser]."""
    monkeypatch.setitem(sys.modules, "pydantic", None)
    with pytest.raises(MissingExtraError, match=r"powerkit\[parser\]"):
        BatchProcessor(model=dict)
