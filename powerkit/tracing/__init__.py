"""Tracing for Lambda handlers: X-Ray (default) or OpenTelemetry behind one API.

``Tracer().capture_lambda_handler`` traces each invocation; ``capture_method`` traces the
functions it calls. Tracing is off outside Lambda, under ``sam local`` and with
``POWERKIT_TRACE_DISABLED``; then the decorators return the function itself and no tracing
SDK is imported. The providers and protocols are loaded on first access (module
``__getattr__``), so a disabled Tracer loads only what it uses.

Exception tree::

    PowerkitError
    └── TracingError
        ├── AnnotationError (ValueError)
        └── MetadataError (ValueError)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from powerkit.tracing._errors import AnnotationError, MetadataError, TracingError
from powerkit.tracing._off import tracing_disabled
from powerkit.tracing._tracer import Tracer

if TYPE_CHECKING:
    from powerkit.tracing._otel import OpenTelemetryProvider
    from powerkit.tracing._provider import (
        AnnotationValue,
        PatchingProvider,
        TraceSpan,
        TracingProvider,
    )
    from powerkit.tracing._xray import XRayProvider

_LAZY: dict[str, str] = {
    "AnnotationValue": "powerkit.tracing._provider",
    "OpenTelemetryProvider": "powerkit.tracing._otel",
    "PatchingProvider": "powerkit.tracing._provider",
    "TraceSpan": "powerkit.tracing._provider",
    "TracingProvider": "powerkit.tracing._provider",
    "XRayProvider": "powerkit.tracing._xray",
}

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'powerkit.tracing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
