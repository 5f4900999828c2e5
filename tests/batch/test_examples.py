"""The batch docs examples run and print what the docs say."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "batch"


def run(name: str) -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLES / name), run_name="__main__")


def output(name: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    run(name)
    return capsys.readouterr().out.splitlines()


def test_getting_started(capsys: pytest.CaptureFixture[str]) -> None:
    """The order with no amount is the only failure reported."""
    assert (
        output("getting_started.py", capsys)[-1]
        == "{'batchItemFailures': [{'itemIdentifier': 'msg-2'}]}"
    )


def test_fifo(capsys: pytest.CaptureFixture[str]) -> None:
    """skip_group_on_error skips group a after its failure; group b goes on."""
    assert output("fifo.py", capsys) == [
        "processing a1 in group a",
        "processing bad in group a",
        "processing b1 in group b",
        "{'batchItemFailures': [{'itemIdentifier': 'm2'}, {'itemIdentifier': 'm4'}]}",
    ]


def test_streams(capsys: pytest.CaptureFixture[str]) -> None:
    """Kinesis reports the failed reading and the one after it; DynamoDB succeeds."""
    assert output("streams.py", capsys) == [
        "[1, 2]",
        "new item {'id': '1', 'qty': Decimal('2')}",
        "{'batchItemFailures': []}",
    ]


def test_model(capsys: pytest.CaptureFixture[str]) -> None:
    """The invalid and the malformed bodies fail alone."""
    assert output("model.py", capsys) == [
        "shipping 2 x o-1",
        "{'batchItemFailures': [{'itemIdentifier': 'm2'}, {'itemIdentifier': 'm3'}]}",
    ]


def test_async_records(capsys: pytest.CaptureFixture[str]) -> None:
    """The record that times out is reported."""
    assert output("async_records.py", capsys) == [
        "{'batchItemFailures': [{'itemIdentifier': 'm2'}]}"
    ]


def test_custom_flow(capsys: pytest.CaptureFixture[str]) -> None:
    """Hooks print each outcome; the run reports the failure."""
    assert output("custom_flow.py", capsys) == [
        "done m1 -> 1",
        "failed m2 -> invalid literal for int() with base 10: 'two'",
        "done m3 -> 3",
        "succeeded: 2 failed: 1",
        "{'batchItemFailures': [{'itemIdentifier': 'm2'}]}",
    ]


def test_deadline(capsys: pytest.CaptureFixture[str]) -> None:
    """Two records fit before the margin; the other two are reported unattempted."""
    assert output("deadline.py", capsys) == [
        "{'batchItemFailures': [{'itemIdentifier': 'm3'}, {'itemIdentifier': 'm4'}]}"
    ]


def test_poison(capsys: pytest.CaptureFixture[str]) -> None:
    """The looping message is parked and not reported."""
    assert output("poison.py", capsys) == [
        "processing m1",
        "{'batchItemFailures': []}",
        "parked: ['m2']",
    ]


def test_threads(capsys: pytest.CaptureFixture[str]) -> None:
    """The bad record is reported; records ran on the batch thread pool."""
    assert output("threads.py", capsys) == [
        "{'batchItemFailures': [{'itemIdentifier': 'm30'}]}",
        "True",
    ]


def test_idempotency(capsys: pytest.CaptureFixture[str]) -> None:
    """Each order is charged once, across duplicates and a redelivered batch."""
    assert output("idempotency.py", capsys) == [
        "{'batchItemFailures': []}",
        "{'batchItemFailures': []}",
        "charged: ['o-1', 'o-2']",
    ]


def test_testing_example_passes() -> None:
    """The tests shown under 'Testing your code' pass."""
    module = runpy.run_path(str(EXAMPLES / "testing_handler.py"))
    module["test_reports_only_the_bad_order"]()
    module["test_a_batch_where_everything_fails_is_retried_whole"]()


def test_template_turns_on_report_batch_item_failures() -> None:
    """Every event source in the SAM template lists ReportBatchItemFailures."""
    text = (EXAMPLES / "template.yaml").read_text()
    assert text.count("FunctionResponseTypes:") == 2
    assert text.count("- ReportBatchItemFailures") == 2
