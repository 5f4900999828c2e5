"""Shapes seen in real sample events from other AWS repositories (SDK and tool fixtures)."""

from __future__ import annotations

from typing import Any

from powerkit.parser import models


def _firehose(metadata: dict[str, Any]) -> dict[str, Any]:
    record = {"recordId": "r1", "data": "aGk=", "approximateArrivalTimestamp": 1}
    return {
        "invocationId": "i",
        "deliveryStreamArn": "arn:aws:firehose:us-east-1:1:deliverystream/d",
        "region": "us-east-1",
        "records": [{**record, "kinesisRecordMetadata": metadata}],
    }


def test_firehose_blank_subsequence_number_reads_none() -> None:
    """A Kinesis-sourced Firehose record with ``subsequenceNumber: ""`` parses, as None."""
    metadata = {
        "shardId": "shardId-0",
        "partitionKey": "k",
        "approximateArrivalTimestamp": "1507217624302",
        "sequenceNumber": "495",
        "subsequenceNumber": "",
    }
    parsed = models.KinesisFirehoseModel.model_validate(_firehose(metadata))
    meta = parsed.records[0].kinesisRecordMetadata
    assert meta is not None
    assert meta.subsequenceNumber is None
    assert parsed.records[0].data == b"hi"


def test_firehose_iso_arrival_timestamp_is_accepted() -> None:
    """The metadata's arrival time may be an ISO 8601 string (the AWS docs example)."""
    metadata = {
        "shardId": "shardId-0",
        "partitionKey": "k",
        "approximateArrivalTimestamp": "2012-04-23T18:25:43.511Z",
        "sequenceNumber": "495",
        "subsequenceNumber": 3,
    }
    meta = models.KinesisFirehoseModel.model_validate(_firehose(metadata)).records[0]
    assert meta.kinesisRecordMetadata is not None
    assert meta.kinesisRecordMetadata.approximateArrivalTimestamp == "2012-04-23T18:25:43.511Z"
    assert meta.kinesisRecordMetadata.subsequenceNumber == 3


def test_eventbridge_without_version_defaults_to_zero() -> None:
    """A scheduled event without ``version`` (SAM's generated sample) parses with version 0."""
    event = {
        "id": "cdc73f9d",
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": "123456789012",
        "time": "1970-01-01T00:00:00Z",
        "region": "us-east-1",
        "resources": [],
        "detail": {},
    }
    assert models.EventBridgeModel.model_validate(event).version == "0"


def test_custom_resource_without_service_token_parses() -> None:
    """A custom resource request without ServiceToken (AWS docs, SAM CLI) parses."""
    event = {
        "RequestType": "Create",
        "ResponseURL": "https://example.com/put",
        "StackId": "arn:aws:cloudformation:us-east-1:1:stack/s/guid",
        "RequestId": "r1",
        "ResourceType": "Custom::Test",
        "LogicalResourceId": "MyResource",
        "ResourceProperties": {"List": ["1"]},
    }
    parsed = models.CloudFormationCustomResourceModel.model_validate(event)
    assert parsed.ServiceToken is None
    assert parsed.ResourceProperties == {"List": ["1"]}


def test_kafka_header_as_base64_text_is_decoded() -> None:
    """A Kafka header value sent as base64 text (Java's serialiser) becomes its bytes."""
    record = {"topic": "t", "partition": 0, "offset": 7, "timestamp": 1}
    record |= {"timestampType": "CREATE_TIME", "value": "aGk="}
    record["headers"] = [{"a": "aGVhZGVyVmFsdWU="}, {"b": [104, 105]}]
    event = {"eventSource": "aws:kafka", "bootstrapServers": "b:9092", "records": {"t-0": [record]}}
    parsed = models.KafkaModel.model_validate(event)
    assert parsed.all_records[0].headers == [{"a": b"headerValue"}, {"b": b"hi"}]


def test_dynamodb_record_without_event_version_parses() -> None:
    """A DynamoDB Streams record without eventVersion (Java SDK fixture) parses."""
    change = {"Keys": {"Id": {"N": "101"}}, "SequenceNumber": "111", "SizeBytes": 26}
    change["StreamViewType"] = "KEYS_ONLY"
    record: dict[str, Any] = {"eventID": "1", "eventName": "INSERT", "eventSource": "aws:dynamodb"}
    record |= {"awsRegion": "us-west-2", "eventSourceARN": "arn:aws:dynamodb:x", "dynamodb": change}
    parsed = models.DynamoDBStreamModel.model_validate({"Records": [record]})
    assert parsed.Records[0].eventVersion is None
    assert parsed.Records[0].dynamodb.Keys == {"Id": 101}


def test_provider_framework_request_without_response_url_parses() -> None:
    """A CDK provider-framework onEvent request (no ResponseURL) parses with it None."""
    event = {
        "RequestType": "Update",
        "RequestId": "r1",
        "StackId": "arn:aws:cloudformation:us-east-1:1:stack/s/guid",
        "ResourceType": "Custom::Test",
        "LogicalResourceId": "MyResource",
        "PhysicalResourceId": "p1",
        "OldResourceProperties": {"Key1": "old"},
    }
    parsed = models.CloudFormationCustomResourceModel.model_validate(event)
    assert parsed.ResponseURL is None
    assert parsed.OldResourceProperties == {"Key1": "old"}


def test_kinesis_record_without_arrival_timestamp_parses() -> None:
    """A Kinesis record without approximateArrivalTimestamp (older AWS docs sample) parses."""
    payload = {"kinesisSchemaVersion": "1.0", "partitionKey": "p", "sequenceNumber": "4954"}
    payload["data"] = "aGk="
    record: dict[str, Any] = {"eventSource": "aws:kinesis", "eventID": "shardId-0:4954"}
    record["eventVersion"] = "1.0"
    record |= {"eventName": "aws:kinesis:record", "awsRegion": "us-east-1"}
    record |= {"eventSourceARN": "arn:aws:kinesis:us-east-1:1:stream/s", "kinesis": payload}
    parsed = models.KinesisDataStreamModel.model_validate({"Records": [record]})
    assert parsed.Records[0].kinesis.approximateArrivalTimestamp is None
    assert parsed.Records[0].kinesis.data == b"hi"
