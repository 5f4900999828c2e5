"""Amazon DynamoDB Streams: the event a table stream's event source mapping sends.

Item images arrive as DynamoDB typed attribute values (``{"N": "1.5"}``); they are
deserialised here without boto3: ``S`` to str, ``N`` to `Decimal`, ``B`` to
bytes (decoded from base64), ``BOOL`` to bool, ``NULL`` to None, ``M`` to dict, ``L`` to
list, and ``SS``/``NS``/``BS`` to sets.
"""

from __future__ import annotations

import base64
import binascii
from decimal import Decimal, InvalidOperation
from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import optional, required
from powerkit.events._window import TumblingWindowMixin


class _DynamoDBWrapper(DictWrapper):
    __slots__ = ()
    _source = "DynamoDB Streams"


def _attribute(value: dict[str, Any]) -> Any:
    # A typed value has exactly one key naming its type.
    ((kind, raw),) = value.items()
    if kind == "S":
        return raw
    if kind == "N":
        return Decimal(raw)
    if kind == "BOOL":
        return raw
    if kind == "NULL":
        return None
    if kind == "M":
        return {name: _attribute(item) for name, item in raw.items()}
    if kind == "L":
        return [_attribute(item) for item in raw]
    if kind == "B":
        return base64.b64decode(raw, validate=True)
    if kind == "SS":
        return set(raw)
    if kind == "NS":
        return {Decimal(item) for item in raw}
    if kind == "BS":
        return {base64.b64decode(item, validate=True) for item in raw}
    raise ValueError(f"unknown attribute type {kind!r}")


def deserialize_attribute(value: dict[str, Any]) -> Any:
    """Turn one DynamoDB typed attribute value into a Python value.

    Args:
        value: a dict with exactly one type key, e.g. ``{"N": "1.5"}`` or ``{"SS": ["a"]}``.

    Returns:
        str, Decimal, bytes, bool, None, dict, list, or a set of str/Decimal/bytes.

    Raises:
        ValueError: the value is not a well-formed typed attribute value.

    Examples:
        >>> deserialize_attribute({"M": {"n": {"N": "1.5"}, "ok": {"BOOL": True}}})
        {'n': Decimal('1.5'), 'ok': True}
    """
    try:
        return _attribute(value)
    except (ValueError, TypeError, AttributeError, InvalidOperation, binascii.Error) as exc:
        raise ValueError(f"not a DynamoDB attribute value: {value!r} ({exc})") from None


class StreamRecord(_DynamoDBWrapper):
    """The change itself (``Records[].dynamodb``); images are deserialised and cached."""

    __slots__ = ()
    _id_key = "SequenceNumber"

    def _image(self, key: str) -> dict[str, Any] | None:
        raw: dict[str, Any] | None = self._data.get(key)
        if raw is None:
            return None
        image: dict[str, Any] = {}
        for name, value in raw.items():
            try:
                image[name] = _attribute(value)
            except (
                ValueError,
                TypeError,
                AttributeError,
                InvalidOperation,
                binascii.Error,
            ) as exc:
                raise self._decode_error("DynamoDB attribute value", repr(exc), key, name) from None
        return image

    approximate_creation_date_time = optional(
        "ApproximateCreationDateTime",
        float,
        "When the change was made, epoch seconds (``ApproximateCreationDateTime``).",
    )

    @cached
    def keys(self) -> dict[str, Any]:
        """The primary key of the changed item, deserialised (``Keys``)."""
        image = self._image("Keys")
        if image is None:
            raise self._missing("Keys")
        return image

    @cached
    def new_image(self) -> dict[str, Any] | None:
        """The item after the change, deserialised; None unless the stream has new images."""
        return self._image("NewImage")

    @cached
    def old_image(self) -> dict[str, Any] | None:
        """The item before the change, deserialised; None unless the stream has old images."""
        return self._image("OldImage")

    sequence_number = required(
        "SequenceNumber", str, "The change's sequence number in its shard (``SequenceNumber``)."
    )

    size_bytes = required("SizeBytes", int, "Size of the stream record in bytes (``SizeBytes``).")

    stream_view_type = optional(
        "StreamViewType",
        str,
        "``KEYS_ONLY``, ``NEW_IMAGE``, ``OLD_IMAGE`` or ``NEW_AND_OLD_IMAGES``.",
    )


class DynamoDBRecord(_DynamoDBWrapper):
    """One change to a table (``Records[]``)."""

    __slots__ = ()

    event_id = required("eventID", str, "Unique id of the change (``eventID``).")

    event_name = required("eventName", str, "``INSERT``, ``MODIFY`` or ``REMOVE`` (``eventName``).")

    event_source = required("eventSource", str, "Always ``aws:dynamodb`` (``eventSource``).")

    event_source_arn = required("eventSourceARN", str, "The stream ARN (``eventSourceARN``).")

    event_version = optional(
        "eventVersion", str, "Version of the record format (``eventVersion``); may be absent."
    )

    aws_region = required("awsRegion", str, "The table's region (``awsRegion``).")

    user_identity = optional(
        "userIdentity",
        dict[str, Any],
        "Set for TTL deletions: the service principal that deleted the item (``userIdentity``).",
    )

    @cached
    def dynamodb(self) -> StreamRecord:
        """The change: keys, images, sequence number (``dynamodb``)."""
        # Cached so that its deserialised images are computed once per record.
        return StreamRecord(self._req("dynamodb"), self._child("dynamodb"))


class DynamoDBStreamEvent(TumblingWindowMixin, _DynamoDBWrapper):
    """The event a DynamoDB Streams event source mapping sends: a batch of changes."""

    __slots__ = ()

    @cached
    def records(self) -> list[DynamoDBRecord]:
        """The changes, in stream order (``Records``)."""
        return self._wrap_list(DynamoDBRecord, "Records")
