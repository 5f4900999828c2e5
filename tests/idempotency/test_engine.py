"""The idempotency policy (engine) as callers see it through @idempotent and @idempotent_function."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from powerkit.idempotency import (
    IdempotencyAlreadyInProgressError,
    IdempotencyConfig,
    IdempotencyConfigError,
    IdempotencyKeyError,
    IdempotencyPersistenceLayerError,
    IdempotencyRecord,
    IdempotencyValidationError,
    IdempotencyWarning,
    InMemoryPersistenceLayer,
    _engine,
    idempotent,
    idempotent_function,
)
from powerkit.middleware import lambda_handler_decorator
from powerkit.testing import lambda_context


class CountingStore(InMemoryPersistenceLayer):
    """The in-memory store, recording every call made to it."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        self.calls.append("acquire")
        return super().acquire(record, now_ms)

    def complete(self, record: IdempotencyRecord) -> bool:
        self.calls.append("complete")
        return super().complete(record)

    def release(self, key: str, owner: str) -> bool:
        self.calls.append("release")
        return super().release(key, owner)

    def get(self, key: str) -> IdempotencyRecord | None:
        self.calls.append("get")
        return super().get(key)


class Clock:
    """A settable epoch-ms clock patched into the engine."""

    def __init__(self, start: int) -> None:
        self.now = start

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock(_engine.now_ms())
    monkeypatch.setattr(_engine, "now_ms", fake)
    return fake


@pytest.fixture
def store() -> CountingStore:
    return CountingStore()


def only(store: InMemoryPersistenceLayer) -> IdempotencyRecord:
    (record,) = store.records.values()
    return record


def test_handler_runs_once_per_event(store: CountingStore) -> None:
    """A repeated event replays the stored response without running the handler."""
    runs: list[Any] = []

    @idempotent(persistence_store=store)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        runs.append(event)
        return {"statusCode": 200, "body": event["id"]}

    assert handler({"id": "a"}, lambda_context()) == {"statusCode": 200, "body": "a"}
    assert handler({"id": "a"}, lambda_context()) == {"statusCode": 200, "body": "a"}
    assert handler({"id": "b"}, lambda_context()) == {"statusCode": 200, "body": "b"}
    assert runs == [{"id": "a"}, {"id": "b"}]


def test_handler_key_uses_the_jmespath_selection(store: CountingStore) -> None:
    """Events differing outside event_key_jmespath share one key."""
    config = IdempotencyConfig(event_key_jmespath="powerkit_json(body).order_id")
    runs: list[int] = []

    @idempotent(persistence_store=store, config=config)
    def handler(event: dict[str, Any], context: Any) -> int:
        runs.append(1)
        return len(runs)

    first = {"body": json.dumps({"order_id": 9, "note": "x"}), "requestContext": {"id": 1}}
    second = {"body": json.dumps({"note": "y", "order_id": 9}), "requestContext": {"id": 2}}
    assert handler(first, lambda_context()) == 1
    assert handler(second, lambda_context()) == 1
    assert runs == [1]


def test_key_prefix_holds_function_identity_and_lambda_name(
    store: CountingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys are <Lambda function>.<module>.<qualname>#<hash>, or key_prefix#<hash>."""
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "orders-fn")

    @idempotent(persistence_store=store)
    def handler(event: Any, context: Any) -> str:
        return "ok"

    handler({"a": 1}, lambda_context())
    key = only(store).key
    assert key.startswith(f"orders-fn.{__name__}.{handler.__qualname__}#")
    assert len(key.rpartition("#")[2]) == 64  # sha256 hex

    other = InMemoryPersistenceLayer()

    @idempotent_function(data_keyword_argument="x", persistence_store=other, key_prefix="stable")
    def fn(x: int) -> int:
        return x

    fn(x=1)
    assert only(other).key.startswith("stable#")


def test_missing_key_runs_without_idempotency_and_warns(store: CountingStore) -> None:
    """No key in the event: the handler runs every time, nothing is stored, a warning says so."""
    config = IdempotencyConfig(event_key_jmespath="body.id")
    runs: list[int] = []

    @idempotent(persistence_store=store, config=config)
    def handler(event: Any, context: Any) -> int:
        runs.append(1)
        return 1

    for event in ({"body": {}}, {"body": {"id": None}}, {"body": {"id": ""}}):
        with pytest.warns(IdempotencyWarning, match="No idempotency key"):
            handler(event, lambda_context())
    assert len(runs) == 3
    assert store.records == {}


def test_missing_key_raises_when_configured(store: CountingStore) -> None:
    """raise_on_no_idempotency_key=True raises IdempotencyKeyError and does not run."""
    config = IdempotencyConfig(event_key_jmespath="body.id", raise_on_no_idempotency_key=True)
    runs: list[int] = []

    @idempotent(persistence_store=store, config=config)
    def handler(event: Any, context: Any) -> int:
        runs.append(1)
        return 1

    with pytest.raises(IdempotencyKeyError, match=r"body\.id"):
        handler({"body": {}}, lambda_context())
    assert runs == []


def test_concurrent_repeat_is_told_work_is_in_progress(store: CountingStore) -> None:
    """While the first call runs, a repeat raises IdempotencyAlreadyInProgressError."""
    seen: list[BaseException] = []

    @idempotent_function(data_keyword_argument="order", persistence_store=store)
    def work(order: str) -> str:
        try:
            work(order=order)
        except IdempotencyAlreadyInProgressError as exc:
            seen.append(exc)
        return "done"

    assert work(order="o") == "done"
    assert len(seen) == 1
    assert "on_in_progress='wait'" in str(seen[0])
    assert work(order="o") == "done"


def test_exception_releases_the_lock_and_propagates(store: CountingStore) -> None:
    """The original exception propagates, the lock is deleted, a retry runs."""
    attempts: list[int] = []

    @idempotent(persistence_store=store)
    def handler(event: Any, context: Any) -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise TimeoutError("downstream timed out")
        return "ok"

    with pytest.raises(TimeoutError, match="downstream"):
        handler({"id": 1}, lambda_context())
    assert store.records == {}
    assert handler({"id": 1}, lambda_context()) == "ok"
    assert store.calls == ["acquire", "release", "acquire", "complete"]


def test_release_failure_keeps_the_original_exception(store: CountingStore) -> None:
    """If the store cannot release, the function's own exception still propagates."""

    def broken_release(key: str, owner: str) -> bool:
        raise ConnectionError("store down")

    store.release = broken_release  # type: ignore[method-assign]

    @idempotent_function(data_keyword_argument="x", persistence_store=store)
    def fn(x: int) -> int:
        raise KeyError("boom")

    with pytest.warns(IdempotencyWarning, match="Could not release"), pytest.raises(KeyError):
        fn(x=1)


def test_store_failure_on_acquire_does_not_run_the_function(store: CountingStore) -> None:
    """An unreachable store raises IdempotencyPersistenceLayerError before the function runs."""

    def down(record: IdempotencyRecord, now_ms: int) -> None:
        raise ConnectionRefusedError("no route")

    store.acquire = down  # type: ignore[method-assign,assignment]
    runs: list[int] = []

    @idempotent_function(data_keyword_argument="x", persistence_store=store)
    def fn(x: int) -> int:
        runs.append(x)
        return x

    with pytest.raises(IdempotencyPersistenceLayerError, match="was not run") as info:
        fn(x=1)
    assert isinstance(info.value.__cause__, ConnectionRefusedError)
    assert runs == []


def test_store_failure_on_save_raises_after_running(store: CountingStore) -> None:
    """Saving the result fails: the error is raised and the lock stays until it lapses."""

    def down(record: IdempotencyRecord) -> bool:
        raise ConnectionResetError("reset")

    store.complete = down  # type: ignore[method-assign]

    @idempotent_function(data_keyword_argument="x", persistence_store=store)
    def fn(x: int) -> int:
        return x

    with pytest.raises(IdempotencyPersistenceLayerError, match="The function ran"):
        fn(x=1)
    assert only(store).status == "INPROGRESS"
    with pytest.raises(IdempotencyAlreadyInProgressError):
        fn(x=1)


def test_falsy_results_replay_as_themselves(store: CountingStore) -> None:
    """None, 0, "", {}, [] and False are stored and replayed, not re-run."""
    runs: list[Any] = []

    @idempotent_function(data_keyword_argument="value", persistence_store=store)
    def echo(value: Any) -> Any:
        runs.append(value)
        return value["v"]

    for value in (None, 0, "", {}, [], False):
        assert echo(value={"v": value}) == value
        again = echo(value={"v": value})
        assert again == value
        assert type(again) is type(value)
    assert len(runs) == 6


def test_payload_validation_mismatch_raises(store: CountingStore) -> None:
    """Same key, different validated part: IdempotencyValidationError, nothing runs."""
    config = IdempotencyConfig(
        event_key_jmespath="id", payload_validation_jmespath="amount", use_local_cache=True
    )
    runs: list[int] = []

    @idempotent(persistence_store=store, config=config)
    def handler(event: Any, context: Any) -> int:
        runs.append(1)
        return event["amount"]

    assert handler({"id": "p", "amount": 10}, lambda_context()) == 10
    with pytest.raises(IdempotencyValidationError, match="different payload"):
        handler({"id": "p", "amount": 99}, lambda_context())  # local cache hit
    fresh = InMemoryPersistenceLayer()
    fresh.records.update(store.records)

    @idempotent(persistence_store=fresh, config=config, key_prefix=only(store).key.split("#")[0])
    def other(event: Any, context: Any) -> int:
        runs.append(1)
        return 0

    with pytest.raises(IdempotencyValidationError):
        other({"id": "p", "amount": 99}, lambda_context())  # read from the store
    assert runs == [1]


def test_local_cache_hit_makes_no_store_call(store: CountingStore) -> None:
    """With use_local_cache, a repeat is answered in-process."""

    @idempotent_function(
        data_keyword_argument="x",
        persistence_store=store,
        config=IdempotencyConfig(use_local_cache=True),
    )
    def fn(x: int) -> int:
        return x * 2

    assert fn(x=2) == 4
    calls = list(store.calls)
    assert fn(x=2) == 4
    assert store.calls == calls == ["acquire", "complete"]


def test_local_cache_entries_expire(store: CountingStore, clock: Clock) -> None:
    """A cached record past its expiry is not replayed; the function runs again."""
    runs: list[int] = []

    @idempotent_function(
        data_keyword_argument="x",
        persistence_store=store,
        config=IdempotencyConfig(use_local_cache=True, expires_after_seconds=5),
    )
    def fn(x: int) -> int:
        runs.append(x)
        return x

    fn(x=1)
    clock.now += 4_000
    fn(x=1)
    clock.now += 2_000
    fn(x=1)
    assert runs == [1, 1]


def test_expired_records_run_again(store: CountingStore, clock: Clock) -> None:
    """A stored record past expires_after_seconds counts as absent (TTL lag is irrelevant)."""
    runs: list[int] = []

    @idempotent_function(
        data_keyword_argument="x",
        persistence_store=store,
        config=IdempotencyConfig(expires_after_seconds=60),
    )
    def fn(x: int) -> int:
        runs.append(x)
        return len(runs)

    assert fn(x=1) == 1
    clock.now += 59_000
    assert fn(x=1) == 1
    clock.now += 1_000
    assert fn(x=1) == 2


def test_response_hook_sees_replays_only(store: CountingStore) -> None:
    """response_hook(response, record) rewrites replayed responses."""
    hooked: list[str] = []

    def hook(response: Any, record: IdempotencyRecord) -> Any:
        hooked.append(record.status)
        return {**response, "headers": {"x-idempotent-replay": "true"}}

    @idempotent(persistence_store=store, config=IdempotencyConfig(response_hook=hook))
    def handler(event: Any, context: Any) -> dict[str, Any]:
        return {"statusCode": 201}

    assert handler({"a": 1}, lambda_context()) == {"statusCode": 201}
    assert handler({"a": 1}, lambda_context()) == {
        "statusCode": 201,
        "headers": {"x-idempotent-replay": "true"},
    }
    assert hooked == ["COMPLETED"]


def test_lock_lasts_the_remaining_invocation_time(store: CountingStore, clock: Clock) -> None:
    """in_progress_expiry_ms=None: the lock lapses at the Lambda deadline."""
    seen: list[IdempotencyRecord] = []

    @idempotent(persistence_store=store)
    def handler(event: Any, context: Any) -> str:
        seen.append(only(store))
        return "ok"

    context = lambda_context(timeout_s=30)
    handler({"a": 1}, context)
    lock_ms = seen[0].in_progress_expiry - clock.now  # type: ignore[operator]
    assert 25_000 < lock_ms <= 30_000


def test_a_passed_deadline_is_still_a_deadline(store: CountingStore, clock: Clock) -> None:
    """Remaining time 0 makes the lock lapse now, not 'no context' (held for an hour)."""
    seen: list[IdempotencyRecord] = []

    @idempotent(persistence_store=store)
    def handler(event: Any, context: Any) -> str:
        seen.append(only(store))
        return "ok"

    handler({"a": 1}, lambda_context(timeout_s=0))
    assert seen[0].in_progress_expiry == clock.now


def test_without_a_context_the_default_lock_applies(store: CountingStore, clock: Clock) -> None:
    """Outside an invocation, the lock lasts default_lock_ms (or in_progress_expiry_ms)."""
    seen: list[IdempotencyRecord] = []

    @idempotent_function(data_keyword_argument="x", persistence_store=store)
    def fn(x: int) -> int:
        seen.append(only(store))
        return x

    fn(x=1)
    assert seen[0].in_progress_expiry == clock.now + 900_000

    pinned = InMemoryPersistenceLayer()

    @idempotent(persistence_store=pinned, config=IdempotencyConfig(in_progress_expiry_ms=1234))
    def handler(event: Any, context: Any) -> int:
        seen.append(only(pinned))
        return 1

    handler({"a": 1}, lambda_context(timeout_s=60))
    assert seen[1].in_progress_expiry == clock.now + 1234


def test_a_lapsed_lock_is_taken_over(store: CountingStore, clock: Clock) -> None:
    """An invocation that died holding the lock does not block retries past its deadline."""
    runs: list[int] = []

    @idempotent(persistence_store=store)
    def handler(event: Any, context: Any) -> int:
        runs.append(1)
        if len(runs) == 1:
            clock.now += 1  # time passes inside the doomed first run
            with pytest.raises(IdempotencyAlreadyInProgressError):
                handler(event, lambda_context(timeout_s=10))
            clock.now += 1_000
            assert handler(event, lambda_context(timeout_s=10)) == 2
            return -1
        return len(runs)

    with pytest.warns(IdempotencyWarning, match="taken over"):
        assert handler({"a": 1}, lambda_context(timeout_s=1)) == -1
    assert only(store).data == "2"
    assert handler({"a": 1}, lambda_context()) == 2


def test_wait_returns_the_other_invocations_result(store: CountingStore) -> None:
    """on_in_progress='wait' polls until the holder completes and returns its result."""
    import threading

    started = threading.Event()
    finish = threading.Event()
    config = IdempotencyConfig(on_in_progress="wait")

    @idempotent(persistence_store=store, config=config)
    def handler(event: Any, context: Any) -> dict[str, int]:
        started.set()
        finish.wait(5)
        return {"n": 1}

    results: list[Any] = []
    first = threading.Thread(target=lambda: results.append(handler({"k": 1}, lambda_context())))
    first.start()
    started.wait(5)
    threading.Timer(0.05, finish.set).start()
    assert handler({"k": 1}, lambda_context(timeout_s=5)) == {"n": 1}
    first.join(5)
    assert results == [{"n": 1}]
    assert store.calls.count("acquire") >= 3


def test_wait_gives_up_before_the_callers_deadline(store: CountingStore) -> None:
    """A waiter whose deadline nears raises in-progress instead of timing out."""
    config = IdempotencyConfig(on_in_progress="wait", wait_margin_ms=200)

    @idempotent(persistence_store=store, config=config)
    def handler(event: Any, context: Any) -> int:
        with pytest.raises(IdempotencyAlreadyInProgressError):
            handler(event, lambda_context(timeout_s=0.3))
        return 1

    assert handler({"k": 1}, lambda_context(timeout_s=10)) == 1


def test_disabled_runs_directly_with_a_warning(
    store: CountingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POWERKIT_IDEMPOTENCY_DISABLED=1 runs every call and touches no store."""
    monkeypatch.setenv("POWERKIT_IDEMPOTENCY_DISABLED", "1")
    runs: list[int] = []

    @idempotent(persistence_store=store)
    def handler(event: Any, context: Any) -> int:
        runs.append(1)
        return 1

    @idempotent_function(data_keyword_argument="x", persistence_store=store)
    def fn(x: int) -> int:
        runs.append(1)
        return 1

    for call in (lambda: handler({}, None), lambda: handler({}, None), lambda: fn(x=1)):
        with pytest.warns(IdempotencyWarning, match="DISABLED"):
            call()
    assert len(runs) == 3
    assert store.calls == []


def test_powertools_disabled_variable_also_works(
    store: CountingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POWERTOOLS_IDEMPOTENCY_DISABLED is honoured for migrating users."""
    monkeypatch.setenv("POWERTOOLS_IDEMPOTENCY_DISABLED", "true")

    @idempotent_function(data_keyword_argument="x", persistence_store=store)
    def fn(x: int) -> int:
        return x

    with pytest.warns(IdempotencyWarning):
        fn(x=1)
    assert store.calls == []


def test_payload_may_be_passed_by_position(store: CountingStore) -> None:
    """data_keyword_argument finds the argument whether passed by keyword or position."""
    runs: list[Any] = []

    @idempotent_function(data_keyword_argument="order", persistence_store=store)
    def place(customer: str, order: dict[str, int], note: str = "") -> str:
        runs.append(order)
        return f"{customer}:{order['id']}"

    assert place("ann", {"id": 1}) == "ann:1"
    assert place("bob", order={"id": 1}, note="again") == "ann:1"
    assert len(runs) == 1


def test_a_call_without_the_payload_argument_is_a_key_error(store: CountingStore) -> None:
    """Calling without the payload argument raises a clear IdempotencyKeyError."""

    @idempotent_function(data_keyword_argument="order", persistence_store=store)
    def place(order: dict[str, int]) -> None:
        return None

    with pytest.raises(IdempotencyKeyError, match="without its 'order' argument"):
        place()  # type: ignore[call-arg]


def test_bad_decorator_options_fail_at_decoration(store: CountingStore) -> None:
    """Unknown argument names, missing stores and non-stores are rejected up front."""
    with pytest.raises(IdempotencyConfigError, match="not a named parameter"):

        @idempotent_function(data_keyword_argument="missing", persistence_store=store)
        def fn(order: int) -> int:
            return order

    with pytest.raises(IdempotencyConfigError, match="needs a store"):

        @idempotent
        def handler(event: Any, context: Any) -> None:
            return None

    with pytest.raises(IdempotencyConfigError, match="not a store"):
        idempotent(persistence_store=object())  # type: ignore[arg-type]


def test_async_functions_are_supported(store: CountingStore) -> None:
    """An async def function stays awaitable and is idempotent."""
    runs: list[int] = []

    @idempotent_function(data_keyword_argument="x", persistence_store=store)
    async def fetch(x: int) -> dict[str, int]:
        runs.append(x)
        await asyncio.sleep(0)
        return {"x": x}

    async def main() -> list[Any]:
        return [await fetch(x=1), await fetch(x=1)]

    assert asyncio.run(main()) == [{"x": 1}, {"x": 1}]
    assert runs == [1]


def test_async_handlers_run_to_completion(store: CountingStore) -> None:
    """@idempotent on an async def handler returns its value synchronously."""

    @idempotent(persistence_store=store)
    async def handler(event: Any, context: Any) -> int:
        await asyncio.sleep(0)
        return 5

    assert handler({"a": 1}, lambda_context()) == 5
    assert handler({"a": 1}, lambda_context()) == 5
    assert store.calls == ["acquire", "complete", "acquire"]


def test_stacks_with_other_handler_decorators(store: CountingStore) -> None:
    """Stacked under another powerkit decorator, a replay skips only the inner layers."""
    order: list[str] = []

    @lambda_handler_decorator
    def outer(handler: Any, event: Any, context: Any) -> Any:
        order.append("outer")
        return handler(event, context)

    @outer
    @idempotent(persistence_store=store)
    def handler(event: Any, context: Any) -> str:
        order.append("handler")
        return "ok"

    handler({"a": 1}, lambda_context())
    handler({"a": 1}, lambda_context())
    assert order == ["outer", "handler", "outer"]


def test_per_record_idempotency_in_a_batch(store: CountingStore) -> None:
    """On a record handler each record gets its own key; repeats inside a batch replay."""
    runs: list[str] = []

    @idempotent_function(
        data_keyword_argument="record",
        persistence_store=store,
        config=IdempotencyConfig(event_key_jmespath="messageId"),
    )
    def process(record: dict[str, Any]) -> str:
        runs.append(record["messageId"])
        return record["body"].upper()

    @idempotent(persistence_store=InMemoryPersistenceLayer())
    def handler(event: Any, context: Any) -> list[str]:
        return [process(record=r) for r in event["Records"]]

    records = [{"messageId": m, "body": b} for m, b in [("1", "a"), ("2", "b"), ("1", "a")]]
    assert handler({"Records": records}, lambda_context()) == ["A", "B", "A"]
    assert runs == ["1", "2"]


def test_async_waiters_poll_without_blocking_the_loop(store: CountingStore) -> None:
    """Two concurrent coroutines on one key with 'wait': one runs, both get its result."""
    runs: list[int] = []

    @idempotent_function(
        data_keyword_argument="x",
        persistence_store=store,
        config=IdempotencyConfig(on_in_progress="wait"),
    )
    async def slow(x: int) -> dict[str, int]:
        runs.append(x)
        await asyncio.sleep(0.05)  # the other coroutine polls meanwhile
        return {"x": x}

    async def main() -> list[Any]:
        return list(await asyncio.gather(slow(x=3), slow(x=3)))

    assert asyncio.run(main()) == [{"x": 3}, {"x": 3}]
    assert runs == [3]


class RetryingStore(InMemoryPersistenceLayer):
    """Every write reaches the store twice, as when a client retries after a lost response."""

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        super().acquire(record, now_ms)
        return super().acquire(record, now_ms)

    def complete(self, record: IdempotencyRecord) -> bool:
        super().complete(record)
        return super().complete(record)


def test_a_retried_write_that_already_landed_is_recognised() -> None:
    """A retry finding its own lock (or its own result) carries on: one run, no warning."""
    store = RetryingStore()
    runs: list[int] = []

    @idempotent_function(data_keyword_argument="x", persistence_store=store)
    def fn(x: int) -> int:
        runs.append(x)
        return x + 1

    assert fn(x=1) == 2  # filterwarnings=error: a "taken over" warning would fail here
    assert fn(x=1) == 2
    assert runs == [1]
    assert only(store).status == "COMPLETED"
