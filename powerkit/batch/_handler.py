"""The record handler's shape, read once per handler (never per record)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from powerkit.batch._errors import BatchConfigError


def handler_shape(handler: Callable[..., Any]) -> tuple[bool, bool]:
    """``(is_async, wants_context)`` of a record handler, inspected once per handler."""
    try:
        return _cached_shape(handler)
    except TypeError:  # unhashable callable object: inspect it without caching
        return _shape(handler)


def _shape(handler: Callable[..., Any]) -> tuple[bool, bool]:
    return is_async_handler(handler), _wants_context(handler)


def is_async_handler(handler: Callable[..., Any]) -> bool:
    """True for ``async def`` functions and objects whose ``__call__`` is ``async def``."""
    import inspect  # once per handler; keeps `import powerkit.batch` light

    return inspect.iscoroutinefunction(handler) or inspect.iscoroutinefunction(
        getattr(handler, "__call__", None)  # noqa: B004 - looking for an async __call__
    )


def _wants_context(handler: Callable[..., Any]) -> bool:
    import inspect

    try:
        parameters = list(inspect.signature(handler).parameters.values())
    except (TypeError, ValueError):  # builtins without a signature: call with the record only
        return False
    positional = [
        p
        for p in parameters
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)
    ]
    if not positional:
        raise BatchConfigError(
            f"record handler {handler!r} takes no positional argument; it must accept the "
            "record as its first argument (and optionally the Lambda context as its second)"
        )
    return len(positional) >= 2 or positional[0].kind is inspect.Parameter.VAR_POSITIONAL


_cached_shape = functools.lru_cache(maxsize=256)(_shape)
