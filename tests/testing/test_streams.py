"""Kinesis and CloudWatch Logs builders: encodings round-trip, sequences increase."""

from __future__ import annotations

import base64
import gzip
import json
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit import ConfigError
from powerkit.testing import cloudwatch_logs_event, kinesis_event

payloads = st.one_of(st.binary(), st.text(), st.dictionaries(st.text(), st.integers()))


def _expected_bytes(data: Any) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode()
    return json.dumps(data, separators=(",", ":")).encode()


@settings(deadline=None, max_examples=50)
@given(st.lists(payloads, min_size=1, max_size=5))
def test_kinesis_data_round_trips_through_base64(records: list[Any]) -> None:
    """``kinesis.data`` decodes to the payload's bytes (text as UTF-8, other values as JSON)."""
    event = kinesis_event(records)
    decoded = [base64.b64decode(r["kinesis"]["data"]) for r in event["Records"]]
    assert decoded == [_expected_bytes(data) for data in records]


def test_kinesis_sequence_numbers_increase_and_event_ids_embed_them() -> None:
    """56-digit sequence numbers grow; ``eventID`` is ``shardId-<12 digits>:<sequence>``."""
    event = kinesis_event([b"a", b"b", b"c"], shard_id=6)
    sequences = [r["kinesis"]["sequenceNumber"] for r in event["Records"]]
    assert [int(s) for s in sequences] == sorted(int(s) for s in sequences)
    assert len(set(sequences)) == 3
    assert all(len(s) == 56 for s in sequences)
    for record, sequence in zip(event["Records"], sequences):
        assert record["eventID"] == f"shardId-000000000006:{sequence}"


def test_kinesis_arns_partition_keys_and_arrival_times() -> None:
    """Stream and role ARNs share the account; keys per record; arrival times ordered, now."""
    before = time.time()
    event = kinesis_event(
        ["a", "b"], partition_key=["k1", "k2"], stream_name="s", account_id="111122223333"
    )
    first, second = event["Records"]
    assert first["eventSourceARN"] == "arn:aws:kinesis:us-east-1:111122223333:stream/s"
    assert first["invokeIdentityArn"].startswith("arn:aws:iam::111122223333:role/")
    assert [first["kinesis"]["partitionKey"], second["kinesis"]["partitionKey"]] == ["k1", "k2"]
    arrivals = [r["kinesis"]["approximateArrivalTimestamp"] for r in event["Records"]]
    assert before - 0.01 <= arrivals[0] < arrivals[1] <= time.time() + 0.01


def test_kinesis_sequences_differ_between_calls() -> None:
    """Two calls do not reuse sequence numbers (event ids stay unique across events)."""
    ids = {kinesis_event([b"x"])["Records"][0]["eventID"] for _ in range(20)}
    assert len(ids) == 20


def _decode_logs(event: dict[str, Any]) -> dict[str, Any]:
    return json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))


@settings(deadline=None, max_examples=50)
@given(st.lists(st.text(), min_size=1, max_size=5))
def test_cloudwatch_logs_round_trip_through_gzip_and_base64(messages: list[str]) -> None:
    """``awslogs.data`` decompresses to the log events, in order, with increasing times."""
    payload = _decode_logs(cloudwatch_logs_event(messages))
    assert [e["message"] for e in payload["logEvents"]] == messages
    stamps = [e["timestamp"] for e in payload["logEvents"]]
    assert stamps == sorted(stamps)
    assert len({e["id"] for e in payload["logEvents"]}) == len(messages)


def test_cloudwatch_logs_metadata_and_explicit_fields() -> None:
    """Group, stream, filter and owner are as given; explicit timestamps and ids are kept."""
    payload = _decode_logs(
        cloudwatch_logs_event(
            [{"message": "m", "timestamp": 1440442987000, "id": "eventId1"}],
            log_group="g",
            log_stream="s",
            filter_name="f",
            account_id="111122223333",
        )
    )
    assert payload["messageType"] == "DATA_MESSAGE"
    assert (payload["logGroup"], payload["logStream"], payload["owner"]) == (
        "g",
        "s",
        "111122223333",
    )
    assert payload["subscriptionFilters"] == ["f"]
    assert payload["logEvents"] == [{"id": "eventId1", "timestamp": 1440442987000, "message": "m"}]


def test_cloudwatch_log_event_without_message_is_rejected() -> None:
    """A mapping log event needs a ``message``; the error says what to pass."""
    with pytest.raises(ConfigError, match="has no 'message'"):
        cloudwatch_logs_event([{"timestamp": 1}])
