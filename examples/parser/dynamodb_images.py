from typing import Any

from pydantic import BaseModel

from powerkit.parser import envelopes, event_parser


class Product(BaseModel):
    id: int
    name: str


@event_parser(model=Product, envelope=envelopes.DynamoDBStreamEnvelope)
def handler(changes: list[dict[str, Product | None]], context: Any) -> list[str]:
    # typed attributes ({"N": "1"}) are converted before the model sees them
    return [
        f"{change['OldImage'] and change['OldImage'].name} -> {change['NewImage'] and change['NewImage'].name}"
        for change in changes
    ]
