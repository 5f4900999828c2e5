"""Turn a log line (a dict) into JSON text without ever raising.

The fast path is the C JSON encoder built once per formatter; anything it cannot encode
goes through `to_jsonable` (never raises) and, if the encoder still fails (circular
references, non-string keys, NaN), the line is rebuilt by `sanitize` and encoded again.

Type checks for optional standard modules (decimal, uuid, dataclasses) go through
``sys.modules``: an object of those types can only exist if its module was imported, so the
logger does not import them itself.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Collection, Mapping
from typing import Any

# The C encoder object, built once per formatter: ``json.dumps`` would rebuild it per line.
# Taken from ``_json`` (what ``json.encoder`` uses) so that importing the logger does not
# import the ``json`` package and its decoder; ``json`` is imported only for the fallbacks.
_c_make_encoder: Any
_c_encode_basestring: Any
try:
    from _json import encode_basestring as _c_encode_basestring
    from _json import make_encoder as _c_make_encoder
except ImportError:  # pragma: no cover - not CPython
    _c_make_encoder = _c_encode_basestring = None

REDACTED = "***"
_MAX_DEPTH = 32

JsonDefault = Callable[[Any], Any]
Encoder = Callable[[Any], str]


def _str_or_repr(value: Any) -> str:
    try:
        return str(value)
    except Exception:
        try:
            return repr(value)
        except Exception:
            return f"<unprintable {type(value).__qualname__}>"


def to_jsonable(value: Any) -> Any:
    """A JSON-encodable stand-in for ``value`` (the encoder's ``default``); never raises."""
    try:
        if isinstance(value, (set, frozenset)):
            try:
                return sorted(value)
            except TypeError:
                return list(value)
        if isinstance(value, (bytes, bytearray, memoryview)):
            return bytes(value).decode("utf-8", errors="backslashreplace")
        if isinstance(value, BaseException):
            return f"{type(value).__name__}: {_str_or_repr(value)}"
        isoformat = getattr(value, "isoformat", None)
        if isoformat is not None and callable(isoformat):  # datetime, date, time
            return isoformat()
        enum = sys.modules.get("enum")
        if enum is not None and isinstance(value, enum.Enum):
            return value.value
        model_dump = getattr(value, "model_dump", None)
        if model_dump is not None and callable(model_dump):  # pydantic v2 models
            return model_dump(mode="json")
        dataclasses = sys.modules.get("dataclasses")
        if (
            dataclasses is not None
            and dataclasses.is_dataclass(value)
            and not isinstance(value, type)
        ):
            return {f.name: getattr(value, f.name, None) for f in dataclasses.fields(value)}
        if isinstance(value, Mapping):
            return dict(value)
        if isinstance(value, Collection) and not isinstance(value, str):
            return list(value)
    except Exception:  # a broken __iter__, isoformat or model_dump: fall through to str()
        pass
    # Decimal, UUID, Path and anything else: their str() is the natural JSON form.
    return _str_or_repr(value)


def chain_default(user_default: JsonDefault | None) -> JsonDefault:
    """The user's ``json_default`` first; on any error, powerkit's own conversion."""
    if user_default is None:
        return to_jsonable

    def default(value: Any) -> Any:
        try:
            return user_default(value)
        except Exception:
            return to_jsonable(value)

    return default


def redact(value: Any, names: frozenset[str], depth: int = 0) -> Any:
    """A copy of ``value`` where every value under a key in ``names`` (lower-case) is masked.

    Walks dicts, lists and tuples at any depth; other objects are returned as they are (the
    encoder's ``default`` redacts what it converts).
    """
    if depth > _MAX_DEPTH:
        return value
    if isinstance(value, Mapping):
        return {
            key: (
                REDACTED
                if isinstance(key, str) and key.lower() in names
                else redact(item, names, depth + 1)
            )
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [redact(item, names, depth + 1) for item in value]
    return value


def sanitize(
    value: Any, default: JsonDefault, depth: int = 0, seen: frozenset[int] = frozenset()
) -> Any:
    """Rebuild ``value`` from JSON-safe parts only: str keys, finite numbers, no cycles."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if depth > _MAX_DEPTH:
        return _str_or_repr(value)
    if id(value) in seen:
        return "<circular reference>"
    inner = seen | {id(value)}
    if isinstance(value, Mapping):
        return {
            (key if isinstance(key, str) else _str_or_repr(key)): sanitize(
                item, default, depth + 1, inner
            )
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [sanitize(item, default, depth + 1, inner) for item in value]
    try:
        converted = default(value)
    except Exception:
        converted = _str_or_repr(value)
    if converted is value or type(converted) is type(value):
        return _str_or_repr(value)
    return sanitize(converted, default, depth + 1, inner)


def _python_encoder(default: JsonDefault, indent: int | None, *, strict: bool) -> Any:
    import json

    return json.JSONEncoder(
        ensure_ascii=False,
        default=default,
        indent=indent,
        separators=(",", ": ") if indent is not None else (",", ":"),
        allow_nan=False,
        check_circular=strict,
    )


def make_encoder(
    default: JsonDefault,
    *,
    indent: int | None = None,
    serializer: Callable[[Any], str | bytes] | None = None,
) -> Encoder:
    """Build the function that turns one line (a dict) into JSON text, never raising."""
    primary: Callable[[Any], str | bytes]
    if serializer is not None:
        primary = serializer
    elif indent is None and _c_make_encoder is not None:
        c_encode = _c_make_encoder(
            None, default, _c_encode_basestring, None, ":", ",", False, False, False
        )

        def fast(line: Any) -> str:
            return "".join(c_encode(line, 0))

        primary = fast
    else:
        primary = _python_encoder(default, indent, strict=False).encode
    safe: list[Any] = []  # built on first use: most processes never need it

    def encode(line: Any) -> str:
        try:
            text = primary(line)
            return text.decode("utf-8") if isinstance(text, (bytes, bytearray)) else text
        except Exception:  # cycles, non-str keys, NaN, a failing user serializer
            pass
        if not safe:
            safe.append(_python_encoder(default, indent, strict=True))
        try:
            return str(safe[0].encode(sanitize(line, default)))
        except Exception as exc:  # last resort: keep the line, lose the awkward keys
            return str(
                safe[0].encode({"level": "ERROR", "message": f"log line not serialisable: {exc!r}"})
            )

    return encode
