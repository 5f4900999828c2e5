"""A concurrent duplicate waits for the first invocation's result instead of failing."""

from __future__ import annotations

import threading
import time
from typing import Any

from powerkit.idempotency import IdempotencyConfig, InMemoryPersistenceLayer, idempotent
from powerkit.testing import lambda_context

runs: list[str] = []


@idempotent(
    persistence_store=InMemoryPersistenceLayer(),
    config=IdempotencyConfig(on_in_progress="wait"),
)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    runs.append(event["id"])
    time.sleep(0.1)  # slow work: the duplicate arrives meanwhile
    return {"done": event["id"]}


if __name__ == "__main__":
    results: list[Any] = []
    duplicates = [
        threading.Thread(target=lambda: results.append(handler({"id": "j-1"}, lambda_context())))
        for _ in range(3)
    ]
    for thread in duplicates:
        thread.start()
    for thread in duplicates:
        thread.join()
    print(results, "runs:", len(runs))
