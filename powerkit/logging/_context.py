"""Context-wide log state shared by every powerkit logger (and by other utilities).

Three context variables live here, and nothing else, so that other utilities (batch, the
correlation utility) can reuse them without importing the logger:

- the *correlation id* of the current invocation or request;
- the *context keys*: keys added to every line of every powerkit logger while a
  `context_keys` block is open;
- the *invocation keys*: the Lambda fields (``cold_start``, ``function_name``, ...) set by
  ``inject_lambda_context`` for the invocation it wraps.

Values are treated as immutable (a new dict on every change), so a snapshot taken when a line
is logged stays valid even if the keys change before the line is written (buffering), and a
worker thread running in a copied context never mutates its parent's keys.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_EMPTY: Mapping[str, Any] = {}

correlation_id_var: ContextVar[str | None] = ContextVar("powerkit_correlation_id", default=None)
context_keys_var: ContextVar[Mapping[str, Any]] = ContextVar(
    "powerkit_log_context_keys", default=_EMPTY
)

debug_sampled_var: ContextVar[bool] = ContextVar("powerkit_debug_sampled", default=False)
"""True when this invocation logs at DEBUG because it, or the caller that sent its event, was
sampled (``Logger(sample_rate=...)``); ``powerkit.correlation`` carries it across services."""

invocation_keys_var: ContextVar[Mapping[str, Any]] = ContextVar(
    "powerkit_log_invocation_keys", default=_EMPTY
)


def set_correlation_id(value: str | None) -> None:
    """Set the correlation id added to every log line in the current context.

    Inside a powerkit-decorated handler the value lasts for that invocation only.
    ``None`` removes it.
    """
    correlation_id_var.set(None if value is None else str(value))


def get_correlation_id() -> str | None:
    """The correlation id of the current context, or None."""
    return correlation_id_var.get()


@contextmanager
def context_keys(**keys: Any) -> Iterator[Mapping[str, Any]]:
    """Add ``keys`` to every line of every powerkit logger until the block exits.

    Blocks nest (inner keys win while the inner block is open); threads and asyncio tasks
    see the keys only when they run in a copy of this context. Keys whose value is None are
    omitted from lines, like every other key.

    Examples:
        >>> with context_keys(record_id="r-1"):
        ...     logger.info("processing")  # the line has "record_id": "r-1"

    Yields:
        The keys in force inside the block (read-only).
    """
    current = context_keys_var.get()
    merged = {**current, **keys}
    token = context_keys_var.set(merged)
    try:
        yield merged
    finally:
        try:
            context_keys_var.reset(token)
        except ValueError:
            # The block was exited in another context (e.g. a generator resumed elsewhere):
            # restore the value we found instead of failing the caller.
            context_keys_var.set(current)
