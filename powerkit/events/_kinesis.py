"""Amazon Kinesis Data Streams: the event a stream's event source mapping sends."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import optional, required
from powerkit.events._window import TumblingWindowMixin

if TYPE_CHECKING:
    from powerkit.events._cloudwatch import CloudWatchLogsDecodedData


class _KinesisWrapper(DictWrapper):
    __slots__ = ()
    _source = "Kinesis"


class KinesisStreamRecordPayload(_KinesisWrapper):
    """The stream record itself (``Records[].kinesis``); ``data`` is base64 on the wire."""

    __slots__ = ()
    _id_key = "sequenceNumber"

    kinesis_schema_version = required(
        "kinesisSchemaVersion", str, "Schema version of the record (``kinesisSchemaVersion``)."
    )

    partition_key = required(
        "partitionKey", str, "The partition key the producer used (``partitionKey``)."
    )

    sequence_number = required(
        "sequenceNumber",
        str,
        "The record's unique sequence number within its shard (``sequenceNumber``).",
    )

    approximate_arrival_timestamp = required(
        "approximateArrivalTimestamp",
        float,
        "When the record arrived in the stream, epoch seconds (``approximateArrivalTimestamp``).",
    )

    encryption_type = optional(
        "encryptionType", str, "``KMS`` for server-side encrypted streams (``encryptionType``)."
    )

    data = required("data", str, "The payload as base64, as delivered (``data``).")

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

    def data_as_cloudwatch_logs(self) -> CloudWatchLogsDecodedData:
        """The payload as a CloudWatch Logs subscription (gzip JSON) sent to the stream."""
        from powerkit.events._cloudwatch import (  # loaded only by users of this path
            CloudWatchLogsDecodedData,
            _decode_logs_payload,
        )

        return CloudWatchLogsDecodedData(
            _decode_logs_payload(self, self._str("data"), "data"), self._child("data")
        )


class KinesisStreamRecord(_KinesisWrapper):
    """One Kinesis record (``Records[]``)."""

    __slots__ = ()

    @cached
    def kinesis(self) -> KinesisStreamRecordPayload:
        """The stream record: partition key, sequence number, data (``kinesis``).

        The same object on every read, so its decoded data is cached per record.
        """
        return KinesisStreamRecordPayload(self._req("kinesis"), self._child("kinesis"))

    event_id = required("eventID", str, "``<shard id>:<sequence number>`` (``eventID``).")

    event_name = required("eventName", str, "Always ``aws:kinesis:record`` (``eventName``).")

    event_source = required("eventSource", str, "Always ``aws:kinesis`` (``eventSource``).")

    event_source_arn = required("eventSourceARN", str, "The stream ARN (``eventSourceARN``).")

    event_version = required(
        "eventVersion", str, "Version of the record format (``eventVersion``)."
    )

    invoke_identity_arn = required(
        "invokeIdentityArn",
        str,
        "The role the event source mapping used to read the stream (``invokeIdentityArn``).",
    )

    aws_region = required("awsRegion", str, "The stream's region (``awsRegion``).")


class KinesisStreamEvent(TumblingWindowMixin, _KinesisWrapper):
    """The event a Kinesis Data Streams event source mapping sends: a batch of records.

    Tumbling-window invocations also carry ``window``, ``state`` and ``shard_id``.
    """

    __slots__ = ()

    @cached
    def records(self) -> list[KinesisStreamRecord]:
        """The records, in shard order (``Records``)."""
        return self._wrap_list(KinesisStreamRecord, "Records")
