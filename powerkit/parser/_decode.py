"""Decoders shared by models and envelopes: base64, compressed logs, DynamoDB attributes."""

from __future__ import annotations

import base64
import json
import zlib
from decimal import Decimal
from typing import Any

# 32 + MAX_WBITS: accept a gzip or a zlib header (CloudWatch sends gzip; some tools zlib).
_AUTO_HEADER = 32 + zlib.MAX_WBITS


def b64(value: Any) -> bytes:
    """Decode base64 text (strict alphabet)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    return base64.b64decode(value, validate=True)


def compressed_json(value: str) -> Any:
    """Decode base64, decompress (gzip or zlib) and parse JSON: CloudWatch Logs ``data``."""
    return json.loads(zlib.decompress(b64(value), _AUTO_HEADER))


def _number(text: str) -> int | Decimal:
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() and "." not in text else number


def attribute(value: dict[str, Any]) -> Any:
    """Turn one DynamoDB typed attribute (``{"N": "3"}``) into a Python value.

    Numbers become ``int`` or ``Decimal`` (exact, as DynamoDB stores them), binary values
    ``bytes``, sets ``set`` and ``frozenset``-free Python containers otherwise.
    """
    ((kind, raw),) = value.items()
    if kind == "S" or kind == "BOOL":
        return raw
    if kind == "N":
        return _number(raw)
    if kind == "NULL":
        return None
    if kind == "B":
        return b64(raw)
    if kind == "M":
        return image(raw)
    if kind == "L":
        return [attribute(item) for item in raw]
    if kind == "SS":
        return set(raw)
    if kind == "NS":
        return {_number(item) for item in raw}
    if kind == "BS":
        return {b64(item) for item in raw}
    raise ValueError(f"unknown DynamoDB attribute type {kind!r}")


def image(value: dict[str, Any]) -> dict[str, Any]:
    """Turn a DynamoDB item image (``{"id": {"S": "1"}}``) into a plain dict."""
    return {name: attribute(typed) for name, typed in value.items()}
