"""An async handler with a log buffer, decorated by Logger, Metrics and Tracer."""

from __future__ import annotations

import asyncio
from typing import Any

from powerkit.logging import LogBuffer, Logger
from powerkit.metrics import Metrics, MetricUnit
from powerkit.tracing import Tracer

logger = Logger(service="runtime-async", buffer=LogBuffer())
metrics = Metrics(namespace="RuntimeAsync", service="runtime-async")
tracer = Tracer(service="runtime-async")


@tracer.capture_method
async def fetch(n: int) -> int:
    await asyncio.sleep(0)
    logger.debug("fetched", n=n)  # buffered: written only if the invocation fails
    return n + 1


@logger.inject_lambda_context(flush_buffer_on_error=True)
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
async def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    values = await asyncio.gather(*(fetch(n) for n in range(event["n"])))
    metrics.add_metric("Fetched", MetricUnit.Count, len(values))
    logger.info("fetched all", count=len(values))
    if event.get("fail"):
        raise TimeoutError("upstream too slow")
    return {"values": values}
