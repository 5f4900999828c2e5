"""DynamoDB store on a moto server over HTTP: round trips, stored item format, faults."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from powerkit.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyAlreadyInProgressError,
    IdempotencyConfig,
    IdempotencyPersistenceLayerError,
    idempotent,
    idempotent_function,
)
from powerkit.testing import lambda_context
from tests.support.servers import FaultProxy

from .conftest import make_dynamodb_client


def count_calls(client: Any) -> list[str]:
    """Record every API call the client makes (botocore ``before-call`` hook)."""
    calls: list[str] = []

    def hook(model: Any, **_: Any) -> None:
        calls.append(model.name)

    client.meta.events.register("before-call.dynamodb", hook)
    return calls


@pytest.fixture
def counted(moto_server: str, dynamodb_table: str) -> tuple[DynamoDBPersistenceLayer, list[str]]:
    client = make_dynamodb_client(moto_server)
    return DynamoDBPersistenceLayer(dynamodb_table, boto3_client=client), count_calls(client)


def test_round_trips_new_repeat_and_cached(
    counted: tuple[DynamoDBPersistenceLayer, list[str]],
) -> None:
    """New key: 2 calls; repeat: 1 (the failed conditional put returns the item); cache hit: 0."""
    store, calls = counted

    @idempotent(persistence_store=store, config=IdempotencyConfig(event_key_jmespath="id"))
    def handler(event: Any, context: Any) -> dict[str, str]:
        return {"id": event["id"]}

    key = uuid.uuid4().hex
    handler({"id": key}, lambda_context())
    assert calls == ["PutItem", "PutItem"]
    calls.clear()
    assert handler({"id": key}, lambda_context()) == {"id": key}
    assert calls == ["PutItem"]

    @idempotent(
        persistence_store=store,
        config=IdempotencyConfig(event_key_jmespath="id", use_local_cache=True),
    )
    def cached(event: Any, context: Any) -> dict[str, str]:
        return {"id": event["id"]}

    calls.clear()
    cached({"id": key}, lambda_context())
    cached({"id": key}, lambda_context())
    cached({"id": key}, lambda_context())
    assert calls == ["PutItem", "PutItem"]


def test_stored_item_uses_ttl_seconds_and_lock_milliseconds(
    counted: tuple[DynamoDBPersistenceLayer, list[str]], dynamodb_client: Any, dynamodb_table: str
) -> None:
    """The raw item: expiration is N epoch seconds, in_progress_expiration N epoch ms."""
    store, _ = counted
    items: list[dict[str, Any]] = []

    def read(key: str) -> dict[str, Any]:
        response = dynamodb_client.get_item(TableName=dynamodb_table, Key={"id": {"S": key}})
        return dict(response["Item"])

    @idempotent_function(data_keyword_argument="order", persistence_store=store, key_prefix="raw")
    def place(order: dict[str, Any]) -> dict[str, Any]:
        (item,) = (read(k) for k in [store_key(store, order)])
        items.append(item)
        return {"ok": True}

    order = {"id": uuid.uuid4().hex}
    place(order=order)
    during, after = items[0], read(store_key(store, order))
    assert during["status"] == {"S": "INPROGRESS"}
    assert 1e9 < int(during["expiration"]["N"]) < 1e10
    assert 1e12 < int(during["in_progress_expiration"]["N"]) < 1e13
    assert len(during["owner"]["S"]) == 32
    assert after["status"] == {"S": "COMPLETED"}
    assert json.loads(after["data"]["S"]) == {"ok": True}
    assert after["owner"] == during["owner"]


def store_key(store: DynamoDBPersistenceLayer, payload: Any) -> str:
    from powerkit.idempotency._keys import canonical_json, hasher

    return f"raw#{hasher('sha256')(canonical_json(payload))}"


def test_sort_key_tables_use_a_static_partition_value(
    moto_server: str, dynamodb_sort_key_table: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With sort_key_attr, the partition key is idempotency#<function> and the key sorts."""
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "payments")
    client = make_dynamodb_client(moto_server)
    store = DynamoDBPersistenceLayer(
        dynamodb_sort_key_table, sort_key_attr="sk", boto3_client=client
    )

    @idempotent_function(data_keyword_argument="n", persistence_store=store, key_prefix="sk")
    def fn(n: int) -> int:
        return n

    marker = uuid.uuid4().int
    fn(n=marker)
    items = client.query(
        TableName=dynamodb_sort_key_table,
        KeyConditionExpression="id = :pk",
        ExpressionAttributeValues={":pk": {"S": "idempotency#payments"}},
    )["Items"]
    assert any(item["data"] == {"S": str(marker)} for item in items)


def _throttle_first(client: Any, times: int) -> list[int]:
    """Answer the first ``times`` PutItem requests with a throttling error, before HTTP."""
    from botocore.awsrequest import AWSResponse

    class Raw:
        def __init__(self, body: bytes) -> None:
            self.body = body

        def stream(self, **_: Any) -> Any:
            yield self.body

    sent: list[int] = []

    def hook(request: Any, **_: Any) -> Any:
        sent.append(1)
        if len(sent) > times:
            return None
        body = json.dumps(
            {
                "__type": "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                "message": "Rate of requests exceeds the allowed throughput.",
            }
        ).encode()
        headers = {"Content-Type": "application/x-amz-json-1.0"}
        return AWSResponse(request.url, 400, headers, Raw(body))

    client.meta.events.register("before-send.dynamodb.PutItem", hook)
    return sent


def test_throttling_on_acquire_does_not_run_the_function(
    moto_server: str, dynamodb_table: str
) -> None:
    """Throttled past botocore's retries: IdempotencyPersistenceLayerError, body not run."""
    client = make_dynamodb_client(
        moto_server, retries={"mode": "standard", "total_max_attempts": 2}
    )
    sent = _throttle_first(client, times=2)
    store = DynamoDBPersistenceLayer(dynamodb_table, boto3_client=client)
    runs: list[int] = []

    @idempotent_function(data_keyword_argument="n", persistence_store=store)
    def fn(n: str) -> str:
        runs.append(1)
        return n

    key = uuid.uuid4().hex
    with pytest.raises(IdempotencyPersistenceLayerError, match="ThrottlingException"):
        fn(n=key)
    assert (runs, len(sent)) == ([], 2)
    assert fn(n=key) == key
    assert fn(n=key) == key
    assert runs == [1]


def test_throttling_retried_by_botocore_runs_once(moto_server: str, dynamodb_table: str) -> None:
    """A throttle absorbed by botocore's retry is invisible: one run, one result."""
    client = make_dynamodb_client(
        moto_server, retries={"mode": "standard", "total_max_attempts": 3}
    )
    _throttle_first(client, times=1)
    store = DynamoDBPersistenceLayer(dynamodb_table, boto3_client=client)
    runs: list[int] = []

    @idempotent_function(data_keyword_argument="n", persistence_store=store)
    def fn(n: str) -> str:
        runs.append(1)
        return n

    key = uuid.uuid4().hex
    assert [fn(n=key), fn(n=key)] == [key, key]
    assert runs == [1]


def _proxied_store(
    fault_proxy: Callable[[str], FaultProxy], moto_server: str, table: str
) -> tuple[DynamoDBPersistenceLayer, FaultProxy]:
    proxy = fault_proxy(moto_server)
    client = make_dynamodb_client(
        proxy.url,
        connect_timeout=0.5,
        read_timeout=0.5,
        retries={"mode": "standard", "total_max_attempts": 1},
    )
    return DynamoDBPersistenceLayer(table, boto3_client=client), proxy


@pytest.mark.parametrize("fault", ["refuse", "reset", "stall"])
def test_network_fault_on_acquire_does_not_run_the_function(
    fault: str,
    fault_proxy: Callable[[str], FaultProxy],
    moto_server: str,
    dynamodb_table: str,
) -> None:
    """Refused, reset or stalled connections fail the call before the body runs."""
    store, proxy = _proxied_store(fault_proxy, moto_server, dynamodb_table)
    runs: list[int] = []

    @idempotent_function(data_keyword_argument="n", persistence_store=store)
    def fn(n: str) -> str:
        runs.append(1)
        return n

    key = uuid.uuid4().hex
    getattr(proxy, fault)()
    with pytest.raises(IdempotencyPersistenceLayerError, match="was not run"):
        fn(n=key)
    assert runs == []
    proxy.passthrough()
    assert [fn(n=key), fn(n=key)] == [key, key]
    assert runs == [1]


@pytest.mark.parametrize("fault", ["reset", "stall"])
def test_network_fault_on_save_never_runs_twice(
    fault: str,
    fault_proxy: Callable[[str], FaultProxy],
    moto_server: str,
    dynamodb_table: str,
) -> None:
    """The result cannot be saved: the error is raised and retries see the work in progress."""
    store, proxy = _proxied_store(fault_proxy, moto_server, dynamodb_table)
    runs: list[int] = []

    @idempotent(persistence_store=store)
    def handler(event: Any, context: Any) -> str:
        runs.append(1)
        getattr(proxy, fault)()
        return "charged"

    event = {"id": uuid.uuid4().hex}
    with pytest.raises(IdempotencyPersistenceLayerError, match="The function ran"):
        handler(event, lambda_context(timeout_s=60))
    proxy.passthrough()
    with pytest.raises(IdempotencyAlreadyInProgressError):
        handler(event, lambda_context())
    assert runs == [1]


def test_a_built_client_skips_parameter_validation_unless_configured(
    moto_server: str, dynamodb_table: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without boto3_client, the store builds a lean client; boto_config settings win."""
    from botocore.config import Config
    from botocore.exceptions import ParamValidationError

    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", moto_server)
    lean = DynamoDBPersistenceLayer(dynamodb_table)
    strict = DynamoDBPersistenceLayer(
        dynamodb_table, boto_config=Config(parameter_validation=True, read_timeout=7)
    )
    request = {"TableName": dynamodb_table, "Key": {"id": {"S": "x"}}, "ConsistentRead": 1}
    assert "Item" not in lean.client.get_item(**request)  # not validated: sent as is
    with pytest.raises(ParamValidationError, match="ConsistentRead"):
        strict.client.get_item(**request)
    assert strict.client.meta.config.read_timeout == 7

    @idempotent_function(data_keyword_argument="n", persistence_store=lean)
    def fn(n: str) -> str:
        return n

    key = uuid.uuid4().hex
    assert [fn(n=key), fn(n=key)] == [key, key]
