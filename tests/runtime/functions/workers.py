"""A slow handler for Lambda Managed Instances (several worker processes per environment)."""

from __future__ import annotations

import os
import time
from typing import Any

from powerkit.logging import Logger
from powerkit.metrics import Metrics, MetricUnit

logger = Logger(service="runtime-concurrent")
metrics = Metrics(namespace="RuntimeConcurrent", service="runtime-concurrent")


@logger.inject_lambda_context
@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    for n in range(event.get("lines", 1)):
        logger.info("working", n=n, pid=os.getpid())
    metrics.add_metric("Worked", MetricUnit.Count, 1)
    time.sleep(event.get("sleep_s", 0))
    return {"pid": os.getpid()}
