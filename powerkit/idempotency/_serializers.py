"""Output serializers: store a result as JSON and give a replay the original's type.

By default results are stored as JSON and replayed as JSON types (dicts, lists, strings,
numbers, booleans, None). A serializer converts a richer result to a JSON value and back;
``idempotent_function`` picks one from the function's return annotation (a dataclass or a
pydantic model, optionally ``| None``) or takes one explicitly.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from powerkit.idempotency._errors import IdempotencyConfigError, IdempotencySerializationError
from powerkit.idempotency._keys import to_jsonable


@runtime_checkable
class OutputSerializer(Protocol):
    """Turns a function's result into a JSON value and back."""

    def to_dict(self, value: Any) -> Any:
        """A JSON-serializable form of ``value``."""
        ...

    def from_dict(self, data: Any) -> Any:
        """The result rebuilt from what `to_dict` returned."""
        ...


class DataclassSerializer:
    """Stores a dataclass instance as a dict and rebuilds it with ``cls(**data)``."""

    def __init__(self, cls: type[Any]) -> None:
        if not _is_dataclass_type(cls):
            raise IdempotencyConfigError(f"DataclassSerializer needs a dataclass type, got {cls!r}")
        self.cls = cls

    def to_dict(self, value: Any) -> Any:
        import dataclasses

        return None if value is None else dataclasses.asdict(value)

    def from_dict(self, data: Any) -> Any:
        return None if data is None else self.cls(**data)


class PydanticSerializer:
    """Stores a pydantic model with ``model_dump(mode="json")``, rebuilds with ``model_validate``."""

    def __init__(self, model: type[Any]) -> None:
        if not _is_pydantic_model(model):
            raise IdempotencyConfigError(
                f"PydanticSerializer needs a pydantic BaseModel subclass, got {model!r}"
            )
        self.model = model

    def to_dict(self, value: Any) -> Any:
        return None if value is None else value.model_dump(mode="json")

    def from_dict(self, data: Any) -> Any:
        return None if data is None else self.model.model_validate(data)


class DictSerializer:
    """A serializer made of two functions: ``to_dict(value)`` and ``from_dict(data)``."""

    def __init__(self, to_dict: Callable[[Any], Any], from_dict: Callable[[Any], Any]) -> None:
        if not (callable(to_dict) and callable(from_dict)):
            raise IdempotencyConfigError("DictSerializer needs two callables: to_dict, from_dict")
        self._to = to_dict
        self._from = from_dict

    def to_dict(self, value: Any) -> Any:
        return self._to(value)

    def from_dict(self, data: Any) -> Any:
        return self._from(data)


def _is_dataclass_type(cls: Any) -> bool:
    return isinstance(cls, type) and hasattr(cls, "__dataclass_fields__")


def _is_pydantic_model(cls: Any) -> bool:
    return isinstance(cls, type) and callable(getattr(cls, "model_validate", None))


def serializer_for_type(cls: Any) -> OutputSerializer | None:
    """The serializer for a dataclass or pydantic model type (``X | None`` too), else None."""
    if isinstance(cls, types.UnionType) or typing.get_origin(cls) is typing.Union:
        members = [arg for arg in typing.get_args(cls) if arg is not type(None)]
        return serializer_for_type(members[0]) if len(members) == 1 else None
    if _is_dataclass_type(cls):
        return DataclassSerializer(cls)
    if _is_pydantic_model(cls):
        return PydanticSerializer(cls)
    return None


def resolve_serializer(explicit: Any, function: Callable[..., Any]) -> OutputSerializer | None:
    """The explicit serializer (an instance or a model type), or one from the annotation."""
    if explicit is not None:
        if isinstance(explicit, OutputSerializer):
            return explicit
        found = serializer_for_type(explicit)
        if found is None:
            raise IdempotencyConfigError(
                f"output_serializer={explicit!r} is neither a serializer (to_dict/from_dict) nor "
                "a dataclass or pydantic model type"
            )
        return found
    try:
        hints = typing.get_type_hints(function)
    except Exception:  # unresolvable forward references: fall back to plain JSON
        return None
    return serializer_for_type(hints.get("return"))


def dump(value: Any, serializer: OutputSerializer | None) -> str:
    """The JSON text stored for ``value``."""
    try:
        data = value if serializer is None else serializer.to_dict(value)
        return json.dumps(data, default=to_jsonable, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise IdempotencySerializationError(
            f"The result ({type(value).__qualname__}) cannot be stored as JSON: {exc}. Return "
            "JSON-compatible data or pass output_serializer= (dataclass, pydantic model, or "
            "DictSerializer(to_dict, from_dict))."
        ) from exc


def load(text: str, serializer: OutputSerializer | None) -> Any:
    """The value replayed from stored JSON text."""
    try:
        data = json.loads(text)
        return data if serializer is None else serializer.from_dict(data)
    except Exception as exc:
        raise IdempotencySerializationError(
            f"The stored result cannot be restored: {exc}. If the result type changed, let the "
            "old records expire or use a new key_prefix."
        ) from exc
