"""Amazon Data Firehose (Kinesis Firehose) data transformation: event and response."""

from __future__ import annotations

import base64
import json
from typing import Any

from powerkit._errors import ConfigError
from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import optional, optional_nested, required

_RESULTS = ("Ok", "Dropped", "ProcessingFailed")


class _FirehoseWrapper(DictWrapper):
    __slots__ = ()
    _source = "Firehose"


class KinesisFirehoseRecordMetadata(_FirehoseWrapper):
    """Where a record came from, when the source is a Kinesis stream."""

    __slots__ = ()
    shard_id = required("shardId", str, "The source shard.")
    partition_key = required("partitionKey", str, "The record's partition key.")
    sequence_number = required("sequenceNumber", str, "The record's sequence number.")
    subsequence_number = optional("subsequenceNumber", int, "Sub-sequence (aggregation).")
    approximate_arrival_timestamp = required(
        "approximateArrivalTimestamp", int, "Arrival in the stream, epoch ms."
    )


class KinesisFirehoseRecord(_FirehoseWrapper):
    """One record to transform (``records[]``)."""

    __slots__ = ()
    _id_key = "recordId"
    record_id = required("recordId", str, "The id to echo in the response.")
    data = required("data", str, "The payload as base64, as delivered.")
    approximate_arrival_timestamp = required(
        "approximateArrivalTimestamp", int, "Arrival in Firehose, epoch ms."
    )
    metadata = optional_nested(
        "kinesisRecordMetadata", KinesisFirehoseRecordMetadata, "Kinesis source details."
    )

    @cached
    def _bytes(self) -> bytes:
        return self._b64(self._str("data"), "data")

    def data_as_bytes(self) -> bytes:
        """The decoded payload (cached)."""
        return self._bytes

    def data_as_text(self) -> str:
        """The decoded payload as UTF-8 text."""
        return self._utf8(self._bytes, "data")

    def data_as_json(self) -> Any:
        """The decoded payload parsed as JSON; `EventDecodeError` if it is not JSON."""
        return self._json(self._bytes, "data")


class KinesisFirehoseEvent(_FirehoseWrapper):
    """The event a Firehose delivery stream sends to its transformation function."""

    __slots__ = ()
    invocation_id = required("invocationId", str, "The invocation id.")
    delivery_stream_arn = required("deliveryStreamArn", str, "The delivery stream's ARN.")
    region = required("region", str, "The delivery stream's region.")
    source_kinesis_stream_arn = optional(
        "sourceKinesisStreamArn", str, "The source stream, when the source is Kinesis."
    )

    @cached
    def records(self) -> list[KinesisFirehoseRecord]:
        """The records to transform (``records``)."""
        return self._wrap_list(KinesisFirehoseRecord, "records")


class KinesisFirehoseResponse:
    """Build the response of a Firehose transformation function.

    Every input record must appear once, with ``Ok`` (and the new data), ``Dropped`` or
    ``ProcessingFailed``.

    Examples:
        >>> response = KinesisFirehoseResponse()
        >>> response.add("record1", "Ok", data={"n": 1})
        >>> response.asdict()["records"][0]["data"]
        'eyJuIjogMX0='
    """

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def add(
        self,
        record_id: str,
        result: str = "Ok",
        data: bytes | str | dict[str, Any] | list[Any] | None = None,
        partition_keys: dict[str, str] | None = None,
    ) -> None:
        """Add the outcome of one record.

        Args:
            record_id: the input record's ``record_id``.
            result: ``Ok``, ``Dropped`` or ``ProcessingFailed``.
            data: the transformed payload: bytes, text, or a JSON-serialisable dict/list
                (encoded as JSON). Required for ``Ok``.
            partition_keys: keys for dynamic partitioning, when enabled.
        """
        if result not in _RESULTS:
            raise ConfigError(f"Firehose result {result!r} is not one of {_RESULTS}")
        if result == "Ok" and data is None:
            raise ConfigError(f"record {record_id!r} is Ok but has no data; pass data=...")
        entry: dict[str, Any] = {"recordId": record_id, "result": result}
        if data is not None:
            if isinstance(data, dict | list):
                data = json.dumps(data)
            raw = data.encode() if isinstance(data, str) else data
            entry["data"] = base64.b64encode(raw).decode()
        if partition_keys is not None:
            entry["metadata"] = {"partitionKeys": partition_keys}
        self.records.append(entry)

    def asdict(self) -> dict[str, Any]:
        """The response to return from the handler."""
        return {"records": list(self.records)}
