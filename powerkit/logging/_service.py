"""Per-service logger state shared by a `Logger` and its children.

A service's configuration hangs off the standard-library logger named after the service
(attribute ``powerkit_service``), so ``logging``'s own registry is the only registry and a
child logger in another module finds its parent by name.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from types import FrameType
from typing import IO, Any

from powerkit._errors import PowerkitError
from powerkit.logging._buffer import InvocationBuffer, LogBuffer
from powerkit.logging._context import context_keys_var, correlation_id_var, invocation_keys_var
from powerkit.logging._format import JsonFormatter, LineState
from powerkit.logging._levels import resolve_level
from powerkit.logging._output import PowerkitHandler
from powerkit.logging._record import PowerkitRecord

ATTRIBUTE = "powerkit_service"


class LoggingError(PowerkitError):
    """Base class of the errors raised by `powerkit.logging`."""


class ParentLoggerNotFoundError(LoggingError, LookupError):
    """A child logger was used before (or without) its parent service logger."""


def random_fraction() -> float:
    """A uniform float in [0, 1) (cheaper to import than `random`)."""
    return int.from_bytes(os.urandom(7), "big") / (1 << 56)


class Service:
    """Everything the loggers of one service share.

    Attributes:
        name: the service name (also the standard-library logger's name).
        level: the resolved level number.
        sample_rate: fraction of invocations logging at DEBUG (0 when off).
        buffer: the buffering configuration, or None.
        keys: context variable holding persistent + appended keys (its default is the
            persistent keys, so a fresh thread starts with them).
        sampled: context variable: is the current invocation sampled?
    """

    def __init__(
        self,
        name: str,
        *,
        level: str | int | None,
        sample_rate: float,
        stream: IO[str] | None,
        formatter_options: dict[str, Any],
        buffer: LogBuffer | None,
        persistent_keys: Mapping[str, Any],
        propagate: bool,
    ) -> None:
        self.name = name
        self.explicit_level = level
        self.sample_rate = sample_rate
        self.buffer = buffer
        self.buffer_level = buffer.levelno if buffer is not None else -1
        self.buffer_key = f"powerkit.logging.buffer:{name}"
        self.persistent: Mapping[str, Any] = dict(persistent_keys)
        self.keys: ContextVar[Mapping[str, Any]] = ContextVar(
            f"powerkit_log_keys_{name}", default=self.persistent
        )
        self.sampled: ContextVar[bool] = ContextVar(
            f"powerkit_log_sampled_{name}",
            default=self.decide_sampling(),  # noqa: B039 - a bool
        )
        sampled: Callable[[], bool] | None = self.sampled.get if sample_rate > 0 else None
        self.formatter = JsonFormatter(name, sampled=sampled, **formatter_options)
        self.handler = PowerkitHandler(stream)
        self.handler.setFormatter(self.formatter)
        self.stdlib = logging.getLogger(name)
        self.level = self.floor = logging.INFO
        self.special = False
        self.set_level(level, stacklevel=5)
        self._install(propagate)

    def _install(self, propagate: bool) -> None:
        stdlib = self.stdlib
        for handler in list(stdlib.handlers):
            if isinstance(handler, PowerkitHandler):  # a previous Logger for this service
                stdlib.removeHandler(handler)
        stdlib.addHandler(self.handler)
        # The Lambda runtime puts a handler on the root logger: propagating would print
        # every line twice (once as JSON, once in the runtime's text format).
        stdlib.propagate = propagate
        setattr(stdlib, ATTRIBUTE, self)

    def set_level(self, level: str | int | None, *, stacklevel: int = 4) -> None:
        """Resolve ``level`` with the usual precedence and recompute the fast-path floor."""
        self.level = resolve_level(level, self.name, stacklevel=stacklevel)
        self.stdlib.setLevel(self.level)
        floor = self.level
        if self.sample_rate > 0:
            floor = min(floor, logging.DEBUG)
        if self.buffer is not None:
            floor = min(floor, logging.DEBUG)
        self.floor = floor
        # Sampling or buffering: the decision depends on the invocation (slow path).
        self.special = self.sample_rate > 0 or self.buffer is not None

    def decide_sampling(self) -> bool:
        """Draw a fresh sampling decision (True: this invocation logs at DEBUG)."""
        return self.sample_rate > 0 and random_fraction() < self.sample_rate

    def invocation_buffer(self, create: bool = True) -> InvocationBuffer | None:
        """The buffer of the current invocation, or None outside an invocation."""
        if self.buffer is None:
            return None
        from powerkit._scope import current_invocation  # buffering only; keeps import light

        invocation = current_invocation()
        if invocation is None:
            return None
        found: InvocationBuffer | None = invocation.state.get(self.buffer_key)
        if found is None and create:
            found = invocation.state.setdefault(
                self.buffer_key, InvocationBuffer(self.buffer.max_bytes)
            )
        return found

    def flush_buffer(self, stdlib: logging.Logger, frame: FrameType) -> None:
        """Write this invocation's buffered lines through ``stdlib``, oldest first.

        Evictions are reported first, in one WARNING line written directly (a WARNING-level
        buffer must not swallow its own report); ``frame`` gives that line its location.
        """
        buffer = self.invocation_buffer(create=False)
        if buffer is None:
            return
        records, evicted, evicted_bytes = buffer.take()
        if evicted:
            limit = self.buffer.max_bytes if self.buffer is not None else 0
            report = PowerkitRecord(
                stdlib.name,
                logging.WARNING,
                frame,
                "%d buffered log lines (%d bytes) were evicted, oldest first, because the "
                "buffer was full; raise LogBuffer(max_bytes=%d) to keep them",
                (evicted, evicted_bytes, limit),
                None,
                None,
            )
            report.powerkit = LineState(
                f"{report.funcName}:{report.lineno}",
                context_keys_var.get(),
                self.keys.get(),
                {"evicted_lines": evicted, "evicted_bytes": evicted_bytes},
                invocation_keys_var.get(),
                correlation_id_var.get(),
                self.sampled.get() if self.sample_rate > 0 else None,
            )
            stdlib.handle(report)
        for record in records:
            stdlib.handle(record)


def find_service(name: str) -> Service | None:
    """The service configured under ``name``, without creating a standard-library logger."""
    stdlib = logging.Logger.manager.loggerDict.get(name)
    found = getattr(stdlib, ATTRIBUTE, None)
    return found if isinstance(found, Service) else None
