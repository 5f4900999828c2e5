from typing import Any

from powerkit.validation import envelopes, validator

ORDER_SCHEMA = {
    "type": "object",
    "properties": {
        "order_id": {"type": "string", "pattern": "^ord-[0-9]+$"},
        "quantity": {"type": "integer", "minimum": 1},
        "gift_wrap": {"type": "boolean", "default": False},
    },
    "required": ["order_id", "quantity"],
}

RESPONSE_SCHEMA = {
    "type": "object",
    "properties": {"statusCode": {"type": "integer"}, "body": {"type": "string"}},
    "required": ["statusCode", "body"],
}


@validator(
    inbound_schema=ORDER_SCHEMA,
    outbound_schema=RESPONSE_SCHEMA,
    envelope=envelopes.API_GATEWAY_REST,
)
def handler(order: dict[str, Any], context: Any) -> dict[str, Any]:
    # `order` is the JSON body, validated, with defaults filled in
    wrap = " (gift wrapped)" if order["gift_wrap"] else ""
    return {"statusCode": 201, "body": f"{order['quantity']} x {order['order_id']}{wrap}"}
