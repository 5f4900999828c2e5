"""An SQS worker: every line it logs carries the id the API handler received."""

from __future__ import annotations

import json
from typing import Any

from powerkit.correlation import correlate
from powerkit.logging import Logger

logger = Logger(service="orders-worker")


@logger.inject_lambda_context
@correlate
def handler(event: dict[str, Any], context: Any) -> None:
    for record in event["Records"]:
        order = json.loads(record["body"])
        logger.info("order shipped", order_id=order["order_id"])
