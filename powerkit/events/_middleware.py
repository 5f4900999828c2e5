"""``@event_source``: hand the handler a data class instead of the raw event."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from powerkit.middleware import lambda_handler_decorator


def _event_source(
    handler: Callable[[Any, Any], Any],
    event: Any,
    context: Any,
    data_class: Callable[[Any], Any],
) -> Any:
    return handler(data_class(event), context)


event_source = lambda_handler_decorator(_event_source)
event_source.__doc__ = """Wrap the raw event in ``data_class`` before the handler sees it.

Use it with the data class as a keyword option; the wrapper costs O(1) per invocation
(nothing is copied; ``event.raw_event`` is the original dict).

Example:
    >>> from powerkit.events import SQSEvent, event_source
    >>> @event_source(data_class=SQSEvent)
    ... def handler(event: SQSEvent, context):
    ...     return [record.body for record in event.records]
"""
