"""The order service example (examples/orders) run by the real runtime client."""

from __future__ import annotations

import json
from pathlib import Path

from tests.runtime.conftest import StartFunction

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "examples" / "orders"
CREATE = json.loads((APP / "events" / "create_order.json").read_text())
BATCH = json.loads((APP / "events" / "order_batch.json").read_text())
BAD_IDS = [BATCH["Records"][1]["messageId"], BATCH["Records"][3]["messageId"]]


def test_api_creates_then_replays_from_sqlite(
    start_function: StartFunction, tmp_path: Path
) -> None:
    """Same order twice through the Runtime API: 201, then 200 with the stored body replayed."""
    function = start_function(
        "api.handler", task_root=APP, env={"ORDERS_IDEMPOTENCY_DB": str(tmp_path / "o.sqlite3")}
    )
    first = function.invoke(CREATE)
    second = function.invoke(CREATE)
    function.stop()

    assert (first.kind, second.kind) == ("response", "response")
    created, replayed = first.json(), second.json()
    assert (created["statusCode"], replayed["statusCode"]) == (201, 200)
    assert json.loads(replayed["body"]) == {**json.loads(created["body"]), "replayed": True}
    logs = [line for line in function.json_lines() if "message" in line]
    assert [line["message"] for line in logs] == [
        "order created",
        "order replayed from the idempotency store",
    ]
    assert [line["function_request_id"] for line in logs] == [first.request_id, second.request_id]
    assert {line["correlation_id"] for line in logs} == {"demo-correlation-1"}
    emf = [line for line in function.json_lines() if "_aws" in line]
    assert sum(doc.get("OrdersCreated", 0) for doc in emf) == 1
    assert sum(doc.get("OrdersReplayed", 0) for doc in emf) == 1
    assert sum(doc.get("ColdStart", 0) for doc in emf) == 1


def test_worker_returns_the_partial_batch_response(
    start_function: StartFunction, tmp_path: Path
) -> None:
    """Only the invalid records are reported; a redelivered batch ships nothing twice."""
    function = start_function(
        "worker.handler", task_root=APP, env={"ORDERS_IDEMPOTENCY_DB": str(tmp_path / "o.sqlite3")}
    )
    first = function.invoke(BATCH)
    again = function.invoke(BATCH)
    function.stop()

    expected = {"batchItemFailures": [{"itemIdentifier": rid} for rid in BAD_IDS]}
    assert (first.kind, first.json()) == ("response", expected)
    assert (again.kind, again.json()) == ("response", expected)
    shipped = [line for line in function.json_lines() if line.get("message") == "order shipped"]
    assert len(shipped) == len(BATCH["Records"]) - len(BAD_IDS)
    assert {line["function_request_id"] for line in shipped} == {first.request_id}
