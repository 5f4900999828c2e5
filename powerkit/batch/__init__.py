"""Batch processing with partial failures for SQS, Kinesis Data Streams and DynamoDB Streams.

Each record is processed on its own; the response reports exactly the records that failed
(``{"batchItemFailures": [...]}``), which Lambda retries while the others are done. Ordered
sources (SQS FIFO, streams) stop at the first failure and report the rest; every source stops
before the Lambda deadline and reports the records it could not attempt.

The event source mapping must list ``ReportBatchItemFailures`` in its
``FunctionResponseTypes``, or Lambda ignores the response.

Exception tree::

    PowerkitError
    └── BatchError
        ├── BatchProcessingError                 every record of a batch failed
        ├── BatchConfigError (ConfigError)       a processor or handler is set up wrongly
        ├── BatchEventError (ValueError)         the event is not a batch of the expected source
        └── RecordNotProcessedError              a record was reported without being attempted
"""

from powerkit.batch._async import AsyncBatchProcessor, AsyncBatchRun
from powerkit.batch._errors import (
    BatchConfigError,
    BatchError,
    BatchEventError,
    BatchProcessingError,
    RecordNotProcessedError,
)
from powerkit.batch._outcome import RecordFailure
from powerkit.batch._partial import async_process_partial_response, process_partial_response
from powerkit.batch._processor import BatchProcessor, SqsFifoPartialProcessor
from powerkit.batch._run import BatchRun, PartialResponse
from powerkit.batch._sources import EventType

__all__ = [
    "AsyncBatchProcessor",
    "AsyncBatchRun",
    "BatchConfigError",
    "BatchError",
    "BatchEventError",
    "BatchProcessingError",
    "BatchProcessor",
    "BatchRun",
    "EventType",
    "PartialResponse",
    "RecordFailure",
    "RecordNotProcessedError",
    "SqsFifoPartialProcessor",
    "async_process_partial_response",
    "process_partial_response",
]
