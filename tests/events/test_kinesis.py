"""Kinesis Data Streams: decoded data, caching, errors."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit.events import EventDecodeError, KinesisStreamEvent, KinesisStreamRecord


def _record(data: bytes) -> KinesisStreamRecord:
    return KinesisStreamRecord(
        {"kinesis": {"data": base64.b64encode(data).decode(), "sequenceNumber": "49"}}
    )


@given(st.binary())
def test_data_as_bytes_round_trips_base64(data: bytes) -> None:
    """data_as_bytes returns exactly the bytes the producer put."""
    assert _record(data).kinesis.data_as_bytes() == data


@given(st.text())
def test_data_as_text_decodes_utf8(text: str) -> None:
    """data_as_text decodes the payload as UTF-8."""
    assert _record(text.encode()).kinesis.data_as_text() == text


def test_data_as_json_parses_payload() -> None:
    """data_as_json parses a JSON payload."""
    assert _record(json.dumps({"a": 1}).encode()).kinesis.data_as_json() == {"a": 1}


def test_decoded_bytes_are_cached_per_record() -> None:
    """Reading the data twice through record.kinesis decodes it once."""
    record = _record(b"x")
    assert record.kinesis is record.kinesis
    assert record.kinesis.data_as_bytes() is record.kinesis.data_as_bytes()


def test_non_json_payload_names_the_sequence_number() -> None:
    """data_as_json on a non-JSON payload names the field and the record's sequence number."""
    event = KinesisStreamEvent({"Records": [_record(b"plain").raw_event]})
    with pytest.raises(EventDecodeError) as info:
        event.records[0].kinesis.data_as_json()
    assert "Records[0].kinesis.data" in str(info.value)
    assert "'49'" in str(info.value)


def test_invalid_base64_is_a_decode_error() -> None:
    """Data that is not base64 raises EventDecodeError, not binascii.Error."""
    with pytest.raises(EventDecodeError, match="base64"):
        KinesisStreamRecord({"kinesis": {"data": "%%%"}}).kinesis.data_as_bytes()


def test_invalid_utf8_is_a_decode_error() -> None:
    """Binary data read as text raises EventDecodeError."""
    with pytest.raises(EventDecodeError, match="UTF-8"):
        _record(b"\xff\xfe").kinesis.data_as_text()


def test_plain_event_has_no_window() -> None:
    """Window fields are None outside tumbling-window invocations."""
    event = KinesisStreamEvent({"Records": []})
    assert event.window is None
    assert event.state is None
    assert event.is_final_invoke_for_window is None
