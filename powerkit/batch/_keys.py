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

import sys
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


_CORRELATION_ATTRIBUTE = "x-correlation-id"  # powerkit.correlation.DEFAULT_NAME


def correlation_var() -> ContextVar[str | None] | None:
    """The logging utility's correlation-id variable, or None when nothing can read it."""
    module = sys.modules.get("powerkit.logging._context")
    if module is None:
        return None
    var: ContextVar[str | None] = module.correlation_id_var
    return var


def record_correlation(raw: Any) -> str | None:
    """The record's own correlation id from its message attributes (SQS, SNS), or None.

    Only attributes are read, never the body: parsing every body for an id would cost more
    than processing many records. The invocation's id (from the first record, see
    ``powerkit.correlation``) stays in force for records that carry none.
    """
    attributes = raw.get("messageAttributes")
    if attributes:
        found = attributes.get(_CORRELATION_ATTRIBUTE)
        return found.get("stringValue") if found else None
    sns = raw.get("Sns")
    if sns:
        found = (sns.get("MessageAttributes") or {}).get(_CORRELATION_ATTRIBUTE)
        return found.get("Value") if found else None
    return None


def bind_record(raw: Any, rid: str) -> None:
    """Make the record's log keys and correlation id current in this context.

    For records run in their own context copy (a worker thread, an asyncio task): nothing
    needs restoring afterwards, the copy is dropped.
    """
    log_keys = log_keys_var()
    if log_keys is None:
        return
    log_keys.set(record_keys(log_keys.get(), rid, None))
    record_id = record_correlation(raw)
    correlation = correlation_var()
    if correlation is not None and record_id is not None:
        correlation.set(record_id)
