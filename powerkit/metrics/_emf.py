"""The pending metric set of one invocation, and its rendering as one EMF line."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

try:
    # CPython's C encoder, built once and called directly: json.JSONEncoder.encode() rebuilds
    # it on every call, and importing json pulls in the decoder too.
    from _json import encode_basestring_ascii as _ascii
    from _json import make_encoder as _make_encoder

    _HAVE_C_ENCODER = True
except ImportError:  # pragma: no cover - other interpreters
    _HAVE_C_ENCODER = False


def _build_encoder(check_circular: bool) -> Callable[[Any], str]:
    """A compact, ASCII-only JSON encoder that refuses NaN and writes unknown objects as str().

    Without ``check_circular`` it keeps no state between calls and is safe to share between
    threads; only metadata can hold a cycle, and metadata is encoded with the check on add.
    """
    if not _HAVE_C_ENCODER:  # pragma: no cover - other interpreters
        import json

        encoder = json.JSONEncoder(
            separators=(",", ":"), default=str, allow_nan=False, check_circular=check_circular
        )
        return encoder.encode

    def encode(document: Any) -> str:
        markers: dict[int, Any] | None = {} if check_circular else None
        chunks = _make_encoder(markers, str, _ascii, None, ":", ",", False, False, False)(
            document, 0
        )
        return "".join(chunks)

    if check_circular:
        return encode
    shared = _make_encoder(None, str, _ascii, None, ":", ",", False, False, False)
    return lambda document: "".join(shared(document, 0))


encode = _build_encoder(check_circular=False)
"""Serialize an EMF document (metric values are checked finite on add)."""
encode_checked = _build_encoder(check_circular=True)
"""Serialize a user value, refusing cycles and NaN (used to check metadata on add)."""


class Pending:
    """Everything added since the last flush, for one invocation (or for import time).

    ``metrics`` maps a name to ``[unit, resolution, values]``; ``dimensions`` holds the
    dimensions added with ``add_dimension`` (the main set); ``sets`` the extra dimension sets
    (key tuples) whose values live in ``set_values``. ``lock`` serialises the handler's
    threads and the deadline timer; ``published`` counts lines emitted for this invocation.
    """

    __slots__ = (
        "dimensions",
        "lock",
        "metadata",
        "metrics",
        "published",
        "set_values",
        "sets",
        "timestamp",
    )

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.metrics: dict[str, list[Any]] = {}
        self.dimensions: dict[str, str] = {}
        self.sets: list[tuple[str, ...]] = []
        self.set_values: dict[str, str] = {}
        self.metadata: dict[str, Any] = {}
        self.timestamp: int | None = None
        self.published = 0

    def has_context(self) -> bool:
        """True when dimensions, metadata or a timestamp were added (not only metrics)."""
        return bool(self.dimensions or self.sets or self.metadata or self.timestamp is not None)

    def take_from(self, other: Pending) -> None:
        """Move everything pending in ``other`` into this (empty) set."""
        self.metrics, other.metrics = other.metrics, {}
        self.dimensions, other.dimensions = other.dimensions, {}
        self.sets, other.sets = other.sets, []
        self.set_values, other.set_values = other.set_values, {}
        self.metadata, other.metadata = other.metadata, {}
        self.timestamp, other.timestamp = other.timestamp, None

    def clear(self) -> None:
        """Forget everything pending (end of a unit of work)."""
        self.metrics = {}
        self.dimensions = {}
        self.sets = []
        self.set_values = {}
        self.metadata = {}
        self.timestamp = None


def render(namespace: str, base: dict[str, str], pending: Pending) -> str:
    """Serialize the pending metrics as one EMF line (no newline); the caller clears them.

    Args:
        namespace: the CloudWatch namespace of the directive.
        base: dimensions applied to every dimension set (service and default dimensions).
        pending: what to publish; must hold at least one metric.
    """
    definitions: list[dict[str, Any]] = []
    added = pending.dimensions
    main = {**base, **added} if added else base
    dimension_sets: list[list[str]] = [list(main)]
    directive = {"Namespace": namespace, "Dimensions": dimension_sets, "Metrics": definitions}
    timestamp = pending.timestamp
    document: dict[str, Any] = {
        "_aws": {
            "Timestamp": int(time.time() * 1000) if timestamp is None else timestamp,
            "CloudWatchMetrics": [directive],
        }
    }
    document.update(main)
    if pending.sets:
        _add_sets(dimension_sets, base, pending)
        document.update(pending.set_values)
    for name, (unit, resolution, values) in pending.metrics.items():
        if resolution == 60:
            definitions.append({"Name": name, "Unit": unit})
        else:
            definitions.append({"Name": name, "Unit": unit, "StorageResolution": resolution})
        document[name] = values[0] if len(values) == 1 else values
    if pending.metadata:
        document.update(pending.metadata)
    return encode(document)


def _add_sets(dimension_sets: list[list[str]], base: dict[str, str], pending: Pending) -> None:
    # An empty main set would publish every metric a second time without dimensions; it is
    # kept only when no explicit dimension set exists.
    if not dimension_sets[0]:
        dimension_sets.clear()
    seen = {tuple(keys) for keys in dimension_sets}
    for keys in pending.sets:
        full = tuple(base) + tuple(key for key in keys if key not in base)
        if full not in seen:
            seen.add(full)
            dimension_sets.append(list(full))
