"""Amazon Kinesis Data Streams: the event a stream's event source mapping sends."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._window import TumblingWindowMixin


class _KinesisWrapper(DictWrapper):
    __slots__ = ()
    _source = "Kinesis"


class KinesisStreamRecordPayload(_KinesisWrapper):
    """The stream record itself (``Records[].kinesis``); ``data`` is base64 on the wire."""

    __slots__ = ()
    _id_key = "sequenceNumber"

    @property
    def kinesis_schema_version(self) -> str:
        """Schema version of the record (``kinesisSchemaVersion``)."""
        return self._str("kinesisSchemaVersion")

    @property
    def partition_key(self) -> str:
        """The partition key the producer used (``partitionKey``)."""
        return self._str("partitionKey")

    @property
    def sequence_number(self) -> str:
        """The record's unique sequence number within its shard (``sequenceNumber``)."""
        return self._str("sequenceNumber")

    @property
    def approximate_arrival_timestamp(self) -> float:
        """When the record arrived in the stream, epoch seconds (``approximateArrivalTimestamp``)."""
        value: float = self._req("approximateArrivalTimestamp")
        return value

    @property
    def encryption_type(self) -> str | None:
        """``KMS`` for server-side encrypted streams (``encryptionType``)."""
        return self._opt_str("encryptionType")

    @property
    def data(self) -> str:
        """The payload as base64, as delivered (``data``)."""
        return self._str("data")

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
        """The decoded payload parsed as JSON; :class:`EventDecodeError` if it is not JSON."""
        return self._json(self._bytes, "data")


class KinesisStreamRecord(_KinesisWrapper):
    """One Kinesis record (``Records[]``)."""

    __slots__ = ()

    @cached
    def kinesis(self) -> KinesisStreamRecordPayload:
        """The stream record: partition key, sequence number, data (``kinesis``)."""
        return KinesisStreamRecordPayload(self._req("kinesis"), (self, "kinesis"))

    @property
    def event_id(self) -> str:
        """``<shard id>:<sequence number>`` (``eventID``)."""
        return self._str("eventID")

    @property
    def event_name(self) -> str:
        """Always ``aws:kinesis:record`` (``eventName``)."""
        return self._str("eventName")

    @property
    def event_source(self) -> str:
        """Always ``aws:kinesis`` (``eventSource``)."""
        return self._str("eventSource")

    @property
    def event_source_arn(self) -> str:
        """The stream ARN (``eventSourceARN``)."""
        return self._str("eventSourceARN")

    @property
    def event_version(self) -> str:
        """Version of the record format (``eventVersion``)."""
        return self._str("eventVersion")

    @property
    def invoke_identity_arn(self) -> str:
        """The role the event source mapping used to read the stream (``invokeIdentityArn``)."""
        return self._str("invokeIdentityArn")

    @property
    def aws_region(self) -> str:
        """The stream's region (``awsRegion``)."""
        return self._str("awsRegion")


class KinesisStreamEvent(TumblingWindowMixin, _KinesisWrapper):
    """The event a Kinesis Data Streams event source mapping sends: a batch of records.

    Tumbling-window invocations also carry ``window``, ``state`` and ``shard_id``.
    """

    __slots__ = ()

    @cached
    def records(self) -> list[KinesisStreamRecord]:
        """The records, in shard order (``Records``)."""
        return self._wrap_list(KinesisStreamRecord, "Records")
