"""Kinesis Data Streams and CloudWatch Logs subscription events."""

from __future__ import annotations

import gzip
import json
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from powerkit._errors import ConfigError
from powerkit.testing._builders._common import (
    DEFAULT_ACCOUNT,
    DEFAULT_REGION,
    Event,
    arn,
    b64,
    epoch_ms,
    now,
    per_item,
)

KinesisData = bytes | str | Mapping[str, Any] | Sequence[Any]
"""A Kinesis record payload: raw bytes, text (UTF-8), or a JSON-serialisable value."""


def _payload(data: Any) -> bytes:
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        return data.encode("utf-8")
    try:
        return json.dumps(data, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"Kinesis data {data!r} is not bytes, text or JSON-serialisable ({exc})."
        ) from None


def kinesis_event(
    records: Sequence[KinesisData] = (b"Hello, this is a test.",),
    *,
    partition_key: str | Sequence[str] = "1",
    stream_name: str = "my-stream",
    shard_id: int = 0,
    role_name: str = "lambda-role",
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """A Kinesis Data Streams event, one record per payload, all from one shard.

    Args:
        records: payloads; bytes as they are, text as UTF-8, anything else JSON-encoded,
            then base64-encoded into ``kinesis.data``.
        partition_key: shared or one per record.
        stream_name: the stream (ARN uses ``region`` and ``account_id``).
        shard_id: shard number (``shardId-000000000000``).
        role_name: the function's execution role (``invokeIdentityArn``).
        region: stream region.
        account_id: stream owner's account.
        timestamp: arrival time of the first record, epoch seconds (default: now).
    """
    count = len(records)
    keys = per_item(partition_key, count, name="partition_key")
    stream_arn = arn("kinesis", region, account_id, f"stream/{stream_name}")
    shard = f"shardId-{shard_id:012d}"
    # 56-digit sequence numbers that only grow within a shard.
    sequence = 49_590 * 10**51 + secrets.randbits(150)
    arrival = now(timestamp)
    result = []
    for index, data in enumerate(records):
        number = str(sequence + index * (1 << 80))
        result.append(
            {
                "kinesis": {
                    "kinesisSchemaVersion": "1.0",
                    "partitionKey": keys[index] or "1",
                    "sequenceNumber": number,
                    "data": b64(_payload(data)),
                    "approximateArrivalTimestamp": epoch_ms(arrival + index / 1000) / 1000,
                },
                "eventSource": "aws:kinesis",
                "eventVersion": "1.0",
                "eventID": f"{shard}:{number}",
                "eventName": "aws:kinesis:record",
                "invokeIdentityArn": f"arn:aws:iam::{account_id}:role/{role_name}",
                "awsRegion": region,
                "eventSourceARN": stream_arn,
            }
        )
    return {"Records": result}


def cloudwatch_logs_payload(
    log_events: Sequence[str | Mapping[str, Any]],
    *,
    log_group: str,
    log_stream: str,
    filter_name: str,
    account_id: str,
    timestamp: float,
) -> dict[str, Any]:
    """The decoded ``awslogs.data`` document (before gzip and base64)."""
    start = epoch_ms(timestamp)
    # Log event ids are 56-digit numbers.
    base_id = 35_683 * 10**51 + secrets.randbits(150)
    entries = []
    for index, entry in enumerate(log_events):
        fields = {"message": entry} if isinstance(entry, str) else dict(entry)
        if "message" not in fields:
            raise ConfigError(
                f"log event {entry!r} has no 'message': pass a string or a mapping with "
                "'message' (and optionally 'timestamp' in epoch ms and 'id')."
            )
        entries.append(
            {
                "id": str(fields.get("id", base_id + index)),
                "timestamp": int(fields.get("timestamp", start + index)),
                "message": str(fields["message"]),
            }
        )
    return {
        "messageType": "DATA_MESSAGE",
        "owner": account_id,
        "logGroup": log_group,
        "logStream": log_stream,
        "subscriptionFilters": [filter_name],
        "logEvents": entries,
    }


def cloudwatch_logs_event(
    log_events: Sequence[str | Mapping[str, Any]] = ("[INFO] hello",),
    *,
    log_group: str = "/aws/lambda/my-function",
    log_stream: str = "2024/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
    filter_name: str = "my-filter",
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """A CloudWatch Logs subscription event: the batch gzip-compressed, then base64-encoded.

    Args:
        log_events: messages, or mappings with ``message`` and optionally ``timestamp``
            (epoch ms) and ``id``.
        log_group: source log group.
        log_stream: source log stream.
        filter_name: the subscription filter that matched.
        account_id: the log group owner's account.
        timestamp: time of the first log event, epoch seconds (default: now); later ones
            follow a millisecond apart.
    """
    payload = cloudwatch_logs_payload(
        log_events,
        log_group=log_group,
        log_stream=log_stream,
        filter_name=filter_name,
        account_id=account_id,
        timestamp=now(timestamp),
    )
    compressed = gzip.compress(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
    return {"awslogs": {"data": b64(compressed)}}
