"""``@correlate``: make the incoming correlation id current for the whole invocation."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from powerkit.correlation._extract import (
    DEFAULT_NAME,
    extract_correlation_id,
    extract_debug_sampled,
)
from powerkit.correlation._instrument import instrument_boto3
from powerkit.logging._context import debug_sampled_var, set_correlation_id
from powerkit.middleware import lambda_handler_decorator


def start_correlation(event: Any, context: Any, *, name: str = DEFAULT_NAME) -> str:
    """Find the incoming id, or start one from the request id; make it current; return it.

    When the caller said it logs this request at DEBUG (``x-debug-sampled``), this invocation
    does too.
    """
    found = extract_correlation_id(event, context, name=name)
    if found is not None and extract_debug_sampled(event, context):
        debug_sampled_var.set(True)
    if found is None:
        found = getattr(context, "aws_request_id", None) or str(uuid.uuid4())
    set_correlation_id(found)
    return found


@lambda_handler_decorator
def correlate(
    handler: Callable[[Any, Any], Any],
    event: Any,
    context: Any,
    name: str = DEFAULT_NAME,
    instrument: bool = False,
) -> Any:
    """Handler decorator: the incoming (or a new) correlation id is on every log line.

    Args:
        name: header / message attribute / client-context key that carries the id.
        instrument: also call `instrument_boto3` so outgoing SQS, SNS, EventBridge,
            Lambda, Kinesis and Step Functions calls carry the id.
    """
    if instrument:
        instrument_boto3()
    start_correlation(event, context, name=name)
    return handler(event, context)
