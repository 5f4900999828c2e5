"""Every builder's output has the keys and JSON value types of real sample events.

Each case names the closest real samples (both folders where one exists) and lists, as
``free``/``optional``/``nullable``/``opaque`` paths, the deliberate differences:

- ``free``: maps whose key names are data (headers, attributes, query strings, details).
- ``optional``: keys AWS sends only sometimes — ``md5OfMessageAttributes`` (only with
  attributes), ``versionId`` (versioned buckets), ``clientCert`` (mutual TLS only),
  ``authentication``/``authorizer`` (only with an authoriser), ``replay-name`` (replays only),
  the legacy ``version: "1.0"`` key of the Powertools REST sample, ``isBase64Encoded`` (absent
  from the aws-lambda-go REST sample), the ``stringListValues``/``binaryListValues`` arrays
  (the Powertools SQS sample omits them, real events carry them), API keys on REST identities.
- ``nullable``: fields some samples fill and others leave ``null`` (REST identity fields,
  ``resourceId``).
- ``opaque``: DynamoDB item images (their attributes differ per item; their typed values are
  checked against the samples' in ``test_dynamodb.py``).
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from powerkit import testing as kit
from tests.support.events import assert_same_shape, load_sample

SQS_ATTRIBUTE_EXTRAS = (
    "Records[].md5OfMessageAttributes",
    "Records[].messageAttributes.*.stringValue",
    "Records[].messageAttributes.*.binaryValue",
    "Records[].messageAttributes.*.stringListValues",
    "Records[].messageAttributes.*.binaryListValues",
)
SQS_FREE = ("Records[].messageAttributes",)
REST_FREE = (
    "headers",
    "multiValueHeaders",
    "queryStringParameters",
    "multiValueQueryStringParameters",
    "pathParameters",
    "stageVariables",
)
REST_OPTIONAL = (
    "version",
    "isBase64Encoded",
    "requestContext.authorizer",
    "requestContext.identity.clientCert",
    "requestContext.identity.apiKey",
    "requestContext.identity.apiKeyId",
)
REST_NULLABLE = ("requestContext.identity.*", "requestContext.resourceId")
V2_FREE = ("headers", "queryStringParameters", "pathParameters", "stageVariables")
V2_OPTIONAL = ("requestContext.authentication",)


@dataclass(frozen=True)
class Case:
    """A builder call and the real samples its output must match in shape."""

    build: Callable[[], Any]
    samples: tuple[str, ...]
    free: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    nullable: tuple[str, ...] = ()
    opaque: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


CASES: dict[str, Case] = {
    "sqs": Case(
        lambda: kit.sqs_event(
            ["Test message.", {"message": "foo1"}],
            message_attributes=[{"testAttr": 100}, {}],
        ),
        ("powertools/sqsEvent.json", "aws-lambda-go/sqs-event.json"),
        free=SQS_FREE,
        optional=SQS_ATTRIBUTE_EXTRAS,
    ),
    "sqs-fifo": Case(
        lambda: kit.sqs_event(["a", "b"], fifo=True, group_ids=["g1", "g2"]),
        ("powertools/snsSqsFifoEvent.json",),
        free=SQS_FREE,
    ),
    "sqs-s3-body": Case(
        lambda: kit.sqs_event([kit.s3_event(["test.pdf"], version_ids=["v1"])]),
        ("powertools/s3SqsEvent.json",),
        free=SQS_FREE,
    ),
    "sns": Case(
        lambda: kit.sns_event(
            ["Hello from SNS!"],
            subject="TestInvoke",
            message_attributes={"Test": "TestString", "TestBinary": b"\x00\x01"},
        ),
        ("powertools/snsEvent.json", "aws-lambda-go/sns-event.json"),
        free=("Records[].Sns.MessageAttributes",),
    ),
    "sns-sqs": Case(
        lambda: kit.sns_sqs_event(['{"message": "hello world"}']),
        ("powertools/snsSqsEvent.json",),
        free=SQS_FREE,
    ),
    "sns-sqs-raw": Case(
        lambda: kit.sns_sqs_event(["hello"], raw=True, message_attributes={"testAttr": 100}),
        ("powertools/sqsEvent.json",),
        free=SQS_FREE,
        optional=SQS_ATTRIBUTE_EXTRAS,
    ),
    "sns-sqs-fifo": Case(
        lambda: kit.sns_sqs_event(['{"message": "hello world"}'], fifo=True),
        ("powertools/snsSqsFifoEvent.json",),
        free=SQS_FREE,
    ),
    "s3": Case(
        lambda: kit.s3_event(["my photo.jpg"], size=1305107),
        ("powertools/s3Event.json",),
    ),
    "s3-versioned": Case(
        lambda: kit.s3_event(["Happy Face.jpg"], version_ids=["version"]),
        ("aws-lambda-go/s3-event.json",),
    ),
    "s3-delete": Case(
        lambda: kit.s3_event(["a.txt"], event_name="ObjectRemoved:Delete"),
        ("powertools/s3EventDeleteObject.json",),
    ),
    "s3-eventbridge-created": Case(
        lambda: kit.s3_eventbridge_event("IMG 1.jpg", size=184662),
        ("powertools/s3EventBridgeNotificationObjectCreatedEvent.json",),
    ),
    "s3-eventbridge-deleted": Case(
        lambda: kit.s3_eventbridge_event("IMG.jpg", event_name="ObjectRemoved:DeleteMarkerCreated"),
        ("powertools/s3EventBridgeNotificationObjectDeletedEvent.json",),
    ),
    "s3-eventbridge-expired": Case(
        lambda: kit.s3_eventbridge_event("IMG.jpg", event_name="LifecycleExpiration:Delete"),
        ("powertools/s3EventBridgeNotificationObjectExpiredEvent.json",),
    ),
    "s3-eventbridge-restored": Case(
        lambda: kit.s3_eventbridge_event("IMG.jpg", event_name="ObjectRestore:Completed"),
        ("powertools/s3EventBridgeNotificationObjectRestoreCompletedEvent.json",),
    ),
    "eventbridge": Case(
        lambda: kit.eventbridge_event(
            {"instance_id": "i-1234567890abcdef0", "state": "terminated"},
            detail_type="EC2 Instance State-change Notification",
            source="aws.ec2",
            resources=["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
        ),
        ("powertools/eventBridgeEvent.json",),
        free=("detail",),
        optional=("replay-name",),
    ),
    "apigw-rest": Case(
        lambda: kit.apigw_rest_event(
            "GET",
            "/my/path",
            body="Hello from Lambda!",
            headers={"Header1": "value1", "Header2": ["value1", "value2"]},
            query={"parameter1": ["value1", "value2"], "parameter2": "value"},
        ),
        ("powertools/apiGatewayProxyEvent.json",),
        free=REST_FREE,
        optional=REST_OPTIONAL,
        nullable=REST_NULLABLE,
    ),
    "apigw-rest-proxy": Case(
        lambda: kit.apigw_rest_event(
            "POST",
            "/hello/world",
            body={"a": 1},
            query={"name": "me"},
            resource="/{proxy+}",
            path_parameters={"proxy": "hello/world"},
            stage_variables={"stageVariableName": "stageVariableValue"},
            authorizer={"principalId": "admin", "clientId": 1, "clientName": "Exata"},
        ),
        ("aws-lambda-go/apigw-request.json",),
        free=REST_FREE,
        optional=(*REST_OPTIONAL, "requestContext.identity.principalOrgId"),
        nullable=REST_NULLABLE,
        opaque=("requestContext.authorizer",),  # context values of any JSON type
    ),
    "apigw-http": Case(
        lambda: kit.apigw_http_event(
            "POST",
            "/my/path",
            body={"message": "hello world"},
            query={"parameter1": ["value1", "value2"], "parameter2": "value"},
            cookies=["cookie1", "cookie2"],
            path_parameters={"parameter1": "value1"},
            stage_variables={"stageVariable1": "value1"},
            authorizer={"jwt": {"claims": {"claim1": "value1"}, "scopes": ["scope1"]}},
        ),
        ("powertools/apiGatewayProxyV2Event.json",),
        free=(*V2_FREE, "requestContext.authorizer.jwt.claims"),
        optional=V2_OPTIONAL,
    ),
    "apigw-http-bare": Case(
        lambda: kit.apigw_http_event(),
        ("aws-lambda-go/apigw-v2-request-no-authorizer.json",),
        free=V2_FREE,
        optional=V2_OPTIONAL,
    ),
    "alb": Case(
        lambda: kit.alb_event("GET", "/lambda", body="Test", query={"query": "1234ABCD"}),
        ("powertools/albEvent.json", "aws-lambda-go/alb-lambda-target-request-headers-only.json"),
        free=("headers", "queryStringParameters"),
    ),
    "alb-multi-value": Case(
        lambda: kit.alb_event("GET", "/todos", query={"key": ["a", "b"]}, multi_value=True),
        (
            "powertools/albMultiValueHeadersEvent.json",
            "powertools/albMultiValueQueryStringEvent.json",
            "aws-lambda-go/alb-lambda-target-request-multivalue-headers.json",
        ),
        free=("multiValueHeaders", "multiValueQueryStringParameters"),
    ),
    "function-url": Case(
        lambda: kit.function_url_event(),
        ("powertools/lambdaFunctionUrlEvent.json",),
        free=("headers",),
    ),
    "function-url-query": Case(
        lambda: kit.function_url_event(query={"parameter1": ["value1", "value2"]}),
        ("powertools/lambdaFunctionUrlEventWithHeaders.json",),
        free=("headers", "queryStringParameters"),
    ),
    "function-url-iam": Case(
        lambda: kit.function_url_event(
            "POST",
            "/my/path",
            body="Hello from client!",
            query={"parameter1": ["value1", "value2"]},
            cookies=["cookie1", "cookie2"],
            auth_type="AWS_IAM",
        ),
        ("powertools/lambdaFunctionUrlIAMEvent.json", "aws-lambda-go/lambda-urls-request.json"),
        free=("headers", "queryStringParameters"),
        # The aws-lambda-go sample leaves out routeKey/stage and two null IAM fields; the
        # Powertools one (copied from the AWS docs) has null pathParameters, stageVariables and
        # authentication, which captured Function URL events (lambdaFunctionUrlEvent.json) omit.
        optional=(
            "pathParameters",
            "stageVariables",
            "requestContext.authentication",
            "routeKey",
            "requestContext.routeKey",
            "requestContext.stage",
            "requestContext.authorizer.iam.cognitoIdentity",
            "requestContext.authorizer.iam.principalOrgId",
        ),
    ),
    "kinesis": Case(
        lambda: kit.kinesis_event([b"Hello, this is a test.", "This is only a test."]),
        ("powertools/kinesisStreamEvent.json", "aws-lambda-go/kinesis-event.json"),
    ),
    "dynamodb": Case(
        lambda: kit.dynamodb_stream_event(
            [
                {"event_name": "INSERT", "keys": {"Id": 101}, "new_image": {"Id": 101}},
                {"event_name": "MODIFY", "keys": {"Id": 101}, "new_image": {}, "old_image": {}},
            ]
        ),
        ("powertools/dynamoStreamEvent.json",),
        optional=("Records[].dynamodb.OldImage",),
        opaque=("Records[].dynamodb.Keys", "Records[].dynamodb.*Image"),
    ),
    "dynamodb-ttl": Case(
        lambda: kit.dynamodb_stream_event(
            [{"event_name": "REMOVE", "keys": {"k": "v"}, "old_image": {"k": "v"}, "ttl": True}],
            stream_view_type="NEW_AND_OLD_IMAGES",
        ),
        ("aws-lambda-go/dynamodb-event.json",),
        optional=("Records[].dynamodb.NewImage", "Records[].dynamodb.OldImage"),
        opaque=("Records[].dynamodb.Keys", "Records[].dynamodb.*Image"),
    ),
    "cloudwatch-logs": Case(
        lambda: kit.cloudwatch_logs_event(["[ERROR] First", "[ERROR] Second"]),
        ("powertools/cloudWatchLogEvent.json", "aws-lambda-go/cloudwatch-logs-event.json"),
    ),
}

PAIRS = [(name, sample) for name, case in CASES.items() for sample in case.samples]


@pytest.mark.parametrize(("case_name", "sample"), PAIRS, ids=[f"{c}:{s}" for c, s in PAIRS])
def test_builder_matches_sample_shape(case_name: str, sample: str) -> None:
    """The built event has the same keys, recursively, and value types as the real sample."""
    case = CASES[case_name]
    built = json.loads(json.dumps(case.build()))  # JSON round trip: only JSON types survive
    assert_same_shape(
        built,
        load_sample(sample),
        free=case.free,
        optional=case.optional,
        nullable=case.nullable,
        opaque=case.opaque,
    )


def _sqs_body(event: dict[str, Any]) -> Any:
    return json.loads(event["Records"][0]["body"])


@pytest.mark.parametrize(
    ("build", "sample", "optional"),
    [
        (lambda: kit.sns_sqs_event(['{"a": 1}']), "powertools/snsSqsEvent.json", ()),
        (
            lambda: kit.sns_sqs_event(['{"a": 1}'], subject="Hi", message_attributes={"k": "v"}),
            "powertools/snsSqsEvent.json",
            ("Subject", "MessageAttributes"),
        ),
        (lambda: kit.sns_sqs_event(["x"], fifo=True), "powertools/snsSqsFifoEvent.json", ()),
        (
            lambda: kit.sqs_event([kit.s3_event(["test.pdf"], version_ids=["v1"])]),
            "powertools/s3SqsEvent.json",
            (),
        ),
    ],
    ids=["sns-envelope", "sns-envelope-subject-attributes", "sns-fifo-envelope", "s3-in-sqs"],
)
def test_nested_body_matches_sample_body_shape(
    build: Callable[[], Any], sample: str, optional: tuple[str, ...]
) -> None:
    """The JSON inside an SQS body (SNS envelope, S3 event) has the sample body's shape."""
    assert_same_shape(
        _sqs_body(build()),
        _sqs_body(load_sample(sample)),
        optional=optional,
        free=("MessageAttributes",),
    )


def _logs_payload(event: dict[str, Any]) -> Any:
    return json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))


def test_cloudwatch_logs_payload_matches_sample_payload_shape() -> None:
    """The decompressed ``awslogs.data`` document has the sample document's shape."""
    built = _logs_payload(kit.cloudwatch_logs_event(["one", "two"]))
    assert_same_shape(built, _logs_payload(load_sample("powertools/cloudWatchLogEvent.json")))
