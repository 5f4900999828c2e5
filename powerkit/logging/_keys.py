"""The key methods of `Logger`: appended, bound and correlation keys.

Keys live in the service's context variable (see `Service`):
each change stores a new dict, so lines already logged (and buffered) keep the keys they had,
and an invocation's changes vanish with its context.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from powerkit.logging._context import get_correlation_id, set_correlation_id

if TYPE_CHECKING:
    from powerkit.logging._service import Service


class KeyMethods:
    """Mixin for `Logger`; needs ``_service_or_raise()``."""

    def _service_or_raise(self) -> Service:
        raise NotImplementedError

    def append_keys(self, **keys: Any) -> None:
        """Add keys to every later line of this service in the current context."""
        var = self._service_or_raise().keys
        var.set({**var.get(), **keys})

    def remove_keys(self, *names: str) -> None:
        """Remove keys (appended or persistent) in the current context."""
        var = self._service_or_raise().keys
        current = var.get()
        var.set({key: value for key, value in current.items() if key not in names})

    def clear_keys(self) -> None:
        """Go back to the persistent keys given to the constructor."""
        service = self._service_or_raise()
        service.keys.set(service.persistent)

    def get_current_keys(self) -> dict[str, Any]:
        """Persistent and appended keys in force in the current context (a copy)."""
        return dict(self._service_or_raise().keys.get())

    @contextmanager
    def bind(self, **keys: Any) -> Iterator[None]:
        """Add ``keys`` while the block runs; on exit they are restored to what they were."""
        var = self._service_or_raise().keys
        before = var.get()
        var.set({**before, **keys})
        try:
            yield
        finally:
            after = dict(var.get())
            for key in keys:
                if key in before:
                    after[key] = before[key]
                else:
                    after.pop(key, None)
            var.set(after)

    def set_correlation_id(self, value: str | None) -> None:
        """Set the ``correlation_id`` key of the current invocation (see module function)."""
        set_correlation_id(value)

    def get_correlation_id(self) -> str | None:
        """The correlation id of the current invocation, or None."""
        return get_correlation_id()
