"""Per-record log keys: record_id (and message_group_id for FIFO) on every line, then gone."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from powerkit.batch import BatchProcessor, SqsFifoPartialProcessor, process_partial_response
from powerkit.logging import context_keys
from powerkit.testing import CapturedLogs, sqs_event


def test_handler_lines_carry_the_record_id(logs: CapturedLogs, logger: Any) -> None:
    """Each line the handler logs has the id of the record being processed."""
    event = sqs_event(bodies=["a", "b"])

    def handler(record: Any) -> None:
        logger.info("working", body=record.body)

    process_partial_response(event, handler, BatchProcessor())
    assert [(line["body"], line["record_id"]) for line in logs] == [
        ("a", event["Records"][0]["messageId"]),
        ("b", event["Records"][1]["messageId"]),
    ]


def test_keys_are_removed_after_the_batch(logs: CapturedLogs, logger: Any) -> None:
    """After the batch (and on a failure path) lines no longer carry record keys."""
    event = sqs_event(bodies=["bad"])
    processor = BatchProcessor(raise_on_entire_batch_failure=False)
    process_partial_response(event, lambda r: 1 / 0, processor)
    logger.info("after")
    assert "record_id" not in logs[-1]


def test_caller_keys_are_kept_and_restored(logs: CapturedLogs, logger: Any) -> None:
    """Keys the caller bound stay on record lines and are intact after the batch."""
    event = sqs_event(bodies=["a"])
    with context_keys(tenant="acme"):
        process_partial_response(event, lambda r: logger.info("in"), BatchProcessor())
        logger.info("out")
    inside, outside = logs
    assert (inside["tenant"], inside["record_id"]) == ("acme", event["Records"][0]["messageId"])
    assert outside["tenant"] == "acme"
    assert "record_id" not in outside


def test_fifo_lines_carry_the_message_group(logs: CapturedLogs, logger: Any) -> None:
    """FIFO records add message_group_id next to record_id."""
    event = sqs_event(bodies=["a", "b"], fifo=True, group_ids=["g1", "g2"])
    process_partial_response(event, lambda r: logger.info("x"), SqsFifoPartialProcessor())
    assert [line["message_group_id"] for line in logs] == ["g1", "g2"]
    assert [line["record_id"] for line in logs] == [r["messageId"] for r in event["Records"]]


def test_a_failure_is_logged_once_with_id_and_exception(logs: CapturedLogs, logger: Any) -> None:
    """One WARNING line per failed record, with its id and the exception (type and trace)."""
    event = sqs_event(bodies=["ok", "bad"])

    def handler(record: Any) -> None:
        if record.body == "bad":
            raise LookupError("no such order")

    process_partial_response(event, handler, BatchProcessor(logger=logger))
    (line,) = logs
    failed_id = event["Records"][1]["messageId"]
    assert line["level"] == "WARNING"
    assert line["record_id"] == failed_id
    assert failed_id in line["message"]
    assert "LookupError: no such order" in line["message"]
    assert line["exception_name"] == "LookupError"


def test_trace_is_logged_once_per_exception_type(logs: CapturedLogs, logger: Any) -> None:
    """Repeated failures of one type log the trace once, then the raising location only."""
    event = sqs_event(bodies=["v1", "v2", "k1"])

    def handler(record: Any) -> None:
        if record.body.startswith("v"):
            raise ValueError(record.body)
        raise KeyError(record.body)

    processor = BatchProcessor(logger=logger, raise_on_entire_batch_failure=False)
    process_partial_response(event, handler, processor)
    first, second, other = logs
    assert [line["record_id"] for line in logs] == [r["messageId"] for r in event["Records"]]
    assert first["exception_name"] == "ValueError"
    assert "stack_trace" in first or "exception" in first
    assert "exception_name" not in second
    assert "ValueError: v2 (at test_keys.py:" in second["message"]
    assert "in handler)" in second["message"]
    assert other["exception_name"] == "KeyError"


def test_default_failure_log_goes_to_the_powerkit_batch_logger(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Without logger=, failures go to the standard 'powerkit.batch' logger."""
    event = sqs_event(bodies=["ok", "bad"])
    with caplog.at_level("WARNING", logger="powerkit.batch"):
        process_partial_response(
            event, lambda r: 1 / 0 if r.body == "bad" else None, BatchProcessor()
        )
    (record,) = caplog.records
    assert record.name == "powerkit.batch"
    assert event["Records"][1]["messageId"] in record.getMessage()
    assert record.exc_info is not None


def test_thread_pool_lines_carry_their_own_record_id(logs: CapturedLogs, logger: Any) -> None:
    """With max_workers>1, each worker's lines carry the id of the record it processes."""
    event = sqs_event(bodies=[str(i) for i in range(20)])
    threads: set[str] = set()
    barrier = threading.Barrier(4, timeout=10)

    def handler(record: Any) -> None:
        threads.add(threading.current_thread().name)
        if int(record.body) < 4:
            barrier.wait()  # four records in flight at once: proves real parallelism
        logger.info("work", body=record.body)

    process_partial_response(event, handler, BatchProcessor(max_workers=4))
    expected = {r["body"]: r["messageId"] for r in event["Records"]}
    assert {line["body"]: line["record_id"] for line in logs} == expected
    assert len(threads) == 4
    assert all(name.startswith("powerkit-batch") for name in threads)
