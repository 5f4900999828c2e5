"""Log buffering: keep low-level lines of an invocation in memory, write them only on error.

`LogBuffer` is the user's configuration; `InvocationBuffer` holds the lines of
one invocation. The buffer of an invocation lives in ``current_invocation().state``, so it is
shared by the handler's threads and tasks (which run in copies of the invocation's context)
and vanishes when the invocation ends.
"""

from __future__ import annotations

import logging
import threading
from collections import deque

from powerkit._errors import ConfigError
from powerkit.logging._levels import to_level


class LogBuffer:
    """Buffer lines at or below ``level`` for the current invocation.

    Buffered lines are written, with their original timestamps, when a line at ERROR or
    above is logged (``flush_on_error``), when the handler raises (``inject_lambda_context``'s
    ``flush_buffer_on_error``) or when `Logger.flush_buffer` is called. They are dropped
    when the invocation ends cleanly. When the buffer is full, the oldest lines are evicted and
    one warning line reports how many, at the next flush.

    Args:
        max_bytes: memory budget per invocation, counted in bytes of JSON text.
        level: the most verbose level *not* written directly: ``"DEBUG"`` (default),
            ``"INFO"`` or ``"WARNING"``.
        flush_on_error: write the buffer when a line at ERROR or above is logged.

    Raises:
        ConfigError: ``max_bytes`` is not a positive int, or ``level`` is ERROR or above.
    """

    __slots__ = ("flush_on_error", "level", "levelno", "max_bytes")

    def __init__(
        self, max_bytes: int = 20480, level: str | int = "DEBUG", flush_on_error: bool = True
    ) -> None:
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
            raise ConfigError(f"LogBuffer(max_bytes={max_bytes!r}) must be an int, e.g. 20480")
        if max_bytes <= 0:
            raise ConfigError(f"LogBuffer(max_bytes={max_bytes}) must be positive, e.g. 20480")
        levelno = to_level(level, source="LogBuffer(level)")
        if levelno >= logging.ERROR:
            raise ConfigError(
                f"LogBuffer(level={level!r}): errors are never buffered; use DEBUG, INFO or WARNING"
            )
        self.max_bytes = max_bytes
        self.level = level
        self.levelno = levelno
        self.flush_on_error = bool(flush_on_error)

    def __repr__(self) -> str:
        return (
            f"LogBuffer(max_bytes={self.max_bytes}, level={self.level!r}, "
            f"flush_on_error={self.flush_on_error})"
        )


class InvocationBuffer:
    """The buffered lines of one invocation: ``(record, size)`` pairs, oldest first."""

    __slots__ = ("_lock", "evicted", "evicted_bytes", "lines", "max_bytes", "size")

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.lines: deque[tuple[logging.LogRecord, int]] = deque()
        self.size = 0
        self.evicted = 0
        self.evicted_bytes = 0
        self._lock = threading.Lock()

    def add(self, record: logging.LogRecord, size: int) -> None:
        """Keep ``record``; evict the oldest lines until the buffer fits."""
        with self._lock:
            self.lines.append((record, size))
            self.size += size
            while self.size > self.max_bytes and self.lines:
                _, dropped = self.lines.popleft()
                self.size -= dropped
                self.evicted += 1
                self.evicted_bytes += dropped

    def take(self) -> tuple[list[logging.LogRecord], int, int]:
        """Empty the buffer: its records, and how many lines (and bytes) were evicted."""
        with self._lock:
            records = [record for record, _ in self.lines]
            evicted, evicted_bytes = self.evicted, self.evicted_bytes
            self.lines.clear()
            self.size = self.evicted = self.evicted_bytes = 0
        return records, evicted, evicted_bytes

    def clear(self) -> None:
        """Drop every buffered line."""
        self.take()
