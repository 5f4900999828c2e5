"""Every model accepts every real sample of its source, and decodes what AWS encodes."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powerkit.parser import ParserValidationError, models, parse

# (model name, sample files relative to ../shared/events)
SAMPLES: list[tuple[str, list[str]]] = [
    (
        "ApiGatewayProxyEventModel",
        [
            "aws-lambda-go/apigw-request.json",
            "aws-lambda-go/apigw-restapi-openapi-request.json",
            "powertools/apiGatewayProxyEvent.json",
            "powertools/apiGatewayProxyEventAnotherPath.json",
            "powertools/apiGatewayProxyEventNoOrigin.json",
            "powertools/apiGatewayProxyEventPathTrailingSlash.json",
            "powertools/apiGatewayProxyEventPrincipalId.json",
            "powertools/apiGatewayProxyEvent_noVersionAuth.json",
            "powertools/apiGatewayProxyOtherEvent.json",
            "powertools/apigatewayeSchemaMiddlwareInvalidEvent.json",
            "powertools/apigatewayeSchemaMiddlwareValidEvent.json",
        ],
    ),
    (
        "ApiGatewayProxyEventV2Model",
        [
            "aws-lambda-go/apigw-v2-request-iam.json",
            "aws-lambda-go/apigw-v2-request-jwt-authorizer.json",
            "aws-lambda-go/apigw-v2-request-lambda-authorizer.json",
            "aws-lambda-go/apigw-v2-request-no-authorizer.json",
            "powertools/apiGatewayProxyV2Event.json",
            "powertools/apiGatewayProxyV2EventPathTrailingSlash.json",
            "powertools/apiGatewayProxyV2Event_GET.json",
            "powertools/apiGatewayProxyV2IamEvent.json",
            "powertools/apiGatewayProxyV2LambdaAuthorizerEvent.json",
            "powertools/apiGatewayProxyV2OtherGetEvent.json",
            "powertools/apiGatewayProxyV2SchemaMiddlwareInvalidEvent.json",
            "powertools/apiGatewayProxyV2SchemaMiddlwareValidEvent.json",
        ],
    ),
    (
        "LambdaFunctionUrlModel",
        [
            "aws-lambda-go/lambda-urls-request.json",
            "powertools/lambdaFunctionUrlEvent.json",
            "powertools/lambdaFunctionUrlEventPathTrailingSlash.json",
            "powertools/lambdaFunctionUrlEventWithHeaders.json",
            "powertools/lambdaFunctionUrlIAMEvent.json",
        ],
    ),
    (
        "AlbModel",
        [
            "aws-lambda-go/alb-lambda-target-request-headers-only.json",
            "aws-lambda-go/alb-lambda-target-request-multivalue-headers.json",
            "powertools/albEvent.json",
            "powertools/albEventPathTrailingSlash.json",
            "powertools/albMultiValueHeadersEvent.json",
            "powertools/albMultiValueQueryStringEvent.json",
        ],
    ),
    (
        "VpcLatticeV2Model",
        [
            "powertools/vpcLatticeEventV2PathTrailingSlash.json",
            "powertools/vpcLatticeV2Event.json",
            "powertools/vpcLatticeV2EventWithHeaders.json",
        ],
    ),
    (
        "SqsModel",
        [
            "aws-lambda-go/sqs-event.json",
            "powertools/s3SqsEvent.json",
            "powertools/snsSqsEvent.json",
            "powertools/snsSqsFifoEvent.json",
            "powertools/sqsDlqTriggerEvent.json",
            "powertools/sqsEvent.json",
        ],
    ),
    (
        "SnsModel",
        [
            "aws-lambda-go/cloudwatch-alarm-sns-payload-multiple-metrics.json",
            "aws-lambda-go/cloudwatch-alarm-sns-payload-single-metric.json",
            "aws-lambda-go/sns-event.json",
            "powertools/snsEvent.json",
        ],
    ),
    (
        "S3Model",
        [
            "aws-lambda-go/s3-event-with-decoded.json",
            "aws-lambda-go/s3-event.json",
            "aws-lambda-go/s3-glacier-event.json",
            "aws-lambda-go/s3-intelligenttier-event.json",
            "aws-lambda-go/s3-lifecycle-event.json",
            "aws-lambda-go/s3-replication-event.json",
            "aws-lambda-go/s3-restore-event.json",
            "powertools/s3Event.json",
            "powertools/s3EventDecodedKey.json",
            "powertools/s3EventDeleteObject.json",
            "powertools/s3EventGlacier.json",
        ],
    ),
    ("S3SqsModel", ["powertools/s3SqsEvent.json"]),
    (
        "S3EventBridgeModel",
        [
            "powertools/s3EventBridgeNotificationObjectCreatedEvent.json",
            "powertools/s3EventBridgeNotificationObjectDeletedEvent.json",
            "powertools/s3EventBridgeNotificationObjectExpiredEvent.json",
            "powertools/s3EventBridgeNotificationObjectRestoreCompletedEvent.json",
        ],
    ),
    (
        "EventBridgeModel",
        [
            "powertools/eventBridgeEvent.json",
            "powertools/s3EventBridgeNotificationObjectCreatedEvent.json",
            "aws-lambda-go/codebuild-state-change.json",
            "aws-lambda-go/ecr-image-push-event.json",
        ],
    ),
    (
        "CloudWatchLogsModel",
        [
            "aws-lambda-go/cloudwatch-logs-event.json",
            "powertools/cloudWatchLogEvent.json",
            "powertools/cloudWatchLogEventWithPolicyLevel.json",
        ],
    ),
    (
        "KinesisDataStreamModel",
        [
            "aws-lambda-go/kinesis-event.json",
            "aws-lambda-go/kinesis-time-window-event.json",
            "powertools/kinesisStreamCloudWatchLogsEvent.json",
            "powertools/kinesisStreamEvent.json",
            "powertools/kinesisStreamEventOneRecord.json",
        ],
    ),
    (
        "KinesisFirehoseModel",
        [
            "aws-lambda-go/kinesis-firehose-event.json",
            "powertools/kinesisFirehoseKinesisEvent.json",
            "powertools/kinesisFirehosePutEvent.json",
            "powertools/kinesisFirehoseSQSEvent.json",
        ],
    ),
    (
        "DynamoDBStreamModel",
        [
            "aws-lambda-go/dynamodb-event.json",
            "aws-lambda-go/dynamodb-time-window-event.json",
            "powertools/dynamoStreamEvent.json",
        ],
    ),
    (
        "KafkaModel",
        [
            "aws-lambda-go/kafka-event.json",
            "powertools/kafkaEventMsk.json",
            "powertools/kafkaEventSelfManaged.json",
        ],
    ),
    (
        "CloudFormationCustomResourceModel",
        [
            "powertools/cloudformationCustomResourceCreate.json",
            "powertools/cloudformationCustomResourceDelete.json",
            "powertools/cloudformationCustomResourceUpdate.json",
        ],
    ),
]


def load(shared_dir: Path, name: str) -> Any:
    return json.loads((shared_dir / "events" / name).read_text())


@pytest.mark.parametrize(
    ("model_name", "file"),
    [(model, file) for model, files in SAMPLES for file in files],
)
def test_model_accepts_real_sample(shared_dir: Path, model_name: str, file: str) -> None:
    """The model parses the real sample event and keeps every top-level key."""
    event = load(shared_dir, file)
    parsed = parse(event, getattr(models, model_name))
    dumped = parsed.model_dump(by_alias=True)
    assert set(event) <= set(dumped)


def test_every_exported_model_name_resolves() -> None:
    """Each name in models.__all__ loads lazily."""
    for name in models.__all__:
        assert getattr(models, name).__name__ in (name, "Annotated") or name in (
            "Base64Bytes",
            "DynamoDBImage",
        )
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        _ = models.Nope


def test_unknown_fields_are_kept() -> None:
    """Fields the model does not declare are kept, not rejected."""
    event = {
        "version": "0",
        "id": "1",
        "source": "s",
        "account": "1",
        "time": "2024-01-01T00:00:00Z",
        "region": "eu-west-1",
        "resources": [],
        "detail-type": "T",
        "detail": {},
        "emulator": "x",
    }
    parsed = parse(event, models.EventBridgeModel)
    assert parsed.model_extra == {"emulator": "x"}
    assert parsed.detail_type == "T"


def test_decoded_fields(shared_dir: Path) -> None:
    """Kinesis data, Kafka values and headers, CloudWatch logs and DynamoDB images are decoded."""
    kinesis = parse(
        load(shared_dir, "powertools/kinesisStreamEvent.json"), models.KinesisDataStreamModel
    )
    assert kinesis.Records[0].kinesis.data == b"Hello, this is a test."
    kafka = parse(load(shared_dir, "powertools/kafkaEventMsk.json"), models.KafkaModel)
    record = kafka.all_records[0]
    assert (record.key, json.loads(record.value)) == (b"recordKey", {"key": "value"})
    assert record.headers == [{"headerKey": b"headerValue"}]
    logs = parse(
        load(shared_dir, "powertools/cloudWatchLogEventWithPolicyLevel.json"),
        models.CloudWatchLogsModel,
    )
    assert logs.awslogs.data.policyLevel == "ACCOUNT_LEVEL_POLICY"
    assert [e.message for e in logs.awslogs.data.logEvents] == [
        "[ERROR] First test message",
        "[ERROR] Second test message",
    ]
    dynamo = parse(
        load(shared_dir, "powertools/dynamoStreamEvent.json"), models.DynamoDBStreamModel
    )
    change = dynamo.Records[0].dynamodb
    assert change.Keys == {"Id": 101}
    assert change.NewImage == {"Message": "New item!", "Id": 101}


def test_dynamodb_attribute_types_become_python_values() -> None:
    """Every DynamoDB attribute type converts to the matching Python value."""
    blob = base64.b64encode(b"\x00\x01").decode()
    image = {
        "s": {"S": "x"},
        "i": {"N": "3"},
        "f": {"N": "1.50"},
        "b": {"B": blob},
        "t": {"BOOL": True},
        "n": {"NULL": True},
        "ss": {"SS": ["a", "b"]},
        "ns": {"NS": ["1", "2.5"]},
        "bs": {"BS": [blob]},
        "l": {"L": [{"S": "a"}, {"N": "1"}]},
        "m": {"M": {"k": {"S": "v"}}},
    }
    change = {
        "Keys": {"s": {"S": "x"}},
        "SequenceNumber": "1",
        "SizeBytes": 1,
        "StreamViewType": "NEW_IMAGE",
        "NewImage": image,
    }
    parsed = parse(change, models._streams.DynamoDBStreamChange)
    assert parsed.NewImage == {
        "s": "x",
        "i": 3,
        "f": Decimal("1.50"),
        "b": b"\x00\x01",
        "t": True,
        "n": None,
        "ss": {"a", "b"},
        "ns": {1, Decimal("2.5")},
        "bs": {b"\x00\x01"},
        "l": ["a", 1],
        "m": {"k": "v"},
    }


def test_s3_sqs_model_parses_the_body(shared_dir: Path) -> None:
    """S3SqsModel turns each SQS body into an S3 notification."""
    parsed = parse(load(shared_dir, "powertools/s3SqsEvent.json"), models.S3SqsModel)
    assert parsed.Records[0].body.Records[0].s3.object.key == "test.pdf"


def test_sns_urls_accept_both_spellings() -> None:
    """SigningCertUrl/SigningCertURL spellings both fill the same field."""
    base = {"MessageId": "m", "TopicArn": "t", "Message": "x", "Timestamp": "2024-01-01T00:00:00Z"}
    one = parse({**base, "SigningCertURL": "u", "UnsubscribeURL": "v"}, models.SnsNotificationModel)
    two = parse({**base, "SigningCertUrl": "u", "UnsubscribeUrl": "v"}, models.SnsNotificationModel)
    assert (
        (one.SigningCertUrl, one.UnsubscribeUrl)
        == (two.SigningCertUrl, two.UnsubscribeUrl)
        == ("u", "v")
    )


def test_malformed_sample_is_rejected_with_pydantic_summary(shared_dir: Path) -> None:
    """A CloudFormation request with an unknown RequestType is rejected, naming the field."""
    event = load(shared_dir, "powertools/cloudformationCustomResourceCreate.json")
    event["RequestType"] = "Upsert"
    with pytest.raises(ParserValidationError) as caught:
        parse(event, models.CloudFormationCustomResourceModel)
    message = str(caught.value)
    assert message.startswith(
        "event: 1 validation error for CloudFormationCustomResourceModel\nRequestType\n"
    )
    assert "Input should be 'Create', 'Update' or 'Delete'" in message
    assert caught.value.errors[0]["loc"] == ("RequestType",)


def test_importing_parser_loads_no_pydantic() -> None:
    """Importing powerkit.parser, its envelopes and models package leaves pydantic unloaded."""
    code = (
        "import sys, powerkit.parser, powerkit.parser.envelopes, powerkit.parser.models;"
        "print(sorted(m for m in ('pydantic','pydantic_core','fastjsonschema','boto3') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


extra_values = st.none() | st.booleans() | st.integers() | st.text(max_size=5)


@given(
    extras=st.dictionaries(
        st.text(min_size=1, max_size=8).filter(lambda k: k not in {"Records", "records"}),
        extra_values,
        max_size=3,
    ),
    index=st.integers(min_value=0, max_value=len(SAMPLES) - 1),
)
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_extra_fields_anywhere_at_the_top_are_kept(
    shared_dir: Path, extras: dict[str, Any], index: int
) -> None:
    """Whatever unknown top-level keys an emulator adds, the model parses and keeps them."""
    model_name, files = SAMPLES[index]
    model = getattr(models, model_name)
    event = load(shared_dir, files[0])
    declared = {f.alias or name for name, f in model.model_fields.items()} | set(model.model_fields)
    extras = {k: v for k, v in extras.items() if k not in declared}
    parsed = parse({**event, **extras}, model)
    assert {k: (parsed.model_extra or {})[k] for k in extras} == extras
