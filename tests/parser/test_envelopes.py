"""Parser envelopes: the payloads of real events parsed into a user model."""

from __future__ import annotations

import base64
import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from powerkit.parser import ParserValidationError, envelopes, parse


class Message(BaseModel):
    message: str
    username: str


@dataclass
class Order:
    id: int
    qty: int = 1


def load(shared_dir: Path, name: str) -> Any:
    return json.loads((shared_dir / "events" / name).read_text())


def sqs_event(*bodies: str) -> dict[str, Any]:
    return {"Records": [{"messageId": str(i), "body": body} for i, body in enumerate(bodies)]}


@pytest.mark.parametrize(
    ("envelope", "file"),
    [
        (envelopes.ApiGatewayEnvelope, "powertools/apigatewayeSchemaMiddlwareValidEvent.json"),
        (
            envelopes.ApiGatewayV2Envelope,
            "powertools/apiGatewayProxyV2SchemaMiddlwareValidEvent.json",
        ),
    ],
)
def test_http_envelopes_parse_the_body(shared_dir: Path, envelope: Any, file: str) -> None:
    """API Gateway envelopes parse the JSON body into the model."""
    assert parse(load(shared_dir, file), Message, envelope) == Message(
        message="hello world", username="lessa"
    )


def test_base64_bodies_are_decoded() -> None:
    """A body flagged isBase64Encoded is decoded before parsing (ALB, URL, Lattice)."""
    body = base64.b64encode(b'{"id": 3}').decode()
    for envelope in (
        envelopes.AlbEnvelope,
        envelopes.LambdaFunctionUrlEnvelope,
        envelopes.VpcLatticeV2Envelope,
    ):
        assert parse({"body": body, "isBase64Encoded": True}, Order, envelope) == Order(id=3)


def test_sqs_envelope_returns_one_model_per_message() -> None:
    """Each SQS body becomes one Order, in order."""
    event = sqs_event('{"id": 1}', '{"id": 2, "qty": 5}')
    assert parse(event, Order, envelopes.SqsEnvelope) == [Order(1), Order(2, 5)]
    assert parse(event, Order, envelopes.SqsEnvelope()) == [Order(1), Order(2, 5)]


def test_sns_sqs_envelope_reads_the_sns_message(shared_dir: Path) -> None:
    """SNS→SQS: the SNS message inside each SQS body is parsed."""
    parsed = parse(
        load(shared_dir, "powertools/snsSqsEvent.json"), Message, envelopes.SnsSqsEnvelope
    )
    assert parsed == [Message(message="hello world", username="lessa")]


def test_sns_envelope_parses_text_messages_as_str(shared_dir: Path) -> None:
    """model=str takes the SNS message text as it is."""
    assert parse(load(shared_dir, "powertools/snsEvent.json"), str, envelopes.SnsEnvelope) == [
        "Hello from SNS!"
    ]


def test_eventbridge_envelope_parses_detail(shared_dir: Path) -> None:
    """The EventBridge detail object becomes the model."""

    class Detail(BaseModel):
        instance_id: str
        state: str

    parsed = parse(
        load(shared_dir, "powertools/eventBridgeEvent.json"), Detail, envelopes.EventBridgeEnvelope
    )
    assert parsed.state == "terminated"


def test_cloudwatch_logs_envelope_yields_messages(shared_dir: Path) -> None:
    """Each log event message (gzip or zlib compressed delivery) is parsed."""
    for file in (
        "powertools/cloudWatchLogEvent.json",
        "powertools/cloudWatchLogEventWithPolicyLevel.json",
    ):
        messages = parse(load(shared_dir, file), str, envelopes.CloudWatchLogsEnvelope)
        assert messages == ["[ERROR] First test message", "[ERROR] Second test message"]


def test_kinesis_firehose_and_kafka_decode_base64(shared_dir: Path) -> None:
    """Kinesis, Firehose and Kafka payloads are base64-decoded, then parsed."""
    data = base64.b64encode(b'{"id": 8}').decode()
    kinesis = {"Records": [{"kinesis": {"data": data}}]}
    firehose = {"records": [{"data": data}]}
    kafka = {"records": {"t-0": [{"value": data}], "t-1": [{"value": data}]}}
    assert parse(kinesis, Order, envelopes.KinesisDataStreamEnvelope) == [Order(8)]
    assert parse(firehose, Order, envelopes.KinesisFirehoseEnvelope) == [Order(8)]
    assert parse(kafka, Order, envelopes.KafkaEnvelope) == [Order(8), Order(8)]
    msk = parse(
        load(shared_dir, "powertools/kafkaEventMsk.json"), dict[str, str], envelopes.KafkaEnvelope
    )
    assert msk == [{"key": "value"}]


def test_dynamodb_envelope_parses_new_and_old_images(shared_dir: Path) -> None:
    """DynamoDB images are converted from typed attributes and parsed into the model."""

    class Item(BaseModel):
        Id: int
        Message: str

    parsed = parse(
        load(shared_dir, "powertools/dynamoStreamEvent.json"),
        Item,
        envelopes.DynamoDBStreamEnvelope,
    )
    assert parsed[0] == {"NewImage": Item(Id=101, Message="New item!"), "OldImage": None}
    assert parsed[1]["OldImage"] == Item(Id=101, Message="New item!")


def test_failing_record_is_named_in_the_message() -> None:
    """The error says which record failed, followed by pydantic's summary."""
    with pytest.raises(ParserValidationError) as caught:
        parse(sqs_event('{"id": 1}', '{"id": "x"}'), Order, envelopes.SqsEnvelope)
    message = str(caught.value)
    assert message.startswith("SqsEnvelope record 1: 1 validation error for Order\nid\n")
    assert "Input should be a valid integer" in message
    assert caught.value.where == "SqsEnvelope record 1"
    assert caught.value.title == "Order"
    assert caught.value.errors[0]["loc"] == ("id",)
    assert isinstance(caught.value, ValueError)


def test_invalid_json_body_is_a_parser_validation_error() -> None:
    """A body that is not JSON is reported by pydantic as invalid JSON."""
    with pytest.raises(ParserValidationError, match=r"(?s)SqsEnvelope record 0: .*Invalid JSON"):
        parse(sqs_event("not json"), Order, envelopes.SqsEnvelope)


def test_wrong_event_source_is_explained_with_the_source_model() -> None:
    """An event that is not SQS at all is validated against SqsModel to say what is missing."""
    with pytest.raises(ParserValidationError) as caught:
        parse({"detail": {}}, Order, envelopes.SqsEnvelope)
    assert str(caught.value).startswith(
        "SqsEnvelope event: 1 validation error for SqsModel\nRecords\n  Field required"
    )


def test_bad_encoding_is_explained() -> None:
    """Base64 that does not decode, in a record the source model accepts, is still reported."""
    with pytest.raises(ParserValidationError, match=r"^KinesisFirehoseEnvelope event: "):
        parse({"records": [{"data": "***"}]}, Order, envelopes.KinesisFirehoseEnvelope)


def test_custom_envelope_only_needs_payloads() -> None:
    """A user envelope implements payloads(); parsing and errors come from the base."""

    class BodyList(envelopes.Envelope):
        many = True

        def payloads(self, event: Any) -> Any:
            return event["items"]

    assert parse({"items": [{"id": 1}]}, Order, BodyList) == [Order(1)]
    with pytest.raises(
        ParserValidationError, match=r"^BodyList event: cannot read the payload \(KeyError"
    ):
        parse({}, Order, BodyList)


@given(orders=st.lists(st.builds(Order, id=st.integers(), qty=st.integers()), max_size=5))
def test_any_sqs_batch_round_trips(orders: list[Order]) -> None:
    """Orders serialised into SQS bodies parse back to equal Orders."""
    event = sqs_event(*(json.dumps(o.__dict__) for o in orders))
    assert parse(event, Order, envelopes.SqsEnvelope) == orders


@given(texts=st.lists(st.text(), max_size=4))
def test_any_cloudwatch_messages_round_trip(texts: list[str]) -> None:
    """Log messages gzip-compressed into a subscription event come back unchanged."""
    data = {
        "logEvents": [{"id": str(i), "timestamp": 0, "message": t} for i, t in enumerate(texts)]
    }
    encoded = base64.b64encode(gzip.compress(json.dumps(data).encode())).decode()
    assert parse({"awslogs": {"data": encoded}}, str, envelopes.CloudWatchLogsEnvelope) == texts
