"""Failure log lines stay bounded however many records fail."""

from __future__ import annotations

from typing import Any

from powerkit.batch import BatchProcessor, EventType, process_partial_response
from powerkit.batch._run import MAX_LOGGED_FAILURES
from powerkit.logging import Logger
from powerkit.testing import capture_logs, lambda_context, sqs_event


def test_a_mass_failure_logs_a_bounded_number_of_lines_and_reports_every_id() -> None:
    """Beyond the first few failures one summary line counts the rest; the response has all."""
    logger = Logger(service="mass-failure")
    processor = BatchProcessor(
        event_type=EventType.SQS, raise_on_entire_batch_failure=False, logger=logger
    )
    event = sqs_event(bodies=[f"m{n}" for n in range(40)])

    def record_handler(record: Any) -> None:
        raise ValueError(record.body)

    with capture_logs() as logs:
        response = process_partial_response(event, record_handler, processor, lambda_context())
    assert len(response["batchItemFailures"]) == 40
    failures = [line for line in logs if line["message"].startswith("batch record ")]
    assert len(failures) == MAX_LOGGED_FAILURES
    (summary,) = [line for line in logs if line["message"].startswith("batch: ")]
    assert summary["message"].startswith(f"batch: {40 - MAX_LOGGED_FAILURES} more record failures")
    assert f"ValueError x{40 - MAX_LOGGED_FAILURES}" in summary["message"]


def test_a_failure_line_points_at_the_record_handler() -> None:
    """The line's location is where the record's exception was raised, not powerkit's code."""
    logger = Logger(service="failure-location")
    processor = BatchProcessor(event_type=EventType.SQS, logger=logger)

    def record_handler(record: Any) -> None:
        if record.body == "bad":
            raise ValueError("bad body")

    with capture_logs() as logs:
        process_partial_response(
            sqs_event(bodies=["ok", "bad"]), record_handler, processor, lambda_context()
        )
    (line,) = [line for line in logs if line["level"] == "WARNING"]
    assert line["location"].startswith("record_handler:")
