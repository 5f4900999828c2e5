"""``@event_source``: hand the handler a data class instead of the raw event."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Protocol, TypeVar, cast, overload

from powerkit.middleware import lambda_handler_decorator

E = TypeVar("E", covariant=True)
C = TypeVar("C")
R = TypeVar("R")


def _event_source(
    handler: Callable[[Any, Any], Any],
    event: Any,
    context: Any,
    data_class: Callable[[Any], Any],
) -> Any:
    return handler(data_class(event), context)


_decorator = lambda_handler_decorator(_event_source)


class EventSourceApplier(Protocol[E]):
    """What ``event_source(data_class=X)`` returns: it takes a handler of ``X`` events and
    gives back a handler of raw events (``async`` handlers are run to completion)."""

    @overload
    def __call__(
        self, handler: Callable[[E, C], Coroutine[Any, Any, R]], /
    ) -> Callable[[Any, C], R]: ...

    @overload
    def __call__(self, handler: Callable[[E, C], R], /) -> Callable[[Any, C], R]: ...

    def __call__(self, handler: Callable[[E, C], Any], /) -> Callable[[Any, C], Any]: ...


def event_source(
    handler: Any = None, /, *, data_class: Callable[[Any], E] | None = None
) -> EventSourceApplier[E]:
    """Wrap the raw event in ``data_class`` before the handler sees it.

    Built with `powerkit.middleware.lambda_handler_decorator`, so it stacks with the
    other powerkit decorators in one flattened chain. Wrapping costs O(1) per invocation
    (nothing is copied; ``event.raw_event`` is the original dict). The decorated handler
    takes the raw event, so type checkers accept ``handler(raw_dict, context)`` in tests.

    Args:
        data_class: the class to wrap the event in, e.g. ``SQSEvent`` (any callable taking
            the raw event works, e.g. ``AppSyncResolverEvent.batch``).

    Examples:
        >>> from powerkit.events import SQSEvent, event_source
        >>> @event_source(data_class=SQSEvent)
        ... def handler(event: SQSEvent, context):
        ...     return [record.body for record in event.records]
    """
    options = {} if data_class is None else {"data_class": data_class}
    if handler is not None:
        # Bare @event_source (no data class): the middleware factory raises MiddlewareError.
        return cast("EventSourceApplier[E]", _decorator(handler, **options))
    return cast("EventSourceApplier[E]", _decorator(**options))
