"""Batch processing: per-record overhead of a partial-batch SQS run, and import time.

Per-record overhead = (time to process the batch - time of the bare loop calling the same
handler on the raw records, catching its exceptions) / number of records, in microseconds
(best of 15 repeats of each, to shed the noise of a shared machine).
The handler does nothing (``noop``) or raises for every 10th record (``fail10``).

Variants:

- plain: no logger in the process. powerkit then skips the per-record log keys (nothing
  could read them); failures are logged the way each library does by default (powerkit: one
  WARNING line with the trace per failed record, written to an in-memory stream here; the
  peer: a DEBUG line, dropped).
- ``_logger``: a powerkit ``Logger`` exists (the peer side builds its own ``Logger``), so
  powerkit binds ``record_id`` for every record: what a typical function pays.
- ``_quiet``: the ``powerkit.batch`` failure log is turned off, to compare processing alone.
- ``_context``: a Lambda context with 15 minutes left is passed, so powerkit's deadline
  watchdog is on (the peer has none).
"""

from __future__ import annotations

import textwrap

from benchmarks.harness import Workload, import_time

_TEMPLATE = """
import io, logging, statistics, time, uuid
logging.basicConfig(stream=io.StringIO(), level=logging.WARNING)
{imports}
{extra}

N = {n}
FAIL_EVERY = {fail_every}
records = [
    {{
        "messageId": str(uuid.uuid4()),
        "receiptHandle": "AQEB...",
        "body": "fail" if FAIL_EVERY and i % FAIL_EVERY == FAIL_EVERY - 1 else "ok",
        "attributes": {{
            "ApproximateReceiveCount": "1",
            "SentTimestamp": "1545082649183",
            "SenderId": "AIDAIENQZJOLO23YVJ4VO",
            "ApproximateFirstReceiveTimestamp": "1545082649185",
        }},
        "messageAttributes": {{}},
        "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:my-queue",
        "awsRegion": "us-east-1",
    }}
    for i in range(N)
]
event = {{"Records": records}}

def record_handler(record):
    if record.body == "fail":
        raise ValueError("failed")

def raw_handler(record):
    if record["body"] == "fail":
        raise ValueError("failed")

def bare():
    failed = []
    for record in records:
        try:
            raw_handler(record)
        except Exception:
            failed.append(record["messageId"])
    return failed

{setup}

class Context:
    aws_request_id = "r-1"
    def __init__(self):
        self.deadline = time.monotonic() + 900
    def get_remaining_time_in_millis(self):
        return int((self.deadline - time.monotonic()) * 1000)

context = Context() if {with_context} else None

def run():
    return {call}

assert len(run()["batchItemFailures"]) == (N // FAIL_EVERY if FAIL_EVERY else 0)
reps = max(3, 20000 // N)
def timed(fn):
    samples = []
    for _ in range(15):
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        samples.append((time.perf_counter() - t) / reps)
    return min(samples)
timed(run); timed(bare)
print((timed(run) - timed(bare)) / N * 1e6)
"""

_POWERKIT = {
    "imports": "from powerkit.batch import BatchProcessor, EventType, process_partial_response",
    "setup": "processor = BatchProcessor(EventType.SQS)",
    "call": "process_partial_response(event, record_handler, processor, context)",
}
_PEER = {
    "imports": (
        "from aws_lambda_powertools.utilities.batch import "
        "BatchProcessor, EventType, process_partial_response"
    ),
    "setup": "processor = BatchProcessor(event_type=EventType.SQS)",
    "call": "process_partial_response(event=event, record_handler=record_handler, "
    "processor=processor, context=context)",
}


_EXTRA = {
    ("powerkit", "logger"): "from powerkit.logging import Logger\nlog = Logger(service='bench')",
    ("peer", "logger"): "from aws_lambda_powertools import Logger\nlog = Logger(service='bench')",
    ("powerkit", "quiet"): "logging.getLogger('powerkit.batch').setLevel(logging.ERROR)",
}


def _program(side: str, n: int, fail_every: int, variant: str = "") -> str:
    parts = _POWERKIT if side == "powerkit" else _PEER
    extra = _EXTRA.get((side, variant), "")
    return textwrap.dedent(_TEMPLATE).format(
        n=n, fail_every=fail_every, extra=extra, with_context=variant == "context", **parts
    )


WORKLOADS: list[Workload] = [
    Workload(
        "batch.import",
        import_time("powerkit.batch"),
        import_time("aws_lambda_powertools.utilities.batch"),
        "ms",
        target=0.3,
    ),
]
_CASES = [
    (n, label, fail_every, "")
    for n in (10, 1_000, 10_000)
    for label, fail_every in (("noop", 0), ("fail10", 10))
]
_CASES += [(1_000, "noop", 0, "logger"), (1_000, "fail10", 10, "logger")]
_CASES += [(1_000, "fail10", 10, "quiet"), (1_000, "noop", 0, "context")]
for _n, _label, _fail_every, _variant in _CASES:
    WORKLOADS.append(
        Workload(
            f"batch.sqs_{_label}_{_n}{'_' + _variant if _variant else ''}",
            _program("powerkit", _n, _fail_every, _variant),
            _program("peer", _n, _fail_every, _variant),
            "us/record",
            target=0.5,
        )
    )
