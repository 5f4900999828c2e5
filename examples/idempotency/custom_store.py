"""Your own store: four methods. Policy (keys, expiry, owners, waiting) stays in powerkit."""

from __future__ import annotations

import threading

from powerkit.idempotency import IdempotencyRecord, can_take_over


class DictStore:
    """Records in a dict; swap the dict for your database's atomic operations."""

    def __init__(self) -> None:
        self._records: dict[str, IdempotencyRecord] = {}
        self._lock = threading.Lock()  # your database's transaction / conditional write

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        with self._lock:
            existing = self._records.get(record.key)
            if not can_take_over(existing, now_ms):
                return existing  # someone holds the key: tell the caller who
            self._records[record.key] = record
            return None  # the lock is ours

    def complete(self, record: IdempotencyRecord) -> bool:
        with self._lock:
            if not self._owned(record.key, record.owner):
                return False
            self._records[record.key] = record
            return True

    def release(self, key: str, owner: str) -> bool:
        with self._lock:
            if not self._owned(key, owner):
                return False
            del self._records[key]
            return True

    def get(self, key: str) -> IdempotencyRecord | None:
        with self._lock:
            return self._records.get(key)

    def _owned(self, key: str, owner: str) -> bool:
        existing = self._records.get(key)
        return existing is not None and existing.status == "INPROGRESS" and existing.owner == owner
