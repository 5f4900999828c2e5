"""``inject_lambda_context``: the Lambda keys, correlation id, sampling and buffer of an invocation.

Built with `powerkit.middleware.lambda_handler_decorator`, so it shares the invocation
scope (a copied ``contextvars`` context) with every other powerkit decorator: what it sets
here vanishes when the invocation ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from powerkit import _config
from powerkit._scope import current_invocation
from powerkit.logging._context import debug_sampled_var, invocation_keys_var, set_correlation_id
from powerkit.logging._format import xray_trace_id
from powerkit.middleware import lambda_handler_decorator

if TYPE_CHECKING:
    from collections.abc import Callable

    from powerkit.logging._logger import Logger


def _memory(context: Any) -> int | None:
    value = getattr(context, "memory_limit_in_mb", None)
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _inject(
    handler: Callable[[Any, Any], Any],
    event: Any,
    context: Any,
    *,
    logger: Logger,
    log_event: bool,
    correlation_id_path: str | None,
    clear_state: bool,
    flush_buffer_on_error: bool,
) -> Any:
    service = logger._service_or_raise()
    invocation = current_invocation()
    keys = {
        "xray_trace_id": xray_trace_id(),
        "cold_start": invocation.cold_start if invocation is not None else None,
        "function_name": getattr(context, "function_name", None),
        "function_memory_size": _memory(context),
        "function_arn": getattr(context, "invoked_function_arn", None),
        "function_request_id": getattr(context, "aws_request_id", None),
    }
    # Dropped once here rather than on every line; the formatter relies on this dict
    # being non-empty inside an invocation (cold_start is always set).
    invocation_keys_var.set({key: value for key, value in keys.items() if value is not None})
    if clear_state:
        service.keys.set(service.persistent)
    if service.sample_rate > 0 and service.decide_sampling():
        service.sampled.set(True)
        debug_sampled_var.set(True)  # carried to downstream services by powerkit.correlation
    elif service.sample_rate > 0:
        service.sampled.set(False)
    if correlation_id_path is not None:
        _set_correlation_id(logger, event, correlation_id_path)
    else:
        from powerkit.correlation import start_correlation  # stdlib-only; no boto3

        try:
            start_correlation(event, context)
        except Exception:  # an odd event must never fail the handler because of a log key
            set_correlation_id(getattr(context, "aws_request_id", None))
    if log_event:
        logger.info(event, location="inject_lambda_context")
    if logger._log_uncaught:
        handler = _logging_escapes(logger, handler)
    if service.buffer is None:
        return handler(event, context)
    # A decorated handler called from another one with the same context shares its
    # invocation: only the outermost owns (and finally drops) the buffer.
    owner = service.invocation_buffer(create=False) is None
    buffer = service.invocation_buffer()
    try:
        return handler(event, context)
    except BaseException:
        if flush_buffer_on_error:
            logger.flush_buffer()
        raise
    finally:
        if owner and buffer is not None:
            buffer.clear()


def _logging_escapes(
    logger: Logger, handler: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    """``handler`` that logs an exception escaping it as one line, then re-raises it.

    In Lambda the runtime catches what a handler raises (so ``sys.excepthook`` never sees it)
    and prints its own plain-text record; this line is the JSON one, with the invocation's keys.
    """

    def logged(event: Any, context: Any) -> Any:
        try:
            return handler(event, context)
        except Exception as exc:
            logger.exception("Uncaught exception: %s", type(exc).__name__)
            raise

    return logged


def _set_correlation_id(logger: Logger, event: Any, path: str) -> None:
    from powerkit.jmespath import JMESPathError, query

    try:
        value = query(event, path)
    except JMESPathError as exc:
        # A malformed event must not fail the handler because of a log key.
        logger.warning("correlation id not found: %s", exc)
        return
    set_correlation_id(None if value is None else str(value))


_decorator = lambda_handler_decorator(_inject)


def decorate(
    logger: Logger,
    handler: Callable[..., Any] | None,
    *,
    log_event: bool | None,
    correlation_id_path: str | None,
    clear_state: bool,
    flush_buffer_on_error: bool,
    propagate_correlation_id: bool = False,
) -> Any:
    """Apply (or return) the decorator with options checked now, not on the first event."""
    if propagate_correlation_id:
        from powerkit.correlation import instrument_boto3

        instrument_boto3()  # never imports boto3 itself: hooks install when botocore loads
    if correlation_id_path is not None:
        from powerkit.jmespath import compile_expression

        compile_expression(correlation_id_path)  # raises JMESPathError for a bad expression
    options = {
        "logger": logger,
        "log_event": _config.LOGGER_LOG_EVENT.resolve_bool(log_event),
        "correlation_id_path": correlation_id_path,
        "clear_state": clear_state,
        "flush_buffer_on_error": flush_buffer_on_error,
    }
    if handler is None:
        return _decorator(**options)
    return _decorator(handler, **options)
