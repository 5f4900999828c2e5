from typing import Any

from pydantic import BaseModel, Field

from powerkit.parser import envelopes, event_parser


class Order(BaseModel):
    order_id: str
    quantity: int = Field(gt=0)
    gift_wrap: bool = False


# The model comes from the type hint: each SQS message body becomes an Order.
@event_parser(envelope=envelopes.SqsEnvelope)
def handler(orders: list[Order], context: Any) -> dict[str, Any]:
    return {"accepted": [order.order_id for order in orders]}
