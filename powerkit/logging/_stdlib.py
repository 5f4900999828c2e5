"""The standard-library face of `Logger`.

The names (``setLevel``, ``addHandler``, ...) are ``logging.Logger``'s, so code written for the
standard library keeps working; they act on the standard-library logger underneath.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from powerkit.logging._output import PowerkitHandler

if TYPE_CHECKING:
    from powerkit.logging._service import Service


class StdlibMethods:
    """Mixin for `Logger`; needs ``_stdlib`` and ``_service_or_raise()``."""

    _stdlib: logging.Logger

    def _service_or_raise(self) -> Service:
        raise NotImplementedError

    @property
    def stdlib_logger(self) -> logging.Logger:
        """The standard-library logger underneath (add handlers and filters here)."""
        return self._stdlib

    @property
    def name(self) -> str:
        """The underlying ``logging.Logger``'s name."""
        return self._stdlib.name

    @property
    def level(self) -> int:
        """The resolved level number of this service."""
        return self._service_or_raise().level

    def setLevel(self, level: str | int) -> None:
        """Change the level (``AWS_LAMBDA_LOG_LEVEL`` still wins, as at construction)."""
        self._service_or_raise().set_level(level)

    def isEnabledFor(self, level: int) -> bool:
        """True when a line at ``level`` would be written now."""
        service = self._service_or_raise()
        if level >= service.level:
            return True
        return level >= logging.DEBUG and service.sample_rate > 0 and service.sampled.get()

    @property
    def handlers(self) -> list[logging.Handler]:
        """Handlers of the service's standard-library logger."""
        return self._service_or_raise().stdlib.handlers

    def addHandler(self, handler: logging.Handler) -> None:
        """Add a ``logging`` handler (it receives the same records)."""
        self._stdlib.addHandler(handler)

    def removeHandler(self, handler: logging.Handler) -> None:
        """Remove a ``logging`` handler."""
        self._stdlib.removeHandler(handler)

    def addFilter(self, filter: Any) -> None:
        """Add a ``logging`` filter (return False to drop a record)."""
        self._stdlib.addFilter(filter)

    def removeFilter(self, filter: Any) -> None:
        """Remove a ``logging`` filter."""
        self._stdlib.removeFilter(filter)

    def adopt_loggers(self, *names: str, level: str | int | None = None) -> None:
        """Format other libraries' loggers (e.g. ``"botocore"``) as this service's JSON lines.

        Each named logger gets this service's handler and stops propagating (no duplicates);
        ``level`` sets its level when given (Lambda's ``AWS_LAMBDA_LOG_LEVEL`` still wins when it
        is stricter, as for every powerkit logger).
        """
        from powerkit.logging._levels import resolve_level

        service = self._service_or_raise()
        for name in names:
            other = logging.getLogger(name)
            for handler in list(other.handlers):
                if isinstance(handler, PowerkitHandler):
                    other.removeHandler(handler)
            other.addHandler(service.handler)
            other.propagate = False
            if level is not None:
                other.setLevel(resolve_level(level, f"{service.name}:{name}", stacklevel=3))
