"""CloudWatch Logs decoding and the Firehose response builder."""

from __future__ import annotations

import base64
import gzip
import json
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit import ConfigError
from powerkit.events import CloudWatchLogsEvent, EventDecodeError, KinesisFirehoseResponse


def _event(payload: bytes) -> CloudWatchLogsEvent:
    return CloudWatchLogsEvent({"awslogs": {"data": base64.b64encode(payload).decode()}})


def _payload(messages: list[str]) -> dict[str, object]:
    return {
        "messageType": "DATA_MESSAGE",
        "owner": "1",
        "logGroup": "g",
        "logStream": "s",
        "subscriptionFilters": ["f"],
        "logEvents": [{"id": str(i), "timestamp": i, "message": m} for i, m in enumerate(messages)],
    }


@given(st.lists(st.text()), st.booleans())
def test_gzip_and_zlib_payloads_decode(messages: list[str], use_gzip: bool) -> None:
    """Log lines come back exactly, whether the payload is gzip or zlib compressed."""
    raw = json.dumps(_payload(messages)).encode()
    event = _event(gzip.compress(raw) if use_gzip else zlib.compress(raw))
    assert [e.message for e in event.decoded_data.log_events] == messages


def test_payload_that_is_not_compressed_is_a_decode_error() -> None:
    """Uncompressed data raises EventDecodeError naming awslogs.data."""
    with pytest.raises(EventDecodeError, match=r"awslogs\.data"):
        _ = _event(b"plain").decoded_data


def test_compressed_non_json_is_a_decode_error() -> None:
    """Compressed text that is not JSON raises EventDecodeError."""
    with pytest.raises(EventDecodeError, match="JSON"):
        _ = _event(gzip.compress(b"not json")).decoded_data


def test_firehose_response_encodes_data() -> None:
    """Data is base64-encoded from bytes, text or JSON-serialisable values."""
    response = KinesisFirehoseResponse()
    response.add("a", "Ok", data=b"\x00\x01")
    response.add("b", "Ok", data="text", partition_keys={"k": "v"})
    response.add("c", "Ok", data=[1, 2])
    response.add("d", "Dropped")
    records = response.asdict()["records"]
    assert [base64.b64decode(r["data"]) for r in records[:3]] == [b"\x00\x01", b"text", b"[1, 2]"]
    assert records[1]["metadata"] == {"partitionKeys": {"k": "v"}}
    assert records[3] == {"recordId": "d", "result": "Dropped"}


@pytest.mark.parametrize(("result", "data"), [("OK", b"x"), ("Ok", None)])
def test_firehose_response_rejects_bad_results(result: str, data: bytes | None) -> None:
    """An unknown result, or Ok without data, is a ConfigError."""
    with pytest.raises(ConfigError):
        KinesisFirehoseResponse().add("r", result, data=data)
