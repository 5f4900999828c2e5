"""The order service example, end to end: directly, through `powerkit invoke`, on moto."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from powerkit.testing import capture_logs, capture_metrics, lambda_context

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "examples" / "orders"
CREATE = json.loads((APP / "events" / "create_order.json").read_text())
BATCH = json.loads((APP / "events" / "order_batch.json").read_text())
BAD_IDS = [BATCH["Records"][1]["messageId"], BATCH["Records"][3]["messageId"]]


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Fresh handler modules with their own SQLite idempotency store."""
    monkeypatch.setenv("ORDERS_IDEMPOTENCY_DB", str(tmp_path / "orders.sqlite3"))
    monkeypatch.syspath_prepend(str(APP))
    sys.modules.pop("orders_common", None)
    return {
        "api": runpy.run_path(str(APP / "api.py"))["handler"],
        "worker": runpy.run_path(str(APP / "worker.py"))["handler"],
    }


def test_api_creates_once_and_replays_the_stored_result(app: dict[str, Any]) -> None:
    """Same order twice: 201 then 200 with the identical stored body marked as replayed."""
    with capture_logs() as logs, capture_metrics() as metrics:
        first = app["api"](CREATE, lambda_context())
        second = app["api"](CREATE, lambda_context())
    assert (first["statusCode"], second["statusCode"]) == (201, 200)
    created, replayed = json.loads(first["body"]), json.loads(second["body"])
    assert replayed == {**created, "replayed": True}
    assert created["total"] == 28.6
    assert logs.messages().count("order created") == 1
    assert {line["correlation_id"] for line in logs} == {"demo-correlation-1"}
    assert metrics.metric("OrdersCreated").values == [1]
    assert metrics.metric("OrdersReplayed").values == [1]


def test_api_rejects_an_invalid_order_with_400(app: dict[str, Any]) -> None:
    """A body that fails the schema is a 400 naming the problem; nothing is created."""
    bad = {**CREATE, "body": json.dumps({"order_id": "o-9", "customer": "c", "items": []})}
    with capture_logs() as logs:
        response = app["api"](bad, lambda_context())
    assert response["statusCode"] == 400
    assert "items" in json.loads(response["body"])["error"]
    assert "order created" not in logs.messages()


def test_worker_reports_only_the_bad_records_and_ships_each_order_once(app: dict[str, Any]) -> None:
    """Two bad records are reported; a redelivered batch does not ship the good orders again."""
    with capture_logs() as logs:
        first = app["worker"](BATCH, lambda_context())
        second = app["worker"](BATCH, lambda_context())
    expected = {"batchItemFailures": [{"itemIdentifier": rid} for rid in BAD_IDS]}
    assert first == second == expected
    shipped = [line["order_id"] for line in logs if line["message"] == "order shipped"]
    assert shipped == ["o-1001", "o-1003"]
    failures = [line for line in logs if line["level"] == "WARNING"]
    assert [line["record_id"] for line in failures] == BAD_IDS * 2


def _invoke(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "powerkit", "invoke", *args, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def _summaries(stderr: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith('{"invocation"')]


def test_through_the_cli_the_second_call_is_served_from_the_store(tmp_path: Path) -> None:
    """`powerkit invoke` with the same event twice: created, then replayed; metrics counted."""
    env = {"ORDERS_IDEMPOTENCY_DB": str(tmp_path / "cli.sqlite3")}
    event = str(APP / "events" / "create_order.json")
    done = _invoke("examples/orders/api.py:handler", "-e", event, "-e", event, env=env)
    assert done.returncode == 0, done.stderr
    first, second = _summaries(done.stderr)
    assert (first["result"]["statusCode"], second["result"]["statusCode"]) == (201, 200)
    assert first["cold_start"]
    assert not second["cold_start"]
    assert "OrdersCreated" in first["metrics"]
    assert second["metrics"] == ["OrdersReplayed"]
    assert first["trace_segments"] > 0
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert any(line.get("message") == "order created" for line in lines)


def test_through_the_cli_the_worker_returns_the_partial_failure_response(tmp_path: Path) -> None:
    """The worker run by `powerkit invoke` returns exactly the bad records' ids."""
    env = {"ORDERS_IDEMPOTENCY_DB": str(tmp_path / "cli.sqlite3")}
    done = _invoke(
        "examples/orders/worker.py:handler", "-e", str(APP / "events" / "order_batch.json"), env=env
    )
    assert done.returncode == 0, done.stderr
    (summary,) = _summaries(done.stderr)
    assert summary["result"] == {"batchItemFailures": [{"itemIdentifier": rid} for rid in BAD_IDS]}


def test_deployed_shape_uses_dynamodb_and_feeds_the_worker_through_sqs(
    moto_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ORDERS_TABLE and ORDERS_QUEUE_URL set (as in template.yaml) the API stores its
    idempotency records in DynamoDB and the worker receives the order with the same
    correlation id."""
    boto3 = pytest.importorskip("boto3")
    from powerkit.correlation import uninstrument_boto3
    from powerkit.testing import sqs_event

    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_server)
    table = f"orders-{uuid.uuid4().hex[:8]}"
    dynamodb = boto3.client("dynamodb")
    dynamodb.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    sqs = boto3.client("sqs")
    queue = sqs.create_queue(QueueName=table)["QueueUrl"]
    monkeypatch.setenv("ORDERS_TABLE", table)
    monkeypatch.setenv("ORDERS_QUEUE_URL", queue)
    monkeypatch.syspath_prepend(str(APP))
    sys.modules.pop("orders_common", None)
    try:
        api = runpy.run_path(str(APP / "api.py"))["handler"]
        worker = runpy.run_path(str(APP / "worker.py"))["handler"]
        with capture_logs() as logs:
            assert api(CREATE, lambda_context())["statusCode"] == 201
            assert api(CREATE, lambda_context())["statusCode"] == 200
            messages = sqs.receive_message(QueueUrl=queue, MessageAttributeNames=["All"])[
                "Messages"
            ]
            assert len(messages) == 1  # the replay did not publish again
            attributes = {k: v["StringValue"] for k, v in messages[0]["MessageAttributes"].items()}
            assert worker(
                sqs_event(bodies=[messages[0]["Body"]], message_attributes=attributes),
                lambda_context(),
            ) == {"batchItemFailures": []}
        items = dynamodb.scan(TableName=table)["Items"]
        assert {item["status"]["S"] for item in items} == {"COMPLETED"}
        assert {line["correlation_id"] for line in logs} == {"demo-correlation-1"}
    finally:
        uninstrument_boto3()


def test_sam_template_has_the_table_ttl_queue_and_batch_failure_reporting() -> None:
    """template.yaml parses and declares what the docs promise."""
    yaml = pytest.importorskip("yaml")

    class Loader(yaml.SafeLoader):  # type: ignore[misc,name-defined]
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: {suffix: str(node.value)})
    template = yaml.load((APP / "template.yaml").read_text(), Loader=Loader)
    resources = template["Resources"]
    assert resources["IdempotencyTable"]["Properties"]["TimeToLiveSpecification"] == {
        "AttributeName": "expiration",
        "Enabled": True,
    }
    worker_events = resources["OrdersWorkerFunction"]["Properties"]["Events"]["Orders"]
    assert worker_events["Type"] == "SQS"
    assert worker_events["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert resources["OrdersApiFunction"]["Properties"]["Handler"] == "api.handler"
    assert resources["OrdersWorkerFunction"]["Properties"]["Handler"] == "worker.handler"


@pytest.mark.slow
def test_the_readme_demo_command_prints_what_it_promises() -> None:
    """`bash scripts/demo.sh` shows a created order, a replayed one, the partial failure
    response and a valid metrics table."""
    done = subprocess.run(
        ["bash", "scripts/demo.sh"], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    output = done.stdout + done.stderr
    assert '\\"replayed\\": true' in output
    assert '"statusCode": 201' in output
    assert '"statusCode": 200' in output
    assert "batchItemFailures" in output
    for rid in BAD_IDS:
        assert rid in output
    assert "valid EMF line(s)" in output
