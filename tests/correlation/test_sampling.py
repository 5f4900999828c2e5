"""The debug-sampling decision travels with the correlation id."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from powerkit.correlation import SAMPLED_NAME, extract_debug_sampled, instrument_boto3
from powerkit.logging import Logger
from powerkit.testing import (
    apigw_http_event,
    capture_logs,
    eventbridge_event,
    lambda_context,
    sqs_event,
)


def _run_chain(
    moto_server: str, upstream_rate: float
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    boto3 = pytest.importorskip("boto3")
    sqs = boto3.client("sqs", endpoint_url=moto_server, region_name="us-east-1")
    instrument_boto3(sqs)
    queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    api_logger = Logger(service=f"api-{upstream_rate}", sample_rate=upstream_rate)
    worker_logger = Logger(service=f"worker-{upstream_rate}")  # no sampling of its own

    @api_logger.inject_lambda_context
    def api(event: Any, context: Any) -> None:
        sqs.send_message(QueueUrl=queue, MessageBody="order")

    @worker_logger.inject_lambda_context
    def worker(event: Any, context: Any) -> None:
        worker_logger.debug("worker detail")
        worker_logger.info("worker summary")

    api(apigw_http_event(headers={"x-correlation-id": "c-s"}), lambda_context())
    (message,) = sqs.receive_message(QueueUrl=queue, MessageAttributeNames=["All"])["Messages"]
    attributes = {k: v["StringValue"] for k, v in message.get("MessageAttributes", {}).items()}
    with capture_logs() as logs:
        worker(sqs_event(bodies=[message["Body"]], message_attributes=attributes), lambda_context())
    return attributes, list(logs)


def test_a_sampled_request_logs_debug_downstream(moto_server: str) -> None:
    """Upstream sampled (rate 1): the message says so and the worker writes its DEBUG line."""
    attributes, logs = _run_chain(moto_server, 1.0)
    assert attributes == {"x-correlation-id": "c-s", SAMPLED_NAME: "1"}
    assert [(line["message"], line["correlation_id"]) for line in logs] == [
        ("worker detail", "c-s"),
        ("worker summary", "c-s"),
    ]
    assert logs[0]["sampled"] is True


def test_an_unsampled_request_stays_at_the_workers_level(moto_server: str) -> None:
    """Upstream not sampled: no flag is sent and the worker's DEBUG line is dropped."""
    attributes, logs = _run_chain(moto_server, 0.0)
    assert attributes == {"x-correlation-id": "c-s"}
    assert [line["message"] for line in logs] == ["worker summary"]


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (apigw_http_event(headers={"X-Debug-Sampled": "1", "x-correlation-id": "c"}), True),
        (apigw_http_event(headers={"x-debug-sampled": "0"}), False),
        (
            eventbridge_event(detail={"metadata": {"correlation_id": "c", "debug_sampled": True}}),
            True,
        ),
        (eventbridge_event(detail={"metadata": {"correlation_id": "c"}}), False),
        ({}, False),
    ],
)
def test_the_flag_is_read_from_headers_and_metadata(event: dict[str, Any], expected: bool) -> None:
    """HTTP headers (any case) and JSON metadata carry the flag."""
    assert extract_debug_sampled(event) is expected
