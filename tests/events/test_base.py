"""The wrapper base: no copying, raw access, error paths, caching."""

from __future__ import annotations

import pytest

from powerkit import PowerkitError
from powerkit.events import (
    DictWrapper,
    EventDecodeError,
    EventFieldError,
    EventSourceError,
    SQSEvent,
    SQSRecord,
)


def test_raw_event_is_the_dict_passed_in() -> None:
    """raw_event returns the original dict object, not a copy."""
    raw = {"Records": []}
    assert SQSEvent(raw).raw_event is raw


def test_item_access_reads_the_raw_dict() -> None:
    """wrapper["key"] and `in` read the raw dict directly."""
    record = SQSRecord({"body": "b"})
    assert record["body"] == "b"
    assert "body" in record
    assert "messageId" not in record


def test_properties_read_the_dict_on_access() -> None:
    """A plain property sees a change made to the raw dict after wrapping."""
    raw = {"body": "before"}
    record = SQSRecord(raw)
    raw["body"] = "after"
    assert record.body == "after"


def test_missing_required_field_names_path_and_source() -> None:
    """A missing required field raises EventFieldError with the full path and the source."""
    event = SQSEvent({"Records": [{"messageId": "a"}, {"attributes": {}}]})
    with pytest.raises(EventFieldError) as info:
        _ = event.records[1].attributes.approximate_receive_count
    error = info.value
    assert error.path == "Records[1].attributes.ApproximateReceiveCount"
    assert error.source == "SQS"
    assert "Records[1].attributes.ApproximateReceiveCount" in str(error)
    assert "SQSRecordAttributes" in str(error)


def test_missing_field_error_is_a_keyerror_and_powerkit_error() -> None:
    """Callers catching KeyError or PowerkitError both catch a missing field."""
    assert issubclass(EventFieldError, KeyError)
    assert issubclass(EventFieldError, EventSourceError)
    assert issubclass(EventSourceError, PowerkitError)
    assert issubclass(EventDecodeError, ValueError)
    with pytest.raises(KeyError):
        _ = SQSRecord({}).message_id


def test_missing_records_list_names_records() -> None:
    """An event without Records says so instead of raising a bare KeyError."""
    with pytest.raises(EventFieldError, match="'Records'"):
        _ = SQSEvent({}).records


def test_non_dict_event_raises_field_error() -> None:
    """Wrapping something that is not a dict fails with a field error on first read."""
    with pytest.raises(EventFieldError):
        _ = SQSEvent(None).records  # type: ignore[arg-type]


def test_optional_field_returns_none() -> None:
    """An absent optional field reads as None."""
    assert SQSRecord({"attributes": {}}).attributes.message_group_id is None
    assert SQSRecord({}).md5_of_message_attributes is None


def test_cached_value_is_computed_once() -> None:
    """A cached derived value is the same object on every read."""
    record = SQSRecord({"messageId": "m", "body": '{"a": [1]}'})
    first = record.json_body
    assert first == {"a": [1]}
    assert record.json_body is first


def test_records_list_is_cached() -> None:
    """event.records is built once per event."""
    event = SQSEvent({"Records": [{"body": "x"}]})
    assert event.records is event.records


def test_invalid_json_body_names_the_record() -> None:
    """json_body on a non-JSON body names the field path and the record's message id."""
    event = SQSEvent({"Records": [{"messageId": "m-1", "body": "not json"}]})
    with pytest.raises(EventDecodeError) as info:
        _ = event.records[0].json_body
    assert "Records[0].body" in str(info.value)
    assert "m-1" in str(info.value)
    assert info.value.source == "SQS"


def test_equality_compares_class_and_data() -> None:
    """Two wrappers are equal when they are the same class over equal dicts."""
    assert SQSRecord({"body": "x"}) == SQSRecord({"body": "x"})
    assert SQSRecord({"body": "x"}) != SQSRecord({"body": "y"})
    assert SQSRecord({"body": "x"}) != DictWrapper({"body": "x"})


def test_repr_shows_class_and_data() -> None:
    """repr names the class and shows the raw dict."""
    assert repr(SQSRecord({"body": "x"})) == "SQSRecord({'body': 'x'})"


def test_events_are_freed_without_the_cycle_collector() -> None:
    """Records and cached children do not reference their parents: refcounting frees them."""
    import gc

    from powerkit.events import KinesisStreamEvent

    gc.collect()
    gc.disable()
    try:
        raw = {"Records": [{"kinesis": {"data": "eA==", "sequenceNumber": "1"}}]}
        event = KinesisStreamEvent(raw)
        record = event.records[0]
        assert record.kinesis.data_as_bytes() == b"x"  # populates the caches
        del event, record
        # Nothing left for the cycle collector: every wrapper was freed by refcounting.
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_error_path_names_the_kafka_partition() -> None:
    """A field missing from a Kafka record names its topic-partition and index."""
    from powerkit.events import KafkaEvent

    event = KafkaEvent({"records": {"orders-0": [{"topic": "orders"}, {"topic": "orders"}]}})
    with pytest.raises(EventFieldError) as info:
        _ = event.records[1].offset
    assert info.value.path == "records.orders-0[1].offset"
    assert info.value.source == "Kafka"
