"""The pending metric set of one invocation, and its rendering as one EMF line."""

from __future__ import annotations

import threading
import time
from types import MappingProxyType

from powerkit.metrics._checks import MAX_METRICS
from powerkit.metrics._encode import encode, quote

TYPE_CHECKING = False  # typing is not imported at run time: it costs more than this package
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

_NOTHING: Mapping[str, Any] = MappingProxyType({})


class Pending:
    """Everything added since the last flush, for one invocation (or for import time).

    ``metrics`` maps a name to ``[unit, resolution, values]``; ``dimensions`` holds the
    dimensions added with ``add_dimension`` (the main set); ``sets`` the extra dimension sets
    (key tuples) whose values live in ``set_values``. ``lock`` serialises the handler's
    threads and the deadline timer; ``published`` counts lines emitted for this invocation.

    One is created per invocation, so creation is kept cheap: the rarely used members start
    as shared immutable class attributes and are replaced (copy-on-write) when first set.
    """

    sets: tuple[tuple[str, ...], ...] = ()
    set_values: Mapping[str, str] = _NOTHING
    metadata: Mapping[str, Any] = _NOTHING
    timestamp: int | None = None
    published = 0
    limit = MAX_METRICS  # metrics, or values of one metric, that trigger a publish (both 100)
    late = False  # past the deadline flush: publish each metric at once, flush stdout

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.metrics: dict[str, list[Any]] = {}
        self.dimensions: dict[str, str] = {}

    def is_empty(self) -> bool:
        """True when nothing at all is pending."""
        return not (
            self.metrics
            or self.dimensions
            or self.sets
            or self.metadata
            or self.timestamp is not None
        )

    def take_from(self, other: Pending) -> None:
        """Move everything pending in ``other`` into this (empty) set."""
        self.metrics, other.metrics = other.metrics, {}
        self.dimensions, other.dimensions = other.dimensions, {}
        self.sets, self.set_values = other.sets, other.set_values
        self.metadata, self.timestamp = other.metadata, other.timestamp
        other.clear_context()

    def clear_context(self) -> None:
        """Forget dimension sets, metadata and timestamp (back to the class defaults)."""
        self.sets = ()
        self.set_values = _NOTHING
        self.metadata = _NOTHING
        self.timestamp = None

    def clear(self) -> None:
        """Forget everything pending (end of a unit of work)."""
        self.metrics = {}
        self.dimensions = {}
        self.clear_context()


# Memos of JSON fragments, keyed by what they encode: a handler publishes the same metric
# names and dimensions invocation after invocation. They hold no state (losing an entry only
# costs a re-encode), are bounded, and dict reads and writes are atomic across threads.
_MEMO_LIMIT = 4096
_definitions: dict[str, tuple[str, int, str, str]] = {}
_dimension_fragments: dict[tuple[tuple[str, str], ...], tuple[str, str]] = {}


def render(namespace: str, base: dict[str, str], pending: Pending) -> str:
    """Serialize the pending metrics as one EMF line (no newline); the caller clears them.

    The line is assembled from JSON fragments rather than by encoding a document dict: names
    and string values go through the C string encoder (memoised), and the numbers were
    checked finite plain ``int``/``float`` on add, so their ``repr`` is their JSON form.

    Args:
        namespace: the CloudWatch namespace of the directive.
        base: dimensions applied to every dimension set (service and default dimensions).
        pending: what to publish; must hold at least one metric.
    """
    added = pending.dimensions
    main = {**base, **added} if added else base
    if pending.sets:
        every = {**main, **pending.set_values}
        dimension_members = ",".join(f"{quote(k)}:{quote(v)}" for k, v in every.items())
        dimension_sets = _dimension_sets(main, base, pending)
    else:
        dimension_members, dimension_sets = _dimension_fragment(main)
    members = [dimension_members] if dimension_members else []
    definitions = []
    for name, (unit, resolution, values) in pending.metrics.items():
        cached = _definitions.get(name)
        if cached is None or cached[0] != unit or cached[1] != resolution:
            cached = _definition(name, unit, resolution)
        definitions.append(cached[2])
        if len(values) == 1:
            members.append(f"{cached[3]}{values[0]!r}")
        else:
            members.append(f"{cached[3]}[{','.join(map(repr, values))}]")
    if pending.metadata:
        members.extend(f"{quote(key)}:{encode(value)}" for key, value in pending.metadata.items())
    timestamp = pending.timestamp
    if timestamp is None:
        timestamp = time.time_ns() // 1_000_000
    return (
        f'{{"_aws":{{"Timestamp":{timestamp},"CloudWatchMetrics":[{{"Namespace":'
        f'{quote(namespace)},"Dimensions":[{dimension_sets}],"Metrics":'
        f"[{','.join(definitions)}]}}]}},{','.join(members)}}}"
    )


def _definition(name: str, unit: str, resolution: int) -> tuple[str, int, str, str]:
    """(unit, resolution, MetricDefinition JSON, ``"name":`` JSON) for one metric."""
    quoted = quote(name)
    if resolution == 60:
        text = f'{{"Name":{quoted},"Unit":"{unit}"}}'
    else:
        text = f'{{"Name":{quoted},"Unit":"{unit}","StorageResolution":1}}'
    entry = (unit, resolution, text, f"{quoted}:")
    if len(_definitions) >= _MEMO_LIMIT:
        _definitions.clear()
    _definitions[name] = entry
    return entry


def _dimension_fragment(dimensions: dict[str, str]) -> tuple[str, str]:
    """(``"k":"v",...`` members, ``["k",...]`` set) JSON for the main dimensions."""
    key = tuple(dimensions.items())
    found = _dimension_fragments.get(key)
    if found is None:
        members = ",".join(f"{quote(name)}:{quote(value)}" for name, value in key)
        found = (members, f"[{','.join(map(quote, dimensions))}]")
        if len(_dimension_fragments) >= _MEMO_LIMIT:
            _dimension_fragments.clear()
        _dimension_fragments[key] = found
    return found


def _dimension_sets(main: dict[str, str], base: dict[str, str], pending: Pending) -> str:
    # The main set first, then each explicit set with the base dimensions in front. An empty
    # main set would publish every metric a second time without dimensions: it is dropped.
    sets: list[tuple[str, ...]] = [tuple(main)] if main else []
    for keys in pending.sets:
        full = tuple(base) + tuple(key for key in keys if key not in base)
        if full not in sets:
            sets.append(full)
    return ",".join(f"[{','.join(map(quote, keys))}]" for keys in sets)
