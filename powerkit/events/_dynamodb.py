"""Amazon DynamoDB Streams: the event a table stream's event source mapping sends.

Item images arrive as DynamoDB typed attribute values (``{"N": "1.5"}``); they are
deserialised here without boto3: ``S`` to str, ``N`` to :class:`~decimal.Decimal`, ``B`` to
bytes (decoded from base64), ``BOOL`` to bool, ``NULL`` to None, ``M`` to dict, ``L`` to
list, and ``SS``/``NS``/``BS`` to sets.
"""

from __future__ import annotations

import base64
import binascii
from decimal import Decimal, InvalidOperation
from typing import Any

from powerkit.events._base import DictWrapper, cached
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

    Example:
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

    @property
    def approximate_creation_date_time(self) -> float | None:
        """When the change was made, epoch seconds (``ApproximateCreationDateTime``)."""
        value: float | None = self._data.get("ApproximateCreationDateTime")
        return value

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

    @property
    def sequence_number(self) -> str:
        """The change's sequence number in its shard (``SequenceNumber``)."""
        return self._str("SequenceNumber")

    @property
    def size_bytes(self) -> int:
        """Size of the stream record in bytes (``SizeBytes``)."""
        value: int = self._req("SizeBytes")
        return value

    @property
    def stream_view_type(self) -> str | None:
        """``KEYS_ONLY``, ``NEW_IMAGE``, ``OLD_IMAGE`` or ``NEW_AND_OLD_IMAGES``."""
        return self._opt_str("StreamViewType")


class DynamoDBRecord(_DynamoDBWrapper):
    """One change to a table (``Records[]``)."""

    __slots__ = ()

    @property
    def event_id(self) -> str:
        """Unique id of the change (``eventID``)."""
        return self._str("eventID")

    @property
    def event_name(self) -> str:
        """``INSERT``, ``MODIFY`` or ``REMOVE`` (``eventName``)."""
        return self._str("eventName")

    @property
    def event_source(self) -> str:
        """Always ``aws:dynamodb`` (``eventSource``)."""
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
    def aws_region(self) -> str:
        """The table's region (``awsRegion``)."""
        return self._str("awsRegion")

    @property
    def user_identity(self) -> dict[str, Any] | None:
        """Set for TTL deletions: ``{"type": "Service", "principalId": ...}`` (``userIdentity``)."""
        value: dict[str, Any] | None = self._data.get("userIdentity")
        return value

    @cached
    def dynamodb(self) -> StreamRecord:
        """The change: keys, images, sequence number (``dynamodb``)."""
        # Cached so that its deserialised images are computed once per record.
        return StreamRecord(self._req("dynamodb"), (self, "dynamodb"))


class DynamoDBStreamEvent(TumblingWindowMixin, _DynamoDBWrapper):
    """The event a DynamoDB Streams event source mapping sends: a batch of changes."""

    __slots__ = ()

    @cached
    def records(self) -> list[DynamoDBRecord]:
        """The changes, in stream order (``Records``)."""
        return self._wrap_list(DynamoDBRecord, "Records")
