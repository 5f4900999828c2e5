"""Sources without a public sample, and behaviours the samples do not exercise."""

from __future__ import annotations

import json

import pytest

from powerkit.events import (
    AppSyncIdentityIAM,
    AppSyncResolverEvent,
    BedrockAgentEvent,
    CloudFormationCustomResourceEvent,
    EventFieldError,
    PreSignUpTriggerEvent,
    TransferFamilyAuthorizerEvent,
    transfer_family_authorizer_response,
)


def test_transfer_family_event_reads_its_fields() -> None:
    """The Transfer Family authorizer event exposes user, protocol, server and IP."""
    event = TransferFamilyAuthorizerEvent(
        {"username": "u", "protocol": "SFTP", "serverId": "s-1", "sourceIp": "10.0.0.1"}
    )
    assert (event.username, event.protocol, event.server_id, event.source_ip) == (
        "u",
        "SFTP",
        "s-1",
        "10.0.0.1",
    )
    assert event.password is None
    with pytest.raises(EventFieldError, match="serverId"):
        _ = TransferFamilyAuthorizerEvent({}).server_id


def test_transfer_family_response_logical_home() -> None:
    """Logical home directories are JSON text and set the LOGICAL type."""
    response = transfer_family_authorizer_response(
        "arn:aws:iam::1:role/r",
        home_directory_details=[{"Entry": "/", "Target": "/bucket/u"}],
        public_keys=["ssh-rsa AAA"],
    )
    assert response["HomeDirectoryType"] == "LOGICAL"
    assert json.loads(response["HomeDirectoryDetails"]) == [{"Entry": "/", "Target": "/bucket/u"}]
    assert response["PublicKeys"] == ["ssh-rsa AAA"]


def test_transfer_family_response_path_home() -> None:
    """A plain home directory sets the PATH type."""
    response = transfer_family_authorizer_response("r", home_directory="/bucket/u")
    assert (response["HomeDirectoryType"], response["HomeDirectory"]) == ("PATH", "/bucket/u")


def test_bedrock_function_response() -> None:
    """Function-detail action groups get a TEXT function response."""
    event = BedrockAgentEvent(
        {"actionGroup": "g", "function": "f", "sessionAttributes": {"a": "1"}}
    )
    response = event.response("done")
    assert response["response"] == {
        "actionGroup": "g",
        "function": "f",
        "functionResponse": {"responseBody": {"TEXT": {"body": "done"}}},
    }
    assert response["sessionAttributes"] == {"a": "1"}


def test_cloudformation_failure_response_carries_the_reason() -> None:
    """A FAILED response includes the reason and keeps the physical id."""
    event = CloudFormationCustomResourceEvent(
        {"StackId": "s", "RequestId": "r", "LogicalResourceId": "L", "PhysicalResourceId": "p"}
    )
    body = event.response("FAILED", reason="boom")
    assert (body["Status"], body["Reason"], body["PhysicalResourceId"]) == ("FAILED", "boom", "p")


def test_cognito_null_response_is_created_on_assignment() -> None:
    """A trigger whose response is null gets one when a response field is assigned."""
    raw: dict[str, object] = {"response": None}
    PreSignUpTriggerEvent(raw).response.auto_confirm_user = True  # type: ignore[arg-type]
    assert raw["response"] == {"autoConfirmUser": True}


def test_appsync_iam_identity_is_detected() -> None:
    """An identity without sub is an IAM identity; no identity reads as None."""
    event = AppSyncResolverEvent({"identity": {"userArn": "arn:aws:iam::1:user/u"}})
    assert isinstance(event.identity, AppSyncIdentityIAM)
    assert AppSyncResolverEvent({}).identity is None


def test_appsync_field_name_missing_is_a_field_error() -> None:
    """Neither info.fieldName nor fieldName: EventFieldError naming fieldName."""
    with pytest.raises(EventFieldError, match="fieldName"):
        _ = AppSyncResolverEvent({}).field_name
