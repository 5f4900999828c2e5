from typing import Any

from powerkit.batch import BatchProcessor, EventType, process_partial_response
from powerkit.events import DynamoDBRecord, KinesisStreamRecord

kinesis_processor = BatchProcessor(event_type=EventType.KinesisDataStreams)
dynamodb_processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


def kinesis_record(record: KinesisStreamRecord) -> None:
    reading = record.kinesis.data_as_json()
    if reading["celsius"] < -273.15:
        raise ValueError("below absolute zero")


def dynamodb_record(record: DynamoDBRecord) -> None:
    if record.event_name == "INSERT":
        print("new item", record.dynamodb.new_image)


def kinesis_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    # Ordered: stops at the first failure and reports it and every later record.
    return process_partial_response(event, kinesis_record, kinesis_processor, context)


def dynamodb_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, dynamodb_record, dynamodb_processor, context)


if __name__ == "__main__":
    from powerkit.testing import dynamodb_stream_event, kinesis_event, lambda_context

    readings = kinesis_event([{"celsius": 21.5}, {"celsius": -300}, {"celsius": 19}])
    response = kinesis_handler(readings, lambda_context())
    numbers = [r["kinesis"]["sequenceNumber"] for r in readings["Records"]]
    print([numbers.index(item["itemIdentifier"]) for item in response["batchItemFailures"]])

    changes = dynamodb_stream_event([{"keys": {"id": "1"}, "new_image": {"id": "1", "qty": 2}}])
    print(dynamodb_handler(changes, lambda_context()))
