"""The correlation docs examples, run against the moto server."""

from __future__ import annotations

import json
import runpy
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from powerkit.correlation import uninstrument_boto3
from powerkit.testing import apigw_rest_event, capture_logs, lambda_context, sqs_event

boto3 = pytest.importorskip("boto3")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "correlation"


@pytest.fixture
def queue(moto_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, str]]:
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_server)
    sqs = boto3.client("sqs", endpoint_url=moto_server)
    url = sqs.create_queue(QueueName=f"orders-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    monkeypatch.setenv("ORDERS_QUEUE_URL", url)
    yield sqs, url
    uninstrument_boto3()


def test_api_and_worker_log_the_same_correlation_id(queue: tuple[Any, str]) -> None:
    """The id sent by the caller appears on the API's and the worker's lines."""
    sqs, url = queue
    api = runpy.run_path(str(EXAMPLES / "api.py"))["handler"]
    worker = runpy.run_path(str(EXAMPLES / "worker.py"))["handler"]
    with capture_logs() as logs:
        request = apigw_rest_event(
            method="POST", body='{"order_id": "o-1"}', headers={"x-correlation-id": "c-42"}
        )
        assert api(request, lambda_context())["statusCode"] == 202
        (message,) = sqs.receive_message(QueueUrl=url, MessageAttributeNames=["All"])["Messages"]
        attributes = {k: v["StringValue"] for k, v in message["MessageAttributes"].items()}
        worker(sqs_event(bodies=[message["Body"]], message_attributes=attributes), lambda_context())
    assert [(line["service"], line["message"], line["correlation_id"]) for line in logs] == [
        ("orders-api", "order accepted", "c-42"),
        ("orders-worker", "order shipped", "c-42"),
    ]
    assert json.loads(message["Body"]) == {"order_id": "o-1"}
