"""Stream events: Kinesis Data Streams, Kinesis Firehose, DynamoDB Streams and Kafka."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from powerkit.parser.models._base import Base64Bytes, ByteList, DynamoDBImage, EventModel


def _blank_to_none(value: Any) -> Any:
    return None if value == "" else value


class TumblingWindow(EventModel):
    """``window`` of a tumbling-window invocation."""

    start: str
    end: str


class KinesisDataStreamRecordPayload(EventModel):
    """``kinesis`` part of a record; ``data`` is decoded from base64."""

    kinesisSchemaVersion: str
    partitionKey: str
    sequenceNumber: str
    data: Base64Bytes
    # Epoch seconds; absent from the older AWS docs sample (kept by the Java SDK's fixtures).
    approximateArrivalTimestamp: float | None = None


class KinesisDataStreamRecord(EventModel):
    """One Kinesis Data Streams record."""

    eventSource: str
    eventVersion: str
    eventID: str
    eventName: str
    awsRegion: str
    eventSourceARN: str
    kinesis: KinesisDataStreamRecordPayload
    invokeIdentityArn: str | None = None


class KinesisDataStreamModel(EventModel):
    """Kinesis Data Streams event (with tumbling-window fields when configured)."""

    Records: list[KinesisDataStreamRecord]
    window: TumblingWindow | None = None
    state: dict[str, Any] | None = None
    shardId: str | None = None
    isFinalInvokeForWindow: bool | None = None
    isWindowTerminatedEarly: bool | None = None


class KinesisFirehoseRecordMetadata(EventModel):
    """Source metadata of a Firehose record read from a Kinesis stream."""

    shardId: str
    partitionKey: str
    # Epoch ms in some deliveries, an ISO 8601 string in others (the AWS docs example).
    approximateArrivalTimestamp: int | str
    sequenceNumber: str
    # An empty string when the record was not aggregated: read as None.
    subsequenceNumber: Annotated[int | None, BeforeValidator(_blank_to_none)] = None


class KinesisFirehoseRecord(EventModel):
    """One Firehose record; ``data`` is decoded from base64."""

    recordId: str
    data: Base64Bytes
    approximateArrivalTimestamp: int
    kinesisRecordMetadata: KinesisFirehoseRecordMetadata | None = None


class KinesisFirehoseModel(EventModel):
    """Kinesis Data Firehose transformation event."""

    invocationId: str
    deliveryStreamArn: str
    region: str
    records: list[KinesisFirehoseRecord]
    sourceKinesisStreamArn: str | None = None


class DynamoDBStreamChange(EventModel):
    """``dynamodb`` part of a record; images are plain dicts (``{"id": 1}``)."""

    Keys: DynamoDBImage
    SequenceNumber: str
    SizeBytes: int
    StreamViewType: str
    NewImage: DynamoDBImage | None = None
    OldImage: DynamoDBImage | None = None
    ApproximateCreationDateTime: float | None = None


class DynamoDBStreamRecord(EventModel):
    """One DynamoDB Streams record."""

    eventID: str
    eventName: str
    eventSource: str
    awsRegion: str
    eventSourceARN: str
    dynamodb: DynamoDBStreamChange
    # Missing from some SDK fixtures (aws-lambda-java-libs); nothing depends on it.
    eventVersion: str | None = None
    userIdentity: dict[str, Any] | None = None


class DynamoDBStreamModel(EventModel):
    """DynamoDB Streams event (with tumbling-window fields when configured)."""

    Records: list[DynamoDBStreamRecord]
    window: TumblingWindow | None = None
    state: dict[str, Any] | None = None
    shardId: str | None = None
    isFinalInvokeForWindow: bool | None = None
    isWindowTerminatedEarly: bool | None = None


class KafkaRecord(EventModel):
    """One Kafka record; ``key`` and ``value`` are decoded from base64, headers to bytes."""

    topic: str
    partition: int
    offset: int
    timestamp: int
    timestampType: str
    value: Base64Bytes
    key: Base64Bytes | None = None
    headers: list[dict[str, ByteList]] = Field(default_factory=list)


class KafkaModel(EventModel):
    """Kafka event, from Amazon MSK or a self-managed cluster (records by topic-partition)."""

    eventSource: str
    bootstrapServers: str
    records: dict[str, list[KafkaRecord]]
    eventSourceArn: str | None = None

    @property
    def all_records(self) -> list[KafkaRecord]:
        """Every record of every topic-partition, in event order."""
        return [record for batch in self.records.values() for record in batch]
