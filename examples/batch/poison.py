from typing import Any

from powerkit.batch import BatchProcessor, process_partial_response
from powerkit.events import SQSRecord

parked: list[str] = []


def park(record: SQSRecord) -> None:
    # In a real function: sqs.send_message(QueueUrl=PARKING_QUEUE_URL, MessageBody=record.body)
    parked.append(record.message_id)


# A message received more than 5 times goes to park() and is reported as succeeded, so it
# stops coming back. If park() raises, the record fails as usual.
processor = BatchProcessor(max_receive_count=5, on_poison=park)


def record_handler(record: SQSRecord) -> None:
    print("processing", record.message_id)


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, record_handler, processor, context)


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    event = sqs_event(bodies=["fresh", "looping"], receive_count=[1, 6], message_ids=["m1", "m2"])
    print(lambda_handler(event, lambda_context()))
    print("parked:", parked)
