import time
from typing import Any

from powerkit.batch import BatchProcessor, process_partial_response
from powerkit.events import SQSRecord

# Stop when less than 2 s are left: the records not attempted are reported as failed, so
# Lambda retries only them instead of the whole batch after a timeout.
processor = BatchProcessor(deadline_margin_ms=2000)


def record_handler(record: SQSRecord) -> None:
    time.sleep(0.5)  # slow work


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, record_handler, processor, context)


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    event = sqs_event(bodies=["1", "2", "3", "4"], message_ids=["m1", "m2", "m3", "m4"])
    # A 2.75 s timeout: two records fit before the 2 s margin is reached.
    print(lambda_handler(event, lambda_context(timeout_s=2.75)))
