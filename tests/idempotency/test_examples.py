"""The idempotency docs examples run and do what the page says."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from powerkit.testing import lambda_context

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "idempotency"


def run_main(name: str, cwd: Path | None = None) -> list[str]:
    """Run an example as a script and return its printed lines."""
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    return out.stdout.splitlines()


def test_getting_started_replays_the_payment(
    moto_server: str, dynamodb_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The DynamoDB handler answers a retried order with the first payment id."""
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", moto_server)
    if "IdempotencyTable" not in dynamodb_client.list_tables()["TableNames"]:
        dynamodb_client.create_table(
            TableName="IdempotencyTable",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
    module = runpy.run_path(str(EXAMPLES / "getting_started.py"))
    body = json.dumps({"customer_id": "c-1", "order_id": "o-9", "note": "first"})
    first = module["handler"]({"body": body}, lambda_context())
    retried = json.dumps({"note": "retry", "order_id": "o-9", "customer_id": "c-1"})
    second = module["handler"]({"body": retried}, lambda_context())
    assert first == second
    assert json.loads(first["body"])["order_id"] == "o-9"


def test_local_sqlite_charges_once(tmp_path: Path) -> None:
    """The SQLite example prints the same response twice with one charge."""
    db = Path("/tmp/powerkit-idempotency.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    lines = run_main("local_sqlite.py")
    assert lines == ["{'charged': 'o-1001', 'charges_so_far': 1}"] * 2


def test_function_replays_a_dataclass() -> None:
    """The dataclass example charges once and replays a Receipt."""
    assert run_main("function.py") == ["charging o-7", "True Receipt"]


def test_payload_validation_rejects_a_changed_amount() -> None:
    """Reusing a transfer id with another amount raises IdempotencyValidationError."""
    assert run_main("payload_validation.py") == [
        "{'status': 'sent', 'amount': 100}",
        "IdempotencyValidationError",
    ]


def test_wait_for_result_shares_one_run() -> None:
    """Three duplicates in flight: one run, three identical results."""
    assert run_main("wait_for_result.py") == [
        "[{'done': 'j-1'}, {'done': 'j-1'}, {'done': 'j-1'}] runs: 1"
    ]


def test_redis_example_uses_the_url(redis_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Redis example connects to REDIS_URL and replays a duplicate order."""
    monkeypatch.setenv("REDIS_URL", redis_server)
    module = runpy.run_path(str(EXAMPLES / "redis_store.py"))
    event = {"order_id": f"o-{id(module)}"}
    assert module["handler"](event, lambda_context()) == {"accepted": event["order_id"]}
    assert module["handler"](event, lambda_context()) == {"accepted": event["order_id"]}
    assert module["store"].client.keys("orders:*")
    module["store"].client.close()


def test_batch_records_ship_each_message_once() -> None:
    """A message redelivered in the next batch is not shipped again."""
    from powerkit.testing import sqs_event

    module = runpy.run_path(str(EXAMPLES / "batch_records.py"))
    event = sqs_event(bodies=[json.dumps({"order_id": "a"}), json.dumps({"order_id": "b"})])
    assert module["handler"](event, lambda_context()) == {"batchItemFailures": []}
    assert module["handler"](event, lambda_context()) == {"batchItemFailures": []}
    assert module["shipped"] == ["a", "b"]


def test_custom_store_passes_the_conformance_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every check of the example's StoreConformance subclass passes on DictStore."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    module = runpy.run_path(str(EXAMPLES / "test_custom_store.py"))
    store_cls = runpy.run_path(str(EXAMPLES / "custom_store.py"))["DictStore"]
    suite = module["TestDictStore"]
    checks = [name for name in dir(suite) if name.startswith("test_")]
    assert len(checks) > 15
    for name in checks:
        getattr(suite(), name)(store_cls())
    monkeypatch.delitem(sys.modules, "custom_store", raising=False)


def test_testing_your_code_example_passes() -> None:
    """The unit-test example's test function passes."""
    module = runpy.run_path(str(EXAMPLES / "testing_your_code.py"))
    module["test_a_retry_replays_the_first_response"]()
    assert module["store"].records == {}


def test_table_template_enables_ttl_on_the_expiry_attribute() -> None:
    """The table definition keys on id and sets TTL on expiration (epoch seconds)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    template = yaml.load((EXAMPLES / "template.yaml").read_text(), Loader=Loader)
    table = template["Resources"]["IdempotencyTable"]["Properties"]
    assert table["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expiration", "Enabled": True}
