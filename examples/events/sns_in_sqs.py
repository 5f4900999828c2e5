"""SNS delivered to SQS (without raw delivery): the body is the SNS notification."""

import json

from powerkit.events import SQSEvent

notification = {
    "Type": "Notification",
    "MessageId": "sns-1",
    "TopicArn": "arn:aws:sns:eu-west-1:123456789012:orders",
    "Message": json.dumps({"order": 7}),
    "Timestamp": "2024-01-01T00:00:00.000Z",
}
event = SQSEvent({"Records": [{"messageId": "sqs-1", "body": json.dumps(notification)}]})

for record in event.records:
    message = record.sns_message  # an SNSMessage view over the parsed body
    print(record.message_id, message.message_id, message.topic_arn)
    print(message.json_message)
