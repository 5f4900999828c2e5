"""``capture_metrics``: the EMF lines powerkit published during a block, parsed for asserts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from powerkit.metrics import _sink


@dataclass(frozen=True)
class CapturedMetric:
    """One metric as CloudWatch would see it.

    Attributes:
        name: the metric name.
        values: every value published, in order (across lines when merged).
        unit: the CloudWatch unit string (``"None"`` when the line names none).
        resolution: 60 (standard) or 1 (high resolution).
        namespace: the directive's namespace.
        dimensions: every dimension the directive references, with its value.
        dimension_sets: the directive's dimension sets (lists of names).
        timestamps: the ``_aws.Timestamp`` of each line the values came from.
    """

    name: str
    values: list[float]
    unit: str
    resolution: int
    namespace: str
    dimensions: dict[str, str]
    dimension_sets: list[list[str]]
    timestamps: list[int] = field(default_factory=list)

    @property
    def value(self) -> float:
        """The only value; an AssertionError when there are several."""
        if len(self.values) != 1:
            raise AssertionError(
                f"metric {self.name!r} has {len(self.values)} values: {self.values}"
            )
        return self.values[0]

    @property
    def total(self) -> float:
        """The sum of the values (what CloudWatch's Sum statistic would report)."""
        return sum(self.values)


class MetricsCapture:
    """EMF lines published while capturing, parsed on access.

    Iterating yields the parsed lines (dicts); ``len()`` counts them. Lines are recorded
    whether or not output is disabled (``POWERKIT_METRICS_DISABLED``), and from any thread.
    """

    def __init__(self) -> None:
        self.raw: list[str] = []
        """The lines exactly as written (without newline)."""

    def _tap(self, line: str) -> None:
        self.raw.append(line)  # list.append is atomic: safe from the deadline thread

    @property
    def lines(self) -> list[dict[str, Any]]:
        """Every line, parsed."""
        return [json.loads(line) for line in list(self.raw)]

    def __len__(self) -> int:
        return len(self.raw)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.lines)

    def clear(self) -> None:
        """Forget the lines captured so far."""
        self.raw.clear()

    def names(self) -> list[str]:
        """Every metric name published, sorted, without duplicates."""
        return sorted({metric.name for line in self.lines for metric in _metrics_of(line)})

    def metrics(self, name: str) -> list[CapturedMetric]:
        """Each occurrence of ``name``, one per directive and line, in publishing order."""
        return [
            metric for line in self.lines for metric in _metrics_of(line) if metric.name == name
        ]

    def metric(self, name: str) -> CapturedMetric:
        """``name`` with its values from every line merged.

        Raises:
            AssertionError: ``name`` was not published, or was published with different
                units, resolutions, namespaces or dimensions (use `metrics` then).
        """
        found = self.metrics(name)
        if not found:
            raise AssertionError(
                f"no metric named {name!r} was published; published: {self.names()}"
            )
        first = found[0]
        for other in found[1:]:
            if (other.unit, other.resolution, other.namespace, other.dimensions) != (
                first.unit,
                first.resolution,
                first.namespace,
                first.dimensions,
            ):
                raise AssertionError(
                    f"metric {name!r} was published with different units, namespaces or "
                    f"dimensions ({first.dimensions} vs {other.dimensions}); use "
                    f".metrics({name!r}) to inspect each line"
                )
        return CapturedMetric(
            name=name,
            values=[value for metric in found for value in metric.values],
            unit=first.unit,
            resolution=first.resolution,
            namespace=first.namespace,
            dimensions=first.dimensions,
            dimension_sets=first.dimension_sets,
            timestamps=[stamp for metric in found for stamp in metric.timestamps],
        )


def _metrics_of(line: dict[str, Any]) -> Iterator[CapturedMetric]:
    metadata = line["_aws"]
    for directive in metadata["CloudWatchMetrics"]:
        sets = [list(keys) for keys in directive["Dimensions"]]
        dimensions = {key: line[key] for keys in sets for key in keys}
        for definition in directive["Metrics"]:
            name = definition["Name"]
            raw = line[name]
            yield CapturedMetric(
                name=name,
                values=list(raw) if isinstance(raw, list) else [raw],
                unit=definition.get("Unit", "None"),
                resolution=definition.get("StorageResolution", 60),
                namespace=directive["Namespace"],
                dimensions=dimensions,
                dimension_sets=sets,
                timestamps=[metadata["Timestamp"]],
            )


@contextmanager
def capture_metrics() -> Iterator[MetricsCapture]:
    """Record every EMF line powerkit publishes inside the block (any thread).

    The lines still go to stdout (unless disabled). Also available as the pytest fixture
    ``capture_metrics``.

    Examples:
        >>> with capture_metrics() as captured:
        ...     handler({}, lambda_context())
        >>> captured.metric("Orders").values
        [1]
    """
    capture = MetricsCapture()
    _sink.add_tap(capture._tap)
    try:
        yield capture
    finally:
        _sink.remove_tap(capture._tap)
