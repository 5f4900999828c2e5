"""The store contract (powerkit.idempotency.conformance) on all four stores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from powerkit.idempotency import (
    DynamoDBPersistenceLayer,
    InMemoryPersistenceLayer,
    PersistenceStore,
    SQLitePersistenceLayer,
)
from powerkit.idempotency._record import IdempotencyRecord
from powerkit.idempotency.conformance import StoreConformance, run_conformance


class TestInMemoryStore(StoreConformance):
    @pytest.fixture
    def store(self) -> PersistenceStore:
        return InMemoryPersistenceLayer()


class TestSQLiteStore(StoreConformance):
    @pytest.fixture
    def store(self, sqlite_store: SQLitePersistenceLayer) -> PersistenceStore:
        return sqlite_store


class TestSQLiteMemoryDatabase(StoreConformance):
    @pytest.fixture
    def store(self) -> PersistenceStore:
        return SQLitePersistenceLayer(":memory:")


class TestDynamoDBStore(StoreConformance):
    @pytest.fixture
    def store(self, dynamodb_store: DynamoDBPersistenceLayer) -> PersistenceStore:
        return dynamodb_store


class TestDynamoDBStoreWithSortKey(StoreConformance):
    @pytest.fixture
    def store(self, dynamodb_client: Any, dynamodb_sort_key_table: str) -> PersistenceStore:
        return DynamoDBPersistenceLayer(
            dynamodb_sort_key_table, key_attr="id", sort_key_attr="sk", boto3_client=dynamodb_client
        )


class TestRedisStore(StoreConformance):
    @pytest.fixture
    def store(self, redis_store: PersistenceStore) -> PersistenceStore:
        return redis_store


def test_run_conformance_passes_for_a_conforming_store(tmp_path: Path) -> None:
    """run_conformance returns no failures for the SQLite store (no pytest needed)."""
    assert run_conformance(lambda: SQLitePersistenceLayer(tmp_path / "run.db")) == []


class _DeletesAnyLock(InMemoryPersistenceLayer):
    """A broken store: release ignores the owner token."""

    def release(self, key: str, owner: str) -> bool:
        with self._lock:
            return self.records.pop(key, None) is not None


class _OverwritesCompleted(InMemoryPersistenceLayer):
    """A broken store: acquire replaces any record that is not INPROGRESS."""

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        with self._lock:
            existing = self.records.get(record.key)
            if existing is not None and existing.status == "INPROGRESS":
                return existing
            self.records[record.key] = record
            return None


@pytest.mark.parametrize(
    ("broken", "caught"),
    [
        (_DeletesAnyLock, "test_release_by_another_owner_keeps_the_lock"),
        (_OverwritesCompleted, "test_a_completed_record_is_never_overwritten_before_expiry"),
    ],
)
def test_run_conformance_reports_a_broken_store(broken: type, caught: str) -> None:
    """The suite catches stores that delete others' locks or overwrite results."""
    failures = run_conformance(broken)
    assert any(failure.startswith(f"{caught}:") for failure in failures)
