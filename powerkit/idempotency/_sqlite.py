"""An embedded store on a SQLite file: the default for local runs, safe across processes.

Each operation is one SQLite write transaction (``BEGIN IMMEDIATE``), so the read-decide-write
of `SQLitePersistenceLayer.acquire` is atomic across threads and processes sharing the
file. Threads of one process share one connection behind a lock; a forked child opens its own.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING, Any

from powerkit.idempotency._record import INPROGRESS, IdempotencyRecord, Status, can_take_over

if TYPE_CHECKING:
    import sqlite3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS {table} (
    key TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    expiration INTEGER NOT NULL,
    in_progress_expiration INTEGER,
    data TEXT,
    validation TEXT,
    owner TEXT NOT NULL
)
"""
_COLUMNS = "key, status, expiration, in_progress_expiration, data, validation, owner"


class SQLitePersistenceLayer:
    """Records in a SQLite database file (``":memory:"`` for a private in-process database).

    Args:
        path: the database file; created with its table on first use.
        table_name: the table to use.
        timeout_s: how long to wait for another process's write lock before failing.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        table_name: str = "idempotency",
        timeout_s: float = 10,
    ) -> None:
        if not table_name.isidentifier():
            from powerkit.idempotency._errors import IdempotencyConfigError

            raise IdempotencyConfigError(
                f"table_name={table_name!r} is not a valid SQL identifier; use letters, digits "
                "and underscores"
            )
        self.path = os.fspath(path)
        self.table_name = table_name
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._pid = 0

    def _connection(self) -> sqlite3.Connection:
        conn = self._conn
        if conn is None or self._pid != os.getpid():
            import sqlite3  # not every user of powerkit.idempotency needs SQLite

            conn = sqlite3.connect(
                self.path, timeout=self.timeout_s, isolation_level=None, check_same_thread=False
            )
            self._retry_busy(lambda: self._prepare(conn))
            self._conn, self._pid = conn, os.getpid()
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        if self.path != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
        conn.execute(_SCHEMA.format(table=self.table_name))

    def _retry_busy(self, step: Any) -> Any:
        # SQLite skips its busy handler in a few cases (switching to WAL, WAL recovery by
        # another process), answering "database is locked" at once: retry until timeout_s.
        import sqlite3

        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                return step()
            except sqlite3.OperationalError as exc:
                message = str(exc)
                if "locked" not in message and "busy" not in message:
                    raise
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.005)

    def _transaction(self, work: Any) -> Any:
        with self._lock:
            conn = self._connection()
            self._retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"))
            try:
                result = work(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return result

    def _select(self, conn: sqlite3.Connection, key: str) -> IdempotencyRecord | None:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM {self.table_name} WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else _record(row)

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        def work(conn: sqlite3.Connection) -> IdempotencyRecord | None:
            existing = self._select(conn, record.key)
            if not can_take_over(existing, now_ms):
                return existing
            self._write(conn, record)
            return None

        result: IdempotencyRecord | None = self._transaction(work)
        return result

    def complete(self, record: IdempotencyRecord) -> bool:
        def work(conn: sqlite3.Connection) -> bool:
            existing = self._select(conn, record.key)
            if existing is None or existing.status != INPROGRESS or existing.owner != record.owner:
                return False
            self._write(conn, record)
            return True

        return bool(self._transaction(work))

    def release(self, key: str, owner: str) -> bool:
        def work(conn: sqlite3.Connection) -> bool:
            cursor = conn.execute(
                f"DELETE FROM {self.table_name} WHERE key = ? AND owner = ? AND status = ?",
                (key, owner, INPROGRESS),
            )
            return cursor.rowcount == 1

        return bool(self._transaction(work))

    def get(self, key: str) -> IdempotencyRecord | None:
        with self._lock:
            return self._select(self._connection(), key)

    def _write(self, conn: sqlite3.Connection, record: IdempotencyRecord) -> None:
        conn.execute(
            f"INSERT OR REPLACE INTO {self.table_name} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                record.key,
                record.status,
                record.expiry,
                record.in_progress_expiry,
                record.data,
                record.validation,
                record.owner,
            ),
        )

    def close(self) -> None:
        """Close this process's connection (it is reopened on next use)."""
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None


def _record(row: tuple[Any, ...]) -> IdempotencyRecord:
    key, status, expiry, in_progress_expiry, data, validation, owner = row
    checked: Status = "COMPLETED" if status == "COMPLETED" else "INPROGRESS"
    return IdempotencyRecord(key, checked, expiry, in_progress_expiry, data, validation, owner)
