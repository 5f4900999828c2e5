"""Which level a logger runs at, and the warning when Lambda's own level is stricter."""

from __future__ import annotations

import logging
import warnings

from powerkit._errors import ConfigError, PowerkitWarning

# Lambda's advanced logging controls use these names (TRACE and FATAL included).
_NAMES = {
    "TRACE": logging.DEBUG,
    "DEBUG": logging.DEBUG,
    "INFO": logging.INFO,
    "WARN": logging.WARNING,
    "WARNING": logging.WARNING,
    "ERROR": logging.ERROR,
    "FATAL": logging.CRITICAL,
    "CRITICAL": logging.CRITICAL,
}


class LogLevelWarning(PowerkitWarning):
    """Lambda's log level (``AWS_LAMBDA_LOG_LEVEL``) is stricter than the level asked for."""


def to_level(value: str | int, *, source: str = "level") -> int:
    """``"info"``, ``"WARN"``, ``20`` or ``logging.INFO`` as a ``logging`` level number."""
    if isinstance(value, bool):
        raise ConfigError(f"{source}={value!r} is not a log level; use e.g. 'INFO' or 20")
    if isinstance(value, int):
        return value
    number = _NAMES.get(str(value).strip().upper())
    if number is None:
        raise ConfigError(
            f"{source}={value!r} is not a log level; use one of "
            "DEBUG, INFO, WARNING, ERROR, CRITICAL (any case) or a number"
        )
    return number


def resolve_level(explicit: str | int | None, service: str, *, stacklevel: int = 2) -> int:
    """The level to run at: Lambda's, then ``explicit``, then the environment, then INFO.

    Warns (once per call site, through `warnings`) when Lambda's level is stricter than
    the one asked for, because lines between the two are dropped by Lambda anyway;
    ``stacklevel`` points the warning at the user's code.
    """
    from powerkit import _config  # at construction, not at `import powerkit.logging`

    asked: int | None = None
    if explicit is not None:
        asked = to_level(explicit)
    else:
        found = _config.LOG_LEVEL.raw()
        if found is not None:
            asked = to_level(found[1], source=found[0])
    lambda_value = _config.AWS_LAMBDA_LOG_LEVEL.get()
    if lambda_value is None:
        return logging.INFO if asked is None else asked
    lambda_level = to_level(lambda_value, source="AWS_LAMBDA_LOG_LEVEL")
    if asked is not None and lambda_level > asked:
        message = (
            f"Logger {service!r} asked for level {logging.getLevelName(asked)} but Lambda's "
            f"advanced logging controls set AWS_LAMBDA_LOG_LEVEL={lambda_value}, which wins: "
            f"{logging.getLevelName(asked)} lines below {logging.getLevelName(lambda_level)} "
            "will be dropped. Change the function's log level in its logging configuration "
            "to see them."
        )
        if (_config.AWS_LAMBDA_LOG_FORMAT.get() or "").upper() == "JSON":
            _warn_as_json(message, service)
        else:
            warnings.warn(message, LogLevelWarning, stacklevel=stacklevel)
    return lambda_level


_warned_json: set[str] = set()  # services already warned about: once per process, like warnings


def _warn_as_json(message: str, service: str) -> None:
    """The level warning as one JSON line on stderr: the function asked Lambda for JSON logs,
    and Python's own warning output would be two plain-text lines."""
    if service in _warned_json:
        return
    _warned_json.add(service)
    import json
    import sys
    import time

    now = time.time()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + f".{int(now % 1 * 1000):03d}Z"
    line = {
        "timestamp": stamp,
        "level": "WARN",
        "message": message,
        "logger": "powerkit.logging",
        "warning": LogLevelWarning.__name__,
        "service": service,
    }
    sys.stderr.write(json.dumps(line) + "\n")
    sys.stderr.flush()
