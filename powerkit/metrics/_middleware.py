"""The ``log_metrics`` middleware: one invocation's metric set, from start to last flush."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from powerkit._scope import current_invocation
from powerkit.metrics._deadline import scheduler
from powerkit.metrics._emf import Pending
from powerkit.metrics._errors import EmptyMetricsError
from powerkit.middleware import HandlerDecorator, lambda_handler_decorator

if TYPE_CHECKING:
    from powerkit.metrics._metrics import Metrics

from powerkit.metrics._metrics import publish_strays


def decorator_for(metrics: Metrics) -> HandlerDecorator:
    """The ``log_metrics`` decorator bound to ``metrics``.

    The middleware is a closure over ``metrics`` (not a partial with a keyword), so each
    invocation pays for no keyword merging; it runs once per invocation, so its steps are
    inlined.
    """
    var = metrics._var
    imported = metrics._global
    publish = metrics._publish
    deadline_flush = metrics._deadline_flush
    monotonic = time.monotonic

    def log_metrics(
        handler: Callable[[Any, Any], Any],
        event: Any,
        context: Any,
        capture_cold_start_metric: bool = False,
        raise_on_empty_metrics: bool = False,
        default_dimensions: Mapping[str, Any] | None = None,
    ) -> Any:
        if default_dimensions:
            metrics._apply_option_dimensions(default_dimensions)
        pending = Pending()
        if not imported.is_empty():  # metrics added at import time go out with this one
            with imported.lock:
                pending.take_from(imported)
        token = var.set(pending)
        due = None
        try:
            if capture_cold_start_metric:
                invocation = current_invocation()
                if invocation is not None and invocation.cold_start:
                    metrics._publish_cold_start(context)
            margin = metrics._margin_s
            if margin and context is not None:
                try:
                    remaining = context.get_remaining_time_in_millis()
                except AttributeError:
                    remaining = None
                if type(remaining) is int or type(remaining) is float:
                    # scheduler.schedule() inlined: this runs on every invocation.
                    at = monotonic() + remaining / 1000 - margin
                    due = scheduler.due
                    due[pending] = (at, deadline_flush, pending)
                    if at < scheduler.wake_at:
                        scheduler.wake()
            result = handler(event, context)
        finally:
            if due is not None:
                due.pop(pending, None)
            var.reset(token)
            if pending.metrics:
                with pending.lock:
                    publish(pending)
            publish_strays(metrics)
        if raise_on_empty_metrics and not pending.published:
            raise EmptyMetricsError(
                "the invocation published no metric and raise_on_empty_metrics=True: add a "
                "metric in every path of the handler, or drop the option"
            )
        return result

    log_metrics.__qualname__ = "Metrics.log_metrics"
    return lambda_handler_decorator(log_metrics)
