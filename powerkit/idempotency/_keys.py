"""Idempotency keys: select part of the payload, encode it canonically, hash it.

The encoding is order-independent for dicts (keys sorted) and stable for values JSON has no
type for: dataclasses, pydantic models, event classes (their ``raw_event``), UUIDs, dates,
Decimals, sets and bytes all encode to the same text on every run and every machine.
"""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable
from typing import Any

_ENCODER_OPTIONS: dict[str, Any] = {"sort_keys": True, "separators": (",", ":")}


def to_jsonable(value: Any) -> Any:
    """Convert one value json cannot encode into one it can (``default=`` hook)."""
    if hasattr(type(value), "__dataclass_fields__"):  # a dataclass instance: module is loaded
        import dataclasses

        return dataclasses.asdict(value)
    dump = getattr(value, "model_dump", None)
    if callable(dump):  # pydantic v2 model, detected without importing pydantic
        return dump(mode="json")
    raw = getattr(value, "raw_event", None)
    if isinstance(raw, dict):  # powerkit / Powertools event classes
        return raw
    # A value of these types exists only if its module was imported: look, don't import.
    modules = sys.modules
    decimal = modules.get("decimal")
    if decimal is not None and isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    uuid = modules.get("uuid")
    if uuid is not None and isinstance(value, uuid.UUID):
        return str(value)
    datetime = modules.get("datetime")
    if datetime is not None and isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=canonical_json)
    if isinstance(value, (bytes, bytearray)):
        import base64

        return base64.b64encode(value).decode()
    raise TypeError(f"{type(value).__qualname__} is not JSON serializable")


def canonical_json(value: Any) -> str:
    """Deterministic JSON text for ``value`` (sorted keys, no spaces)."""
    return json.dumps(value, default=to_jsonable, **_ENCODER_OPTIONS)


def is_missing(selected: Any) -> bool:
    """True when a selection yields no usable key: None, empty, or a list of only Nones."""
    if selected is None:
        return True
    if isinstance(selected, (str, bytes, dict, list, tuple)) and not selected:
        return True
    return isinstance(selected, list) and all(item is None for item in selected)


def select(payload: Any, expression: str | None) -> Any:
    """The part of ``payload`` named by the JMESPath ``expression`` (all of it when None)."""
    if expression is None:
        return payload
    from powerkit.jmespath import query  # jmespath loads only for configs that use it

    data = payload
    if not isinstance(payload, (dict, list)):
        try:
            data = to_jsonable(payload)
        except TypeError:
            pass  # a scalar: the expression will find nothing in it
    return query(data, expression)


def hasher(name: str) -> Callable[[str], str]:
    """A function hashing text with the hashlib algorithm ``name`` to a hex digest."""
    import hashlib  # at first call of a decorated function, not at import

    constructor = getattr(hashlib, name, None)
    if constructor is None or name.startswith("_"):

        def digest_new(text: str) -> str:
            return hashlib.new(name, text.encode()).hexdigest()

        return digest_new

    def digest(text: str) -> str:
        return str(constructor(text.encode()).hexdigest())

    return digest
