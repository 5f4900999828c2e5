from typing import Any

from pydantic import BaseModel, PositiveInt

from powerkit.batch import BatchProcessor, process_partial_response


class Order(BaseModel):
    order_id: str
    quantity: PositiveInt


# Each SQS body is validated into an Order; a body that is not valid JSON or does not fit
# the model fails alone and is reported, the handler never sees it.
processor = BatchProcessor(model=Order)


def record_handler(order: Order) -> None:
    print("shipping", order.quantity, "x", order.order_id)


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, record_handler, processor, context)


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    event = sqs_event(
        bodies=[{"order_id": "o-1", "quantity": 2}, {"order_id": "o-2", "quantity": -1}, "oops"],
        message_ids=["m1", "m2", "m3"],
    )
    print(lambda_handler(event, lambda_context()))
