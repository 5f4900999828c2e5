"""Store fixtures for the idempotency tests: one per back end, on real servers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from powerkit.idempotency import (
    DynamoDBPersistenceLayer,
    InMemoryPersistenceLayer,
    RedisPersistenceLayer,
    SQLitePersistenceLayer,
)

STORE_KINDS = ["memory", "sqlite", "dynamodb", "redis"]


def make_dynamodb_client(endpoint: str, **config: Any) -> Any:
    """A boto3 DynamoDB client talking to ``endpoint`` over HTTP."""
    import boto3
    from botocore.config import Config

    return boto3.session.Session().client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name="us-east-1",
        # explicit: session fixtures run before the autouse fixture sets fake credentials
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        aws_session_token="testing",
        config=Config(**config) if config else None,
    )


def create_table(client: Any, *, sort_key: bool = False) -> str:
    """Create a fresh idempotency table (``id`` [+ ``sk``] keys) and return its name."""
    name = f"idempotency-{uuid.uuid4().hex[:12]}"
    keys = [{"AttributeName": "id", "KeyType": "HASH"}]
    attrs = [{"AttributeName": "id", "AttributeType": "S"}]
    if sort_key:
        keys.append({"AttributeName": "sk", "KeyType": "RANGE"})
        attrs.append({"AttributeName": "sk", "AttributeType": "S"})
    client.create_table(
        TableName=name, KeySchema=keys, AttributeDefinitions=attrs, BillingMode="PAY_PER_REQUEST"
    )
    return name


@pytest.fixture(scope="session")
def dynamodb_client(moto_server: str) -> Any:
    return make_dynamodb_client(moto_server)


@pytest.fixture(scope="session")
def dynamodb_table(dynamodb_client: Any) -> str:
    return create_table(dynamodb_client)


@pytest.fixture(scope="session")
def dynamodb_sort_key_table(dynamodb_client: Any) -> str:
    return create_table(dynamodb_client, sort_key=True)


@pytest.fixture
def dynamodb_store(dynamodb_client: Any, dynamodb_table: str) -> DynamoDBPersistenceLayer:
    return DynamoDBPersistenceLayer(dynamodb_table, boto3_client=dynamodb_client)


@pytest.fixture
def redis_store(redis_server: str) -> Iterator[RedisPersistenceLayer]:
    store = RedisPersistenceLayer(url=redis_server)
    yield store
    store.client.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SQLitePersistenceLayer]:
    store = SQLitePersistenceLayer(tmp_path / "idempotency.db")
    yield store
    store.close()


@pytest.fixture(params=STORE_KINDS)
def any_store(request: pytest.FixtureRequest) -> Any:
    """Each of the four stores in turn (for engine tests that must hold on every back end)."""
    if request.param == "memory":
        return InMemoryPersistenceLayer()
    return request.getfixturevalue(f"{request.param}_store")
