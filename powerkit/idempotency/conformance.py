"""The contract every persistence store must meet, as a test suite you can run on your own.

With pytest, subclass `StoreConformance` in a test module and provide a ``store``
fixture; every ``test_*`` method then runs against your store::

    import pytest
    from powerkit.idempotency.conformance import StoreConformance

    class TestMyStore(StoreConformance):
        @pytest.fixture
        def store(self):
            return MyStore(...)

Without pytest, `run_conformance` runs the same checks and returns the failures.
The suite uses fresh random keys, so a store may be shared with other data. Every time
decision is made with explicit ``now_ms`` values, so it needs no clock control.
"""

from __future__ import annotations

import functools
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from typing import Any

from powerkit.idempotency._config import IdempotencyConfig
from powerkit.idempotency._function import idempotent_function
from powerkit.idempotency._record import COMPLETED, INPROGRESS, IdempotencyRecord
from powerkit.idempotency._store import PersistenceStore

__all__ = ["StoreConformance", "run_conformance"]


def done(record: IdempotencyRecord, data: str = '{"ok":true}') -> IdempotencyRecord:
    """``record`` completed with ``data``."""
    return record.replace(status=COMPLETED, data=data)


def new_key() -> str:
    return f"conformance.{uuid.uuid4().hex}#{uuid.uuid4().hex}"


class StoreConformance:
    """Checks a `PersistenceStore`; needs a ``store`` fixture.

    Each check works at ``self.now_ms``: the current whole second (stores with server-side
    expiry, such as Redis key TTLs, see realistic timestamps), then simulates later instants
    by passing larger ``now_ms`` values.
    """

    @functools.cached_property
    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000_000 * 1000

    @property
    def now_s(self) -> int:
        return self.now_ms // 1000

    def lock(
        self, key: str, *, owner: str = "a", lock_ms: int | None = 5_000, ttl_s: int = 3600
    ) -> IdempotencyRecord:
        """An INPROGRESS record taken at `now_ms`."""
        return IdempotencyRecord(
            key=key,
            status=INPROGRESS,
            expiry=self.now_s + ttl_s,
            in_progress_expiry=None if lock_ms is None else self.now_ms + lock_ms,
            validation="v-hash",
            owner=owner,
        )

    # -- acquire ------------------------------------------------------------------------

    def test_acquire_on_a_free_key_stores_the_lock(self, store: PersistenceStore) -> None:
        """A free key is acquired and the record reads back exactly as written."""
        record = self.lock(new_key())
        assert store.acquire(record, self.now_ms) is None
        assert store.get(record.key) == record

    def test_get_of_an_unknown_key_is_none(self, store: PersistenceStore) -> None:
        """Reading a key that was never written returns None."""
        assert store.get(new_key()) is None

    def test_a_held_lock_is_returned_unchanged(self, store: PersistenceStore) -> None:
        """A second acquire inside the lock window gets the holder's record, not the lock."""
        first = self.lock(new_key(), owner="first")
        assert store.acquire(first, self.now_ms) is None
        second = first.replace(owner="second")
        assert store.acquire(second, self.now_ms + 4_999) == first
        assert store.get(first.key) == first

    def test_a_lapsed_lock_can_be_taken_over(self, store: PersistenceStore) -> None:
        """Once the in-progress expiry (ms) is reached, another invocation takes the lock."""
        first = self.lock(new_key(), owner="first")
        store.acquire(first, self.now_ms)
        second = first.replace(owner="second", in_progress_expiry=self.now_ms + 10_000)
        assert store.acquire(second, self.now_ms + 5_000) is None
        assert store.get(first.key) == second

    def test_a_lock_without_in_progress_expiry_holds_until_record_expiry(
        self, store: PersistenceStore
    ) -> None:
        """No in-progress expiry: the lock holds until the record's expiry (seconds)."""
        first = self.lock(new_key(), owner="first", lock_ms=None, ttl_s=60)
        store.acquire(first, self.now_ms)
        second = first.replace(owner="second")
        assert store.acquire(second, self.now_ms + 59_999) == first
        assert store.acquire(second, self.now_ms + 60_000) is None

    def test_a_completed_record_is_never_overwritten_before_expiry(
        self, store: PersistenceStore
    ) -> None:
        """COMPLETED and unexpired: acquire returns it even after its old lock time passed."""
        first = self.lock(new_key(), owner="first", ttl_s=60)
        store.acquire(first, self.now_ms)
        assert store.complete(done(first)) is True
        later = first.replace(owner="second")
        assert store.acquire(later, self.now_ms + 59_999) == done(first)
        assert store.get(first.key) == done(first)

    def test_expiry_is_compared_in_seconds_at_read_time(self, store: PersistenceStore) -> None:
        """A record counts as expired from ``expiry * 1000`` ms on, whatever its status."""
        for complete in (False, True):
            first = self.lock(new_key(), owner="first", lock_ms=None, ttl_s=10)
            store.acquire(first, self.now_ms)
            if complete:
                store.complete(done(first))
            second = first.replace(owner="second", expiry=self.now_s + 100)
            assert store.acquire(second, self.now_ms + 9_999) is not None
            assert store.acquire(second, self.now_ms + 10_000) is None
            assert store.get(first.key) == second

    # -- complete -----------------------------------------------------------------------

    def test_the_owner_completes_its_lock(self, store: PersistenceStore) -> None:
        """complete() by the lock's owner stores status, data and the new expiry."""
        first = self.lock(new_key())
        store.acquire(first, self.now_ms)
        result = done(first, '{"id": 7}').replace(expiry=self.now_s + 7200)
        assert store.complete(result) is True
        assert store.get(first.key) == result

    def test_complete_by_another_owner_changes_nothing(self, store: PersistenceStore) -> None:
        """Only the invocation that acquired the lock may complete it."""
        first = self.lock(new_key(), owner="first")
        store.acquire(first, self.now_ms)
        assert store.complete(done(first.replace(owner="intruder"))) is False
        assert store.get(first.key) == first

    def test_complete_after_a_takeover_keeps_the_new_owner(self, store: PersistenceStore) -> None:
        """An orphaned invocation finishing late cannot overwrite the lock that replaced it."""
        orphan = self.lock(new_key(), owner="orphan")
        store.acquire(orphan, self.now_ms)
        rescuer = orphan.replace(owner="rescuer", in_progress_expiry=self.now_ms + 20_000)
        assert store.acquire(rescuer, self.now_ms + 6_000) is None
        assert store.complete(done(orphan, '"late"')) is False
        assert store.complete(done(rescuer, '"fresh"')) is True
        assert store.complete(done(orphan, '"late"')) is False
        assert store.get(orphan.key) == done(rescuer, '"fresh"')

    def test_complete_without_a_lock_stores_nothing(self, store: PersistenceStore) -> None:
        """complete() for a key that holds no record neither succeeds nor creates one."""
        record = done(self.lock(new_key()))
        assert store.complete(record) is False
        assert store.get(record.key) is None

    def test_completing_twice_is_refused(self, store: PersistenceStore) -> None:
        """A COMPLETED record is not replaced by a second complete() from its owner."""
        first = self.lock(new_key())
        store.acquire(first, self.now_ms)
        assert store.complete(done(first, "1")) is True
        assert store.complete(done(first, "2")) is False
        assert store.get(first.key) == done(first, "1")

    # -- release ------------------------------------------------------------------------

    def test_the_owner_releases_its_lock(self, store: PersistenceStore) -> None:
        """release() by the owner deletes the lock, so a retry can acquire at once."""
        first = self.lock(new_key(), owner="first")
        store.acquire(first, self.now_ms)
        assert store.release(first.key, "first") is True
        assert store.get(first.key) is None
        assert store.acquire(first.replace(owner="retry"), self.now_ms + 1) is None

    def test_release_by_another_owner_keeps_the_lock(self, store: PersistenceStore) -> None:
        """A duplicate or rejected invocation cannot delete someone else's lock."""
        first = self.lock(new_key(), owner="first")
        store.acquire(first, self.now_ms)
        assert store.release(first.key, "intruder") is False
        assert store.get(first.key) == first

    def test_release_never_deletes_a_completed_result(self, store: PersistenceStore) -> None:
        """Not even the owner can release a record once it is COMPLETED."""
        first = self.lock(new_key(), owner="first")
        store.acquire(first, self.now_ms)
        store.complete(done(first))
        assert store.release(first.key, "first") is False
        assert store.get(first.key) == done(first)

    def test_release_of_an_unknown_key_is_a_no_op(self, store: PersistenceStore) -> None:
        """Releasing a key that holds nothing returns False."""
        assert store.release(new_key(), "anyone") is False

    # -- data ---------------------------------------------------------------------------

    def test_data_and_validation_round_trip_exactly(self, store: PersistenceStore) -> None:
        """Falsy JSON results, unicode and larger payloads are stored byte for byte."""
        for data in ("null", "0", '""', "{}", "[]", "false", '"h\\u00e9 \u2603 \U0001f600"'):
            first = self.lock(new_key()).replace(validation=None)
            store.acquire(first, self.now_ms)
            store.complete(done(first, data))
            assert store.get(first.key) == done(first, data)
        big = self.lock(new_key())
        store.acquire(big, self.now_ms)
        payload = '{"items":[' + ",".join(['"x"'] * 5000) + "]}"
        store.complete(done(big, payload))
        stored = store.get(big.key)
        assert stored is not None
        assert stored.data == payload

    # -- concurrency --------------------------------------------------------------------

    def test_concurrent_acquires_have_exactly_one_winner(self, store: PersistenceStore) -> None:
        """16 threads acquiring one free key at once: one gets the lock, 15 see it."""
        key = new_key()
        results: list[IdempotencyRecord | None] = [None] * 16
        barrier = threading.Barrier(16)

        def contend(index: int) -> None:
            barrier.wait()
            results[index] = store.acquire(self.lock(key, owner=f"t{index}"), self.now_ms)

        _run_threads(contend, 16)
        winners = [i for i, found in enumerate(results) if found is None]
        assert len(winners) == 1
        assert {found.owner for found in results if found is not None} == {f"t{winners[0]}"}

    # -- through the decorator ----------------------------------------------------------

    def test_a_function_runs_once_and_replays(self, store: PersistenceStore) -> None:
        """Through idempotent_function: the body runs once; repeats return its result."""
        calls: list[Any] = []

        @idempotent_function(
            data_keyword_argument="order", persistence_store=store, key_prefix=new_key()
        )
        def charge(order: dict[str, Any]) -> Any:
            calls.append(order)
            return order["result"]

        results: tuple[Any, ...] = (None, 0, "", {}, [], False, {"id": 1, "items": [1, 2]})
        for value in results:
            order: dict[str, Any] = {"id": uuid.uuid4().hex, "result": value}
            assert charge(order=order) == value
            assert charge(order=dict(reversed(order.items()))) == value
            replayed = charge(order=order)
            assert replayed == value
            assert type(replayed) is type(value)
        assert len(calls) == 7

    def test_a_raising_function_releases_its_lock(self, store: PersistenceStore) -> None:
        """The exception propagates and the retry runs the body again."""
        attempts: list[int] = []

        @idempotent_function(
            data_keyword_argument="order", persistence_store=store, key_prefix=new_key()
        )
        def flaky(order: str) -> str:
            attempts.append(1)
            if len(attempts) == 1:
                raise LookupError("first attempt fails")
            return "ok"

        try:
            flaky(order="o-1")
        except LookupError:
            pass
        else:
            raise AssertionError("the function's exception did not propagate")
        assert flaky(order="o-1") == "ok"
        assert flaky(order="o-1") == "ok"
        assert len(attempts) == 2

    def test_stored_timestamps_are_seconds_and_milliseconds(self, store: PersistenceStore) -> None:
        """expiry is epoch seconds (10 digits), in-progress expiry epoch ms (13 digits)."""
        prefix = new_key()
        seen: list[IdempotencyRecord | None] = []

        @idempotent_function(
            data_keyword_argument="order",
            persistence_store=store,
            key_prefix=prefix,
            config=IdempotencyConfig(expires_after_seconds=120, in_progress_expiry_ms=30_000),
        )
        def work(order: str) -> str:
            seen.append(_only_record(store, prefix, order, work))
            return order

        work(order="x")
        during, after = seen[0], _only_record(store, prefix, "x", work)
        assert during is not None
        assert after is not None
        assert during.status == INPROGRESS
        assert after.status == COMPLETED
        assert 1e9 < during.expiry < 1e10
        assert during.in_progress_expiry is not None
        assert 1e12 < during.in_progress_expiry < 1e13
        assert 0 < during.in_progress_expiry - during.expiry * 1000 + 120_000 <= 31_000

    def test_threads_on_one_key_run_the_body_once(self, store: PersistenceStore) -> None:
        """16 threads call one key at once: one runs, the others see in-progress or replay."""
        from powerkit.idempotency._errors import IdempotencyAlreadyInProgressError

        gate = threading.Event()
        ran: list[int] = []
        barrier = threading.Barrier(16)
        outcomes: list[str] = []

        @idempotent_function(
            data_keyword_argument="order", persistence_store=store, key_prefix=new_key()
        )
        def work(order: str) -> str:
            ran.append(1)
            gate.wait(30)  # opened once the 15 others have answered
            return "done"

        def call(index: int) -> None:
            barrier.wait()
            try:
                outcomes.append(work(order="same"))
            except IdempotencyAlreadyInProgressError:
                outcomes.append("in-progress")
                if outcomes.count("in-progress") == 15:
                    gate.set()

        _run_threads(call, 16)
        gate.set()
        assert len(ran) == 1
        assert sorted(outcomes) == ["done"] + ["in-progress"] * 15


def _only_record(
    store: PersistenceStore, prefix: str, payload: Any, function: Any
) -> IdempotencyRecord | None:
    from powerkit.idempotency._keys import canonical_json, hasher

    return store.get(f"{prefix}#{hasher('sha256')(canonical_json(payload))}")


def _run_threads(target: Callable[[int], None], count: int) -> None:
    errors: list[BaseException] = []

    def guarded(index: int) -> None:
        try:
            target(index)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    if errors:
        raise errors[0]


def run_conformance(make_store: Callable[[], PersistenceStore]) -> list[str]:
    """Run every check against fresh stores from ``make_store``; return the failures.

    Each failure is ``"<check name>: <traceback>"``; an empty list means the store conforms.
    """
    suite = StoreConformance()
    failures: list[str] = []
    for name in sorted(dir(StoreConformance)):
        if not name.startswith("test_"):
            continue
        try:
            getattr(suite, name)(make_store())
        except Exception:
            failures.append(f"{name}: {traceback.format_exc()}")
    return failures
