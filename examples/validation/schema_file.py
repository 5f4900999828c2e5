from pathlib import Path
from typing import Any

from powerkit.validation import envelopes, validator

SCHEMA = Path(__file__).with_name("order_schema.json")


# The schema file is read and compiled here, once, when the module is imported.
@validator(inbound_schema=SCHEMA, envelope=envelopes.SQS)
def handler(orders: list[dict[str, Any]], context: Any) -> dict[str, Any]:
    total = sum(item["price"] for order in orders for item in order["items"])
    return {"orders": len(orders), "total": total}
