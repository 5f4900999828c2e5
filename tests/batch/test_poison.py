"""Poison records: opt-in max_receive_count hands over-received SQS messages to on_poison."""

from __future__ import annotations

from typing import Any

from powerkit.batch import BatchProcessor, SqsFifoPartialProcessor, process_partial_response
from powerkit.testing import CapturedLogs, sqs_event


def test_over_received_record_goes_to_on_poison_and_counts_as_success(
    logs: CapturedLogs, logger: Any
) -> None:
    """A record received more than max_receive_count times skips the handler, is not reported."""
    event = sqs_event(bodies=["fresh", "poison", "again"], receive_count=[1, 4, 3])
    poisoned: list[str] = []
    handled: list[str] = []
    processor = BatchProcessor(
        max_receive_count=3, on_poison=lambda record: poisoned.append(record.body), logger=logger
    )
    response = process_partial_response(event, lambda r: handled.append(r.body), processor)
    assert poisoned == ["poison"]
    assert handled == ["fresh", "again"]
    assert response == {"batchItemFailures": []}
    (line,) = [line for line in logs if "on_poison" in line["message"]]
    assert line["record_id"] == event["Records"][1]["messageId"]
    assert "received 4 times" in line["message"]


def test_on_poison_failing_reports_the_record() -> None:
    """If on_poison raises (e.g. the DLQ is unreachable), the record fails as usual."""
    event = sqs_event(bodies=["ok", "poison"], receive_count=[1, 9])

    def on_poison(record: Any) -> None:
        raise ConnectionError("dlq down")

    processor = BatchProcessor(max_receive_count=2, on_poison=on_poison)
    response = process_partial_response(event, lambda r: None, processor)
    assert response == {"batchItemFailures": [{"itemIdentifier": event["Records"][1]["messageId"]}]}


def test_poison_records_are_not_an_entire_batch_failure() -> None:
    """A batch made only of poison records succeeds (nothing to retry)."""
    event = sqs_event(bodies=["p1", "p2"], receive_count=5)
    seen: list[Any] = []
    processor = BatchProcessor(max_receive_count=1, on_poison=seen.append)
    assert process_partial_response(event, print, processor) == {"batchItemFailures": []}
    assert len(seen) == 2


def test_poison_handling_is_off_by_default() -> None:
    """Without max_receive_count, a many-times-received record goes to the handler."""
    event = sqs_event(bodies=["x"], receive_count=1000)
    seen: list[Any] = []
    process_partial_response(event, seen.append, BatchProcessor())
    assert len(seen) == 1


def test_fifo_poison_record_does_not_block_the_group() -> None:
    """FIFO: a poison record handed to on_poison lets later records of its group run."""
    event = sqs_event(bodies=["poison", "next"], receive_count=[7, 1], fifo=True)
    poisoned: list[str] = []
    handled: list[str] = []
    processor = SqsFifoPartialProcessor(
        max_receive_count=5, on_poison=lambda r: poisoned.append(r.body)
    )
    response = process_partial_response(event, lambda r: handled.append(r.body), processor)
    assert (poisoned, handled) == (["poison"], ["next"])
    assert response == {"batchItemFailures": []}
