"""A small thread-safe LRU of completed records, kept per idempotent function."""

from __future__ import annotations

import threading
from collections import OrderedDict

from powerkit.idempotency._record import IdempotencyRecord


class LocalCache:
    """Least-recently-used map of key to COMPLETED record; expiry is checked by the reader."""

    def __init__(self, max_items: int) -> None:
        self.max_items = max_items
        self._items: OrderedDict[str, IdempotencyRecord] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> IdempotencyRecord | None:
        with self._lock:
            record = self._items.get(key)
            if record is not None:
                self._items.move_to_end(key)
            return record

    def put(self, record: IdempotencyRecord) -> None:
        with self._lock:
            self._items[record.key] = record
            self._items.move_to_end(record.key)
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)

    def discard(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)
