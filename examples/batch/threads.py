import threading
from typing import Any

from powerkit.batch import BatchProcessor, process_partial_response
from powerkit.events import SQSRecord

# Standard queues only: records run in a pool of 8 threads (I/O-bound handlers such as HTTP
# or AWS SDK calls). FIFO queues and streams reject max_workers > 1: order matters there.
processor = BatchProcessor(max_workers=8)
workers: set[str] = set()


def record_handler(record: SQSRecord) -> None:
    workers.add(threading.current_thread().name)
    if record.body == "bad":
        raise ValueError("bad record")


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, record_handler, processor, context)


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    bodies = ["ok"] * 30 + ["bad"]
    event = sqs_event(bodies=bodies, message_ids=[f"m{i}" for i in range(len(bodies))])
    print(lambda_handler(event, lambda_context()))
    print(all(name.startswith("powerkit-batch") for name in workers))
