"""Per-source strategy: how to identify, wrap and parse one record, and whether order matters.

The processing loop is written once; everything that differs between SQS, Kinesis Data
Streams and DynamoDB Streams is a `Source`. Identifiers are read from the raw dict
(cheap, and available even when wrapping or parsing the record fails).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from enum import Enum
from typing import Any

from powerkit.batch._errors import BatchEventError

RawRecord = dict[str, Any]


class EventType(str, Enum):
    """The event sources whose batches Lambda accepts partial responses for."""

    SQS = "SQS"
    KinesisDataStreams = "KinesisDataStreams"
    DynamoDBStreams = "DynamoDBStreams"


class Source:
    """What the processing loop needs to know about one event source.

    Attributes:
        event_type: the source.
        id_field: where the identifier sits, for messages (``messageId``, ...).
        record_id: the identifier of a raw record (KeyError/TypeError when absent; not
            checked further: `checked_id` is applied to the identifiers reported).
        wrap: the typed record (a `powerkit.events` data class) over a raw record.
        payload: what ``model=`` validates: JSON text/bytes (``payload_is_json``) or a value.
        payload_is_json: True when ``payload`` returns JSON to parse, False for a Python value.
        ordered: records must be handled in order (streams: checkpoint semantics).
    """

    __slots__ = (
        "event_type",
        "id_field",
        "ordered",
        "payload",
        "payload_is_json",
        "record_id",
        "wrap",
    )

    def __init__(
        self,
        event_type: EventType,
        id_field: str,
        record_id: Callable[[RawRecord], Any],
        wrap: Callable[[RawRecord], Any],
        payload: Callable[[Any], Any],
        payload_is_json: bool,
        ordered: bool,
    ) -> None:
        self.event_type = event_type
        self.id_field = id_field
        self.record_id = record_id
        self.wrap = wrap
        self.payload = payload
        self.payload_is_json = payload_is_json
        self.ordered = ordered


def _kinesis_id(raw: RawRecord) -> Any:
    return raw["kinesis"]["sequenceNumber"]


def _dynamodb_id(raw: RawRecord) -> Any:
    return raw["dynamodb"]["SequenceNumber"]


def checked_id(rid: Any, field: str) -> str:
    """``rid`` if it can go in ``batchItemFailures`` (a non-empty string), else raise."""
    if type(rid) is str and rid:
        return rid
    raise BatchEventError(
        f"a record's {field} is {rid!r}, which cannot be reported in batchItemFailures (Lambda "
        "would fail the whole batch). Check that the processor's event_type matches the event "
        "source mapping that invokes this function."
    )


def missing_id(raw: Any, field: str) -> BatchEventError:
    """The error for a record without an identifier."""
    return BatchEventError(
        f"a record has no {field} (record is a {type(raw).__name__}), so it cannot be "
        "reported in batchItemFailures. Check that the processor's event_type matches the "
        "event source mapping that invokes this function."
    )


def _sqs_payload(record: Any) -> Any:
    return record.body


def _kinesis_payload(record: Any) -> Any:
    return record.kinesis.data_as_bytes()


def _dynamodb_payload(record: Any) -> Any:
    return record.dynamodb.new_image


@functools.cache
def source_for(event_type: EventType) -> Source:
    """The strategy for ``event_type``; imports its `powerkit.events` class on first use."""
    if event_type is EventType.SQS:
        from powerkit.events import SQSRecord

        return Source(
            event_type,
            "messageId",
            operator.itemgetter("messageId"),
            SQSRecord,
            _sqs_payload,
            True,
            False,
        )
    if event_type is EventType.KinesisDataStreams:
        from powerkit.events import KinesisStreamRecord

        return Source(
            event_type,
            "kinesis.sequenceNumber",
            _kinesis_id,
            KinesisStreamRecord,
            _kinesis_payload,
            True,
            True,
        )
    from powerkit.events import DynamoDBRecord

    return Source(
        event_type,
        "dynamodb.SequenceNumber",
        _dynamodb_id,
        DynamoDBRecord,
        _dynamodb_payload,
        False,
        True,
    )
