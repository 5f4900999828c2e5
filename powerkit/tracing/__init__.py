"""Tracing for Lambda handlers: X-Ray (default) or OpenTelemetry behind one API.

``Tracer().capture_lambda_handler`` traces each invocation; ``capture_method`` traces the
functions it calls. Tracing is off outside Lambda, under ``sam local`` and with
``POWERKIT_TRACE_DISABLED``; then the decorators return the function itself and no tracing
SDK is imported.

Exception tree::

    PowerkitError
    └── TracingError
        ├── AnnotationError (ValueError)
        └── MetadataError (ValueError)
"""

from powerkit.tracing._errors import AnnotationError, MetadataError, TracingError
from powerkit.tracing._otel import OpenTelemetryProvider
from powerkit.tracing._provider import (
    AnnotationValue,
    PatchingProvider,
    TraceSpan,
    TracingProvider,
)
from powerkit.tracing._tracer import Tracer, tracing_disabled
from powerkit.tracing._xray import XRayProvider

__all__ = [
    "AnnotationError",
    "AnnotationValue",
    "MetadataError",
    "OpenTelemetryProvider",
    "PatchingProvider",
    "TraceSpan",
    "Tracer",
    "TracingError",
    "TracingProvider",
    "XRayProvider",
    "tracing_disabled",
]
