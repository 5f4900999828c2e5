"""``process_partial_response``: the one call a Lambda handler makes for a batch."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from powerkit.batch._async import AsyncBatchProcessor
from powerkit.batch._errors import BatchConfigError, BatchEventError
from powerkit.batch._processor import BatchProcessor
from powerkit.batch._run import PartialResponse
from powerkit.batch._sources import RawRecord


def _records_of(event: Any) -> list[RawRecord]:
    data = event if type(event) is dict else getattr(event, "raw_event", event)
    records = data.get("Records") if isinstance(data, Mapping) else None
    if not isinstance(records, list):
        raise BatchEventError(
            f"the event has no 'Records' list (got {type(data).__name__}"
            f"{' with keys ' + repr(sorted(data)[:5]) if isinstance(data, Mapping) else ''}); "
            "process_partial_response expects the SQS, Kinesis or DynamoDB Streams event "
            "Lambda passed to the handler"
        )
    return records


def process_partial_response(
    event: Any,
    record_handler: Callable[..., Any],
    processor: BatchProcessor,
    context: Any = None,
) -> PartialResponse:
    """Process every record of ``event`` and return the partial batch response for Lambda.

    Args:
        event: the event the Lambda handler received.
        record_handler: called with each record (the typed record, or the validated model
            with ``model=``) and, if it takes a second argument, the Lambda context.
        processor: a `BatchProcessor` or `SqsFifoPartialProcessor`.
        context: the Lambda context (for the deadline watchdog and the record handler);
            defaults to the running invocation's context.

    Returns:
        ``{"batchItemFailures": [{"itemIdentifier": id}, ...]}``; the list is empty when every
        record succeeded.

    Raises:
        BatchProcessingError: every record failed (unless the processor was built with
            ``raise_on_entire_batch_failure=False``).
    """
    if isinstance(processor, AsyncBatchProcessor):
        raise BatchConfigError(
            "an AsyncBatchProcessor needs async_process_partial_response (or use BatchProcessor)"
        )
    batch = processor(_records_of(event), record_handler, context)
    batch._process(keep_successes=False)  # only the failures make the response
    return batch.response()


def async_process_partial_response(
    event: Any,
    record_handler: Callable[..., Any],
    processor: AsyncBatchProcessor,
    context: Any = None,
) -> PartialResponse:
    """Like `process_partial_response`, for an ``async def`` record handler.

    Callable from a plain (synchronous) Lambda handler: the records run on an event loop
    until they are all done. Inside a coroutine, ``await processor(records, handler,
    context).async_process()`` instead.
    """
    if not isinstance(processor, AsyncBatchProcessor):
        raise BatchConfigError(
            "async_process_partial_response needs an AsyncBatchProcessor "
            f"(got {type(processor).__name__})"
        )
    with processor(_records_of(event), record_handler, context) as batch:
        batch.process()
    return batch.response()
