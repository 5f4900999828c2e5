"""SNS events, and SNS notifications delivered through an SQS subscription."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from powerkit.testing._builders._attributes import sns_message_attributes, sns_to_sqs_attributes
from powerkit.testing._builders._common import (
    DEFAULT_ACCOUNT,
    DEFAULT_REGION,
    Event,
    arn,
    epoch_ms,
    iso_ms,
    new_uuid,
    now,
    per_item,
    random_b64,
    random_hex,
    text_body,
)
from powerkit.testing._builders._sqs import sqs_record

# SNS's own principal, as SQS reports it for messages an SNS subscription delivers.
SNS_SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU"


def _cert_url(region: str) -> str:
    return f"https://sns.{region}.amazonaws.com/SimpleNotificationService-{random_hex(32)}.pem"


def _unsubscribe_url(region: str, subscription_arn: str) -> str:
    return (
        f"https://sns.{region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={subscription_arn}"
    )


def sns_event(
    messages: Sequence[Any] = ("Hello from SNS!",),
    *,
    subject: str | None = None,
    message_attributes: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
    topic_name: str = "my-topic",
    message_ids: Sequence[str] | None = None,
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """An SNS event with one record per message (Lambda receives one, but lists are allowed).

    Args:
        messages: message texts; non-strings are JSON-encoded.
        subject: the ``Subject`` (``null`` when not given, as SNS sends it).
        message_attributes: shared or one mapping per message; plain values are typed
            (str → String, numbers → Number, bytes → Binary, list → String.Array).
        topic_name: topic name; ARNs use ``region`` and ``account_id``.
        message_ids: fixed message ids (default: fresh UUIDs).
        region: AWS region of the topic.
        account_id: AWS account of the topic.
        timestamp: epoch seconds of publication (default: now).
    """
    texts = [text_body(message, what="SNS message") for message in messages]
    count = len(texts)
    topic_arn = arn("sns", region, account_id, topic_name)
    subscription_arn = f"{topic_arn}:{new_uuid()}"
    ids = per_item(
        list(message_ids) if message_ids is not None else None, count, name="message_ids"
    )
    attrs = per_item(message_attributes, count, name="message_attributes")
    published = now(timestamp)
    records = [
        {
            "EventVersion": "1.0",
            "EventSubscriptionArn": subscription_arn,
            "EventSource": "aws:sns",
            "Sns": {
                "SignatureVersion": "1",
                "Timestamp": iso_ms(published + index / 1000),
                "Signature": random_b64(256),
                "SigningCertUrl": _cert_url(region),
                "MessageId": ids[index] or new_uuid(),
                "Message": text,
                "MessageAttributes": sns_message_attributes(attrs[index]),
                "Type": "Notification",
                "UnsubscribeUrl": _unsubscribe_url(region, subscription_arn),
                "TopicArn": topic_arn,
                "Subject": subject,
            },
        }
        for index, text in enumerate(texts)
    ]
    return {"Records": records}


def _envelope(
    message: str,
    *,
    topic_arn: str,
    region: str,
    published: float,
    subject: str | None,
    attributes: dict[str, Any],
    fifo_sequence: str | None,
) -> str:
    """The JSON document SNS puts in an SQS body without raw delivery, formatted as SNS does."""
    envelope: dict[str, Any] = {
        "Type": "Notification",
        "MessageId": new_uuid(),
    }
    if fifo_sequence is not None:
        envelope["SequenceNumber"] = fifo_sequence
    envelope["TopicArn"] = topic_arn
    if subject is not None:
        envelope["Subject"] = subject
    envelope["Message"] = message
    envelope["Timestamp"] = iso_ms(published)
    if fifo_sequence is None:
        # FIFO topics do not sign the notifications they deliver to SQS.
        envelope["SignatureVersion"] = "1"
        envelope["Signature"] = random_b64(256)
        envelope["SigningCertURL"] = _cert_url(region)
    envelope["UnsubscribeURL"] = _unsubscribe_url(region, f"{topic_arn}:{new_uuid()}")
    if attributes:
        envelope["MessageAttributes"] = attributes
    # SNS writes its envelope with two-space indents and " : " between keys and values.
    return json.dumps(envelope, indent=2, separators=(",", " : "))


def sns_sqs_event(
    messages: Sequence[Any] = ('{"message": "hello world"}',),
    *,
    raw: bool = False,
    fifo: bool = False,
    subject: str | None = None,
    message_attributes: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
    topic_name: str | None = None,
    queue_name: str | None = None,
    group_id: str = "group-1",
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """An SQS event whose messages were published to SNS and delivered by a subscription.

    Args:
        messages: what was published; non-strings are JSON-encoded.
        raw: raw message delivery: the SQS body is the message itself and SNS attributes
            become SQS message attributes. Otherwise the body is SNS's JSON envelope.
        fifo: FIFO topic and queue (``.fifo`` names, sequence numbers, group id).
        subject: the SNS ``Subject`` (only in the envelope, and only when given).
        message_attributes: shared or one mapping per message (typed as for `sns_event`).
        topic_name: topic name (default ``my-topic`` / ``my-topic.fifo``).
        queue_name: queue name (default ``my-queue`` / ``my-queue.fifo``).
        group_id: FIFO message group id.
        region: AWS region of topic and queue.
        account_id: AWS account of topic and queue.
        timestamp: epoch seconds of publication (default: now).
    """
    texts = [text_body(message, what="SNS message") for message in messages]
    count = len(texts)
    suffix = ".fifo" if fifo else ""
    topic = topic_name or f"my-topic{suffix}"
    queue = queue_name or f"my-queue{suffix}"
    if fifo and not topic.endswith(".fifo"):
        topic += ".fifo"
    if fifo and not queue.endswith(".fifo"):
        queue += ".fifo"
    topic_arn = arn("sns", region, account_id, topic)
    queue_arn = arn("sqs", region, account_id, queue)
    attrs = per_item(message_attributes, count, name="message_attributes")
    published = now(timestamp)
    records = []
    for index, text in enumerate(texts):
        sns_attributes = sns_message_attributes(attrs[index])
        sns_sequence = str(10_000_000_000_000_000_000 + (index + 1) * 1000) if fifo else None
        body = (
            text
            if raw
            else _envelope(
                text,
                topic_arn=topic_arn,
                region=region,
                published=published + index / 1000,
                subject=subject,
                attributes=sns_attributes,
                fifo_sequence=sns_sequence,
            )
        )
        system: dict[str, str] = {}
        if fifo:
            system = {
                "SequenceNumber": str(18_873_177_232_222_703_872 + index * 256),
                "MessageGroupId": group_id,
                "MessageDeduplicationId": random_hex(64),
            }
        records.append(
            sqs_record(
                body,
                queue_arn=queue_arn,
                region=region,
                sent_ms=epoch_ms(published) + index + 20,
                message_attributes=sns_to_sqs_attributes(sns_attributes) if raw else None,
                attributes=system,
                sender_id=SNS_SENDER_ID,
            )
        )
    return {"Records": records}
