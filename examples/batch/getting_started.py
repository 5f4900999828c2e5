from typing import Any

from powerkit.batch import BatchProcessor, EventType, process_partial_response
from powerkit.events import SQSRecord
from powerkit.logging import Logger

logger = Logger(service="orders")
processor = BatchProcessor(event_type=EventType.SQS)  # one per module, reused by every batch


def record_handler(record: SQSRecord) -> None:
    order = record.json_body
    logger.info("charging", order_id=order["order_id"])  # the line carries record_id
    if order["amount"] <= 0:
        raise ValueError(f"order {order['order_id']} has no amount")


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, record_handler, processor, context)


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    event = sqs_event(
        bodies=[{"order_id": 1, "amount": 10}, {"order_id": 2, "amount": 0}],
        message_ids=["msg-1", "msg-2"],
    )
    print(lambda_handler(event, lambda_context()))
