"""Redis store on a real redis-server: key layout, TTL, client options, network faults."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from powerkit.idempotency import (
    IdempotencyAlreadyInProgressError,
    IdempotencyPersistenceLayerError,
    RedisPersistenceLayer,
    idempotent,
    idempotent_function,
)
from powerkit.idempotency.conformance import run_conformance
from powerkit.testing import lambda_context
from tests.support.servers import FaultProxy


def test_records_are_hashes_with_a_redis_expiry(redis_server: str) -> None:
    """A record is a hash under namespace+key whose Redis TTL matches the record expiry."""
    store = RedisPersistenceLayer(url=redis_server, namespace="app:")

    @idempotent_function(data_keyword_argument="n", persistence_store=store, key_prefix="ttl")
    def fn(n: str) -> dict[str, str]:
        return {"n": n}

    fn(n=uuid.uuid4().hex)
    raw = redis.Redis.from_url(redis_server, decode_responses=True)
    (key,) = raw.keys("app:ttl#*")
    fields = raw.hgetall(key)
    assert fields["status"] == "COMPLETED"
    assert 1e9 < int(fields["expiration"]) < 1e10
    assert 1e12 < int(fields["in_progress_expiration"]) < 1e13
    assert 3590_000 < raw.pttl(key) <= 3600_000
    assert abs(raw.pexpiretime(key) - int(fields["expiration"]) * 1000) == 0
    raw.close()
    store.client.close()


def test_a_decode_responses_client_works_too(redis_server: str) -> None:
    """A user's own client with decode_responses=True passes the conformance suite."""
    client = redis.Redis.from_url(redis_server, decode_responses=True)
    assert run_conformance(lambda: RedisPersistenceLayer(client=client)) == []
    client.close()


def _proxied_store(
    fault_proxy: Callable[[str], FaultProxy], redis_server: str
) -> tuple[RedisPersistenceLayer, FaultProxy]:
    proxy = fault_proxy(redis_server.removeprefix("redis://").rsplit("/", 1)[0])
    client = redis.Redis(
        host="127.0.0.1",
        port=proxy.port,
        socket_timeout=0.5,
        socket_connect_timeout=0.5,
        retry=Retry(NoBackoff(), 0),
    )
    return RedisPersistenceLayer(client=client), proxy


@pytest.mark.parametrize("fault", ["refuse", "reset", "stall"])
def test_network_fault_on_acquire_does_not_run_the_function(
    fault: str, fault_proxy: Callable[[str], FaultProxy], redis_server: str
) -> None:
    """Refused, reset or stalled connections fail the call before the body runs."""
    store, proxy = _proxied_store(fault_proxy, redis_server)
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
    store.client.close()


@pytest.mark.parametrize("fault", ["reset", "stall"])
def test_network_fault_on_save_never_runs_twice(
    fault: str, fault_proxy: Callable[[str], FaultProxy], redis_server: str
) -> None:
    """The result cannot be saved: the error is raised and retries see the work in progress."""
    store, proxy = _proxied_store(fault_proxy, redis_server)
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
    store.client.close()


def test_redis_expiry_only_reclaims_memory(redis_server: str) -> None:
    """A record already past its expiry is deleted by Redis and the key is free again."""
    from powerkit.idempotency import IdempotencyRecord

    store = RedisPersistenceLayer(url=redis_server)
    now = time.time_ns() // 1_000_000
    key = f"gone#{uuid.uuid4().hex}"
    stale = IdempotencyRecord(key, "INPROGRESS", now // 1000 - 1, now - 5000, owner="old")
    assert store.acquire(stale, now - 10_000) is None
    assert store.get(key) is None
    store.client.close()
