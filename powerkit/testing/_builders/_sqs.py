"""SQS events, including FIFO queues, with ids, timestamps and checksums that agree."""

from __future__ import annotations

import base64
import hashlib
import secrets
import struct
from collections.abc import Mapping, Sequence
from typing import Any

from powerkit.testing._builders._attributes import sqs_message_attributes
from powerkit.testing._builders._common import (
    DEFAULT_ACCOUNT,
    DEFAULT_REGION,
    Event,
    arn,
    epoch_ms,
    new_uuid,
    now,
    per_item,
    random_b64,
    text_body,
)

DEFAULT_SENDER_ID = "AIDAIENQZJOLO23YVJ4VO"


def md5_of_message_attributes(attributes: Mapping[str, Any]) -> str:
    """SQS's ``MD5OfMessageAttributes``: MD5 over the length-prefixed, name-sorted attributes."""
    digest = hashlib.md5(usedforsecurity=False)

    def put(value: bytes) -> None:
        digest.update(struct.pack(">I", len(value)) + value)

    for name in sorted(attributes):
        attr = attributes[name]
        put(name.encode("utf-8"))
        put(attr["dataType"].encode("utf-8"))
        if "binaryValue" in attr:
            digest.update(b"\x02")
            put(base64.b64decode(attr["binaryValue"]))
        else:
            digest.update(b"\x01")
            put(attr["stringValue"].encode("utf-8"))
    return digest.hexdigest()


def _receipt_handle() -> str:
    # Real handles are long opaque base64 strings that start with "AQEB".
    return "AQEB" + random_b64(120)


def sqs_record(
    body: str,
    *,
    queue_arn: str,
    region: str,
    sent_ms: int,
    message_id: str | None = None,
    receive_count: int = 1,
    message_attributes: Mapping[str, Any] | None = None,
    attributes: Mapping[str, str] | None = None,
    sender_id: str = DEFAULT_SENDER_ID,
) -> dict[str, Any]:
    """One SQS record as Lambda delivers it (``body`` already text)."""
    system: dict[str, str] = {
        "ApproximateReceiveCount": str(receive_count),
        "SentTimestamp": str(sent_ms),
        "SenderId": sender_id,
        # Lambda polls shortly after the send: a few milliseconds later.
        "ApproximateFirstReceiveTimestamp": str(sent_ms + 3),
    }
    system.update(attributes or {})
    typed_attributes = sqs_message_attributes(message_attributes)
    record: dict[str, Any] = {
        "messageId": message_id or new_uuid(),
        "receiptHandle": _receipt_handle(),
        "body": body,
        "attributes": system,
        "messageAttributes": typed_attributes,
        "md5OfBody": hashlib.md5(body.encode("utf-8"), usedforsecurity=False).hexdigest(),
    }
    if typed_attributes:
        record["md5OfMessageAttributes"] = md5_of_message_attributes(typed_attributes)
    record.update(eventSource="aws:sqs", eventSourceARN=queue_arn, awsRegion=region)
    return record


def sqs_event(
    bodies: Sequence[Any] = ("Test message.",),
    *,
    fifo: bool = False,
    queue_name: str | None = None,
    message_attributes: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
    receive_count: int | Sequence[int] = 1,
    group_ids: str | Sequence[str] | None = None,
    deduplication_ids: Sequence[str] | None = None,
    message_ids: Sequence[str] | None = None,
    attributes: Mapping[str, str] | Sequence[Mapping[str, str]] | None = None,
    sender_id: str = DEFAULT_SENDER_ID,
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """An SQS event with one record per body.

    Args:
        bodies: message bodies; strings as they are, bytes as UTF-8, anything else JSON-encoded.
        fifo: a FIFO queue: adds ``MessageGroupId``, ``MessageDeduplicationId`` (SHA-256 of the
            body, like content-based deduplication) and increasing ``SequenceNumber`` attributes,
            and appends ``.fifo`` to the queue name when missing.
        queue_name: the queue (default ``my-queue`` / ``my-queue.fifo``); the ARN uses
            ``region`` and ``account_id``.
        message_attributes: one mapping for every message or a list with one per message.
            Plain values are typed for you (str → String, numbers → Number, bytes → Binary).
        receive_count: ``ApproximateReceiveCount``, shared or one per message.
        group_ids: FIFO message group, shared or one per message (default ``"group-1"``).
        deduplication_ids: FIFO deduplication ids, one per message.
        message_ids: fixed message ids, one per message (default: fresh UUIDs).
        attributes: extra system attributes (e.g. ``AWSTraceHeader``), shared or per message.
        sender_id: ``SenderId`` attribute.
        region: AWS region of the queue.
        account_id: AWS account of the queue.
        timestamp: epoch seconds the first message was sent (default: now); each later
            message is sent one millisecond after the previous.
    """
    texts = [text_body(body, what="SQS body") for body in bodies]
    count = len(texts)
    name = queue_name or ("my-queue.fifo" if fifo else "my-queue")
    if fifo and not name.endswith(".fifo"):
        name += ".fifo"
    queue_arn = arn("sqs", region, account_id, name)
    sent = epoch_ms(now(timestamp))
    ids = per_item(
        list(message_ids) if message_ids is not None else None, count, name="message_ids"
    )
    attrs = per_item(message_attributes, count, name="message_attributes")
    counts = per_item(receive_count, count, name="receive_count")
    extras = per_item(attributes, count, name="attributes")
    groups = per_item(group_ids, count, name="group_ids")
    dedups = per_item(
        list(deduplication_ids) if deduplication_ids is not None else None,
        count,
        name="deduplication_ids",
    )
    # FIFO sequence numbers are 20-digit, strictly increasing per queue.
    sequence = 18_000_000_000_000_000_000 + secrets.randbelow(10**17) * 10
    records = []
    for index, text in enumerate(texts):
        system: dict[str, str] = dict(extras[index] or {})
        if fifo:
            system.setdefault("SequenceNumber", str(sequence + index * 256))
            system.setdefault("MessageGroupId", groups[index] or "group-1")
            system.setdefault(
                "MessageDeduplicationId",
                dedups[index] or hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        records.append(
            sqs_record(
                text,
                queue_arn=queue_arn,
                region=region,
                sent_ms=sent + index,
                message_id=ids[index],
                receive_count=counts[index] or 1,
                message_attributes=attrs[index],
                attributes=system,
                sender_id=sender_id,
            )
        )
    return {"Records": records}


def sqs_event_from_messages(
    messages: Sequence[Mapping[str, Any]],
    *,
    queue_name: str = "my-queue",
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
) -> Event:
    """The SQS event Lambda would build from messages received with the SQS API.

    Pass ``receive_message(...)["Messages"]`` (boto3, or a moto server); ids, receipt handles,
    bodies, system attributes (ask for them with ``AttributeNames=["All"]``) and message
    attributes (``MessageAttributeNames=["All"]``) are kept, so a message sent by one function
    can be handed to the next one in a test.

    Args:
        messages: messages in the SQS API's shape (``MessageId``, ``ReceiptHandle``, ``Body``,
            ``Attributes``, ``MessageAttributes``).
        queue_name: the queue they were received from (for ``eventSourceARN``).
        region: the queue's region.
        account_id: the queue's account.
    """
    queue_arn = arn("sqs", region, account_id, queue_name)
    sent = epoch_ms(now(None))
    records = []
    for message in messages:
        system = dict(message.get("Attributes") or {})
        record = sqs_record(
            message["Body"],
            queue_arn=queue_arn,
            region=region,
            sent_ms=int(system.get("SentTimestamp", sent)),
            message_id=message["MessageId"],
            receive_count=int(system.get("ApproximateReceiveCount", 1)),
            message_attributes=message.get("MessageAttributes"),
            attributes=system,
            sender_id=system.get("SenderId", DEFAULT_SENDER_ID),
        )
        if "ReceiptHandle" in message:
            record["receiptHandle"] = message["ReceiptHandle"]
        records.append(record)
    return {"Records": records}
