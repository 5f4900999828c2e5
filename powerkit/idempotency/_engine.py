"""The idempotency policy: keys, expiry, validation, cache, owner tokens, in-progress handling.

One `IdempotencyEngine` exists per decorated function. A call goes:

1. `start` derives the key; a local-cache hit replays at once.
   Otherwise it asks the store to acquire an INPROGRESS lock carrying a fresh owner token.
   A COMPLETED record replays; a held lock raises or, with ``on_in_progress="wait"``, is
   polled. ``start`` is a generator that *yields* the seconds to sleep between polls, so the
   same policy drives sync callers (``time.sleep``) and async ones (``asyncio.sleep``).
2. The caller runs the function. On success `complete` stores the
   result (only over its own lock); on an exception `release`
   deletes its own lock so a retry can run, and the exception propagates.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator
from typing import Any, NoReturn

from powerkit.idempotency._cache import LocalCache
from powerkit.idempotency._config import IdempotencyConfig
from powerkit.idempotency._errors import (
    IdempotencyAlreadyInProgressError,
    IdempotencyError,
    IdempotencyKeyError,
    IdempotencyPersistenceLayerError,
    IdempotencyValidationError,
    warn,
)
from powerkit.idempotency._keys import canonical_json, hasher, is_missing, select
from powerkit.idempotency._record import COMPLETED, INPROGRESS, IdempotencyRecord
from powerkit.idempotency._serializers import OutputSerializer, dump, load
from powerkit.idempotency._store import PersistenceStore

_FIRST_POLL_S = 0.01
_MAX_POLL_S = 0.25


def now_ms() -> int:
    """Wall-clock epoch milliseconds (stored timestamps are wall-clock, not monotonic)."""
    return time.time_ns() // 1_000_000


class Replay:
    """The stored (or cached) result to return instead of running the function."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Lock:
    """This call holds the key: run the function, then complete or release."""

    __slots__ = ("record",)

    def __init__(self, record: IdempotencyRecord) -> None:
        self.record = record


Outcome = Replay | Lock | None  # None: no key, run the function without idempotency
Start = Generator[float, None, Outcome]


class IdempotencyEngine:
    """Everything except storage, for one decorated function."""

    def __init__(
        self,
        store: PersistenceStore,
        config: IdempotencyConfig,
        key_prefix: str,
        serializer: OutputSerializer | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.key_prefix = key_prefix
        self.serializer = serializer
        self._hash = hasher(config.hash_function)
        self.cache = LocalCache(config.local_cache_max_items) if config.use_local_cache else None

    def key_for(self, payload: Any) -> str | None:
        """The idempotency key for ``payload``, or None when the selection is empty."""
        selected = select(payload, self.config.event_key_jmespath)
        if is_missing(selected):
            return None
        return f"{self.key_prefix}#{self._hash(canonical_json(selected))}"

    def validation_for(self, payload: Any) -> str | None:
        expression = self.config.payload_validation_jmespath
        if expression is None:
            return None
        return self._hash(canonical_json(select(payload, expression)))

    def start(self, payload: Any, remaining_ms: Callable[[], int | None]) -> Start:
        """Decide the call's fate; yields poll delays (seconds) while waiting."""
        config = self.config
        key = self.key_for(payload)
        if key is None:
            where = config.event_key_jmespath or "the payload"
            if config.raise_on_no_idempotency_key:
                raise IdempotencyKeyError(
                    f"No idempotency key found: {where!r} selected nothing (None or empty). "
                    "Check event_key_jmespath against the event, or send the key."
                )
            warn(f"No idempotency key found in {where!r}; the function runs without idempotency")
            return None
        validation = self.validation_for(payload)
        if self.cache is not None:
            cached = self.cache.get(key)
            if cached is not None:
                if not cached.is_expired(now_ms()):
                    return self._replay(cached, validation)
                self.cache.discard(key)
        delay = _FIRST_POLL_S
        while True:
            now = now_ms()
            remaining = remaining_ms()
            lock = IdempotencyRecord(
                key=key,
                status=INPROGRESS,
                expiry=now // 1000 + config.expires_after_seconds,
                in_progress_expiry=now + self._lock_ms(remaining),
                validation=validation,
                owner=os.urandom(16).hex(),
            )
            existing = self._call(self.store.acquire, lock, now, what="acquire the lock")
            if existing is None or _is_own_lock(existing, lock):
                return Lock(lock)
            if existing.status == COMPLETED:
                if self.cache is not None:
                    self.cache.put(existing)
                return self._replay(existing, validation)
            self._check(existing, validation)
            if config.on_in_progress != "wait":
                raise IdempotencyAlreadyInProgressError(key, existing.in_progress_expiry)
            budget_s = self._wait_budget_s(remaining, existing, now)
            if budget_s <= 0:
                raise IdempotencyAlreadyInProgressError(key, existing.in_progress_expiry)
            yield min(delay, budget_s)
            delay = min(delay * 2, _MAX_POLL_S)

    def complete(self, lock: Lock, result: Any) -> None:
        """Store ``result`` over this call's own lock (a lost lock only warns)."""
        try:
            data = dump(result, self.serializer)
        except IdempotencyError:
            self.release(lock)
            raise
        record = lock.record._replace(
            status=COMPLETED,
            data=data,
            expiry=now_ms() // 1000 + self.config.expires_after_seconds,
        )
        saved = self._call(self.store.complete, record, what="save the result")
        if not saved and not self._saved_by_retry(record):
            warn(
                f"The lock on {record.key!r} expired and was taken over while the function ran; "
                "its result was not stored. Raise in_progress_expiry_ms or the function timeout."
            )
        elif self.cache is not None:
            self.cache.put(record)

    def _saved_by_retry(self, record: IdempotencyRecord) -> bool:
        # A client retry after a lost response finds its own completed record: success.
        stored = self._call(self.store.get, record.key, what="save the result")
        return stored is not None and stored.status == COMPLETED and stored.owner == record.owner

    def release(self, lock: Lock) -> None:
        """Delete this call's own lock after the function raised; never raises."""
        try:
            self.store.release(lock.record.key, lock.record.owner)
        except Exception as exc:
            warn(
                f"Could not release the lock on {lock.record.key!r} ({exc!r}); a retry will be "
                "told the work is in progress until the lock's in-progress expiry."
            )

    def _lock_ms(self, remaining: int | None) -> int:
        if self.config.in_progress_expiry_ms is not None:
            return self.config.in_progress_expiry_ms
        if remaining is not None:
            return max(remaining, 0)  # a passed deadline (0) is still a deadline
        return self.config.default_lock_ms

    def _wait_budget_s(self, remaining: int | None, existing: IdempotencyRecord, now: int) -> float:
        if remaining is not None:
            return (remaining - self.config.wait_margin_ms) / 1000
        if existing.in_progress_expiry is None:
            return 0.0  # held until the record expires: do not wait that long
        # No deadline of our own: wait until the other lock lapses, then take it over.
        return max(existing.in_progress_expiry - now, 0) / 1000 + _FIRST_POLL_S

    def _check(self, existing: IdempotencyRecord, validation: str | None) -> None:
        if validation is not None and existing.validation not in (None, validation):
            raise IdempotencyValidationError(existing.key)

    def _replay(self, record: IdempotencyRecord, validation: str | None) -> Replay:
        self._check(record, validation)
        value = load(record.data if record.data is not None else "null", self.serializer)
        hook = self.config.response_hook
        return Replay(hook(value, record) if hook is not None else value)

    def _call(self, method: Callable[..., Any], *args: Any, what: str) -> Any:
        try:
            return method(*args)
        except IdempotencyError:
            raise
        except Exception as exc:
            _store_failed(self.store, what, exc)


def _is_own_lock(existing: IdempotencyRecord, lock: IdempotencyRecord) -> bool:
    """A client-side retry of our own acquire (the first response was lost) finds our lock."""
    return existing.status == INPROGRESS and existing.owner == lock.owner


def _store_failed(store: object, what: str, exc: Exception) -> NoReturn:
    after = " The function ran; its record stays INPROGRESS until the lock lapses."
    raise IdempotencyPersistenceLayerError(
        f"{type(store).__name__} could not {what}: {exc!r}."
        + (after if what == "save the result" else " The function was not run; retry later.")
    ) from exc


def drive(start: Start) -> Outcome:
    """Run `IdempotencyEngine.start` to its outcome, sleeping between polls."""
    while True:
        try:
            delay = next(start)
        except StopIteration as stop:
            outcome: Outcome = stop.value
            return outcome
        time.sleep(delay)


async def drive_async(start: Start) -> Outcome:
    """Like `drive`, sleeping with ``asyncio.sleep`` so the event loop keeps running."""
    import asyncio  # only async callers pay for importing asyncio

    while True:
        try:
            delay = next(start)
        except StopIteration as stop:
            outcome: Outcome = stop.value
            return outcome
        await asyncio.sleep(delay)
