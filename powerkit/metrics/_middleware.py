"""The ``log_metrics`` middleware: one invocation's metric set, from start to last flush."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from powerkit._scope import current_invocation
from powerkit.metrics._deadline import scheduler
from powerkit.metrics._errors import EmptyMetricsError
from powerkit.middleware import HandlerDecorator, lambda_handler_decorator

if TYPE_CHECKING:
    from powerkit.metrics._metrics import Metrics


def decorator_for(metrics: Metrics) -> HandlerDecorator:
    """The ``log_metrics`` decorator bound to ``metrics``."""
    middleware = functools.partial(_log_metrics, metrics=metrics)
    # lambda_handler_decorator names the decorator in its error messages.
    middleware.__name__ = "log_metrics"  # type: ignore[attr-defined]
    middleware.__qualname__ = "Metrics.log_metrics"  # type: ignore[attr-defined]
    return lambda_handler_decorator(middleware)


def _log_metrics(
    handler: Callable[[Any, Any], Any],
    event: Any,
    context: Any,
    *,
    metrics: Metrics,
    capture_cold_start_metric: bool = False,
    raise_on_empty_metrics: bool = False,
    default_dimensions: Mapping[str, Any] | None = None,
) -> Any:
    if default_dimensions:
        metrics._apply_option_dimensions(default_dimensions)
    pending = metrics._begin()
    token = metrics._var.set(pending)
    key = None
    try:
        if capture_cold_start_metric:
            invocation = current_invocation()
            if invocation is not None and invocation.cold_start:
                metrics._publish_cold_start(context)
        if metrics._margin_s and context is not None:
            remaining = getattr(context, "get_remaining_time_in_millis", None)
            remaining = remaining() if remaining is not None else None
            if type(remaining) is int or type(remaining) is float:
                at = time.monotonic() + remaining / 1000 - metrics._margin_s
                key = scheduler.schedule(at, metrics._deadline_flush, pending)
        result = handler(event, context)
    finally:
        if key is not None:
            scheduler.cancel(key)
        metrics._var.reset(token)
        metrics._finish(pending)
    if raise_on_empty_metrics and not pending.published:
        raise EmptyMetricsError(
            "the invocation published no metric and raise_on_empty_metrics=True: add a metric "
            "in every path of the handler, or drop the option"
        )
    return result
