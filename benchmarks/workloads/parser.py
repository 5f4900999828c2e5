"""Parser: ``parse()`` of a 10-message SQS event into a user model through the SQS envelope,
and import time of the parser package.
"""

from __future__ import annotations

import json

from benchmarks.harness import Workload, import_time, per_call

EVENT = {
    "Records": [
        {
            "messageId": f"059f36b4-87a3-44ab-83d2-66197{i:07d}",
            "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...",
            "body": json.dumps({"id": i, "sku": f"SKU-{i}", "qty": i % 5 + 1, "price": 9.99}),
            "attributes": {
                "ApproximateReceiveCount": "1",
                "SentTimestamp": "1545082649183",
                "SenderId": "AIDAIENQZJOLO23YVJ4VO",
                "ApproximateFirstReceiveTimestamp": "1545082649185",
            },
            "messageAttributes": {},
            "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
            "eventSource": "aws:sqs",
            "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue",
            "awsRegion": "us-east-2",
        }
        for i in range(10)
    ]
}

_SETUP = f"""
import json
from pydantic import BaseModel
{{imports}}

class Order(BaseModel):
    id: int
    sku: str
    qty: int
    price: float

event = json.loads({json.dumps(json.dumps(EVENT))})
assert len(parse(event=event, model=Order, envelope=envelopes.SqsEnvelope)) == 10
"""

WORKLOADS: list[Workload] = [
    Workload(
        name="parser.parse_sqs_10",
        powerkit=per_call(
            _SETUP.replace("{imports}", "from powerkit.parser import envelopes, parse"),
            "parse(event=event, model=Order, envelope=envelopes.SqsEnvelope)",
            number=2_000,
        ),
        peer=per_call(
            _SETUP.replace(
                "{imports}", "from aws_lambda_powertools.utilities.parser import envelopes, parse"
            ),
            "parse(event=event, model=Order, envelope=envelopes.SqsEnvelope)",
            number=2_000,
        ),
        unit="us",
        target=1.0,
    ),
    Workload(
        name="parser.import",
        powerkit=import_time("powerkit.parser"),
        peer=import_time("aws_lambda_powertools.utilities.parser"),
        unit="ms",
        target=0.5,
    ),
]
