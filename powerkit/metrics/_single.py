"""``single_metric``: a one-off EMF line with its own namespace and dimensions."""

from __future__ import annotations

from powerkit import _config
from powerkit.metrics._checks import check_dimension, check_namespace
from powerkit.metrics._errors import MetricValueError
from powerkit.metrics._metric_set import MetricSet
from powerkit.metrics._units import MetricUnit

TYPE_CHECKING = False  # typing is not imported at run time: it costs more than this package
if TYPE_CHECKING:
    from collections.abc import Mapping
    from types import TracebackType
    from typing import Any


class SingleMetric(MetricSet):
    """The context manager ``single_metric`` returns: one metric name, its own dimensions.

    It is independent of any `Metrics` instance and invocation:
    no ``service`` or default dimensions are added, and its line is published when the
    ``with`` block exits (also when it raises).
    """

    def __init__(self, name: str, namespace: str | None, dimensions: dict[str, str]) -> None:
        super().__init__(namespace, dimensions, _config.METRICS_DISABLED.get_bool())
        self._name = name

    @property
    def name(self) -> str:
        """The one metric name this line carries."""
        return self._name

    def add_metric(
        self, name: str, unit: MetricUnit | str, value: float, resolution: int = 60
    ) -> None:
        """Add another value of the same metric (a single metric line has one name).

        Raises:
            MetricValueError: ``name`` is not the name given to ``single_metric``, or as for
                `Metrics.add_metric`.
        """
        if name != self._name:
            raise MetricValueError(
                f"single_metric({self._name!r}) publishes one metric; use another "
                f"single_metric block (or Metrics) for {name!r}"
            )
        super().add_metric(name, unit, value, resolution)

    def __enter__(self) -> SingleMetric:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.flush()  # also when the block raises: the metric is not lost


def single_metric(
    name: str,
    unit: MetricUnit | str,
    value: float,
    resolution: int = 60,
    *,
    namespace: str | None = None,
    dimensions: Mapping[str, Any] | None = None,
    default_dimensions: Mapping[str, Any] | None = None,
) -> SingleMetric:
    """Publish one metric as its own EMF line, with its own dimensions (``with`` block).

    Use it for a metric whose dimensions differ from the rest of the invocation's, so they do
    not split the other metrics. The line is published when the block exits, also when it
    raises.

    Args:
        name: as for `Metrics.add_metric`.
        unit: as for `Metrics.add_metric`.
        value: as for `Metrics.add_metric`.
        resolution: as for `Metrics.add_metric`.
        namespace: defaults to ``POWERKIT_METRICS_NAMESPACE``.
        dimensions: dimensions of the line (more can be added with ``add_dimension``).
        default_dimensions: accepted for Powertools compatibility; merged into ``dimensions``.

    Examples:
        >>> with single_metric("Refunds", MetricUnit.Count, 1, namespace="Shop",
        ...                    dimensions={"currency": "EUR"}) as metric:
        ...     metric.add_metadata("order_id", "o-17")
    """
    if namespace is not None:
        namespace = check_namespace(namespace, source="namespace")
    else:
        found = _config.METRICS_NAMESPACE.raw()
        if found is not None:
            namespace = check_namespace(found[1], source=found[0])
    base: dict[str, str] = {}
    for source in (default_dimensions, dimensions):
        for key, raw in (source or {}).items():
            checked_name, checked_value = check_dimension(key, raw)
            base[checked_name] = checked_value
    metric = SingleMetric(name, namespace, base)
    metric.add_metric(name, unit, value, resolution)
    return metric
