from typing import Any

from powerkit.batch import SqsFifoPartialProcessor, process_partial_response
from powerkit.events import SQSRecord

# Default: stop at the first failure and report it and everything after it.
# skip_group_on_error=True: only later messages of the failed MessageGroupId are skipped.
processor = SqsFifoPartialProcessor(skip_group_on_error=True)


def record_handler(record: SQSRecord) -> None:
    print("processing", record.body, "in group", record.attributes.message_group_id)
    if record.body == "bad":
        raise ValueError("cannot process")


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, record_handler, processor, context)


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    event = sqs_event(
        bodies=["a1", "bad", "b1", "a2"],
        group_ids=["a", "a", "b", "a"],
        message_ids=["m1", "m2", "m3", "m4"],
        fifo=True,
    )
    print(lambda_handler(event, lambda_context()))
