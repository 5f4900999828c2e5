"""The events docs examples run and print what the docs say."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "events"


def output(name: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    return capsys.readouterr().out.splitlines()


def test_getting_started(capsys: pytest.CaptureFixture[str]) -> None:
    """Each record's id, parsed body and receive count are printed."""
    assert output("getting_started.py", capsys) == [
        "m-1: book (attempt 1)",
        "m-2: lamp (attempt 3)",
    ]


def test_api_gateway(capsys: pytest.CaptureFixture[str]) -> None:
    """Headers in any case, query defaults, multi-values, JSON body and path parameters."""
    assert output("api_gateway.py", capsys) == [
        "{'method': 'POST', 'content_type': 'application/json', 'page': '1', "
        "'tags': ['gift', 'urgent'], 'order': {'item': 'book', 'quantity': 2}, "
        "'order_id': '42'}"
    ]


def test_dynamodb_stream(capsys: pytest.CaptureFixture[str]) -> None:
    """Images come back as Python values, numbers as Decimal, sets as sets."""
    assert output("dynamodb_stream.py", capsys) == [
        "MODIFY {'id': 'order-1'}",
        "before: {'id': 'order-1', 'qty': Decimal('1')}",
        "after: {'id': 'order-1', 'qty': Decimal('2'), 'price': Decimal('9.99'), "
        "'tags': {'gift'}, 'shipped': False}",
    ]


def test_s3_keys(capsys: pytest.CaptureFixture[str]) -> None:
    """The key is URL-decoded; raw_key is as S3 sent it."""
    assert output("s3_keys.py", capsys) == [
        "ObjectCreated:Put photos",
        "raw_key: summer+holiday/day+1.jpg",
        "key: summer holiday/day 1.jpg",
    ]


def test_cloudwatch_logs(capsys: pytest.CaptureFixture[str]) -> None:
    """The log group and lines are read from the compressed payload."""
    assert output("cloudwatch_logs.py", capsys) == [
        "/app/orders",
        "True [ERROR] payment failed",
        "True [INFO] retrying",
    ]


def test_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """Missing required fields and undecodable bodies name their path and source."""
    assert output("errors.py", capsys) == [
        "no attributes",
        "None",
        "Records[0].receiptHandle | SQS",
        "Records[0].body",
    ]


def test_authorizer(capsys: pytest.CaptureFixture[str]) -> None:
    """The allowed route becomes a full execute-api ARN in the policy."""
    assert output("authorizer.py", capsys) == [
        "[{'Action': 'execute-api:Invoke', 'Effect': 'Allow', 'Resource': "
        "['arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/orders/*']}]"
    ]


def test_cognito_trigger(capsys: pytest.CaptureFixture[str]) -> None:
    """Assignments land in the raw event's response."""
    assert output("cognito_trigger.py", capsys) == [
        "{'autoConfirmUser': True, 'autoVerifyEmail': True}"
    ]


def test_firehose(capsys: pytest.CaptureFixture[str]) -> None:
    """One record is transformed, the other dropped."""
    assert output("firehose.py", capsys) == [
        "r1 Ok {'fahrenheit': 68.0}",
        "r2 Dropped None",
    ]


def test_sns_in_sqs(capsys: pytest.CaptureFixture[str]) -> None:
    """The SNS notification inside the SQS body is read as an SNS message."""
    assert output("sns_in_sqs.py", capsys) == [
        "sqs-1 sns-1 arn:aws:sns:eu-west-1:123456789012:orders",
        "{'order': 7}",
    ]


def test_testing_handler(capsys: pytest.CaptureFixture[str]) -> None:
    """The example's own tests pass."""
    assert output("testing_handler.py", capsys) == ["ok"]
