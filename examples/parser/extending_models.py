from typing import Any, Literal

from pydantic import BaseModel

from powerkit.parser import event_parser
from powerkit.parser.models import EventBridgeModel


class OrderPlaced(BaseModel):
    order_id: str
    total: float


class OrderPlacedEvent(EventBridgeModel):
    detail_type: Literal["OrderPlaced"]  # aliased to "detail-type"
    detail: OrderPlaced


@event_parser
def handler(event: OrderPlacedEvent, context: Any) -> str:
    return f"{event.source}: order {event.detail.order_id} for {event.detail.total:.2f}"
