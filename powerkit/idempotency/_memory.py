"""An in-process store for unit tests and single-process local runs."""

from __future__ import annotations

import threading

from powerkit.idempotency._record import INPROGRESS, IdempotencyRecord, can_take_over


class InMemoryPersistenceLayer:
    """Keeps records in a dict guarded by a lock; nothing survives the process.

    Useful in unit tests (``store.records`` shows what was stored) and for local runs.
    """

    def __init__(self) -> None:
        self.records: dict[str, IdempotencyRecord] = {}
        self._lock = threading.Lock()

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        with self._lock:
            existing = self.records.get(record.key)
            if not can_take_over(existing, now_ms):
                return existing
            self.records[record.key] = record
            return None

    def complete(self, record: IdempotencyRecord) -> bool:
        with self._lock:
            if not _owned(self.records.get(record.key), record.owner):
                return False
            self.records[record.key] = record
            return True

    def release(self, key: str, owner: str) -> bool:
        with self._lock:
            if not _owned(self.records.get(key), owner):
                return False
            del self.records[key]
            return True

    def get(self, key: str) -> IdempotencyRecord | None:
        with self._lock:
            return self.records.get(key)

    def clear(self) -> None:
        """Forget every record."""
        with self._lock:
            self.records.clear()


def _owned(existing: IdempotencyRecord | None, owner: str) -> bool:
    return existing is not None and existing.status == INPROGRESS and existing.owner == owner
