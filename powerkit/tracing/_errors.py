"""Errors raised by `powerkit.tracing`.

Exception tree::

    PowerkitError
    └── TracingError
        ├── AnnotationError (ValueError)   key or value X-Ray cannot index
        └── MetadataError (ValueError)     reserved metadata namespace
"""

from __future__ import annotations

from powerkit._errors import PowerkitError


class TracingError(PowerkitError):
    """Base class of the errors raised by the Tracer."""


class AnnotationError(TracingError, ValueError):
    """An annotation key or value breaks X-Ray's rules for indexed annotations."""


class MetadataError(TracingError, ValueError):
    """A metadata namespace is reserved or not a string."""
