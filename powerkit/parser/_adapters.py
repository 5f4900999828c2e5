"""pydantic TypeAdapters, built once per model, and the one place payloads are validated."""

from __future__ import annotations

import threading
from typing import Any, TypeVar

from powerkit._extras import require
from powerkit.parser._errors import InvalidModelError, ParserValidationError

T = TypeVar("T")

_adapters: dict[Any, Any] = {}
_lock = threading.Lock()
_TEXT_MODELS = (str, bytes)
_failure: list[type[Exception]] = []  # pydantic.ValidationError, once pydantic is imported


def _pydantic() -> Any:
    return require("pydantic", extra="parser", feature="powerkit.parser")


def adapter_for(model: Any) -> Any:
    """The cached ``pydantic.TypeAdapter`` for ``model`` (a model, dataclass, type, ...).

    Raises:
        InvalidModelError: pydantic cannot build a schema for ``model``.
    """
    try:
        adapter = _adapters.get(model)
    except TypeError:  # an unhashable annotation: build it each time rather than fail
        adapter = None
    if adapter is not None:
        return adapter
    pydantic = _pydantic()
    if not _failure:
        _failure.append(pydantic.ValidationError)
    try:
        adapter = pydantic.TypeAdapter(model)
    except (pydantic.PydanticSchemaGenerationError, pydantic.PydanticUserError, TypeError) as exc:
        reason = str(exc).split("\n", 1)[0].rstrip(".")
        raise InvalidModelError(
            f"Cannot parse into {getattr(model, '__qualname__', model)!r}: {reason}. Use a "
            f"pydantic model, a dataclass, a TypedDict or a type pydantic understands."
        ) from exc
    try:
        with _lock:
            adapter = _adapters.setdefault(model, adapter)
    except TypeError:
        pass
    return adapter


def validate_payload(model: Any, payload: Any, where: str) -> Any:
    """Validate ``payload`` as ``model``: JSON text is parsed, other values taken as they are.

    Raises:
        ParserValidationError: the payload does not match; the message is pydantic's summary.
    """
    adapter = adapter_for(model)
    try:
        if isinstance(payload, (str, bytes, bytearray)) and model not in _TEXT_MODELS:
            return adapter.validate_json(payload)
        return adapter.validate_python(payload)
    except _failure[0] as exc:
        raise ParserValidationError.from_pydantic(where, exc) from exc


def parse_json_as(model: type[T], text: str | bytes) -> T:
    """Parse JSON ``text`` straight into ``model`` (cached adapter, one pass in pydantic-core).

    Raises:
        ParserValidationError: the text is not JSON or does not match the model.
    """
    result: T = validate_payload(model, text, "JSON text")
    return result
