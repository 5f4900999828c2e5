"""CloudWatch metrics in Embedded Metric Format (EMF): one JSON line per flush on stdout.

Every name and value is checked when it is added, and the EMF limits (100 metrics, 100 values,
30 dimensions) are enforced by flushing or with a clear error, so powerkit never prints a line
CloudWatch would drop. ``log_metrics`` publishes when the handler returns, when it raises, and
shortly before the Lambda deadline.

Exception tree::

    PowerkitError
    └── MetricsError
        ├── MetricValueError (ValueError)
        ├── MetricDimensionError (ValueError)
        └── EmptyMetricsError (ValueError)
"""

from powerkit.metrics._errors import (
    EmptyMetricsError,
    MetricDimensionError,
    MetricsError,
    MetricValueError,
)
from powerkit.metrics._metrics import Metrics
from powerkit.metrics._single import SingleMetric, single_metric
from powerkit.metrics._units import MetricResolution, MetricUnit

__all__ = [
    "EmptyMetricsError",
    "MetricDimensionError",
    "MetricResolution",
    "MetricUnit",
    "MetricValueError",
    "Metrics",
    "MetricsError",
    "SingleMetric",
    "single_metric",
]
