"""S3 sends object keys URL-encoded; `key` decodes them, `raw_key` keeps them as sent."""

from powerkit.events import S3Event
from powerkit.testing import s3_event

event = S3Event(s3_event(bucket="photos", keys=["summer holiday/day 1.jpg"]))
for record in event.records:
    print(record.event_name, record.s3.bucket.name)
    print("raw_key:", record.s3.object.raw_key)
    print("key:", record.s3.object.key)
