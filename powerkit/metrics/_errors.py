"""Errors raised by `powerkit.metrics`.

Exception tree::

    PowerkitError
    └── MetricsError
        ├── MetricValueError (ValueError)      bad metric name, unit, value, resolution,
        │                                      timestamp or metadata
        ├── MetricDimensionError (ValueError)  bad dimension name or value, or more than 30
        │                                      dimensions in a set
        └── EmptyMetricsError (ValueError)     ``raise_on_empty_metrics=True`` and the
                                               invocation published nothing
"""

from __future__ import annotations

from powerkit._errors import PowerkitError


class MetricsError(PowerkitError):
    """Base class of every error raised by `powerkit.metrics`."""


class MetricValueError(MetricsError, ValueError):
    """A metric name, unit, value, resolution, timestamp or metadata entry is unusable."""


class MetricDimensionError(MetricsError, ValueError):
    """A dimension name or value is unusable, or a dimension set would exceed 30 keys."""


class EmptyMetricsError(MetricsError, ValueError):
    """An invocation decorated with ``raise_on_empty_metrics=True`` published no metric."""
