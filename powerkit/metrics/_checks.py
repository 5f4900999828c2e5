"""Validation of everything that ends up in an EMF line, done when it is added.

CloudWatch drops a line (or part of it) silently when it breaks a rule, so every name and value
is checked here, at ``add_*`` time, with an error that names the offender and says what to do.
Rules followed (see ``EMF.md``): metric names 1..255 characters (CloudWatch's MetricDatum
limit, stricter than EMF's 1024); dimension names 1..250 ASCII characters, not only whitespace,
not starting with ``:``; dimension values 1..1024 ASCII characters, not only whitespace;
values finite numbers within CloudWatch's +-2**360; timestamps within 14 days in the past and
2 hours in the future; namespaces 1..255 characters of ``[a-zA-Z0-9._#:/-]``.
"""

from __future__ import annotations

import math
import sys
import time

from powerkit._errors import ConfigError
from powerkit.metrics._errors import MetricDimensionError, MetricValueError

MAX_METRICS = 100
MAX_VALUES = 100
MAX_DIMENSIONS = 30
MAX_METRIC_NAME = 255
MAX_DIMENSION_NAME = 250
MAX_DIMENSION_VALUE = 1024
_LIMIT = 2.0**360
INT_LIMIT = 2**360  # CloudWatch's range; a module constant (too large to constant-fold)
_PAST_MS = 14 * 24 * 3600 * 1000
_FUTURE_MS = 2 * 3600 * 1000
_NAMESPACE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._#:/-")
RESERVED = "_aws"


def check_metric_name(name: object) -> str:
    """Return ``name`` if it can be a metric name, else raise `MetricValueError`."""
    if type(name) is not str or not 0 < len(name) <= MAX_METRIC_NAME or name.isspace():
        raise MetricValueError(
            f"metric name {name!r} is invalid: use a string of 1..{MAX_METRIC_NAME} characters "
            f"that is not only whitespace"
        )
    if name == RESERVED:
        raise MetricValueError(f"metric name {RESERVED!r} is reserved by EMF; pick another name")
    return name


def check_value(name: str, value: object) -> float | int:
    """Return ``value`` as a JSON-safe finite number, else raise `MetricValueError`."""
    kind = type(value)
    if kind is int:
        if -INT_LIMIT <= value <= INT_LIMIT:  # type: ignore[operator]
            return value  # type: ignore[return-value]
    elif kind is float:
        if math.isfinite(value) and -_LIMIT <= value <= _LIMIT:  # type: ignore[arg-type,operator]
            return value  # type: ignore[return-value]
    elif isinstance(value, (int, float)) and kind is not bool:
        # int/float subclasses (numpy scalars, IntEnum): store the plain number JSON knows.
        number = float(value) if isinstance(value, float) else int(value)
        return check_value(name, number)
    raise MetricValueError(
        f"metric {name!r} got the value {value!r}: values must be finite int or float numbers "
        f"(not bool, str, NaN or infinity) within +-2**360; convert or drop it before adding"
    )


def check_dimension(name: object, value: object) -> tuple[str, str]:
    """Return ``(name, str(value))`` if both are usable, else raise `MetricDimensionError`.

    Non-string values (numbers, enums) are converted with ``str()``; None is refused.
    """
    if (
        type(name) is not str
        or not 0 < len(name) <= MAX_DIMENSION_NAME
        or not name.isascii()
        or name.isspace()
        or name[0] == ":"
        or name == RESERVED
    ):
        raise MetricDimensionError(
            f"dimension name {name!r} is invalid: use 1..{MAX_DIMENSION_NAME} ASCII characters, "
            f"not only whitespace, not starting with ':', and not {RESERVED!r}"
        )
    if type(value) is not str:
        if value is None or isinstance(value, (bytes, dict, list, tuple, set)):
            raise MetricDimensionError(
                f"dimension {name!r} got the value {value!r}: use a non-empty string"
            )
        value = str(value)
    if not 0 < len(value) <= MAX_DIMENSION_VALUE or not value.isascii() or value.isspace():
        raise MetricDimensionError(
            f"dimension {name!r} got the value {value!r}: CloudWatch needs 1..{MAX_DIMENSION_VALUE} "
            f"ASCII characters, not only whitespace (an empty value drops every dimension of "
            f"the line); skip the dimension or use a placeholder such as 'unknown'"
        )
    return name, value


def check_namespace(namespace: str, *, source: str) -> str:
    """Return ``namespace`` if CloudWatch accepts it, else raise `ConfigError`."""
    if (
        not 0 < len(namespace) <= 255
        or not _NAMESPACE_CHARS.issuperset(namespace)
        or namespace.startswith("AWS/")
    ):
        raise ConfigError(
            f"{source}={namespace!r} is not a valid CloudWatch namespace: use 1..255 characters "
            f"of letters, digits and . _ # : / -, not starting with 'AWS/'"
        )
    return namespace


def to_epoch_ms(timestamp: object) -> int:
    """Convert a datetime or epoch milliseconds to int milliseconds CloudWatch will accept."""
    # datetime is imported lazily: if the module is not loaded, no datetime can exist.
    datetime_module = sys.modules.get("datetime")
    if datetime_module is not None and isinstance(timestamp, datetime_module.datetime):
        # A naive datetime means local time, as datetime.timestamp() assumes.
        ms = int(timestamp.timestamp() * 1000)
    elif isinstance(timestamp, (int, float)) and not isinstance(timestamp, bool):
        ms = int(timestamp) if math.isfinite(timestamp) else -1
    else:
        raise MetricValueError(
            f"timestamp {timestamp!r} must be a datetime or epoch milliseconds (int)"
        )
    now = int(time.time() * 1000)
    if not now - _PAST_MS <= ms <= now + _FUTURE_MS:
        raise MetricValueError(
            f"timestamp {timestamp!r} ({ms} ms since epoch) is outside what CloudWatch accepts "
            f"(14 days in the past to 2 hours in the future); pass epoch milliseconds, not "
            f"seconds, or a datetime"
        )
    return ms


def check_metadata_key(key: object) -> str:
    """Return ``key`` if it can be a top-level member, else raise `MetricValueError`."""
    if type(key) is not str or not key or key == RESERVED:
        raise MetricValueError(
            f"metadata key {key!r} is invalid: use a non-empty string other than {RESERVED!r}"
        )
    return key


def clash(kind: str, name: str, other: str) -> MetricValueError | MetricDimensionError:
    """The error for a name already used at the top level of the line by something else."""
    message = (
        f"{kind} name {name!r} is already used by a {other} in this metric set: every EMF "
        f"name is a top-level member of the line, so {kind}s, dimensions and metadata keys "
        f"must have distinct names"
    )
    return MetricDimensionError(message) if kind == "dimension" else MetricValueError(message)
