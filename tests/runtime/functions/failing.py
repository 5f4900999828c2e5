"""A handler whose event is checked by powerkit's validator; a bad event raises its error."""

from __future__ import annotations

from typing import Any

from powerkit.logging import Logger
from powerkit.metrics import Metrics, MetricUnit
from powerkit.validation import validator

logger = Logger(service="runtime-failing")
metrics = Metrics(namespace="RuntimeFailing", service="runtime-failing")

SCHEMA = {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}


@logger.inject_lambda_context
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    metrics.add_metric("Attempted", MetricUnit.Count, 1)
    return checked(event, context)


@validator(inbound_schema=SCHEMA)
def checked(event: dict[str, Any], context: Any) -> dict[str, Any]:
    logger.info("valid", n=event["n"])
    if event["n"] < 0:
        raise ArithmeticError("n must not be negative")
    return {"n": event["n"]}
