"""Per-record log keys: ``record_id`` (and ``message_group_id`` for FIFO) on every log line.

The only place `powerkit.batch` touches `powerkit.logging`. The processing loops set
the logging utility's context-keys variable directly rather than entering
``context_keys(...)`` (a generator-based context manager, about 1 µs per record); the effect
is the same: every powerkit logger line written while a record runs carries its keys, worker
threads and asyncio tasks see them because they run in a copy of the caller's context, and
the keys the caller had are restored when the batch is done. The value is treated as
immutable by every reader (log buffering keeps a reference), so each record gets a new dict.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

LogKeys = ContextVar[Any]


def log_keys_var() -> LogKeys | None:
    """The logging utility's context-keys variable, or None when nothing can read it.

    Only code that imported `powerkit.logging` (a ``Logger``, its ``JsonFormatter``) reads
    the variable, so when that module is not loaded the keys would be invisible and setting
    them is skipped (checked once per batch; batch never imports logging itself).
    """
    module = sys.modules.get("powerkit.logging._context")
    if module is None:
        return None
    var: LogKeys = module.context_keys_var
    return var


def record_keys(base: Any, record_id: str, group: str | None) -> dict[str, Any]:
    """The keys in force while one record runs: the caller's ``base`` plus the record's."""
    if group is None:
        return {**base, "record_id": record_id}
    return {**base, "record_id": record_id, "message_group_id": group}


def correlation_var() -> ContextVar[str | None] | None:
    """The logging utility's correlation-id variable, or None when nothing can read it."""
    module = sys.modules.get("powerkit.logging._context")
    if module is None:
        return None
    var: ContextVar[str | None] = module.correlation_id_var
    return var


@functools.cache
def correlation_reader() -> Callable[[Any], str | None]:
    """``powerkit.correlation``'s attributes-only reader of a record's correlation id.

    Imported on first use, and only by callers that found ``correlation_var()`` (so
    ``import powerkit.batch`` never loads the logging or correlation packages). Bodies are not
    parsed per record: that would cost more than processing the record; the invocation's id
    (from the first record) stays in force for records that carry none.
    """
    from powerkit.correlation._extract import attribute_correlation_id

    return attribute_correlation_id


def bind_record(raw: Any, rid: str) -> None:
    """Make the record's log keys and correlation id current in this context.

    For records run in their own context copy (a worker thread, an asyncio task): nothing
    needs restoring afterwards, the copy is dropped.
    """
    log_keys = log_keys_var()
    if log_keys is None:
        return
    log_keys.set(record_keys(log_keys.get(), rid, None))
    correlation = correlation_var()
    record_id = correlation_reader()(raw) if correlation is not None else None
    if correlation is not None and record_id is not None:
        correlation.set(record_id)
