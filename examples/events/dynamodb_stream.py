"""DynamoDB Streams images arrive typed ({"N": "2"}); read them as Python values."""

from powerkit.events import DynamoDBStreamEvent

raw_event = {
    "Records": [
        {
            "eventID": "1",
            "eventName": "MODIFY",
            "dynamodb": {
                "Keys": {"id": {"S": "order-1"}},
                "OldImage": {"id": {"S": "order-1"}, "qty": {"N": "1"}},
                "NewImage": {
                    "id": {"S": "order-1"},
                    "qty": {"N": "2"},
                    "price": {"N": "9.99"},
                    "tags": {"SS": ["gift"]},
                    "shipped": {"BOOL": False},
                },
                "SequenceNumber": "111",
            },
        }
    ]
}

event = DynamoDBStreamEvent(raw_event)
for record in event.records:
    change = record.dynamodb
    print(record.event_name, change.keys)
    print("before:", change.old_image)
    print("after:", change.new_image)  # numbers are Decimal: exact, like boto3
