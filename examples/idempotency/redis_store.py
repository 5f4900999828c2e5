"""Redis (or Valkey, ElastiCache, MemoryDB) as the store."""

from __future__ import annotations

import os
from typing import Any

from powerkit.idempotency import IdempotencyConfig, RedisPersistenceLayer, idempotent

store = RedisPersistenceLayer(
    url=os.environ.get("REDIS_URL", "redis://localhost:6379/0"),  # rediss:// for TLS
    namespace="orders:",  # keeps idempotency keys apart from your other data
)


@idempotent(persistence_store=store, config=IdempotencyConfig(event_key_jmespath="order_id"))
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return {"accepted": event["order_id"]}
