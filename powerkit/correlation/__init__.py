"""Correlation ids that travel across services.

On each invocation `correlate` (or ``extract_correlation_id`` in your own code) finds the
incoming id — HTTP header, SQS/SNS message attribute, EventBridge detail metadata, Kinesis or
Firehose payload metadata, Lambda client context — or starts one from the request id; every
powerkit log line carries it as ``correlation_id``. `instrument_boto3` makes outgoing
SQS, SNS, EventBridge, Lambda, Kinesis and Step Functions calls carry it onwards.
"""

from powerkit.correlation._extract import (
    DEFAULT_NAME,
    METADATA_KEY,
    SAMPLED_METADATA_KEY,
    SAMPLED_NAME,
    extract_correlation_id,
    extract_debug_sampled,
    record_correlation_id,
)
from powerkit.correlation._inject import CorrelationWarning
from powerkit.correlation._instrument import instrument_boto3, is_instrumented, uninstrument_boto3
from powerkit.correlation._middleware import correlate, start_correlation
from powerkit.logging._context import get_correlation_id, set_correlation_id

__all__ = [
    "DEFAULT_NAME",
    "METADATA_KEY",
    "SAMPLED_METADATA_KEY",
    "SAMPLED_NAME",
    "CorrelationWarning",
    "correlate",
    "extract_correlation_id",
    "extract_debug_sampled",
    "get_correlation_id",
    "instrument_boto3",
    "is_instrumented",
    "record_correlation_id",
    "set_correlation_id",
    "start_correlation",
    "uninstrument_boto3",
]
