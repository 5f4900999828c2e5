"""Every example under examples/tracing/ runs, and prints or emits what the docs say."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.xray import XRayDaemon

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "tracing"


def _run(name: str, capsys: pytest.CaptureFixture[str]) -> str:
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    return capsys.readouterr().out


def _by_suffix(documents: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {document["name"].rpartition(".")[2]: document for document in documents}


def test_every_example_is_tested() -> None:
    """Each example file has a test below (the docs include nothing untested)."""
    tested = {
        "annotations_and_metadata.py",
        "async_concurrency.py",
        "custom_provider.py",
        "generators_and_context_managers.py",
        "getting_started.py",
        "opentelemetry_provider.py",
        "patching.py",
        "testing_your_code.py",
    }
    assert {path.name for path in EXAMPLES.glob("*.py")} == tested


def test_getting_started_runs_untraced_outside_lambda(capsys: pytest.CaptureFixture[str]) -> None:
    """Outside Lambda the example handler just runs."""
    assert _run("getting_started.py", capsys) == "{'statusCode': 200, 'total': 42}\n"


def test_getting_started_in_lambda_sends_two_subsegments(
    xray_daemon: XRayDaemon, capsys: pytest.CaptureFixture[str]
) -> None:
    """In Lambda: handler (ColdStart, Service, response) and load_order under it."""
    assert _run("getting_started.py", capsys) == "{'statusCode': 200, 'total': 42}\n"
    documents = _by_suffix(xray_daemon.documents(2))
    handler, load = documents["handler"], documents["load_order"]
    assert handler["parent_id"] == xray_daemon.parent_id
    assert handler["annotations"] == {"ColdStart": True, "Service": "orders"}
    assert handler["metadata"] == {"orders": {"handler response": {"statusCode": 200, "total": 42}}}
    assert load["parent_id"] == handler["id"]
    assert load["annotations"] == {"order_id": "o-1"}


def test_annotations_and_metadata_example(
    xray_daemon: XRayDaemon, capsys: pytest.CaptureFixture[str]
) -> None:
    """Annotations, namespaced metadata and an ad-hoc block; the response is not captured."""
    assert _run("annotations_and_metadata.py", capsys) == "captured\n"
    documents = _by_suffix(xray_daemon.documents(2))
    charge, fraud = documents["charge"], documents["fraud check"]
    assert charge["annotations"] == {"customer_id": "c-7", "amount": 19.99}
    assert charge["metadata"] == {
        "payments": {"basket": {"items": 3, "coupon": None}},
        "retries": {"attempt": 1},
    }
    assert fraud["parent_id"] == charge["id"]
    assert fraud["annotations"] == {"fraud_score": 0.02}


def test_async_concurrency_example(
    xray_daemon: XRayDaemon, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both concurrent fetch_price subsegments are children of the handler's."""
    assert _run("async_concurrency.py", capsys) == "{'apple': 1.5, 'pear': 2.0}\n"
    documents = xray_daemon.documents(3)
    (handler,) = [d for d in documents if d["name"] == "handler"]
    fetches = [d for d in documents if d["name"] == "fetch_price"]
    assert [d["parent_id"] for d in fetches] == [handler["id"], handler["id"]]


def test_generators_and_context_managers_example(
    xray_daemon: XRayDaemon, capsys: pytest.CaptureFixture[str]
) -> None:
    """The generator's subsegment is nested in the context manager's."""
    assert _run("generators_and_context_managers.py", capsys) == "daily.csv: 3 lines\n"
    documents = _by_suffix(xray_daemon.documents(2))
    assert documents["rows"]["parent_id"] == documents["report_file"]["id"]


def test_opentelemetry_example(xray_daemon: XRayDaemon, capsys: pytest.CaptureFixture[str]) -> None:
    """The OpenTelemetry example prints its two spans with their attributes."""
    assert _run("opentelemetry_provider.py", capsys).splitlines() == [
        "reserve {'sku': 'apple', 'metadata.orders.reserve response': 1}",
        "handler {'ColdStart': True, 'Service': 'orders', "
        "'metadata.orders.handler response': '{\"reserved\": 1}'}",
    ]
    assert xray_daemon.datagrams(timeout=0) == []  # nothing went to X-Ray


def test_custom_provider_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The printing provider shows the nested span and its fields."""
    assert _run("custom_provider.py", capsys).splitlines() == [
        "  step {'step': 1, 'demo.step response': 1}",
        "job {}",
    ]


def test_testing_your_code_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The example's own tests pass."""
    assert _run("testing_your_code.py", capsys) == "2 passed\n"


def test_patching_example_outside_lambda(capsys: pytest.CaptureFixture[str]) -> None:
    """Outside Lambda nothing is patched."""
    assert _run("patching.py", capsys) == "tracing off here\n"


def test_patching_example_in_lambda_traces_boto3_calls(
    xray_daemon: XRayDaemon, moto_server: str
) -> None:
    """In Lambda the example patches boto3: a real S3 call becomes an ``aws`` subsegment
    under the captured function that made it (in a fresh interpreter, as patching is global).
    """
    code = f"""
import runpy, boto3
tracer = runpy.run_path({str(EXAMPLES / "patching.py")!r}, run_name="__main__")["tracer"]

@tracer.capture_method(capture_response=False)
def list_buckets():
    return boto3.client("s3", endpoint_url={moto_server!r}).list_buckets()["Buckets"]

print(list_buckets())
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["tracing on", "[]"]
    documents = xray_daemon.documents(2)
    (outer,) = [d for d in documents if d["name"] == "list_buckets"]
    (s3_call,) = [d for d in documents if d["name"] == "s3"]
    assert outer["parent_id"] == xray_daemon.parent_id
    assert (s3_call["parent_id"], s3_call["namespace"]) == (outer["id"], "aws")
    assert s3_call["aws"]["operation"] == "ListBuckets"
