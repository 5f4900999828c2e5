"""``Metrics``: invocation-scoped EMF metrics and the ``log_metrics`` handler decorator."""

from __future__ import annotations

import functools
import weakref

from powerkit import _config
from powerkit._errors import ConfigError
from powerkit.metrics import _sink
from powerkit.metrics._checks import MAX_DIMENSIONS, check_dimension, check_namespace
from powerkit.metrics._emf import Pending, render
from powerkit.metrics._errors import MetricDimensionError
from powerkit.metrics._metric_set import MetricSet

TYPE_CHECKING = False  # typing is not imported at run time: it costs more than this package
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from powerkit.middleware import HandlerDecorator


# Every live Metrics instance, so that one log_metrics can publish what other instances
# collected outside their own log_metrics (a helper module's Metrics()), which would otherwise
# wait for an invocation that never comes. Weak: instances are not kept alive by this.
_instances: weakref.WeakSet[Metrics] = weakref.WeakSet()


def publish_strays(owner: Metrics) -> None:
    """Publish metrics other instances hold outside any invocation of their own."""
    for other in list(_instances):
        if other is owner:
            continue
        stray = other._global
        if stray.metrics:
            with stray.lock:
                other._publish(stray)


class Metrics(MetricSet):
    """Collect metrics during an invocation and publish them as CloudWatch EMF lines.

    Pending metrics belong to the invocation that added them (a ``ContextVar`` set by
    `log_metrics`), so concurrent invocations in threads or tasks publish only their own
    metrics. Metrics added outside any invocation (at import time) are published with the next
    invocation. Default dimensions are shared by every invocation of this instance. Metrics
    added to an instance whose own ``log_metrics`` is not running (a ``Metrics()`` in a helper
    module) are published when any instance's ``log_metrics`` finishes, so none is lost.

    Args:
        namespace: CloudWatch namespace; defaults to ``POWERKIT_METRICS_NAMESPACE``.
        service: adds a ``service`` dimension to every line; defaults to
            ``POWERKIT_SERVICE_NAME`` (no dimension when neither is set).
        disabled: drop output (lines are still built and checked); defaults to
            ``POWERKIT_METRICS_DISABLED``.
        flush_margin_ms: publish pending metrics this long before the Lambda deadline so they
            survive a timeout (0 turns it off); defaults to ``POWERKIT_METRICS_FLUSH_MARGIN_MS``
            or 500.

    Examples:
        >>> metrics = Metrics(namespace="Shop", service="orders")
        >>> @metrics.log_metrics(capture_cold_start_metric=True)
        ... def handler(event, context):
        ...     metrics.add_metric("Orders", MetricUnit.Count, 1)
    """

    def __init__(
        self,
        namespace: str | None = None,
        service: str | None = None,
        *,
        disabled: bool | None = None,
        flush_margin_ms: float | None = None,
    ) -> None:
        if namespace is not None:
            namespace = check_namespace(namespace, source="namespace")
        else:
            found = _config.METRICS_NAMESPACE.raw()
            if found is not None:
                namespace = check_namespace(found[1], source=found[0])
        if service is None:
            service = _config.SERVICE_NAME.get()
        base: dict[str, str] = {}
        if service is not None:
            service = base["service"] = check_dimension("service", service)[1]
        super().__init__(namespace, base, _config.METRICS_DISABLED.resolve_bool(disabled))
        self._service = service
        self._defaults: dict[str, str] = {}
        if flush_margin_ms is None:
            flush_margin_ms = _config.METRICS_FLUSH_MARGIN_MS.get_float(500.0)
        if flush_margin_ms < 0:
            raise ConfigError(
                f"flush_margin_ms={flush_margin_ms!r} must be >= 0 (0 turns the deadline flush off)"
            )
        self._margin_s = flush_margin_ms / 1000
        _instances.add(self)

    @functools.cached_property
    def log_metrics(self) -> HandlerDecorator:
        """Handler decorator (bare or with options) publishing the invocation's metrics.

        The metrics are published when the handler returns, when it raises (the exception
        propagates), and ``flush_margin_ms`` before the Lambda deadline while it still runs.

        Options: ``capture_cold_start_metric=False`` (publish ``ColdStart`` as its own line on
        the first invocation), ``raise_on_empty_metrics=False`` (raise
        `EmptyMetricsError` when the invocation published nothing),
        ``default_dimensions=None`` (added to this instance's default dimensions).
        """
        # Built on first use so that importing powerkit.metrics does not load the middleware.
        from powerkit.metrics._middleware import decorator_for

        return decorator_for(self)

    @property
    def service(self) -> str | None:
        """The ``service`` dimension of every line, or None."""
        return self._service

    @property
    def default_dimensions(self) -> dict[str, str]:
        """A copy of the dimensions added to every line (``service`` not included)."""
        return dict(self._defaults)

    def set_default_dimensions(self, **dimensions: Any) -> None:
        """Add dimensions to every line this instance publishes, in every invocation.

        Raises:
            MetricDimensionError: a bad name or value, more than 30 dimensions, or a name the
                pending metric set uses for a metric or metadata.
        """
        checked = dict(check_dimension(name, value) for name, value in dimensions.items())
        pending = self._var.get()
        with pending.lock:
            for name, text in checked.items():
                self._check_dimension_name(name, pending)
                other = pending.set_values.get(name)
                if other is not None and other != text:
                    raise MetricDimensionError(
                        f"default dimension {name!r}={text!r} conflicts with the value "
                        f"{other!r} an add_dimension_set call gave it; use one value per name"
                    )
            defaults = {**self._defaults, **checked}
            base = self._base_with(defaults)
            if len({**base, **pending.dimensions}) > MAX_DIMENSIONS:
                raise MetricDimensionError(
                    f"default dimensions {sorted(defaults)} plus service and added dimensions "
                    f"exceed {MAX_DIMENSIONS} per dimension set; drop some"
                )
            self._defaults = defaults
            self._base = base

    def clear_default_dimensions(self) -> None:
        """Remove every default dimension (the ``service`` dimension stays)."""
        self._defaults = {}
        self._base = self._base_with({})

    def _base_with(self, defaults: dict[str, str]) -> dict[str, str]:
        if self._service is None:
            return dict(defaults)
        return {"service": self._service, **defaults}

    # -- invocation lifecycle -----------------------------------------------------------------

    def _deadline_flush(self, pending: Pending) -> None:
        # Runs on the scheduler thread with the invocation's own set, captured at start: the
        # ContextVar is not visible from that thread. From now on the process may be killed
        # at any moment, so every later add publishes at once and stdout is flushed.
        with pending.lock:
            pending.late = True
            pending.limit = 1
            self._publish(pending)

    def _publish_cold_start(self, context: Any) -> None:
        if self._namespace is None:
            self._missing_namespace()
        dimensions: dict[str, str] = {}
        function_name = getattr(context, "function_name", None)
        if not isinstance(function_name, str) or not function_name:
            function_name = _config.AWS_LAMBDA_FUNCTION_NAME.get()  # called without a context
        if function_name:
            dimensions["function_name"] = check_dimension("function_name", function_name)[1]
        if self._service is not None:
            dimensions["service"] = self._service
        line = Pending()
        line.metrics["ColdStart"] = ["Count", 60, [1]]
        _sink.emit(render(self._namespace, dimensions, line), self._disabled)

    def _apply_option_dimensions(self, dimensions: Mapping[str, Any]) -> None:
        if any(self._defaults.get(name) != value for name, value in dimensions.items()):
            self.set_default_dimensions(**dimensions)
