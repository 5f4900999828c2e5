"""DynamoDB Streams events, with Python values written as typed attribute values."""

from __future__ import annotations

import json
import math
import secrets
from collections.abc import Mapping, Sequence, Set
from decimal import Decimal
from typing import Any

from powerkit._errors import ConfigError
from powerkit.testing._builders._common import (
    DEFAULT_ACCOUNT,
    DEFAULT_REGION,
    Event,
    arn,
    b64,
    iso_ms,
    now,
    random_hex,
)

_BINARY = (bytes, bytearray, memoryview)
_NUMBER = (int, float, Decimal)
_MAX_DIGITS = 38
_VIEW_TYPES = ("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES")


def _number(value: int | float | Decimal) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"DynamoDB numbers must be finite, got {value!r}: use a finite number.")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ConfigError(f"DynamoDB numbers must be finite, got {value!r}: use a finite number.")
    # repr() of a float is the shortest text that reads back as the same float.
    text = repr(value) if isinstance(value, float) else str(value)
    digits = "".join(map(str, Decimal(text).as_tuple().digits)).strip("0")
    if len(digits) > _MAX_DIGITS:
        raise ConfigError(
            f"DynamoDB numbers have at most {_MAX_DIGITS} significant digits, got {text}: "
            "round it or store it as a string."
        )
    return text


def _set(values: Set[Any]) -> dict[str, list[str]]:
    items = list(values)
    if not items:
        raise ConfigError(
            "DynamoDB has no empty sets: drop the attribute or use an empty list instead."
        )
    if all(isinstance(item, str) for item in items):
        return {"SS": sorted(items)}
    if all(isinstance(item, _NUMBER) and not isinstance(item, bool) for item in items):
        return {"NS": [_number(item) for item in sorted(items)]}
    if all(isinstance(item, _BINARY) for item in items):
        return {"BS": sorted(b64(bytes(item)) for item in items)}
    raise ConfigError(
        f"set {values!r} mixes types: a DynamoDB set holds only strings, only numbers "
        "or only bytes."
    )


def to_attribute_value(value: Any) -> dict[str, Any]:
    """A Python value as a DynamoDB typed attribute value, the way streams serialise it.

    ``None`` → NULL, bool → BOOL, str → S, int/float/Decimal → N (as text), bytes → B
    (base64), mapping → M, list/tuple → L, set of str/numbers/bytes → SS/NS/BS.
    """
    if value is None:
        return {"NULL": True}
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, str):
        return {"S": value}
    if isinstance(value, _NUMBER):
        return {"N": _number(value)}
    if isinstance(value, _BINARY):
        return {"B": b64(bytes(value))}
    if isinstance(value, Mapping):
        return {"M": to_item(value)}
    if isinstance(value, (list, tuple)):
        return {"L": [to_attribute_value(item) for item in value]}
    if isinstance(value, Set):
        return _set(value)
    raise ConfigError(
        f"cannot store a {type(value).__name__} in DynamoDB: use None, bool, str, int, float, "
        "Decimal, bytes, dict, list or a set."
    )


def to_item(values: Mapping[str, Any]) -> dict[str, Any]:
    """Every value of a mapping as a typed attribute value (an item image or key)."""
    return {str(name): to_attribute_value(value) for name, value in values.items()}


def _record_images(
    record: Mapping[str, Any], view_type: str
) -> tuple[str, dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]:
    event_name = record.get("event_name", "INSERT")
    new, old = record.get("new_image"), record.get("old_image")
    if event_name not in ("INSERT", "MODIFY", "REMOVE"):
        raise ConfigError(f"event_name {event_name!r}: use 'INSERT', 'MODIFY' or 'REMOVE'.")
    if (event_name == "INSERT" and old is not None) or (event_name == "REMOVE" and new is not None):
        raise ConfigError(
            f"an {event_name} record cannot have "
            f"{'an old' if event_name == 'INSERT' else 'a new'} image: drop it."
        )
    keys = record.get("keys")
    if keys is None:
        image = new if new is not None else old
        if not image:
            raise ConfigError("a DynamoDB record needs 'keys' or an image to take them from.")
        # Without explicit keys, the first attribute of the image is the partition key.
        first = next(iter(image))
        keys = {first: image[first]}
    if view_type in ("KEYS_ONLY", "OLD_IMAGE"):
        new = None
    if view_type in ("KEYS_ONLY", "NEW_IMAGE"):
        old = None
    return event_name, dict(keys), new, old


def dynamodb_stream_event(
    records: Sequence[Mapping[str, Any]] = ({"keys": {"id": "1"}, "new_image": {"id": "1"}},),
    *,
    table_name: str = "my-table",
    stream_view_type: str = "NEW_AND_OLD_IMAGES",
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """A DynamoDB Streams event, one record per change.

    Args:
        records: changes as ``{"event_name": "INSERT" | "MODIFY" | "REMOVE", "keys": {...},
            "new_image": {...}, "old_image": {...}, "ttl": bool}`` with plain Python values.
            ``keys`` defaults to the first attribute of the image; ``ttl=True`` marks a
            REMOVE done by Time to Live (``userIdentity`` of the DynamoDB service).
        table_name: the table (stream ARN uses ``region`` and ``account_id``).
        stream_view_type: which images the stream carries; images it would not carry are
            dropped.
        region: table region.
        account_id: table owner's account.
        timestamp: epoch seconds of the first change (default: now).
    """
    if stream_view_type not in _VIEW_TYPES:
        raise ConfigError(
            f"stream_view_type {stream_view_type!r}: use one of {', '.join(_VIEW_TYPES)}."
        )
    moment = now(timestamp)
    stream_label = _stream_label(moment)
    stream_arn = arn("dynamodb", region, account_id, f"table/{table_name}/stream/{stream_label}")
    sequence = 10**20 + secrets.randbelow(10**20)
    result = []
    for index, record in enumerate(records):
        event_name, keys, new, old = _record_images(record, stream_view_type)
        change: dict[str, Any] = {
            "ApproximateCreationDateTime": int(moment) + index,
            "Keys": to_item(keys),
        }
        if new is not None:
            change["NewImage"] = to_item(new)
        if old is not None:
            change["OldImage"] = to_item(old)
        change["SequenceNumber"] = str(sequence + index * 100)
        change["SizeBytes"] = _size_bytes(change)
        change["StreamViewType"] = stream_view_type
        item: dict[str, Any] = {
            "eventID": random_hex(32),
            "eventName": event_name,
            "eventVersion": "1.1",
            "eventSource": "aws:dynamodb",
            "awsRegion": region,
            "dynamodb": change,
            "eventSourceARN": stream_arn,
        }
        if record.get("ttl"):
            item["userIdentity"] = {"type": "Service", "principalId": "dynamodb.amazonaws.com"}
        result.append(item)
    return {"Records": result}


def _stream_label(moment: float) -> str:
    # A stream label is the creation time of the stream: say, a day before the change.
    return iso_ms(moment - 86400).rstrip("Z")


def _size_bytes(change: Mapping[str, Any]) -> int:
    # An estimate of the item sizes the way DynamoDB counts them: names plus values.
    parts = [change.get(name) or {} for name in ("Keys", "NewImage", "OldImage")]
    return sum(len(json.dumps(part, separators=(",", ":"))) for part in parts) // 2 + 1
