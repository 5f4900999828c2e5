"""The switched-off path: deciding whether tracing is off, and what stands in for a span.

Kept apart from the Tracer so the decision and the stand-ins stay small and obviously cheap.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from powerkit import _config
from powerkit.tracing._rules import check_annotation, check_namespace

if TYPE_CHECKING:
    from powerkit.tracing._provider import AnnotationValue


class NoSpan:
    """What ``tracer.subsegment()`` yields when tracing is off: accepts and drops everything."""

    __slots__ = ()

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        check_annotation(key, value)

    def put_metadata(self, key: str, value: Any, namespace: str = "default") -> None:
        check_namespace(namespace)


NO_SPAN = NoSpan()


def _passthrough(handler: Callable[[Any, Any], Any], event: Any, context: Any) -> Any:
    return handler(event, context)


@functools.lru_cache(maxsize=1)
def run_only() -> Any:
    """A handler decorator that only runs async handlers to completion (tracing off)."""
    return middleware().lambda_handler_decorator(_passthrough)


def middleware() -> Any:
    # imported on first use: it brings asyncio, which a disabled Tracer never needs
    import powerkit.middleware

    return powerkit.middleware


def misused(decorator: str, option: str, value: Any) -> Exception:
    error: type[Exception] = middleware().MiddlewareError
    return error(
        f"{decorator} takes options as keywords only, e.g. "
        f"@tracer.{decorator}({option}=False); got the positional value {value!r}"
    )


def tracing_disabled(explicit: bool | None = None) -> bool:
    """Whether a Tracer built now with ``disabled=explicit`` would be off.

    Off outside Lambda, under ``sam local`` and with ``POWERKIT_TRACE_DISABLED``; an explicit
    value wins over all of them.
    """
    if explicit is not None:
        return explicit
    return (
        _config.TRACE_DISABLED.get_bool()
        or not _config.in_lambda()
        or _config.AWS_SAM_LOCAL.get_bool()
    )
