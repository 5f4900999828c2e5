"""Read every public property (and no-argument method) of a data class, recursively."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from powerkit.events import DictWrapper, EventDecodeError, EventFieldError
from powerkit.events._base import cached

# Properties that re-read a body as another source's event (SNS or S3 inside SQS): read
# them, but do not walk into them; the nesting checkers assert their fields instead.
VIEWS = frozenset({"sns_message", "s3_event"})


def public_properties(cls: type) -> list[str]:
    """Names of the public properties (plain or cached) of ``cls``, from its whole MRO."""
    names = set()
    for klass in cls.__mro__:
        for name, value in vars(klass).items():
            if not name.startswith("_") and isinstance(value, property | cached):
                names.add(name)
    names.discard("raw_event")
    return sorted(names)


def public_methods(cls: type) -> list[str]:
    """Names of public methods of ``cls`` callable without arguments."""
    names = []
    for name in dir(cls):
        if name.startswith("_") or name in public_properties(cls) or name == "raw_event":
            continue
        value = getattr(cls, name)
        if not inspect.isfunction(value):
            continue
        params = list(inspect.signature(value).parameters.values())[1:]
        if all(
            p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params
        ):
            names.append(name)
    return names


def _walk(value: Any, where: str, seen: set[int]) -> Iterator[tuple[str, Any]]:
    if isinstance(value, DictWrapper):
        if id(value) in seen:
            return
        seen.add(id(value))
        cls = type(value)
        for name in public_properties(cls):
            path = f"{where}.{name}"
            try:
                item = getattr(value, name)
            except (EventDecodeError, EventFieldError) as exc:  # e.g. a non-JSON body
                yield path, exc
                continue
            yield path, item
            if name not in VIEWS:
                yield from _walk(item, path, seen)
        for name in public_methods(cls):
            path = f"{where}.{name}()"
            try:
                item = getattr(value, name)()
            except (EventDecodeError, EventFieldError) as exc:
                yield path, exc
                continue
            yield path, item
            yield from _walk(item, path, seen)
        # Mapping-like wrappers (message attributes, headers): read every entry too.
        if hasattr(value, "__iter__") and hasattr(value, "__len__"):
            for key in list(value):  # type: ignore[call-overload]
                yield from _walk(value[key], f"{where}[{key!r}]", seen)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}[{index}]", seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{where}[{key!r}]", seen)


def read_everything(wrapper: DictWrapper) -> dict[str, Any]:
    """Every public property and method value reachable from ``wrapper``, by path."""
    return dict(_walk(wrapper, type(wrapper).__name__, set()))
