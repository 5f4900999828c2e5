"""A Firehose transformation: decode each record, answer Ok/Dropped with new data."""

import base64
import json
from typing import Any

from powerkit.events import KinesisFirehoseEvent, KinesisFirehoseResponse, event_source
from powerkit.testing import lambda_context


@event_source(data_class=KinesisFirehoseEvent)
def handler(event: KinesisFirehoseEvent, context: Any) -> dict[str, Any]:
    response = KinesisFirehoseResponse()
    for record in event.records:
        reading = record.data_as_json()
        if reading["celsius"] is None:
            response.add(record.record_id, "Dropped")
        else:
            fahrenheit = {"fahrenheit": reading["celsius"] * 9 / 5 + 32}
            response.add(record.record_id, "Ok", data=fahrenheit)
    return response.asdict()


if __name__ == "__main__":

    def firehose_record(record_id: str, payload: Any) -> dict[str, Any]:
        data = base64.b64encode(json.dumps(payload).encode()).decode()
        return {"recordId": record_id, "data": data, "approximateArrivalTimestamp": 1}

    raw_event = {
        "invocationId": "i-1",
        "deliveryStreamArn": "arn:aws:firehose:eu-west-1:123456789012:deliverystream/temps",
        "region": "eu-west-1",
        "records": [
            firehose_record("r1", {"celsius": 20}),
            firehose_record("r2", {"celsius": None}),
        ],
    }
    for item in handler(raw_event, lambda_context())["records"]:
        data = json.loads(base64.b64decode(item["data"])) if "data" in item else None
        print(item["recordId"], item["result"], data)
