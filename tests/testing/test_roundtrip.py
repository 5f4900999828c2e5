"""Events built by powerkit.testing read back identically through powerkit.events classes.

Each test looks its data class up by name and skips, saying which class is missing, when
``powerkit.events`` does not have it yet.
"""

from __future__ import annotations

import base64
import json
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit import testing as kit
from tests.support.events import events_class

# --- SQS -----------------------------------------------------------------------------------


@settings(deadline=None, max_examples=50)
@given(st.lists(st.text(), min_size=1, max_size=4))
def test_sqs_bodies_ids_and_checksums_read_back(bodies: list[str]) -> None:
    """Bodies, message ids and md5 of each built SQS record read back through SQSEvent."""
    event = kit.sqs_event(bodies)
    wrapped = events_class("SQSEvent")(event)
    assert [r.body for r in wrapped.records] == bodies
    assert [r.message_id for r in wrapped.records] == [r["messageId"] for r in event["Records"]]
    assert [r.md5_of_body for r in wrapped.records] == [r["md5OfBody"] for r in event["Records"]]


def test_sqs_attributes_and_fifo_fields_read_back() -> None:
    """Receive count, timestamps, FIFO fields and typed message attributes read back."""
    event = kit.sqs_event(
        [{"order": 1}],
        fifo=True,
        group_ids="g",
        receive_count=3,
        message_attributes={"tenant": "acme", "blob": b"\x01\x02"},
        timestamp=1_700_000_000,
    )
    record = events_class("SQSEvent")(event).records[0]
    assert record.json_body == {"order": 1}
    assert record.attributes.approximate_receive_count == 3
    assert record.attributes.sent_timestamp == 1_700_000_000_000
    assert record.attributes.message_group_id == "g"
    assert record.attributes.sequence_number == event["Records"][0]["attributes"]["SequenceNumber"]
    assert record.message_attributes.get_string("tenant") == "acme"
    assert record.message_attributes["blob"].binary_value_as_bytes() == b"\x01\x02"
    assert record.aws_region == "us-east-1"
    assert record.queue_url == "https://sqs.us-east-1.amazonaws.com/123456789012/my-queue.fifo"


def test_sns_envelope_in_sqs_reads_back_as_json() -> None:
    """The SNS envelope in an SQS body parses back to the published message."""
    event = kit.sns_sqs_event(['{"order": 7}'])
    record = events_class("SQSEvent")(event).records[0]
    assert json.loads(record.json_body["Message"]) == {"order": 7}


# --- Kinesis -------------------------------------------------------------------------------


@settings(deadline=None, max_examples=50)
@given(st.lists(st.binary(), min_size=1, max_size=4))
def test_kinesis_data_reads_back_as_the_same_bytes(payloads: list[bytes]) -> None:
    """Decoded Kinesis data is the bytes that were put, for any bytes."""
    event = kit.kinesis_event(payloads)
    wrapped = events_class("KinesisStreamEvent")(event)
    assert [r.kinesis.data_as_bytes() for r in wrapped.records] == payloads


def test_kinesis_json_ids_and_keys_read_back() -> None:
    """JSON payloads, event ids, sequence numbers and partition keys read back."""
    event = kit.kinesis_event([{"a": 1}, {"b": 2}], partition_key=["p1", "p2"])
    records = events_class("KinesisStreamEvent")(event).records
    assert [r.kinesis.data_as_json() for r in records] == [{"a": 1}, {"b": 2}]
    assert [r.kinesis.partition_key for r in records] == ["p1", "p2"]
    for record, raw in zip(records, event["Records"]):
        assert record.event_id == raw["eventID"]
        assert record.event_id.endswith(":" + record.kinesis.sequence_number)


# --- DynamoDB Streams ----------------------------------------------------------------------

dynamo_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.text(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.decimals(allow_nan=False, allow_infinity=False, places=4, max_value=10**20),
        st.binary(min_size=1),
        st.frozensets(st.text(), min_size=1, max_size=3),
        st.frozensets(st.integers(min_value=-(10**9), max_value=10**9), min_size=1, max_size=3),
        st.frozensets(st.binary(min_size=1), min_size=1, max_size=3),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(), inner, max_size=3)
    ),
    max_leaves=8,
)


def _as_read(value: Any) -> Any:
    """What a deserialised image holds for a Python value: numbers as Decimal, sets as sets."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if isinstance(value, (set, frozenset)):
        return {_as_read(v) for v in value}
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_read(v) for v in value]
    return value


@settings(deadline=None, max_examples=50)
@given(st.dictionaries(st.text(min_size=1), dynamo_values, min_size=1, max_size=4))
def test_dynamodb_images_deserialise_to_the_original_values(item: dict[str, Any]) -> None:
    """New and old images deserialise back to the Python values they were built from."""
    event = kit.dynamodb_stream_event(
        [{"event_name": "MODIFY", "new_image": item, "old_image": item}]
    )
    change = events_class("DynamoDBStreamEvent")(event).records[0].dynamodb
    assert change.new_image == _as_read(item)
    assert change.old_image == _as_read(item)
    first = next(iter(item))
    assert change.keys == {first: _as_read(item[first])}


def test_dynamodb_record_fields_read_back() -> None:
    """Event name, id, sequence number, view type and size read back as built."""
    event = kit.dynamodb_stream_event(
        [{"event_name": "REMOVE", "keys": {"id": 1}, "old_image": {"id": 1, "n": 2.5}}],
        stream_view_type="OLD_IMAGE",
    )
    raw = event["Records"][0]
    record = events_class("DynamoDBStreamEvent")(event).records[0]
    assert record.event_name == "REMOVE"
    assert record.event_id == raw["eventID"]
    assert record.dynamodb.keys == {"id": Decimal(1)}
    assert record.dynamodb.old_image == {"id": Decimal(1), "n": Decimal("2.5")}
    assert record.dynamodb.new_image is None
    assert record.dynamodb.stream_view_type == "OLD_IMAGE"
    assert record.dynamodb.sequence_number == raw["dynamodb"]["SequenceNumber"]
    assert record.dynamodb.size_bytes == raw["dynamodb"]["SizeBytes"]


def test_registry_events_wrap_without_errors() -> None:
    """The CLI's default SQS, Kinesis and DynamoDB events read back through their classes."""
    assert events_class("SQSEvent")(kit.build_event("sqs-fifo")).records[1].json_body
    kinesis = events_class("KinesisStreamEvent")(kit.build_event("kinesis"))
    assert kinesis.records[0].kinesis.data_as_json()["order_id"] == "1234"
    dynamo = events_class("DynamoDBStreamEvent")(kit.build_event("dynamodb"))
    assert dynamo.records[1].dynamodb.new_image["status"] == "PAID"
    assert base64.b64decode(kit.build_event("kinesis")["Records"][0]["kinesis"]["data"])
