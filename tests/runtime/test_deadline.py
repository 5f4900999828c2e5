"""The deadline from the runtime's header reaches powerkit's deadline logic."""

from __future__ import annotations

import json
import time

from powerkit._cli._emf_check import check_line
from powerkit.testing import sqs_event
from tests.runtime.conftest import StartFunction


def test_metrics_are_published_before_lambda_kills_an_overrunning_handler(
    start_function: StartFunction,
) -> None:
    """With 1.2 s left and a 500 ms margin, ExportStarted is out while the handler still hangs."""
    function = start_function("deadline.overrun")
    invocation = function.send({"sleep_s": 30}, timeout_ms=1200)
    function.wait_for_stdout('"hanging"', wait_s=8)  # the event was handed out
    # What Lambda does at the deadline: the process is stopped, no response is ever posted.
    while time.time() * 1000 < invocation.deadline_ms:
        time.sleep(0.02)
    function.stop()

    assert not invocation.done.is_set()
    lines = function.stdout().splitlines()
    hanging = json.loads(next(line for line in lines if '"hanging"' in line))
    assert 0 < hanging["remaining_ms"] <= 1200
    (emf,) = [line for line in lines if check_line(line) is not None]
    assert check_line(emf).problems == []  # type: ignore[union-attr]
    document = json.loads(emf)
    assert document["ExportStarted"] == 1


def test_batch_watchdog_reports_the_records_it_had_no_time_for(
    start_function: StartFunction,
) -> None:
    """Deadline 2.5 s away, 1 s margin, 250 ms per record: the tail of 10 records is reported."""
    ids = [f"m{i}" for i in range(10)]
    event = sqs_event(bodies=[str(i) for i in range(10)], message_ids=ids)
    function = start_function("deadline.batch")
    invocation = function.invoke(event, timeout_ms=2500)
    function.stop()

    assert invocation.kind == "response"
    failed = [item["itemIdentifier"] for item in invocation.json()["batchItemFailures"]]
    done = [line["body"] for line in function.json_lines() if line.get("message") == "record done"]
    assert 1 <= len(done) < 10, done
    # The records done are a prefix; every other one is reported for redelivery.
    assert done == [str(i) for i in range(len(done))]
    assert failed == ids[len(done) :]
