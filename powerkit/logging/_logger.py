"""``Logger``: structured JSON logging over a real ``logging.Logger``."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Coroutine, Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any, ParamSpec, Protocol, TypeVar, overload

from powerkit._errors import ConfigError
from powerkit.logging._buffer import LogBuffer
from powerkit.logging._context import (
    context_keys_var,
    correlation_id_var,
    debug_sampled_var,
    invocation_keys_var,
)
from powerkit.logging._format import LineState
from powerkit.logging._keys import KeyMethods
from powerkit.logging._peer import PEER_ONLY_OPTIONS, reject_peer_options
from powerkit.logging._record import PowerkitRecord, exc_info_tuple, stack_text
from powerkit.logging._serialize import JsonDefault
from powerkit.logging._service import (
    ParentLoggerNotFoundError,
    Service,
    find_service,
)
from powerkit.logging._stdlib import StdlibMethods

P = ParamSpec("P")
R = TypeVar("R")

if TYPE_CHECKING:

    class _Decorate(Protocol):
        """``inject_lambda_context(...)``: applied to a handler, keeps its signature."""

        @overload
        def __call__(self, handler: Callable[P, Coroutine[Any, Any, R]], /) -> Callable[P, R]: ...

        @overload
        def __call__(self, handler: Callable[P, R], /) -> Callable[P, R]: ...


_DEBUG, _INFO, _WARNING, _ERROR, _CRITICAL = 10, 20, 30, 40, 50
_RESERVED_RECORD_ATTRS = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class Logger(KeyMethods, StdlibMethods):
    """A structured logger: one JSON object per line, keyword arguments become keys.

    Args:
        service: the ``service`` key and the name of the underlying ``logging.Logger``;
            defaults to ``POWERKIT_SERVICE_NAME``, then ``service_undefined``.
        level: level name or number. ``AWS_LAMBDA_LOG_LEVEL`` wins over it; without it,
            ``POWERKIT_LOG_LEVEL`` / ``POWERTOOLS_LOG_LEVEL`` / ``LOG_LEVEL``, then INFO.
        sample_rate: fraction (0..1) of invocations that log at DEBUG, decided per invocation
            (``POWERKIT_LOGGER_SAMPLE_RATE``); lines then carry a ``sampled`` key.
        stream: where lines go; default: ``sys.stdout`` as it is when each line is written.
        redact_keys: keys whose values are written as ``"***"`` at any depth (any case).
        json_default: called first for values JSON cannot encode.
        json_serializer: replaces the JSON encoder (``dict -> str | bytes``).
        log_uncaught_exceptions: log an uncaught exception as one line before the process dies.
        buffer: keep low-level lines in memory per invocation (see `LogBuffer`).
        child: share the configuration and keys of the service's (parent) logger.
        utc: timestamps in UTC (default) or local time with its offset.
        propagate: also pass records to ancestor loggers (off: the Lambda runtime's root
            handler would print every line twice).
        **persistent_keys: keys added to every line of this service.
    """

    def __init__(
        self,
        service: str | None = None,
        level: str | int | None = None,
        sample_rate: float | None = None,
        stream: IO[str] | None = None,
        redact_keys: Iterable[str] = (),
        json_default: JsonDefault | None = None,
        json_serializer: Callable[[Any], str | bytes] | None = None,
        log_uncaught_exceptions: bool = False,
        buffer: LogBuffer | None = None,
        *,
        child: bool = False,
        utc: bool = True,
        propagate: bool = False,
        **persistent_keys: Any,
    ) -> None:
        from powerkit import _config  # at construction, not at `import powerkit.logging`

        if persistent_keys.keys() & PEER_ONLY_OPTIONS.keys():
            reject_peer_options(persistent_keys)
        name = service or _config.SERVICE_NAME.get() or _config.SERVICE_NAME.default
        self.service = name
        self._child = child
        self._log_uncaught = False
        self._service: Service | None = None
        if child:
            module = sys._getframe(1).f_globals.get("__name__", "child")
            self._stdlib = logging.getLogger(f"{name}.{module}")
            self._stdlib.propagate = True  # records flow to the service logger's handler
            if persistent_keys:
                self._service_or_raise()  # fails early only when keys must be merged now
                self.append_keys(**persistent_keys)
            return
        rate = sample_rate if sample_rate is not None else _config.LOGGER_SAMPLE_RATE.get_float(0.0)
        if not 0.0 <= rate <= 1.0:
            raise ConfigError(
                f"sample_rate={rate!r} must be between 0 and 1, e.g. 0.1 for 10% of invocations"
            )
        options: dict[str, Any] = {
            "redact_keys": frozenset(redact_keys),
            "json_default": json_default,
            "json_serializer": json_serializer,
            "indent": 4 if _config.DEV.get_bool() else None,
            "utc": utc,
        }
        self._service = Service(
            name,
            level=level,
            sample_rate=rate,
            stream=stream,
            formatter_options=options,
            buffer=buffer,
            persistent_keys=persistent_keys,
            propagate=propagate,
        )
        self._stdlib = self._service.stdlib
        self._log_uncaught = log_uncaught_exceptions
        if log_uncaught_exceptions:
            from powerkit.logging._uncaught import install_excepthook

            install_excepthook(self)

    # -- configuration -------------------------------------------------------------------

    def _service_or_raise(self) -> Service:
        found = self._service if not self._child else find_service(self.service)
        if found is None:
            raise ParentLoggerNotFoundError(
                f"Logger(child=True) for service {self.service!r} has no parent: no "
                f"Logger(service={self.service!r}) without child=True has been created. Create "
                "the parent logger in your handler module before this child logs, or pass "
                "the same service= to both."
            )
        return found

    # -- logging ---------------------------------------------------------------------------

    def debug(
        self,
        msg: Any,
        *args: Any,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 1,
        extra: Mapping[str, Any] | None = None,
        **keys: Any,
    ) -> None:
        """Log ``msg % args`` at DEBUG; keyword arguments become keys of the line."""
        self._log(_DEBUG, msg, args, exc_info, stack_info, stacklevel, extra, keys)

    def info(
        self,
        msg: Any,
        *args: Any,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 1,
        extra: Mapping[str, Any] | None = None,
        **keys: Any,
    ) -> None:
        """Log ``msg % args`` at INFO; keyword arguments become keys of the line."""
        self._log(_INFO, msg, args, exc_info, stack_info, stacklevel, extra, keys)

    def warning(
        self,
        msg: Any,
        *args: Any,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 1,
        extra: Mapping[str, Any] | None = None,
        **keys: Any,
    ) -> None:
        """Log ``msg % args`` at WARNING; keyword arguments become keys of the line."""
        self._log(_WARNING, msg, args, exc_info, stack_info, stacklevel, extra, keys)

    def error(
        self,
        msg: Any,
        *args: Any,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 1,
        extra: Mapping[str, Any] | None = None,
        **keys: Any,
    ) -> None:
        """Log ``msg % args`` at ERROR (flushes the log buffer first when configured)."""
        self._log(_ERROR, msg, args, exc_info, stack_info, stacklevel, extra, keys)

    def critical(
        self,
        msg: Any,
        *args: Any,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 1,
        extra: Mapping[str, Any] | None = None,
        **keys: Any,
    ) -> None:
        """Log ``msg % args`` at CRITICAL."""
        self._log(_CRITICAL, msg, args, exc_info, stack_info, stacklevel, extra, keys)

    def exception(
        self,
        msg: Any,
        *args: Any,
        exc_info: Any = True,
        stack_info: bool = False,
        stacklevel: int = 1,
        extra: Mapping[str, Any] | None = None,
        **keys: Any,
    ) -> None:
        """Log at ERROR with the exception being handled (``exception``, ``stack_trace``)."""
        self._log(_ERROR, msg, args, exc_info, stack_info, stacklevel, extra, keys)

    def log(
        self,
        level: int,
        msg: Any,
        *args: Any,
        exc_info: Any = None,
        stack_info: bool = False,
        stacklevel: int = 1,
        extra: Mapping[str, Any] | None = None,
        **keys: Any,
    ) -> None:
        """Log at the numeric ``level``."""
        self._log(level, msg, args, exc_info, stack_info, stacklevel, extra, keys)

    def _log(
        self,
        levelno: int,
        msg: Any,
        args: tuple[Any, ...],
        exc_info: Any,
        stack_info: bool,
        stacklevel: int,
        extra: Mapping[str, Any] | None,
        keys: Mapping[str, Any],
    ) -> None:
        service = self._service or self._service_or_raise()
        buffer = None
        sampled = None
        if levelno < service.floor:
            if not debug_sampled_var.get():
                return
            sampled = True  # the caller sampled this request: log DEBUG here too
        elif service.special:
            if service.sample_rate > 0:
                sampled = service.sampled.get() or debug_sampled_var.get()
            if levelno < service.level and not sampled:
                buffer = service.invocation_buffer() if levelno <= service.buffer_level else None
                if buffer is None:
                    return
            elif levelno <= service.buffer_level and levelno >= service.level:
                buffer = service.invocation_buffer()
        try:
            frame = sys._getframe(stacklevel + 1)
        except ValueError:
            frame = None
        record = PowerkitRecord(
            self._stdlib.name,
            levelno,
            frame,
            msg,
            args,
            exc_info_tuple(exc_info) if exc_info else None,
            stack_text(frame) if stack_info and frame is not None else None,
        )
        if extra:
            for key, value in extra.items():
                if key not in _RESERVED_RECORD_ATTRS:
                    setattr(record, key, value)
            keys = {**extra, **keys}
        record.powerkit = LineState(
            f"{record.funcName}:{record.lineno}",
            context_keys_var.get(),
            service.keys.get(),
            keys,
            invocation_keys_var.get(),
            correlation_id_var.get(),
            sampled,
        )
        if buffer is not None:
            text = service.formatter.format(record)
            record.powerkit.text = text
            buffer.add(record, len(text.encode("utf-8", "surrogatepass")) + 1)
            return
        if levelno >= _ERROR and service.buffer is not None and service.buffer.flush_on_error:
            service.flush_buffer(self._stdlib, frame or sys._getframe())
        self._stdlib.handle(record)

    # -- buffering -------------------------------------------------------------------------

    def flush_buffer(self) -> None:
        """Write the lines buffered in this invocation now (oldest first)."""
        self._service_or_raise().flush_buffer(self._stdlib, sys._getframe(1))

    def clear_buffer(self) -> None:
        """Drop the lines buffered in this invocation."""
        buffer = self._service_or_raise().invocation_buffer(create=False)
        if buffer is not None:
            buffer.clear()

    # -- handler decorator -----------------------------------------------------------------

    @overload
    def inject_lambda_context(
        self, handler: Callable[P, Coroutine[Any, Any, R]], /
    ) -> Callable[P, R]: ...

    @overload
    def inject_lambda_context(self, handler: Callable[P, R], /) -> Callable[P, R]: ...

    @overload
    def inject_lambda_context(
        self,
        /,
        *,
        log_event: bool | None = None,
        correlation_id_path: str | None = None,
        clear_state: bool = False,
        flush_buffer_on_error: bool = True,
        propagate_correlation_id: bool = False,
    ) -> _Decorate: ...

    def inject_lambda_context(
        self,
        handler: Callable[..., Any] | None = None,
        /,
        *,
        log_event: bool | None = None,
        correlation_id_path: str | None = None,
        clear_state: bool = False,
        flush_buffer_on_error: bool = True,
        propagate_correlation_id: bool = False,
    ) -> Any:
        """Decorate a handler: Lambda keys on every line, invocation-scoped state.

        Usable bare (``@logger.inject_lambda_context``) or with options. Works on ``async
        def`` handlers and stacks with every powerkit decorator.

        Args:
            log_event: log the incoming event at INFO (redacted); default from
                ``POWERKIT_LOGGER_LOG_EVENT``.
            correlation_id_path: JMESPath expression (see ``correlation_paths``) whose
                value in the event becomes the ``correlation_id`` key. Without it, the
                incoming id is found automatically (``x-correlation-id`` header, SQS/SNS
                message attribute, EventBridge/Kinesis metadata, client context; see
                ``powerkit.correlation``), else the request id starts one.
            propagate_correlation_id: also instrument boto3 so outgoing SQS, SNS,
                EventBridge, Lambda, Kinesis and Step Functions calls carry the id.
            clear_state: start the invocation without keys appended outside it.
            flush_buffer_on_error: write buffered lines when the handler raises.
        """
        from powerkit.logging._lambda import decorate

        return decorate(
            self,
            handler,
            log_event=log_event,
            correlation_id_path=correlation_id_path,
            clear_state=clear_state,
            flush_buffer_on_error=flush_buffer_on_error,
            propagate_correlation_id=propagate_correlation_id,
        )
