"""Apache Kafka: Amazon MSK and self-managed Kafka event source mappings.

Keys and values arrive base64-encoded; header values arrive as lists of byte values (signed
in some producers' samples). The decoded forms are computed once per record.
"""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import optional, required


class _KafkaWrapper(DictWrapper):
    __slots__ = ()
    _source = "Kafka"


def _to_bytes(values: list[int]) -> bytes:
    # Java producers serialise bytes as signed values (-128..127): map them to 0..255.
    return bytes(value & 0xFF for value in values)


class KafkaRecord(_KafkaWrapper):
    """One Kafka message (``records.<topic-partition>[]``)."""

    __slots__ = ()
    _id_key = "offset"
    topic = required("topic", str, "The topic.")
    partition = required("partition", int, "The partition.")
    offset = required("offset", int, "The message's offset in its partition.")
    timestamp = required("timestamp", int, "The message timestamp, epoch ms.")
    timestamp_type = required("timestampType", str, "``CREATE_TIME`` or ``LOG_APPEND_TIME``.")
    key = optional("key", str, "The key as base64, as delivered (None for keyless messages).")
    value = optional("value", str, "The value as base64, as delivered (None for tombstones).")
    key_schema_metadata = optional(
        "keySchemaMetadata", dict[str, Any], "Schema registry details of the key."
    )
    value_schema_metadata = optional(
        "valueSchemaMetadata", dict[str, Any], "Schema registry details of the value."
    )

    @property
    def headers(self) -> list[dict[str, list[int]]]:
        """Headers as delivered: a list of ``{name: [byte values]}`` (empty when none).

        Some serialisers (Java's Jackson) write a value as base64 text instead of a list.
        """
        value: list[dict[str, list[int]]] = self._data.get("headers") or []
        return value

    @cached
    def decoded_key(self) -> bytes | None:
        """The key, base64-decoded (cached); None for keyless messages."""
        key = self._data.get("key")
        return None if key is None else self._b64(key, "key")

    @cached
    def decoded_value(self) -> bytes | None:
        """The value, base64-decoded (cached); None for tombstones."""
        value = self._data.get("value")
        return None if value is None else self._b64(value, "value")

    @cached
    def json_value(self) -> Any:
        """The decoded value parsed as JSON (cached); None for tombstones."""
        value = self.decoded_value
        return None if value is None else self._json(value, "value")

    @cached
    def decoded_headers(self) -> dict[str, bytes]:
        """Headers as ``{name: bytes}`` (cached); a repeated name keeps its last value."""
        # A value serialised as base64 text (how Java's Jackson writes byte[]) is decoded too.
        return {
            name: self._b64(values, "headers", index, name)
            if isinstance(values, str)
            else _to_bytes(values)
            for index, header in enumerate(self.headers)
            for name, values in header.items()
        }

    def get_header_value(
        self, name: str, default: bytes | None = None, case_sensitive: bool = True
    ) -> bytes | None:
        """The bytes of header ``name``, or ``default`` when absent."""
        headers = self.decoded_headers
        if case_sensitive:
            return headers.get(name, default)
        wanted = name.lower()
        for key, value in headers.items():
            if key.lower() == wanted:
                return value
        return default


class KafkaEvent(_KafkaWrapper):
    """The event an MSK or self-managed Kafka event source mapping sends."""

    __slots__ = ()
    event_source = required("eventSource", str, "``aws:kafka`` (MSK) or ``SelfManagedKafka``.")
    event_source_arn = optional("eventSourceArn", str, "The MSK cluster ARN (MSK only).")
    bootstrap_servers = optional("bootstrapServers", str, "Comma-separated broker addresses.")

    @property
    def bootstrap_servers_list(self) -> list[str]:
        """The broker addresses as a list."""
        servers: str = self._data.get("bootstrapServers") or ""
        return [server for server in servers.split(",") if server]

    @cached
    def records(self) -> list[KafkaRecord]:
        """Every message of every topic-partition, in delivery order."""
        by_partition: dict[str, list[dict[str, Any]]] = self._req("records")
        # Each record's location names its partition, so error paths read
        # records.<topic-partition>[<index>].<field>.
        up = self._child("records")
        return [
            KafkaRecord(item, (up, by_partition, name))
            for name, items in by_partition.items()
            for item in items
        ]

    @property
    def record(self) -> KafkaRecord:
        """The first message, for batch size 1."""
        records = self.records
        if not records:
            raise self._missing("records", 0)
        return records[0]
