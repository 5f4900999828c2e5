"""CloudWatch units and storage resolutions, and the cheap lookups that validate them."""

from __future__ import annotations

from enum import Enum, IntEnum

from powerkit.metrics._errors import MetricValueError


class MetricUnit(str, Enum):
    """Every unit CloudWatch accepts; the value is the string written to the EMF line."""

    Seconds = "Seconds"
    Microseconds = "Microseconds"
    Milliseconds = "Milliseconds"
    Bytes = "Bytes"
    Kilobytes = "Kilobytes"
    Megabytes = "Megabytes"
    Gigabytes = "Gigabytes"
    Terabytes = "Terabytes"
    Bits = "Bits"
    Kilobits = "Kilobits"
    Megabits = "Megabits"
    Gigabits = "Gigabits"
    Terabits = "Terabits"
    Percent = "Percent"
    Count = "Count"
    BytesPerSecond = "Bytes/Second"
    KilobytesPerSecond = "Kilobytes/Second"
    MegabytesPerSecond = "Megabytes/Second"
    GigabytesPerSecond = "Gigabytes/Second"
    TerabytesPerSecond = "Terabytes/Second"
    BitsPerSecond = "Bits/Second"
    KilobitsPerSecond = "Kilobits/Second"
    MegabitsPerSecond = "Megabits/Second"
    GigabitsPerSecond = "Gigabits/Second"
    TerabitsPerSecond = "Terabits/Second"
    CountPerSecond = "Count/Second"
    NoUnit = "None"

    def __str__(self) -> str:
        return self.value


class MetricResolution(IntEnum):
    """CloudWatch storage resolution in seconds: ``Standard`` (60) or ``High`` (1)."""

    Standard = 60
    High = 1


# Accepted spellings -> the CloudWatch string: one dict lookup resolves a member, its name
# or its CloudWatch string.
_UNITS: dict[object, str] = {}
for _member in MetricUnit:
    _UNITS[_member.value] = _member.value
    _UNITS[_member.name] = _member.value
    # Enum hashes members by name, so a member whose name differs from its value
    # (BytesPerSecond / "Bytes/Second") needs its own key.
    _UNITS[_member] = _member.value
_UNITS["None_"] = "None"  # attribute-style alias some users reach for


def resolve_unit(unit: object) -> str:
    """The CloudWatch string for ``unit``, or a `MetricValueError` listing the choices."""
    try:
        resolved = _UNITS.get(unit)
    except TypeError:  # unhashable
        resolved = None
    if resolved is None:
        # Another library's unit enum (e.g. Powertools' MetricUnit): use its value.
        value = getattr(unit, "value", None)
        resolved = _UNITS.get(value) if isinstance(value, str) else None
    if resolved is None:
        raise MetricValueError(
            f"unknown metric unit {unit!r}; use a MetricUnit member (e.g. MetricUnit.Count), "
            f"its name or its CloudWatch string: {', '.join(m.value for m in MetricUnit)}"
        )
    return resolved


def check_resolution(resolution: object) -> int:
    """60 or 1 (``MetricResolution`` members included), or a `MetricValueError`."""
    if resolution == 60 and type(resolution) is not bool:
        return 60
    if resolution == 1 and type(resolution) is not bool:
        return 1
    raise MetricValueError(
        f"metric resolution must be 60 (MetricResolution.Standard) or 1 "
        f"(MetricResolution.High), got {resolution!r}"
    )
