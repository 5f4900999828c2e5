"""The add/flush logic shared by `Metrics` and ``single_metric``.

Every ``add_*`` call validates its input and enforces the EMF limits at once, so a flush only
serializes: it can never produce a line CloudWatch would reject or partly drop.
"""

from __future__ import annotations

from contextvars import ContextVar
from math import isfinite

from powerkit._errors import ConfigError
from powerkit.metrics import _sink
from powerkit.metrics._checks import (
    INT_LIMIT,
    MAX_DIMENSION_VALUE,
    MAX_DIMENSIONS,
    MAX_METRIC_NAME,
    RESERVED,
    check_dimension,
    check_metadata_key,
    check_metric_name,
    check_value,
    clash,
    to_epoch_ms,
)
from powerkit.metrics._emf import Pending, render
from powerkit.metrics._encode import encode_checked
from powerkit.metrics._errors import MetricDimensionError, MetricValueError
from powerkit.metrics._units import _UNITS, MetricUnit, check_resolution, resolve_unit

TYPE_CHECKING = False  # typing is not imported at run time: it costs more than this package
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, NoReturn

_MAX_METADATA_CHARS = 256 * 1024  # keeps a line well under CloudWatch's 1 MB event limit


class MetricSet:
    """Pending metrics, dimensions and metadata, published as EMF lines.

    ``_var`` yields the `Pending` set the caller's invocation writes to; ``_base`` holds
    the dimensions every line carries (service and default dimensions), replaced, never
    mutated, when they change.
    """

    _namespace: str | None
    _base: dict[str, str]
    _disabled: bool
    _var: ContextVar[Pending]

    def __init__(self, namespace: str | None, base: dict[str, str], disabled: bool) -> None:
        self._namespace = namespace
        self._base = base
        self._disabled = disabled
        self._global = Pending()
        # Dimension names already checked: a repeated add_dimension skips the name checks.
        self._dimension_names: set[str] = set()
        self._var = ContextVar(f"powerkit_metrics_{id(self):x}", default=self._global)

    @property
    def namespace(self) -> str | None:
        """The CloudWatch namespace of every line (None until configured)."""
        return self._namespace

    def add_metric(
        self, name: str, unit: MetricUnit | str, value: float, resolution: int = 60
    ) -> None:
        """Add one value of a metric; repeated names accumulate values in one metric.

        Args:
            name: metric name, 1..255 characters.
            unit: a `MetricUnit` member, its name (``"BytesPerSecond"``) or its
                CloudWatch string (``"Bytes/Second"``).
            value: a finite int or float.
            resolution: 60 (standard) or 1 (high resolution, ``MetricResolution.High``).

        Raises:
            MetricValueError: a bad name, unit, value or resolution, or the same name added
                with another unit or resolution since the last flush.
            ConfigError: no namespace is configured.

        At 100 distinct metrics, or 100 values of one metric, the pending metrics are published
        as one line and collection continues with the same dimensions and metadata. After the
        deadline flush of the invocation, every metric added is published at once.
        """
        if type(name) is not str:
            check_metric_name(name)
        if type(unit) is MetricUnit:
            unit_name = unit._value_  # Enum.__hash__ is Python code: skip the dict lookup
        else:
            try:
                unit_name = _UNITS[unit]
            except (KeyError, TypeError):
                unit_name = resolve_unit(unit)
        kind = type(value)
        if kind is int:
            if not -INT_LIMIT <= value <= INT_LIMIT:
                value = check_value(name, value)
        elif kind is not float or not isfinite(value) or not -1e108 < value < 1e108:
            value = check_value(name, value)
        if resolution != 60 or type(resolution) is not int:
            resolution = check_resolution(resolution)
        pending = self._var.get()
        with pending.lock:
            metrics = pending.metrics
            entry = metrics.get(name)
            if entry is None:
                if self._namespace is None:  # no metric can be pending without a namespace
                    self._missing_namespace()
                if (
                    not 0 < len(name) <= MAX_METRIC_NAME
                    or name == RESERVED
                    or name in self._base
                    or name in pending.dimensions
                    or name in pending.set_values
                    or name in pending.metadata
                    or name.isspace()
                ):
                    self._check_new_metric(name, pending)
                metrics[name] = [unit_name, resolution, [value]]
                if len(metrics) >= pending.limit:
                    self._publish(pending)
            elif entry[0] != unit_name or entry[1] != resolution:
                raise MetricValueError(
                    f"metric {name!r} was added with unit {entry[0]!r} and resolution "
                    f"{entry[1]}; it cannot take unit {unit_name!r} and resolution "
                    f"{resolution} in the same line: use one unit and resolution per name"
                )
            else:
                values = entry[2]
                values.append(value)
                if len(values) >= pending.limit:
                    self._publish(pending)

    def add_dimension(self, name: str, value: Any) -> None:
        """Add a dimension to the main dimension set until the next flush.

        A name already set (by ``add_dimension`` or as a default dimension) takes the new value
        for this metric set.

        Raises:
            MetricDimensionError: a bad name or value, more than 30 dimensions in the set, or a
                name an ``add_dimension_set`` call already gave another value.
        """
        if (
            type(value) is str
            and type(name) is str
            and name in self._dimension_names
            and 0 < len(value) <= MAX_DIMENSION_VALUE
            and value.isascii()
            and not value.isspace()
        ):
            text = value
        else:
            name, text = check_dimension(name, value)
            if len(self._dimension_names) < 1024:  # bounded: names may come from input
                self._dimension_names.add(name)
        pending = self._var.get()
        with pending.lock:
            if name in pending.metrics or name in pending.metadata:
                self._check_dimension_name(name, pending)
            if pending.sets:
                other = pending.set_values.get(name)
                if other is not None and other != text:
                    raise _conflict(name, text, other)
            added = pending.dimensions
            if (
                name not in added
                and name not in self._base
                and len(self._base) + len(added) >= MAX_DIMENSIONS
            ):
                raise _too_many(name)
            added[name] = text

    def add_dimension_set(self, dimensions: Mapping[str, Any]) -> None:
        """Publish every metric once more under another dimension set until the next flush.

        EMF allows several dimension sets per line; each set (plus the service and default
        dimensions) produces its own CloudWatch metric, so each set costs a metric.

        Raises:
            MetricDimensionError: an empty mapping, a bad name or value, more than 30
                dimensions in the set, or a name that already has another value in this line.
        """
        checked = dict(check_dimension(name, value) for name, value in dimensions.items())
        if not checked:
            raise MetricDimensionError("add_dimension_set needs at least one dimension")
        base = self._base
        pending = self._var.get()
        with pending.lock:
            for name, text in checked.items():
                self._check_dimension_name(name, pending)
                other = pending.set_values.get(name) or pending.dimensions.get(name)
                other = other or base.get(name)
                if other is not None and other != text:
                    raise _conflict(name, text, other)
            if len(base) + sum(1 for name in checked if name not in base) > MAX_DIMENSIONS:
                raise _too_many(next(iter(checked)))
            pending.sets = (*pending.sets, tuple(checked))
            pending.set_values = {**pending.set_values, **checked}

    def add_metadata(self, key: str, value: Any) -> None:
        """Add a searchable, non-metric member to the next line (kept across auto-flushes).

        Raises:
            MetricValueError: a bad key, a key used by a metric or dimension, or a value that
                cannot be serialized to JSON (NaN, infinity) or brings the metadata of the
                line over 256 KiB.
        """
        check_metadata_key(key)
        try:
            encode_checked(value)
        except ValueError as exc:
            raise MetricValueError(
                f"metadata {key!r} cannot be written as JSON ({exc}); convert it first"
            ) from None
        pending = self._var.get()
        with pending.lock:
            if key in pending.metrics:
                raise clash("metadata", key, "metric")
            if key in self._base or key in pending.dimensions or key in pending.set_values:
                raise clash("metadata", key, "dimension")
            metadata = {**pending.metadata, key: value}
            size = len(encode_checked(metadata))
            if size > _MAX_METADATA_CHARS:
                raise MetricValueError(
                    f"metadata {key!r} would bring the line's metadata to {size} characters of "
                    f"JSON, more than the {_MAX_METADATA_CHARS} allowed so that the line stays "
                    f"under CloudWatch's 1 MB limit; log large values separately"
                )
            pending.metadata = metadata

    def set_timestamp(self, timestamp: Any) -> None:
        """Date the pending metrics (default: the flush time).

        Args:
            timestamp: a ``datetime`` (naive means local time) or epoch milliseconds.

        Raises:
            MetricValueError: not a datetime/number, or more than 14 days in the past or 2
                hours in the future (CloudWatch would drop the line).
        """
        ms = to_epoch_ms(timestamp)
        pending = self._var.get()
        with pending.lock:
            pending.timestamp = ms

    def flush(self) -> None:
        """Publish the pending metrics now and clear dimensions, metadata and timestamp."""
        pending = self._var.get()
        with pending.lock:
            self._publish(pending)
            pending.clear()

    def clear(self) -> None:
        """Drop the pending metrics, dimensions, metadata and timestamp without publishing."""
        pending = self._var.get()
        with pending.lock:
            pending.clear()

    def flush_metrics(self) -> None:
        """Alias of `flush`, the name Powertools uses."""
        self.flush()

    def clear_metrics(self) -> None:
        """Alias of `clear`, the name Powertools uses."""
        self.clear()

    # -- internals (called with pending.lock held) -------------------------------------------

    def _publish(self, pending: Pending) -> None:
        if not pending.metrics or self._namespace is None:
            return
        line = render(self._namespace, self._base, pending)
        pending.metrics = {}
        pending.published += 1
        # Past the deadline flush the process may be killed at any moment: flush stdout.
        _sink.emit(line, self._disabled, pending.late)

    def _check_new_metric(self, name: str, pending: Pending) -> None:
        check_metric_name(name)
        if name in self._base or name in pending.dimensions or name in pending.set_values:
            raise clash("metric", name, "dimension")
        if name in pending.metadata:
            raise clash("metric", name, "metadata key")

    def _check_dimension_name(self, name: str, pending: Pending) -> None:
        if name in pending.metrics:
            raise clash("dimension", name, "metric")
        if name in pending.metadata:
            raise clash("dimension", name, "metadata key")

    def _missing_namespace(self) -> NoReturn:
        raise ConfigError(
            "no metrics namespace: pass Metrics(namespace=...) or set POWERKIT_METRICS_NAMESPACE"
        )


def _conflict(name: str, value: str, other: str) -> MetricDimensionError:
    return MetricDimensionError(
        f"dimension {name!r} already has the value {other!r} in this line and cannot also be "
        f"{value!r}: a name has one value per EMF line; flush first or use another name"
    )


def _too_many(name: str) -> MetricDimensionError:
    return MetricDimensionError(
        f"adding dimension {name!r} would put more than {MAX_DIMENSIONS} dimensions in one "
        f"dimension set (service and default dimensions included), which CloudWatch rejects; "
        f"drop a dimension or move it to metadata"
    )
