"""Shapes seen in real sample events from other AWS repositories (SDK and tool fixtures)."""

from __future__ import annotations

import pytest

from powerkit.events import (
    APIGatewayAuthorizerRequestEvent,
    CloudFormationCustomResourceEvent,
    DynamoDBStreamEvent,
    EventBridgeEvent,
    EventDecodeError,
    EventFieldError,
    KafkaEvent,
    LambdaFunctionUrlEvent,
    SQSEvent,
)


def test_function_url_without_route_key_reads_default_route() -> None:
    """A Function URL event without routeKey reads ``$default``, its only possible route."""
    event = LambdaFunctionUrlEvent({"version": "2.0", "rawPath": "/my/path"})
    assert event.route_key == "$default"
    assert LambdaFunctionUrlEvent({"routeKey": "$default"}).route_key == "$default"


def test_scheduled_event_without_version_reads_zero() -> None:
    """An EventBridge envelope without ``version`` (SAM's generated sample) reads ``0``."""
    event = EventBridgeEvent({"id": "1", "detail-type": "Scheduled Event", "detail": {}})
    assert event.version == "0"
    assert EventBridgeEvent({"version": "1"}).version == "1"


def test_custom_resource_without_service_token_reads_none() -> None:
    """A custom resource request without ServiceToken (the AWS docs example) reads None."""
    event = CloudFormationCustomResourceEvent(
        {"RequestType": "Create", "RequestId": "r1", "ResponseURL": "https://example.com/put"}
    )
    assert event.service_token is None
    assert event.request_type == "Create"


def test_provider_framework_request_without_response_url_reads_none() -> None:
    """A CDK provider-framework request (no ResponseURL, no ServiceToken) reads None for both."""
    event = CloudFormationCustomResourceEvent(
        {"RequestType": "Update", "RequestId": "r1", "PhysicalResourceId": "p1"}
    )
    assert event.response_url is None
    assert event.service_token is None
    assert event.physical_resource_id == "p1"


def _kafka(headers: list[dict[str, object]]) -> KafkaEvent:
    record = {"topic": "t", "partition": 0, "offset": 7, "timestamp": 1}
    record |= {"timestampType": "CREATE_TIME", "value": "aGk=", "headers": headers}
    return KafkaEvent({"eventSource": "aws:kafka", "records": {"t-0": [record]}})


def test_kafka_header_as_base64_text_is_decoded() -> None:
    """A header value sent as base64 text (Java's serialiser) decodes like a byte list."""
    record = _kafka([{"a": "aGVhZGVyVmFsdWU="}, {"b": [104, 105]}]).records[0]
    assert record.decoded_headers == {"a": b"headerValue", "b": b"hi"}
    assert record.get_header_value("A", case_sensitive=False) == b"headerValue"


def test_kafka_header_bad_base64_text_names_the_header() -> None:
    """A header value that is text but not base64 is a decode error naming its path."""
    with pytest.raises(EventDecodeError, match=r"headers\[0\]\.a"):
        _ = _kafka([{"a": "!!not base64"}]).records[0].decoded_headers


def test_dynamodb_record_without_event_version_reads_none() -> None:
    """A DynamoDB Streams record without eventVersion (Java SDK fixture) reads None."""
    change = {"Keys": {"Id": {"N": "101"}}, "SequenceNumber": "111", "SizeBytes": 26}
    record = {"eventID": "1", "eventName": "INSERT", "dynamodb": change}
    event = DynamoDBStreamEvent({"Records": [record]})
    assert event.records[0].event_version is None
    assert event.records[0].event_name == "INSERT"


def test_websocket_connect_authorizer_reads_account_from_method_arn() -> None:
    """A WebSocket $connect authorizer context has no accountId: the method ARN's is read."""
    arn = "arn:aws:execute-api:us-east-1:123456789012:abc123/production/$connect"
    context = {"connectionId": "c1", "eventType": "CONNECT", "apiId": "abc123"}
    event = APIGatewayAuthorizerRequestEvent({"methodArn": arn, "requestContext": context})
    assert event.request_context.account_id == "123456789012"
    rest = APIGatewayAuthorizerRequestEvent(
        {"methodArn": arn, "requestContext": {"accountId": "9"}}
    )
    assert rest.request_context.account_id == "9"


def test_authorizer_account_missing_everywhere_is_a_field_error() -> None:
    """Without accountId nor a usable methodArn the error names the public class and path."""
    event = APIGatewayAuthorizerRequestEvent({"requestContext": {}})
    with pytest.raises(
        EventFieldError, match=r"requestContext\.accountId.*APIGatewayRequestContext"
    ):
        _ = event.request_context.account_id


def test_required_object_sent_as_null_is_a_field_error() -> None:
    """A required nested object sent as null raises EventFieldError naming it, not AttributeError."""
    event = LambdaFunctionUrlEvent({"rawPath": "/", "requestContext": None})
    with pytest.raises(EventFieldError, match="requestContext"):
        _ = event.request_context.request_id


def test_required_list_sent_as_null_is_a_field_error() -> None:
    """A record list sent as null raises EventFieldError naming it, not TypeError."""
    with pytest.raises(EventFieldError, match="Records"):
        _ = SQSEvent({"Records": None}).records
