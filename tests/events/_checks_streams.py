"""Checkers for the stream and queue sources: SQS, Kinesis, DynamoDB Streams."""

from __future__ import annotations

import base64
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from powerkit import events


def check_sqs(event: events.SQSEvent, raw: dict[str, Any]) -> None:
    assert len(event.records) == len(raw["Records"])
    for record, item in zip(event.records, raw["Records"]):
        assert record.message_id == item["messageId"]
        assert record.receipt_handle == item["receiptHandle"]
        assert record.body == item["body"]
        assert record.event_source_arn == item["eventSourceARN"]
        assert record.attributes.approximate_receive_count == int(
            item["attributes"]["ApproximateReceiveCount"]
        )
        assert record.attributes.sent_timestamp == int(item["attributes"]["SentTimestamp"])
        assert record.attributes.message_group_id == item["attributes"].get("MessageGroupId")
        assert set(record.message_attributes) == set(item["messageAttributes"])
        for name, attribute in item["messageAttributes"].items():
            assert record.message_attributes[name].string_value == attribute.get("stringValue")
            assert record.message_attributes[name].data_type == attribute["dataType"]
        region, account, queue = item["eventSourceARN"].split(":")[3:]
        assert record.queue_url == f"https://sqs.{region}.amazonaws.com/{account}/{queue}"
        assert record.raw_event is item


def check_kinesis(event: events.KinesisStreamEvent, raw: dict[str, Any]) -> None:
    assert len(event.records) == len(raw["Records"])
    for record, item in zip(event.records, raw["Records"]):
        assert record.event_id == item["eventID"]
        assert record.kinesis.sequence_number == item["kinesis"]["sequenceNumber"]
        assert record.kinesis.partition_key == item["kinesis"]["partitionKey"]
        assert record.kinesis.data_as_bytes() == base64.b64decode(item["kinesis"]["data"])
        assert record.event_source_arn == item["eventSourceARN"]
    assert event.shard_id == raw.get("shardId")
    if "window" in raw:
        assert event.window is not None
        assert (event.window.start, event.window.end) == (
            raw["window"]["start"],
            raw["window"]["end"],
        )
        assert event.state == raw["state"]


def _plain(value: dict[str, Any]) -> Any:
    # An independent, deliberately naive reading of a typed attribute value.
    kind, raw = next(iter(value.items()))
    simple: dict[str, Callable[[Any], Any]] = {
        "S": str,
        "N": Decimal,
        "BOOL": bool,
        "NULL": lambda _: None,
        "B": base64.b64decode,
        "SS": set,
        "NS": lambda items: {Decimal(i) for i in items},
        "BS": lambda items: {base64.b64decode(i) for i in items},
        "L": lambda items: [_plain(i) for i in items],
        "M": lambda items: {k: _plain(v) for k, v in items.items()},
    }
    return simple[kind](raw)


def check_dynamodb(event: events.DynamoDBStreamEvent, raw: dict[str, Any]) -> None:
    assert len(event.records) == len(raw["Records"])
    for record, item in zip(event.records, raw["Records"]):
        change = item["dynamodb"]
        assert record.event_id == item["eventID"]
        assert record.event_name == item["eventName"]
        assert record.dynamodb.sequence_number == change["SequenceNumber"]
        assert record.dynamodb.keys == {k: _plain(v) for k, v in change["Keys"].items()}
        for prop, key in (("new_image", "NewImage"), ("old_image", "OldImage")):
            expected = {k: _plain(v) for k, v in change[key].items()} if key in change else None
            assert getattr(record.dynamodb, prop) == expected
