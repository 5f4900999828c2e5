"""Property: for any batch and failure set, exactly the right identifiers are reported."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powerkit.batch import (
    AsyncBatchProcessor,
    BatchProcessingError,
    BatchProcessor,
    EventType,
    SqsFifoPartialProcessor,
    process_partial_response,
)
from powerkit.batch import async_process_partial_response as async_response

KINDS = ["sqs", "sqs-threads", "sqs-async", "fifo", "fifo-groups", "kinesis", "dynamodb"]


def build_record(kind: str, index: int, group: str) -> dict[str, Any]:
    if kind.startswith(("sqs", "fifo")):
        return {
            "messageId": f"msg-{index}",
            "body": str(index),
            "attributes": {"ApproximateReceiveCount": "1", "MessageGroupId": group},
            "eventSource": "aws:sqs",
        }
    if kind == "kinesis":
        data = base64.b64encode(str(index).encode()).decode()
        return {"kinesis": {"sequenceNumber": f"{10**20 + index}", "data": data}}
    return {"dynamodb": {"SequenceNumber": f"{5 * 10**9 + index}"}, "eventName": "INSERT"}


def record_id(record: dict[str, Any]) -> str:
    if "messageId" in record:
        return str(record["messageId"])
    if "kinesis" in record:
        return str(record["kinesis"]["sequenceNumber"])
    return str(record["dynamodb"]["SequenceNumber"])


def expected(kind: str, failing: list[bool], groups: list[str]) -> tuple[list[int], set[int]]:
    """(indexes reported, indexes the handler must run) under the documented rules."""
    n = len(failing)
    if kind.startswith("sqs"):
        return [i for i in range(n) if failing[i]], set(range(n))
    if kind == "fifo-groups":
        failed_groups: set[str] = set()
        reported, attempted = [], set()
        for i in range(n):
            if groups[i] in failed_groups:
                reported.append(i)
                continue
            attempted.add(i)
            if failing[i]:
                failed_groups.add(groups[i])
                reported.append(i)
        return reported, attempted
    first = next((i for i in range(n) if failing[i]), n)
    return list(range(first, n)), set(range(first + 1 if first < n else n))


def make_processor(kind: str, raise_all: bool) -> Any:
    if kind == "sqs":
        return BatchProcessor(raise_on_entire_batch_failure=raise_all)
    if kind == "sqs-threads":
        return BatchProcessor(raise_on_entire_batch_failure=raise_all, max_workers=3)
    if kind == "sqs-async":
        return AsyncBatchProcessor(raise_on_entire_batch_failure=raise_all)
    if kind.startswith("fifo"):
        return SqsFifoPartialProcessor(
            raise_on_entire_batch_failure=raise_all, skip_group_on_error=kind == "fifo-groups"
        )
    source = EventType.KinesisDataStreams if kind == "kinesis" else EventType.DynamoDBStreams
    return BatchProcessor(source, raise_on_entire_batch_failure=raise_all)


@st.composite
def batches(draw: st.DrawFn) -> tuple[str, list[bool], list[str], bool]:
    kind = draw(st.sampled_from(KINDS))
    failing = draw(st.lists(st.booleans(), max_size=25))
    groups = draw(st.lists(st.sampled_from("abc"), min_size=len(failing), max_size=len(failing)))
    return kind, failing, groups, draw(st.booleans())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_reported_ids_are_exactly_the_failed_and_skipped(
    case: tuple[str, list[bool], list[str], bool],
) -> None:
    """Reported = failed (+ skipped where order applies); never a success, never twice."""
    kind, failing, groups, raise_all = case
    records = [build_record(kind, i, groups[i]) for i in range(len(failing))]
    index_of = {id(record): i for i, record in enumerate(records)}
    attempted: list[int] = []

    def handler(record: Any) -> None:
        i = index_of[id(record.raw_event)]
        attempted.append(i)
        if failing[i]:
            raise ValueError(i)

    async def async_handler(record: Any) -> None:
        handler(record)

    want_reported, want_attempted = expected(kind, failing, groups)
    processor = make_processor(kind, raise_all)
    event = {"Records": records}
    everything_failed = bool(records) and len(want_reported) == len(records)
    if everything_failed and raise_all:
        with pytest.raises(BatchProcessingError) as caught:
            if kind == "sqs-async":
                async_response(event, async_handler, processor)
            else:
                process_partial_response(event, handler, processor)
        reported = [failure.record_id for failure in caught.value.failures]
    else:
        if kind == "sqs-async":
            response = async_response(event, async_handler, processor)
        else:
            response = process_partial_response(event, handler, processor)
        reported = [item["itemIdentifier"] for item in response["batchItemFailures"]]
    assert reported == [record_id(records[i]) for i in want_reported]
    assert len(set(reported)) == len(reported)
    assert sorted(attempted) == sorted(want_attempted)
