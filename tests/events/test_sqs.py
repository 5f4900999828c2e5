"""SQS records: attributes, message attributes, queue URL."""

from __future__ import annotations

import pytest

from powerkit.events import EventDecodeError, EventFieldError, SQSEvent, SQSRecord


def _record(**overrides: object) -> SQSRecord:
    raw: dict[str, object] = {
        "messageId": "m",
        "body": "b",
        "eventSourceARN": "arn:aws:sqs:eu-west-1:111122223333:orders.fifo",
        "attributes": {
            "ApproximateReceiveCount": "3",
            "SentTimestamp": "1545082649183",
            "MessageGroupId": "g1",
            "MessageDeduplicationId": "d1",
            "SequenceNumber": "18849496460467696128",
        },
        "messageAttributes": {
            "kind": {"stringValue": "order", "dataType": "String"},
            "blob": {"binaryValue": "aGk=", "dataType": "Binary"},
        },
    }
    raw.update(overrides)
    return SQSRecord(raw)  # type: ignore[arg-type]


def test_fifo_attributes_are_read() -> None:
    """FIFO attributes are exposed; the receive count is an int."""
    attributes = _record().attributes
    assert attributes.approximate_receive_count == 3
    assert attributes.message_group_id == "g1"
    assert attributes.message_deduplication_id == "d1"
    assert attributes.sequence_number == "18849496460467696128"
    assert _record().is_fifo


def test_queue_url_is_derived_from_the_arn() -> None:
    """The queue URL is built from region, account and queue name of the ARN."""
    assert _record().queue_url == "https://sqs.eu-west-1.amazonaws.com/111122223333/orders.fifo"


def test_queue_url_in_china_uses_the_cn_domain() -> None:
    """aws-cn queues get the amazonaws.com.cn domain."""
    record = _record(eventSourceARN="arn:aws-cn:sqs:cn-north-1:111122223333:q")
    assert record.queue_url == "https://sqs.cn-north-1.amazonaws.com.cn/111122223333/q"


def test_queue_url_of_a_malformed_arn_is_a_decode_error() -> None:
    """An ARN that names no queue raises EventDecodeError naming eventSourceARN."""
    with pytest.raises(EventDecodeError, match="eventSourceARN"):
        _ = _record(eventSourceARN="nope").queue_url


def test_message_attributes_by_name() -> None:
    """Message attributes are looked up by name, with string and binary values."""
    attributes = _record().message_attributes
    assert sorted(attributes) == ["blob", "kind"]
    assert len(attributes) == 2
    assert attributes["kind"].string_value == "order"
    assert attributes.get_string("kind") == "order"
    assert attributes["blob"].binary_value_as_bytes() == b"hi"
    assert attributes["kind"].binary_value_as_bytes() is None
    assert attributes.get("missing") is None
    assert attributes.get_string("missing") is None


def test_unknown_message_attribute_is_a_field_error() -> None:
    """attributes["name"] for an absent attribute names its path."""
    with pytest.raises(EventFieldError, match=r"messageAttributes\.nope"):
        _record().message_attributes["nope"]


def test_absent_message_attributes_read_as_empty() -> None:
    """A record without messageAttributes has no message attributes, not an error."""
    assert len(SQSRecord({}).message_attributes) == 0


def test_invalid_binary_attribute_is_a_decode_error() -> None:
    """A Binary attribute that is not base64 raises EventDecodeError."""
    record = _record(messageAttributes={"x": {"binaryValue": "!!", "dataType": "Binary"}})
    with pytest.raises(EventDecodeError, match="base64"):
        record.message_attributes["x"].binary_value_as_bytes()


def test_records_keep_delivery_order() -> None:
    """event.records follows the order of Records."""
    event = SQSEvent({"Records": [{"messageId": str(i)} for i in range(5)]})
    assert [r.message_id for r in event.records] == ["0", "1", "2", "3", "4"]
