"""Amazon SNS: notifications delivered to Lambda, and SNS messages nested in SQS bodies."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import optional, required


class _SNSWrapper(DictWrapper):
    __slots__ = ()
    _source = "SNS"


class SNSMessageAttribute(_SNSWrapper):
    """One message attribute (``MessageAttributes.<name>``)."""

    __slots__ = ()
    type = required("Type", str, "``String``, ``Number``, ``Binary`` or ``String.Array``.")
    value = required("Value", str, "The value as sent (base64 for Binary attributes).")


class SNSMessageAttributes(_SNSWrapper):
    """Message attributes by name; ``attrs["name"]`` is an `SNSMessageAttribute`."""

    __slots__ = ()

    def __getitem__(self, name: str) -> SNSMessageAttribute:
        try:
            return SNSMessageAttribute(self._data[name], self._child(name))
        except KeyError:
            raise self._missing(name) from None

    def get(self, name: str) -> SNSMessageAttribute | None:
        """The attribute called ``name``, or None."""
        value = self._data.get(name)
        return None if value is None else SNSMessageAttribute(value, self._child(name))

    def get_value(self, name: str) -> str | None:
        """The value of the attribute called ``name``, or None."""
        value = self._data.get(name)
        return None if value is None else value.get("Value")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class SNSMessage(_SNSWrapper):
    """An SNS notification (``Records[].Sns``, or the JSON body of an SQS message).

    The two deliveries spell two URLs differently (``SigningCertUrl`` to Lambda,
    ``SigningCertURL`` in SQS bodies); the properties read either.
    """

    __slots__ = ()
    _id_key = "MessageId"

    message_id = required("MessageId", str, "The notification's id (``MessageId``).")
    message = required("Message", str, "The published message (``Message``).")
    topic_arn = required("TopicArn", str, "The topic's ARN (``TopicArn``).")
    timestamp = required("Timestamp", str, "When the message was published (ISO 8601).")
    type = required("Type", str, "Always ``Notification`` for deliveries (``Type``).")
    subject = optional("Subject", str, "The subject, when the publisher set one.")
    signature = optional("Signature", str, "Base64 signature of the notification.")
    signature_version = optional("SignatureVersion", str, "Version of the signature.")

    @property
    def signing_cert_url(self) -> str | None:
        """URL of the certificate that signed the message (``SigningCertUrl``/``URL``)."""
        value: str | None = self._data.get("SigningCertUrl") or self._data.get("SigningCertURL")
        return value

    @property
    def unsubscribe_url(self) -> str | None:
        """URL that unsubscribes the endpoint (``UnsubscribeUrl``/``URL``)."""
        value: str | None = self._data.get("UnsubscribeUrl") or self._data.get("UnsubscribeURL")
        return value

    @property
    def message_attributes(self) -> SNSMessageAttributes:
        """Message attributes by name (``MessageAttributes``; empty when absent)."""
        return SNSMessageAttributes(
            self._data.get("MessageAttributes") or {}, self._child("MessageAttributes")
        )

    @cached
    def json_message(self) -> Any:
        """The message parsed as JSON (cached); `EventDecodeError` if it is not JSON."""
        return self._json(self._data.get("Message"), "Message")

    def binary_attribute(self, name: str) -> bytes | None:
        """The decoded bytes of Binary attribute ``name``, or None when absent."""
        attribute = self.message_attributes.get(name)
        if attribute is None:
            return None
        try:
            return base64.b64decode(attribute.value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise self._decode_error(
                "base64", str(exc), "MessageAttributes", name, "Value"
            ) from None


class SNSRecord(_SNSWrapper):
    """One SNS delivery (``Records[]``)."""

    __slots__ = ()
    event_version = required("EventVersion", str, "Version of the record format.")
    event_source = required("EventSource", str, "Always ``aws:sns``.")
    event_subscription_arn = required("EventSubscriptionArn", str, "The subscription's ARN.")

    @cached
    def sns(self) -> SNSMessage:
        """The notification (``Sns``)."""
        return SNSMessage(self._req("Sns"), self._child("Sns"))


class SNSEvent(_SNSWrapper):
    """The event SNS sends to a subscribed function (one record per delivery)."""

    __slots__ = ()

    @cached
    def records(self) -> list[SNSRecord]:
        """The deliveries (``Records``; SNS sends one)."""
        return self._wrap_list(SNSRecord, "Records")

    @property
    def sns_message(self) -> SNSMessage:
        """The first record's notification, for the usual one-record event."""
        records = self.records
        if not records:
            raise self._missing("Records", 0)
        return records[0].sns
