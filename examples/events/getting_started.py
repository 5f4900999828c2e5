"""Hand the handler a typed SQS event instead of the raw dict."""

from typing import Any

from powerkit.events import SQSEvent, event_source
from powerkit.testing import lambda_context


@event_source(data_class=SQSEvent)
def handler(event: SQSEvent, context: Any) -> list[str]:
    results = []
    for record in event.records:
        order = record.json_body  # parsed once, cached on the record
        attempt = record.attributes.approximate_receive_count  # an int
        results.append(f"{record.message_id}: {order['item']} (attempt {attempt})")
    return results


if __name__ == "__main__":
    raw_event = {
        "Records": [
            {
                "messageId": "m-1",
                "body": '{"item": "book"}',
                "attributes": {"ApproximateReceiveCount": "1"},
            },
            {
                "messageId": "m-2",
                "body": '{"item": "lamp"}',
                "attributes": {"ApproximateReceiveCount": "3"},
            },
        ]
    }
    for line in handler(raw_event, lambda_context()):
        print(line)
