"""The JSON formatter: one log record in, one line of JSON out, keys in a fixed order.

Order: ``level, location, message, timestamp, service``, then persistent and appended/bound
keys of the logger, `context_keys` keys, ``extra`` and per-line keys, then ``exception, exception_name, stack_trace,
stack_info``, ``xray_trace_id``, the Lambda keys of the invocation (``cold_start``,
``function_*``), ``correlation_id`` and ``sampled``. Keys whose value is None are omitted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from powerkit.logging._context import context_keys_var, correlation_id_var, invocation_keys_var
from powerkit.logging._serialize import (
    Encoder,
    JsonDefault,
    chain_default,
    make_encoder,
    redact,
)
from powerkit.logging._traceback import structured_stack_trace

_EMPTY: Mapping[str, Any] = {}


class LineState:
    """What a powerkit logger captured when the line was logged (a snapshot)."""

    __slots__ = (
        "appended",
        "context",
        "correlation_id",
        "invocation",
        "keys",
        "location",
        "sampled",
        "text",
    )

    def __init__(
        self,
        location: str,
        context: Mapping[str, Any],
        appended: Mapping[str, Any],
        keys: Mapping[str, Any],
        invocation: Mapping[str, Any],
        correlation_id: str | None,
        sampled: bool | None,
    ) -> None:
        self.location = location
        self.context = context
        self.appended = appended
        self.keys = keys
        self.invocation = invocation
        self.correlation_id = correlation_id
        self.sampled = sampled
        self.text: str | None = None  # set when the line was formatted early (buffering)


def xray_trace_id() -> str | None:
    """The ``Root`` part of ``_X_AMZN_TRACE_ID``, or None."""
    from powerkit._config import trace_header  # kept out of `import powerkit.logging`

    header = trace_header()
    if not header:
        return None
    for part in header.split(";"):
        if part.startswith("Root="):
            return part[5:]
    return None


class JsonFormatter(logging.Formatter):
    """Formats records as powerkit JSON lines; also usable on any stdlib handler.

    Args:
        service: value of the ``service`` key.
        redact_keys: keys whose values are replaced with ``"***"`` at any depth
            (case-insensitive).
        json_default: called first for objects JSON cannot encode.
        json_serializer: replaces the encoder entirely (``dict -> str | bytes``).
        indent: pretty-print with this indent (``POWERKIT_DEV=1`` uses 4).
        utc: timestamps in UTC (default) or in local time with its offset.
        sampled: a callable telling whether the current invocation is sampled, or None when
            sampling is off (the ``sampled`` key is then omitted).
    """

    def __init__(
        self,
        service: str,
        *,
        redact_keys: frozenset[str] = frozenset(),
        json_default: JsonDefault | None = None,
        json_serializer: Callable[[Any], str | bytes] | None = None,
        indent: int | None = None,
        utc: bool = True,
        sampled: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.redact_keys = frozenset(name.lower() for name in redact_keys)
        convert = chain_default(json_default)
        default = convert
        if self.redact_keys:
            names = self.redact_keys

            def redacting_default(value: Any) -> Any:
                # Objects converted by the encoder (dataclasses, models) are redacted too.
                return redact(convert(value), names)

            default = redacting_default
        self._encode: Encoder = make_encoder(default, indent=indent, serializer=json_serializer)
        self._utc = utc
        self._sampled = sampled
        # (second, "YYYY-MM-DDTHH:MM:SS", offset) of the last line: one strftime per second.
        # Replaced as a whole tuple, so a thread never pairs one second's prefix with another's.
        self._stamp: tuple[int, str, str] = (-1, "", "+00:00")

    def timestamp(self, created: float) -> str:
        """RFC 3339 with milliseconds and offset, e.g. ``2024-05-01T12:00:00.123+00:00``."""
        second = int(created)
        stamp = self._stamp
        if stamp[0] != second:
            parts = time.gmtime(second) if self._utc else time.localtime(second)
            offset = "+00:00"
            if not self._utc:
                minutes = (parts.tm_gmtoff or 0) // 60
                sign = "+" if minutes >= 0 else "-"
                offset = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
            stamp = (second, time.strftime("%Y-%m-%dT%H:%M:%S", parts), offset)
            self._stamp = stamp
        return f"{stamp[1]}.{int((created - second) * 1000):03d}{stamp[2]}"

    def message_of(self, record: logging.LogRecord) -> Any:
        """The formatted message; a dict message stays an object."""
        msg = record.msg
        args = record.args
        if type(msg) is str and not args:  # the common case, without an ABC check
            return msg
        if isinstance(msg, Mapping):
            return msg
        if not args:
            return str(msg)
        try:
            return str(msg) % args
        except Exception:  # a bad %-format must not lose the line nor raise
            return f"{msg} {args!r}"

    def line(self, record: logging.LogRecord) -> dict[str, Any]:
        """The record as an ordered dict (before redaction and encoding)."""
        state: LineState | None = getattr(record, "powerkit", None)
        if state is None:  # a record from a plain stdlib logger using this formatter
            state = LineState(
                f"{record.funcName}:{record.lineno}",
                context_keys_var.get(),
                _EMPTY,
                _EMPTY,
                invocation_keys_var.get(),
                correlation_id_var.get(),
                None if self._sampled is None else self._sampled(),
            )
        out: dict[str, Any] = {
            "level": record.levelname,
            "location": state.location,
            "message": self.message_of(record),
            "timestamp": self.timestamp(record.created),
            "service": self.service,
        }
        if state.appended:
            out.update(state.appended)
        if state.context:
            out.update(state.context)
        if state.keys:
            out.update(state.keys)
        exc_info = record.exc_info
        if exc_info and exc_info[1] is not None:
            if not record.exc_text:
                record.exc_text = self.formatException(exc_info)
            out["exception"] = record.exc_text
            out["exception_name"] = type(exc_info[1]).__name__
            out["stack_trace"] = structured_stack_trace(exc_info[1])
        if record.stack_info:
            out["stack_info"] = record.stack_info
        invocation = state.invocation
        if invocation:  # inside inject_lambda_context: the trace id was read at its start
            out.update(invocation)
        else:
            trace_id = xray_trace_id()
            if trace_id is not None:
                out["xray_trace_id"] = trace_id
        if state.correlation_id is not None:
            out["correlation_id"] = state.correlation_id
        if state.sampled is not None:
            out["sampled"] = state.sampled
        if None in out.values():
            out = {key: value for key, value in out.items() if value is not None}
        if self.redact_keys:
            out = redact(out, self.redact_keys)
        return out

    def format(self, record: logging.LogRecord) -> str:
        state: LineState | None = getattr(record, "powerkit", None)
        if state is not None and state.text is not None:
            return state.text
        return self._encode(self.line(record))
