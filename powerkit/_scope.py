"""Invocation scope: the one place that knows which Lambda invocation is running.

Every powerkit handler decorator runs the handler through `run_in_invocation`, which
enters a *copy* of the caller's ``contextvars`` context for the duration of the invocation.
Any context variable a utility sets during the invocation (appended log keys, correlation id,
pending metrics, the batch record being processed) therefore disappears when the invocation
ends, and threads or asyncio tasks running other invocations never see it. Values set at
import time, outside any invocation, are inherited by every invocation.

This module also owns the process-wide cold-start flag, the only module-level mutable state
in powerkit.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from powerkit import _config
from powerkit.typing import LambdaContext

R = TypeVar("R")

_cold_start = True
_cold_start_lock = threading.Lock()
_current: contextvars.ContextVar[Invocation | None] = contextvars.ContextVar(
    "powerkit_invocation", default=None
)


class Invocation:
    """What every utility may know about the running invocation.

    Attributes:
        event: the event the handler received.
        context: the Lambda context, or None when a handler is called without one.
        request_id: ``context.aws_request_id``, or None without a context.
        cold_start: True for the first invocation of this process (False under provisioned
            concurrency, whose initialisation happened before any request).
        state: per-invocation storage for utilities (keyed by utility), dropped at the end.
    """

    # A plain slotted class, not a dataclass: `dataclasses` imports `inspect` (milliseconds of
    # cold start), and one Invocation is built per invocation.
    __slots__ = ("cold_start", "context", "event", "request_id", "state")

    def __init__(
        self,
        event: Any,
        context: LambdaContext | None,
        request_id: str | None,
        cold_start: bool,
    ) -> None:
        self.event = event
        self.context = context
        self.request_id = request_id
        self.cold_start = cold_start
        self.state: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Invocation(request_id={self.request_id!r}, cold_start={self.cold_start})"

    def remaining_ms(self) -> int | None:
        """Milliseconds before the Lambda deadline, or None when there is no context.

        Zero or negative means the deadline has passed; it is still a deadline.
        """
        context = self.context
        if context is None:
            return None
        return int(context.get_remaining_time_in_millis())


def current_invocation() -> Invocation | None:
    """The invocation running in this thread or task, or None outside any handler."""
    return _current.get()


def is_cold_start() -> bool:
    """True until the first invocation of this process has started."""
    return _cold_start


def _take_cold_start() -> bool:
    global _cold_start
    if not _cold_start:
        return False
    with _cold_start_lock:
        was_cold = _cold_start
        _cold_start = False
    if was_cold and _config.AWS_LAMBDA_INITIALIZATION_TYPE.get() == "provisioned-concurrency":
        return False
    return was_cold


def reset_cold_start() -> None:
    """Make the next invocation a cold start again (for tests and local runners)."""
    global _cold_start
    with _cold_start_lock:
        _cold_start = True


def _enter(handler: Callable[[Any, Any], R], event: Any, context: Any) -> R:
    request_id = getattr(context, "aws_request_id", None) if context is not None else None
    _current.set(Invocation(event, context, request_id, _take_cold_start()))
    return handler(event, context)


def run_in_invocation(handler: Callable[[Any, Any], R], event: Any, context: Any) -> R:
    """Call ``handler(event, context)`` inside a fresh invocation scope.

    Nested calls (stacked decorators, a handler calling another decorated handler with the
    same context) share the scope that is already open.
    """
    current = _current.get()
    if current is not None and (context is None or current.context is context):
        return handler(event, context)
    return contextvars.copy_context().run(_enter, handler, event, context)
