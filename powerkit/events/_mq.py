"""Amazon MQ: ActiveMQ and RabbitMQ event source mappings (message data is base64)."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, required


class _MQWrapper(DictWrapper):
    __slots__ = ()
    _source = "Amazon MQ"


class _MessageData(_MQWrapper):
    """Decoding shared by ActiveMQ and RabbitMQ messages (``data`` is base64)."""

    __slots__ = ()
    data = required("data", str, "The message body as base64, as delivered.")

    @cached
    def decoded_data(self) -> bytes:
        """The message body, base64-decoded (cached)."""
        return self._b64(self._str("data"), "data")

    @property
    def text_data(self) -> str:
        """The message body as UTF-8 text."""
        return self._utf8(self.decoded_data, "data")

    @cached
    def json_data(self) -> Any:
        """The message body parsed as JSON (cached)."""
        return self._json(self.decoded_data, "data")


class ActiveMQDestination(_MQWrapper):
    """Where the message was sent (``destination``)."""

    __slots__ = ()
    physical_name = required("physicalName", str, "The queue or topic name.")


class ActiveMQMessage(_MessageData):
    """One ActiveMQ message (``messages[]``)."""

    __slots__ = ()
    _id_key = "messageID"
    message_id = required("messageID", str, "The JMS message id.")
    message_type = required("messageType", str, "``jms/text-message`` or ``jms/bytes-message``.")
    timestamp = required("timestamp", int, "When the message was sent, epoch ms.")
    redelivered = optional("redelivered", bool, "Whether the broker delivered it before.")
    destination = nested("destination", ActiveMQDestination, "The queue or topic.")
    connection_id = optional("connectionId", str, "The producer's connection id.")
    broker_in_time = optional("brokerInTime", int, "Arrival at the broker, epoch ms.")
    broker_out_time = optional("brokerOutTime", int, "Departure from the broker, epoch ms.")
    delivery_mode = optional("deliveryMode", int, "1 non-persistent, 2 persistent.")
    correlation_id = optional("correlationID", str, "The JMS correlation id.")
    reply_to = optional("replyTo", str, "The JMS reply-to destination.")
    type = optional("type", str, "The JMS message type.")
    expiration = optional("expiration", int, "Expiry, epoch ms (0: never).")
    priority = optional("priority", int, "JMS priority, 0-9.")
    properties = optional("properties", dict[str, Any], "Custom message properties.")


class ActiveMQEvent(_MQWrapper):
    """The event an Amazon MQ for ActiveMQ event source mapping sends."""

    __slots__ = ()
    event_source = required("eventSource", str, "``aws:mq`` (older events: ``aws:amq``).")
    event_source_arn = required("eventSourceArn", str, "The broker ARN.")

    @cached
    def messages(self) -> list[ActiveMQMessage]:
        """The messages (``messages``)."""
        return self._wrap_list(ActiveMQMessage, "messages")


class RabbitMQBasicProperties(_MQWrapper):
    """AMQP properties of a RabbitMQ message (``basicProperties``)."""

    __slots__ = ()
    content_type = optional("contentType", str, "MIME type of the body.")
    content_encoding = optional("contentEncoding", str, "Encoding of the body.")
    headers = optional("headers", dict[str, Any], "Headers; byte values as ``{bytes: [...]}``.")
    delivery_mode = optional("deliveryMode", int, "1 non-persistent, 2 persistent.")
    priority = optional("priority", int, "Message priority.")
    correlation_id = optional("correlationId", str, "The correlation id.")
    reply_to = optional("replyTo", str, "The reply-to queue.")
    expiration = optional("expiration", str, "Per-message TTL, ms, as a string.")
    message_id = optional("messageId", str, "The message id.")
    timestamp = optional("timestamp", str, "The timestamp as formatted by the broker.")
    type = optional("type", str, "The message type.")
    user_id = optional("userId", str, "The publishing user.")
    app_id = optional("appId", str, "The publishing application.")
    cluster_id = optional("clusterId", str, "The cluster id.")
    body_size = optional("bodySize", int, "Body size in bytes.")

    @cached
    def decoded_headers(self) -> dict[str, Any]:
        """Headers with ``{"bytes": [...]}`` values turned into ``bytes`` (cached)."""
        headers: dict[str, Any] = self._data.get("headers") or {}
        return {
            name: bytes(v & 0xFF for v in value["bytes"])
            if isinstance(value, dict) and "bytes" in value
            else value
            for name, value in headers.items()
        }


class RabbitMessage(_MessageData):
    """One RabbitMQ message."""

    __slots__ = ()
    redelivered = optional("redelivered", bool, "Whether the broker delivered it before.")
    basic_properties = nested("basicProperties", RabbitMQBasicProperties, "AMQP properties.")


class RabbitMQEvent(_MQWrapper):
    """The event an Amazon MQ for RabbitMQ event source mapping sends."""

    __slots__ = ()
    event_source = required("eventSource", str, "Always ``aws:rmq``.")
    event_source_arn = required("eventSourceArn", str, "The broker ARN.")

    @cached
    def rmq_messages_by_queue(self) -> dict[str, list[RabbitMessage]]:
        """Messages by ``<queue>::<virtual host>`` (``rmqMessagesByQueue``)."""
        by_queue: dict[str, list[dict[str, Any]]] = self._req("rmqMessagesByQueue")
        up = self._child("rmqMessagesByQueue")
        return {
            name: [RabbitMessage(item, (up, by_queue, name)) for item in items]
            for name, items in by_queue.items()
        }

    @property
    def messages(self) -> list[RabbitMessage]:
        """Every message of every queue, in delivery order."""
        return [m for messages in self.rmq_messages_by_queue.values() for m in messages]
