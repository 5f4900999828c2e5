"""Logging workloads: import time, and one invocation of a handler logging three lines.

The handler is decorated with each library's ``inject_lambda_context`` and logs three INFO
lines with two extra keys each. Every side writes to /dev/null through a stream given to the
logger (so the measurement line the runner reads stays on the real stdout); every side
flushes after each line, as ``logging.StreamHandler`` does. The baseline is the same three
lines through the standard library's ``logging`` with a plain JSON formatter and no Lambda
context keys.
"""

from __future__ import annotations

from benchmarks.harness import FAKE_CONTEXT, Workload, import_time, per_call

_CONTEXT = (
    """
import os
_null = open(os.devnull, "w")
"""
    + FAKE_CONTEXT
)

_HANDLER = """
logger = Logger(service="checkout", stream=_null)

@logger.inject_lambda_context
def handler(event, context):
    logger.info("order received", order_id="o-1", amount=12)
    logger.info("payment captured", order_id="o-1", provider="card")
    logger.info("order stored", order_id="o-1", table="orders")
"""

_BASELINE = """
import json, logging

class _JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "level": record.levelname,
            "location": f"{record.funcName}:{record.lineno}",
            "message": record.getMessage(),
            "timestamp": self.formatTime(record),
            "service": "checkout",
        }
        line.update(record.keys)
        return json.dumps(line, default=str)

_handler = logging.StreamHandler(_null)
_handler.setFormatter(_JsonFormatter())
logger = logging.getLogger("checkout")
logger.addHandler(_handler)
logger.setLevel(logging.INFO)
logger.propagate = False

def handler(event, context):
    logger.info("order received", extra={"keys": {"order_id": "o-1", "amount": 12}})
    logger.info("payment captured", extra={"keys": {"order_id": "o-1", "provider": "card"}})
    logger.info("order stored", extra={"keys": {"order_id": "o-1", "table": "orders"}})
"""

_CALL = "handler({}, context)"

WORKLOADS: list[Workload] = [
    Workload(
        "logging.import",
        import_time("powerkit.logging"),
        import_time("aws_lambda_powertools.logging"),
        "ms",
        0.3,
        baseline=import_time("logging, json"),
    ),
    Workload(
        "logging.invoke",
        per_call(_CONTEXT + "from powerkit.logging import Logger\n" + _HANDLER, _CALL),
        per_call(_CONTEXT + "from aws_lambda_powertools import Logger\n" + _HANDLER, _CALL),
        "us",
        0.6,
        baseline=per_call(_CONTEXT + _BASELINE, _CALL),
    ),
]
