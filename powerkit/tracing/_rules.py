"""X-Ray's rules for annotations and metadata, checked before anything reaches a provider.

The checks run even when tracing is disabled, so a unit test run locally (where tracing is
off) fails on the same annotation that would fail in Lambda.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from powerkit.tracing._errors import AnnotationError, MetadataError

_KEY = re.compile(r"[A-Za-z0-9_]+")

MAX_DOCUMENT_BYTES = 64 * 1024
"""X-Ray's limit for one segment document (and the daemon's datagram buffer)."""

METADATA_BUDGET_BYTES = MAX_DOCUMENT_BYTES - 4 * 1024
"""Room left for one metadata value once ids, names, times and annotations are written."""


@functools.lru_cache(maxsize=1024)
def _is_valid_key(key: str) -> bool:
    return _KEY.fullmatch(key) is not None


def check_annotation(key: Any, value: Any) -> None:
    """Raise `AnnotationError` unless X-Ray can index ``key: value``."""
    if not isinstance(key, str) or not _is_valid_key(key):
        raise AnnotationError(
            f"annotation key {key!r} is not usable in X-Ray filter expressions: keys may "
            f"only contain ASCII letters, digits and underscores, e.g. 'order_id'"
        )
    if isinstance(value, (str, bool, int)):
        return
    if isinstance(value, float):
        if math.isfinite(value):
            return
        raise AnnotationError(
            f"annotation {key!r} is {value!r}; X-Ray documents are JSON, which has no NaN or "
            f"infinity: record it as metadata or as a string"
        )
    raise AnnotationError(
        f"annotation {key!r} has a {type(value).__name__} value; annotations must be a str, "
        f"int, float or bool: record other values with put_metadata"
    )


def check_namespace(namespace: Any) -> None:
    """Raise `MetadataError` for a namespace X-Ray would reject or drop."""
    if not isinstance(namespace, str) or not namespace:
        raise MetadataError(f"metadata namespace must be a non-empty string, got {namespace!r}")
    if namespace.startswith("AWS."):
        raise MetadataError(
            f"metadata namespace {namespace!r} starts with 'AWS.', which X-Ray reserves for AWS "
            f"SDKs; choose another namespace, e.g. your service name"
        )


def fits_in_document(key: str, value: Any) -> bool:
    """True when ``value`` is small enough to be sent as metadata; warns when it is not."""
    if value is None or isinstance(value, (bool, int, float)):
        return True
    if isinstance(value, str) and len(value) * 6 < METADATA_BUDGET_BYTES:
        return True  # even if every character were escaped as \\uXXXX it would fit
    import json  # only reached with tracing on

    try:
        size = len(json.dumps(value, default=str).encode("utf-8"))
    except (TypeError, ValueError):
        return True  # not JSON at all: the provider's own conversion decides
    if size <= METADATA_BUDGET_BYTES:
        return True
    warn(
        "metadata %r not captured: it is %d bytes as JSON, more than the %d that fit in a "
        "64 KB X-Ray segment document; turn capture_response off or record a summary",
        key,
        size,
        METADATA_BUDGET_BYTES,
    )
    return False


def warn(message: str, *args: Any) -> None:
    """Log a warning on the ``powerkit.tracing`` logger (imported only when needed)."""
    import logging

    logging.getLogger("powerkit.tracing").warning(message, *args)
