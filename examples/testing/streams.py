"""Stream events: Kinesis payloads are base64-encoded, DynamoDB images typed for you."""

import base64
from decimal import Decimal

from powerkit.testing import dynamodb_stream_event, kinesis_event

kinesis = kinesis_event([{"order_id": "a"}, b"\x00raw bytes"], partition_key="orders")
first = kinesis["Records"][0]["kinesis"]
print(base64.b64decode(first["data"]))  # b'{"order_id":"a"}'

dynamodb = dynamodb_stream_event(
    [
        {
            "event_name": "MODIFY",
            "keys": {"pk": "order#1"},
            "old_image": {"pk": "order#1", "total": Decimal("9.99"), "tags": {"new"}},
            "new_image": {"pk": "order#1", "total": Decimal("12.50"), "tags": {"paid"}},
        }
    ]
)
print(dynamodb["Records"][0]["dynamodb"]["NewImage"])
# {'pk': {'S': 'order#1'}, 'total': {'N': '12.50'}, 'tags': {'SS': ['paid']}}
