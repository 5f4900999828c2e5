"""Field declarations: one line per property, read through one code path.

``required``, ``optional``, ``required_int`` and ``nested`` return plain `property`
objects at run time (the fastest attribute access CPython offers, one Python call per
read); to type checkers they are `Field` descriptors typed by the declared kind.
A missing required field always raises `EventFieldError` through
`DictWrapper._missing`, which names the field path and the event source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

if TYPE_CHECKING:
    from powerkit.events._base import DictWrapper

T = TypeVar("T")
W = TypeVar("W", bound="DictWrapper")
_new = object.__new__


class Field(Generic[T]):
    """What a field declared with `required` or `optional` looks like to mypy.

    At run time those functions return a plain `property` (the fastest attribute
    access CPython offers); this class only exists for type checkers.
    """

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Field[T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object, owner: type | None = None) -> T | Field[T]:
        raise NotImplementedError  # pragma: no cover - never instantiated


def required(key: str, kind: type[T], doc: str) -> Field[T]:
    """Declare a property reading the required field ``key`` of the wrapped dict.

    Args:
        key: the field name in the raw dict.
        kind: the type of the value (for type checkers; not checked at run time).
        doc: the property's docstring: what the field is, in one line.

    A missing field raises `EventFieldError` naming its path and the event source.
    """

    def read(self: DictWrapper) -> Any:
        try:
            return self._data[key]
        except (KeyError, TypeError):
            raise self._missing(key) from None

    read.__name__ = key
    return property(read, doc=doc)  # type: ignore[return-value]


def optional(key: str, kind: type[T], doc: str) -> Field[T | None]:
    """Declare a property reading the optional field ``key``: None when absent."""

    def read(self: DictWrapper) -> Any:
        return self._data.get(key)

    read.__name__ = key
    return property(read, doc=doc)  # type: ignore[return-value]


def required_int(key: str, doc: str) -> Field[int]:
    """Declare a property reading the required field ``key``, sent as a string, as an int."""

    def read(self: DictWrapper) -> int:
        try:
            return int(self._data[key])
        except (KeyError, TypeError):
            raise self._missing(key) from None
        except ValueError as exc:
            raise self._decode_error("integer", str(exc), key) from None

    read.__name__ = key
    return property(read, doc=doc)  # type: ignore[return-value]


def nested(key: str, cls: type[W], doc: str) -> Field[W]:
    """Declare a property wrapping the required dict ``key`` in ``cls`` (a new view per read)."""

    def read(self: DictWrapper) -> W:
        data = self._data
        try:
            value = data[key]
        except (KeyError, TypeError):
            raise self._missing(key) from None
        if value is None:  # sent as null: a field error too, not an AttributeError later
            raise self._missing(key)
        # Built like DictWrapper._wrap_list does: no __init__ call on the hot path. A new
        # view per read, so pointing at the parent forms no reference cycle.
        wrapper = _new(cls)
        wrapper._data = value
        wrapper._cache = None
        wrapper._at = self
        return wrapper

    read.__name__ = key
    return property(read, doc=doc)  # type: ignore[return-value]


def optional_nested(key: str, cls: type[W], doc: str) -> Field[W | None]:
    """Declare a property wrapping the optional dict ``key`` in ``cls``; None when absent."""

    def read(self: DictWrapper) -> W | None:
        data = self._data
        value = data.get(key)
        if value is None:
            return None
        wrapper = _new(cls)
        wrapper._data = value
        wrapper._cache = None
        wrapper._at = (self._source if self._at is None else self._at, data, key)
        return wrapper

    read.__name__ = key
    return property(read, doc=doc)  # type: ignore[return-value]


class WritableField(Field[T]):
    """What a `writable` field looks like to mypy: readable and assignable."""

    def __set__(self, obj: object, value: T) -> None:
        raise NotImplementedError  # pragma: no cover - never instantiated


def writable(key: str, kind: type[T], doc: str) -> WritableField[T | None]:
    """Declare a read/write property over ``key``, for the responses triggers return.

    Reading gives None when unset; assigning writes into the raw dict, which is what the
    handler returns (``return event.raw_event``).
    """

    def read(self: DictWrapper) -> Any:
        return self._data.get(key)

    def write(self: DictWrapper, value: Any) -> None:
        self._data[key] = value

    read.__name__ = key
    return property(read, write, doc=doc)  # type: ignore[return-value]
