"""The lazy wrapper every event data class is built on, and the errors it raises.

A wrapper holds a reference to the raw dict (never a copy) and, for nested wrappers, where it
sits in its parent (used only to name the field path in an error). Properties read the dict
when accessed; values that cost something to derive (decoded bodies, parsed JSON, deserialised
images) are cached per wrapper with `cached`.

Exception tree::

    PowerkitError
    └── EventSourceError                  powerkit.events
        ├── EventFieldError (KeyError)    a required field is missing from the event
        └── EventDecodeError (ValueError) a field is not valid JSON / base64 / gzip / UTF-8
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar, overload

from powerkit._errors import PowerkitError

T = TypeVar("T")
W = TypeVar("W", bound="DictWrapper")
_new = object.__new__


class EventSourceError(PowerkitError):
    """Base class of the errors raised by `powerkit.events`."""


class EventFieldError(EventSourceError, KeyError):
    """A property needs a field the event does not have.

    Attributes:
        path: the dotted path of the missing field from the outermost wrapper,
            e.g. ``Records[1].messageId``.
        source: the event source the data class expects, e.g. ``SQS``.
    """

    def __init__(self, path: str, source: str, data_class: str) -> None:
        self.path = path
        self.source = source
        super().__init__(path)
        self._message = (
            f"{source} event has no {path!r} field, which {data_class} needs. "
            f"Check that the handler receives {source} events (event source mapping, "
            f"trigger or test fixture), or read the raw dict (.raw_event) yourself."
        )

    def __str__(self) -> str:
        # KeyError.__str__ would repr() the key; show the whole message instead.
        return self._message


class EventDecodeError(EventSourceError, ValueError):
    """A field is present but cannot be decoded (JSON, base64, gzip or UTF-8).

    Attributes:
        path: the dotted path of the field, e.g. ``Records[0].body``.
        source: the event source, e.g. ``SQS``.
    """

    def __init__(self, path: str, source: str, what: str, reason: str, record: str = "") -> None:
        self.path = path
        self.source = source
        super().__init__(
            f"{source} field {path!r}{record} is not valid {what}: {reason}. "
            f"Read the raw value instead, or fix the producer of the event."
        )


class cached(Generic[T]):
    """A read-only property computed on first read and then remembered per wrapper.

    Wrappers have no ``__dict__`` (instances with one cost noticeably more to create, and
    events create one wrapper per record), so values live in a small dict in the
    ``_cache`` slot, created on the first cached read (a slot that is never set would cost
    an AttributeError, far more than the None it holds instead).
    """

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> cached[T]: ...

    @overload
    def __get__(self, obj: DictWrapper, owner: type | None = None) -> T: ...

    def __get__(self, obj: DictWrapper | None, owner: type | None = None) -> T | cached[T]:
        if obj is None:
            return self
        cache = obj._cache
        if cache is None:
            cache = obj._cache = {}
        try:
            value: T = cache[self.name]
        except KeyError:
            value = cache[self.name] = self.func(obj)
        return value


# Where a nested wrapper sits, for error messages: (up, parent's raw data, key), where ``up``
# is the parent's own location, or the name of the event source at the outermost level.
# It holds raw data and strings, never wrappers, so a cached child never forms a reference
# cycle with its parent and events are freed by reference counting alone. Uncached views
# (a new one per read) may instead point at their parent wrapper, which holds no
# reference back: cheaper to build, and still cycle-free.
Location = tuple[Any, Any, str]


def _segments(data: Any, parent_data: Any, key: str) -> list[str | int]:
    """The keys from the parent's data to ``data`` (list indices found by identity)."""
    container = parent_data.get(key) if isinstance(parent_data, dict) else None
    if isinstance(container, list):
        for index, item in enumerate(container):
            if item is data:
                return [key, index]
    return [key]


class DictWrapper:
    """A typed, read-only view over one dict of a Lambda event.

    Construct it from the raw dict; wrapping is O(1) and copies nothing. ``raw_event`` is the
    dict you passed in, untouched; ``wrapper["key"]`` reads it directly.

    Args:
        data: the raw dict (an event, or a record of an event).

    Wrappers that an event creates for its records and nested objects are built without
    calling ``__init__`` (it is the hot path): subclasses must not rely on ``__init__``
    running for them.
    """

    __slots__ = ("_at", "_cache", "_data")
    _cache: dict[str, Any] | None  # created on the first read of a `cached` property

    # The human name of the event source, used in error messages.
    _source: ClassVar[str] = "Lambda"
    # The field that identifies a record (e.g. "messageId"), named in decode errors.
    _id_key: ClassVar[str | None] = None

    def __init__(self, data: dict[str, Any], _at: Location | DictWrapper | None = None) -> None:
        self._data = data
        self._cache = None
        # Where this dict sits in the event (see Location), used only to name the field path
        # in errors. Items of a list share one tuple; their index is found when an error
        # needs it, so wrapping a record allocates nothing.
        self._at = _at

    @property
    def raw_event(self) -> dict[str, Any]:
        """The raw dict this wrapper reads, exactly as received."""
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DictWrapper):
            return type(self) is type(other) and self._data == other._data
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable underlying dict

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"

    # -- helpers for subclasses: one place that turns a missing field into a clear error --

    def _child(self, key: str) -> Location:
        """The location of the child found under ``key`` of this wrapper's data."""
        return (self._source if self._at is None else self._at, self._data, key)

    def _path(self, *keys: str | int) -> str:
        """The field path of ``keys`` under this wrapper, from the outermost wrapper."""
        segments: list[str | int] = list(keys)
        data: Any = self._data
        at: Any = self._at
        while at is not None and not isinstance(at, str):
            if isinstance(at, DictWrapper):
                # A plain nested view points at its parent wrapper (see _fields.nested); the
                # key is the one whose value is this very dict.
                parent_data = at._data
                key = next((k for k, v in parent_data.items() if v is data), "?")
                up = at._at
            else:
                up, parent_data, key = at
            segments[:0] = _segments(data, parent_data, key)
            data, at = parent_data, up
        return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in segments).lstrip(".")

    def _root_source(self) -> str:
        # The outermost wrapper knows the source best (a Function URL event nests the
        # request context classes it shares with HTTP APIs).
        at: Any = self._at
        source = self._source
        while at is not None and not isinstance(at, str):
            if isinstance(at, DictWrapper):
                source = at._source
                at = at._at
            else:
                at = at[0]
        return at if isinstance(at, str) else source

    def _missing(self, *keys: str | int) -> EventFieldError:
        return EventFieldError(self._path(*keys), self._root_source(), type(self).__name__)

    def _req(self, key: str) -> Any:
        """The value of a required field; raises `EventFieldError` when absent."""
        try:
            return self._data[key]
        except (KeyError, TypeError):
            raise self._missing(key) from None

    def _req_in(self, *keys: str) -> Any:
        """The value of a required nested field (``keys`` walk down dicts)."""
        value: Any = self._data
        for depth, key in enumerate(keys):
            try:
                value = value[key]
            except (KeyError, TypeError):
                raise self._missing(*keys[: depth + 1]) from None
        return value

    def _opt_in(self, *keys: str) -> Any:
        """The value of an optional nested field, or None when any level is absent."""
        value: Any = self._data
        for key in keys:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value

    def _str(self, key: str) -> str:
        value: str = self._req(key)
        return value

    def _opt_str(self, key: str) -> str | None:
        value: str | None = self._data.get(key)
        return value

    def _decode_error(self, what: str, reason: str, *keys: str | int) -> EventDecodeError:
        record = ""
        if self._id_key is not None and isinstance(self._data, dict):
            record = f" (record {self._id_key}={self._data.get(self._id_key)!r})"
        return EventDecodeError(self._path(*keys), self._root_source(), what, reason, record)

    def _json(self, text: str | bytes | None, *keys: str | int) -> Any:
        """Parse ``text`` (the field at ``keys``) as JSON, naming the field on failure."""
        if text is None:
            raise self._missing(*keys)
        # Imported here: most handlers never parse a body, and json/base64 are a large
        # share of this package's import time in a fresh interpreter.
        import json

        try:
            return json.loads(text)
        except ValueError as exc:
            raise self._decode_error("JSON", str(exc), *keys) from None

    def _b64(self, text: str, *keys: str | int) -> bytes:
        """Decode base64 ``text`` (the field at ``keys``), naming the field on failure."""
        import base64

        try:
            return base64.b64decode(text, validate=True)
        except (ValueError, TypeError) as exc:  # binascii.Error is a ValueError
            raise self._decode_error("base64", str(exc), *keys) from None

    def _utf8(self, data: bytes, *keys: str | int) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise self._decode_error("UTF-8", str(exc), *keys) from None

    def _wrap_list(self, cls: type[W], key: str) -> list[W]:
        """``cls`` over each dict of the required list ``key``, remembering where it sits."""
        items: list[dict[str, Any]] | None = self._req(key)
        if items is None:  # sent as null: as absent as a missing key
            raise self._missing(key)
        at = (self._source if self._at is None else self._at, self._data, key)
        wrappers: list[W] = []
        append = wrappers.append
        for item in items:
            # object.__new__ plus three slot stores costs about half of a class call that
            # runs __init__, and events create one wrapper per record (see _fields.nested).
            wrapper = _new(cls)
            wrapper._data = item
            wrapper._cache = None
            wrapper._at = at
            append(wrapper)
        return wrappers
