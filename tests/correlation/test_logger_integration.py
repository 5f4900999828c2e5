"""The logger's decorator finds the incoming correlation id by itself, and can propagate it."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from powerkit.correlation import is_instrumented, uninstrument_boto3
from powerkit.logging import Logger, correlation_paths
from powerkit.testing import apigw_http_event, capture_logs, lambda_context, sqs_event


def test_incoming_header_becomes_the_correlation_id_without_any_path() -> None:
    """inject_lambda_context alone puts the caller's x-correlation-id on every line."""
    logger = Logger(service="auto")

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.info("one")
        logger.info("two")

    with capture_logs() as logs:
        handler(apigw_http_event(headers={"X-Correlation-Id": "c-1"}), lambda_context())
    assert [line["correlation_id"] for line in logs] == ["c-1", "c-1"]


def test_without_an_incoming_id_the_request_id_starts_one() -> None:
    """An event that carries no id gets the request id as its correlation id."""
    logger = Logger(service="auto")

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.info("x")

    with capture_logs() as logs:
        handler(sqs_event(bodies=["a"]), lambda_context(request_id="req-9"))
    assert logs[0]["correlation_id"] == "req-9"


def test_an_explicit_path_still_wins() -> None:
    """correlation_id_path keeps the peer's behaviour: the path's value is the id."""
    logger = Logger(service="auto")

    @logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
    def handler(event: Any, context: Any) -> None:
        logger.info("x")

    event = apigw_http_event(headers={"x-correlation-id": "ignored"})
    with capture_logs() as logs:
        handler(event, lambda_context())
    assert logs[0]["correlation_id"] == event["requestContext"]["requestId"]


def test_propagate_flag_instruments_clients_created_afterwards(moto_server: str) -> None:
    """propagate_correlation_id=True makes later SQS messages carry the id."""
    boto3 = pytest.importorskip("boto3")
    logger = Logger(service="auto")
    try:

        @logger.inject_lambda_context(propagate_correlation_id=True)
        def handler(event: Any, context: Any) -> None:
            sqs = boto3.session.Session().client(
                "sqs", endpoint_url=moto_server, region_name="us-east-1"
            )
            sqs.send_message(QueueUrl=event["queue"], MessageBody="x")

        assert is_instrumented()
        sqs = boto3.client("sqs", endpoint_url=moto_server, region_name="us-east-1")
        queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}")["QueueUrl"]
        handler({"queue": queue, "headers": {"x-correlation-id": "c-77"}}, lambda_context())
        (message,) = sqs.receive_message(QueueUrl=queue, MessageAttributeNames=["All"])["Messages"]
        assert message["MessageAttributes"]["x-correlation-id"]["StringValue"] == "c-77"
    finally:
        uninstrument_boto3()
    assert not is_instrumented()


@pytest.mark.parametrize(
    "event",
    [
        None,
        "text",
        [1, 2],
        {"headers": None, "Records": None},
        {"Records": ["not a record", 3]},
        {"Records": [{"eventSource": "aws:sqs", "messageAttributes": None, "body": None}]},
        {"Records": [{"eventSource": "aws:kinesis", "kinesis": {"data": "%%%not-base64"}}]},
        {"detail-type": "x", "detail": "{not json"},
        {"headers": {"x-correlation-id": ["a", "b"]}},
        {"multiValueHeaders": {"X-Correlation-Id": []}},
    ],
)
def test_odd_events_never_fail_the_handler(event: Any) -> None:
    """Whatever the event, the decorated handler runs and its line has a correlation id."""
    logger = Logger(service="odd-events")

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> str:
        logger.info("ran")
        return "ok"

    with capture_logs() as logs:
        assert handler(event, lambda_context(request_id="req-odd")) == "ok"
    assert logs[0]["correlation_id"] in {"req-odd", "a"}
