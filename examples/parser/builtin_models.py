from typing import Any

from powerkit.parser import event_parser
from powerkit.parser.models import S3Model


@event_parser
def handler(event: S3Model, context: Any) -> list[str]:
    # the whole S3 notification, typed: eventTime is a datetime, size an int
    return [
        f"{record.s3.bucket.name}/{record.s3.object.key} ({record.s3.object.size} bytes)"
        for record in event.Records
    ]
