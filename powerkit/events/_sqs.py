"""Amazon SQS: the event a queue's event source mapping sends, one record per message."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from powerkit.events._base import DictWrapper, cached

if TYPE_CHECKING:
    from powerkit.events._s3 import S3Event
    from powerkit.events._sns import SNSMessage

from powerkit.events._fields import nested, optional, required, required_int


class _SQSWrapper(DictWrapper):
    __slots__ = ()
    _source = "SQS"


class SQSRecordAttributes(_SQSWrapper):
    """System attributes of a message (``Records[].attributes``); numbers are ints."""

    __slots__ = ()

    approximate_receive_count = required_int(
        "ApproximateReceiveCount",
        "How many times the message was received (``ApproximateReceiveCount``).",
    )

    sent_timestamp = required_int(
        "SentTimestamp", "When the message was sent, epoch milliseconds (``SentTimestamp``)."
    )

    approximate_first_receive_timestamp = required_int(
        "ApproximateFirstReceiveTimestamp",
        "When the message was first received, epoch ms (``ApproximateFirstReceiveTimestamp``).",
    )

    sender_id = required(
        "SenderId", str, "The IAM principal (or AWS account) that sent the message (``SenderId``)."
    )

    sequence_number = optional(
        "SequenceNumber",
        str,
        "FIFO queues only: the message's sequence number (``SequenceNumber``).",
    )

    message_group_id = optional(
        "MessageGroupId", str, "FIFO queues only: the message group (``MessageGroupId``)."
    )

    message_deduplication_id = optional(
        "MessageDeduplicationId",
        str,
        "FIFO queues only: the deduplication token (``MessageDeduplicationId``).",
    )

    dead_letter_queue_source_arn = optional(
        "DeadLetterQueueSourceArn",
        str,
        "For messages moved to a DLQ: the source queue ARN (``DeadLetterQueueSourceArn``).",
    )

    aws_trace_header = optional(
        "AWSTraceHeader",
        str,
        "The X-Ray trace header propagated with the message (``AWSTraceHeader``).",
    )


class SQSMessageAttribute(_SQSWrapper):
    """One user message attribute (``Records[].messageAttributes.<name>``)."""

    __slots__ = ()

    data_type = required(
        "dataType",
        str,
        "``String``, ``Number`` or ``Binary``, optionally with a custom suffix (``dataType``).",
    )

    string_value = optional(
        "stringValue", str, "The value of a String or Number attribute (``stringValue``)."
    )

    @property
    def binary_value(self) -> str | None:
        """The base64 value of a Binary attribute, as sent (``binaryValue``).

        Use `binary_value_as_bytes` for the decoded bytes.
        """
        return self._opt_str("binaryValue")

    @property
    def string_list_values(self) -> list[str]:
        """Reserved by SQS; empty unless set (``stringListValues``)."""
        value: list[str] = self._data.get("stringListValues") or []
        return value

    @property
    def binary_list_values(self) -> list[str]:
        """Reserved by SQS; empty unless set (``binaryListValues``)."""
        value: list[str] = self._data.get("binaryListValues") or []
        return value

    def binary_value_as_bytes(self) -> bytes | None:
        """The decoded bytes of a Binary attribute, or None for other types."""
        value = self._data.get("binaryValue")
        return None if value is None else self._b64(value, "binaryValue")


class SQSMessageAttributes(_SQSWrapper):
    """User message attributes by name (``Records[].messageAttributes``).

    ``attributes["name"]`` is an `SQSMessageAttribute`; ``get(name)`` returns None
    when the attribute is absent; iterating yields the names.
    """

    __slots__ = ()

    def __getitem__(self, name: str) -> SQSMessageAttribute:
        try:
            return SQSMessageAttribute(self._data[name], self._child(name))
        except KeyError:
            raise self._missing(name) from None

    def get(self, name: str) -> SQSMessageAttribute | None:
        """The attribute called ``name``, or None when the message does not have it."""
        value = self._data.get(name)
        return None if value is None else SQSMessageAttribute(value, self._child(name))

    def get_string(self, name: str) -> str | None:
        """The string value of the attribute called ``name``, or None."""
        value = self._data.get(name)
        return None if value is None else value.get("stringValue")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class SQSRecord(_SQSWrapper):
    """One SQS message (``Records[]``)."""

    __slots__ = ()
    _id_key = "messageId"

    message_id = required("messageId", str, "The message id assigned by SQS (``messageId``).")

    receipt_handle = required(
        "receiptHandle",
        str,
        "The handle used to delete the message or change its visibility (``receiptHandle``).",
    )

    body = required("body", str, "The message body as sent (``body``).")

    @cached
    def json_body(self) -> Any:
        """The body parsed as JSON (cached); `EventDecodeError` if it is not JSON."""
        return self._json(self._data.get("body"), "body")

    attributes = nested(
        "attributes",
        SQSRecordAttributes,
        "System attributes: receive count, timestamps, FIFO group (``attributes``).",
    )

    @property
    def message_attributes(self) -> SQSMessageAttributes:
        """User message attributes by name (``messageAttributes``; empty when absent)."""
        return SQSMessageAttributes(
            self._data.get("messageAttributes") or {}, self._child("messageAttributes")
        )

    md5_of_body = required("md5OfBody", str, "MD5 hex digest of the body (``md5OfBody``).")

    md5_of_message_attributes = optional(
        "md5OfMessageAttributes",
        str,
        "MD5 hex digest of the message attributes, when any (``md5OfMessageAttributes``).",
    )

    event_source = required("eventSource", str, "Always ``aws:sqs`` (``eventSource``).")

    event_source_arn = required("eventSourceARN", str, "The queue ARN (``eventSourceARN``).")

    aws_region = required("awsRegion", str, "The queue's region (``awsRegion``).")

    @property
    def queue_url(self) -> str:
        """The queue URL, derived from ``eventSourceARN`` (``https://sqs.<region>...``)."""
        arn = self.event_source_arn
        parts = arn.split(":")
        if len(parts) != 6:
            raise self._decode_error("queue ARN", f"{arn!r} names no queue", "eventSourceARN")
        partition, region, account, name = parts[1], parts[3], parts[4], parts[5]
        domain = "amazonaws.com.cn" if partition == "aws-cn" else "amazonaws.com"
        return f"https://sqs.{region}.{domain}/{account}/{name}"

    @property
    def sns_message(self) -> SNSMessage:
        """The SNS notification in the body (SNS to SQS without raw message delivery).

        Raises:
            EventDecodeError: the body is not JSON.
        """
        from powerkit.events._sns import SNSMessage  # loaded only by users of nesting

        return SNSMessage(self.json_body, self._child("body"))

    @property
    def s3_event(self) -> S3Event:
        """The S3 event notification in the body (S3 notifications sent to SQS)."""
        from powerkit.events._s3 import S3Event

        return S3Event(self.json_body, self._child("body"))

    @property
    def is_fifo(self) -> bool:
        """True when the message comes from a FIFO queue (its ARN ends in ``.fifo``)."""
        return self.event_source_arn.endswith(".fifo")


class SQSEvent(_SQSWrapper):
    """The event an SQS event source mapping sends: a batch of messages.

    Examples:
        >>> event = SQSEvent({"Records": [{"messageId": "m1", "body": "hi"}]})
        >>> [record.body for record in event.records]
        ['hi']
    """

    __slots__ = ()

    @cached
    def records(self) -> list[SQSRecord]:
        """The messages, in the order SQS delivered them (``Records``)."""
        return self._wrap_list(SQSRecord, "Records")
