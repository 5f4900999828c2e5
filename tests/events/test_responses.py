"""Response builders produce the shape of the real response samples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from powerkit import events

EVENTS = Path(__file__).resolve().parents[2].parent / "shared" / "events"
pytestmark = pytest.mark.skipif(not EVENTS.is_dir(), reason="shared/events samples are absent")


def _sample(name: str) -> Any:
    return json.loads((EVENTS / name).read_text())


def test_rest_authorizer_policy_has_the_sample_shape() -> None:
    """The IAM policy response has the keys of apigw-custom-auth-response.json."""
    sample = _sample("aws-lambda-go/apigw-custom-auth-response.json")
    policy = events.APIGatewayAuthorizerResponse(
        "yyyyyyyy", "eu-west-1", "1", "api", "prod", context={"k": "v"}, usage_identifier_key="k"
    )
    policy.allow_route("GET", "/")
    built = policy.asdict()
    assert set(built) == set(sample)
    assert set(built["policyDocument"]) == set(sample["policyDocument"])
    statement, expected = (
        built["policyDocument"]["Statement"][0],
        sample["policyDocument"]["Statement"][0],
    )
    assert set(statement) == set(expected)


@pytest.mark.parametrize(
    "name",
    [
        "aws-lambda-go/appsync-lambda-auth-response.json",
        "powertools/appSyncAuthorizerResponse.json",
    ],
)
def test_appsync_authorizer_response_round_trips_the_sample(name: str) -> None:
    """Rebuilding an AppSync authorizer response sample from its values gives it back."""
    sample = _sample(name)
    built = events.appsync_authorizer_response(
        sample["isAuthorized"],
        resolver_context=sample.get("resolverContext"),
        denied_fields=sample.get("deniedFields"),
        ttl_override=sample.get("ttlOverride"),
    )
    assert built == sample


def test_iot_custom_auth_response_has_the_sample_shape() -> None:
    """The IoT authorizer response has the sample's keys; documents are JSON text."""
    sample = _sample("aws-lambda-go/iot-custom-auth-response.json")
    built = events.iot_custom_auth_response(
        sample["isAuthenticated"], sample["principalId"], sample["policyDocuments"]
    )
    assert set(built) == set(sample)
    # The Go sample holds objects; the IoT service contract is a list of JSON strings.
    assert [json.loads(d) for d in built["policyDocuments"]] == sample["policyDocuments"]


def test_iot_pre_provisioning_response_round_trips_the_sample() -> None:
    """Rebuilding the pre-provisioning response sample gives it back."""
    sample = _sample("aws-lambda-go/iot-preprovision-hook-response.json")
    built = events.iot_pre_provisioning_response(
        sample["allowProvisioning"], sample["parameterOverrides"]
    )
    assert built == sample


def test_s3_batch_response_round_trips_the_sample() -> None:
    """Answering the 1.0 batch request as the response sample does gives that sample."""
    sample = _sample("aws-lambda-go/s3-batch-job-event-response.json")
    event = events.S3BatchOperationEvent(
        _sample("aws-lambda-go/s3-batch-job-event-request-1.0.json")
    )
    result = sample["results"][0]
    built = event.response(
        [events.s3_batch_result(event.tasks[0], result["resultCode"], result["resultString"])]
    )
    assert built == sample


def test_firehose_response_has_the_sample_shape() -> None:
    """Each Firehose response record has the sample's recordId/result/data/metadata keys."""
    sample = _sample("aws-lambda-go/kinesis-firehose-response.json")
    response = events.KinesisFirehoseResponse()
    for record in sample["records"]:
        response.add(record["recordId"], "Ok", data=b"x", partition_keys={})
    for built, expected in zip(response.asdict()["records"], sample["records"], strict=True):
        assert set(built) == set(expected)
        assert built["recordId"] == expected["recordId"]
