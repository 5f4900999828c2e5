"""A missing required field names its path and the source; optional fields are None."""

from powerkit.events import EventDecodeError, EventFieldError, SQSEvent

event = SQSEvent({"Records": [{"messageId": "m-1", "body": "not json"}]})
record = event.records[0]

print(record.attributes if "attributes" in record else "no attributes")
print(record.md5_of_message_attributes)  # optional: None

try:
    handle = record.receipt_handle
except EventFieldError as error:  # also a KeyError
    print(error.path, "|", error.source)

try:
    order = record.json_body
except EventDecodeError as error:  # also a ValueError
    print(error.path)
