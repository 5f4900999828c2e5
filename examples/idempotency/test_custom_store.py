"""Run powerkit's store contract against your store: every check is a test."""

from __future__ import annotations

import pytest
from custom_store import DictStore  # your store module

from powerkit.idempotency.conformance import StoreConformance


class TestDictStore(StoreConformance):
    @pytest.fixture
    def store(self) -> DictStore:
        return DictStore()
