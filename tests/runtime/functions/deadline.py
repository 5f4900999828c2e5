"""Handlers that run into the Lambda deadline: a metrics flush and the batch watchdog."""

from __future__ import annotations

import time
from typing import Any

from powerkit.batch import BatchProcessor, EventType, process_partial_response
from powerkit.events import SQSRecord
from powerkit.logging import Logger
from powerkit.metrics import Metrics, MetricUnit

logger = Logger(service="runtime-deadline")
metrics = Metrics(namespace="RuntimeDeadline", service="runtime-deadline", flush_margin_ms=500)
processor = BatchProcessor(event_type=EventType.SQS, deadline_margin_ms=1000, logger=logger)


@metrics.log_metrics
def overrun(event: dict[str, Any], context: Any) -> None:
    """Add a metric, then hang past the deadline (Lambda kills the process)."""
    metrics.add_metric("ExportStarted", MetricUnit.Count, 1)
    logger.info("hanging", remaining_ms=context.get_remaining_time_in_millis())
    time.sleep(event["sleep_s"])


def slow_record(record: SQSRecord) -> None:
    time.sleep(0.25)
    logger.info("record done", body=record.body)


@logger.inject_lambda_context
def batch(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Process slow records; stop with a partial response when the deadline nears."""
    return process_partial_response(event, slow_record, processor, context)
