"""An idempotent handler whose lock lasts as long as the invocation's remaining time."""

from __future__ import annotations

import os
import time
from typing import Any

from powerkit.idempotency import IdempotencyConfig, SQLitePersistenceLayer, idempotent
from powerkit.logging import Logger

logger = Logger(service="runtime-idempotency")
store = SQLitePersistenceLayer(os.environ["RUNTIME_TEST_IDEMPOTENCY_DB"])


@logger.inject_lambda_context
@idempotent(persistence_store=store, config=IdempotencyConfig(event_key_jmespath="id"))
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    logger.info("running", id=event["id"])
    time.sleep(event.get("sleep_s", 0))
    return {"id": event["id"], "ran_in": context.aws_request_id}
