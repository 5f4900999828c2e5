"""Checkers for AppSync, CloudFormation, CodePipeline, Secrets Manager, Config, Bedrock
agents, Connect and IoT."""

from __future__ import annotations

import base64
import json
from typing import Any

from powerkit import events


def check_appsync_resolver(event: events.AppSyncResolverEvent, raw: dict[str, Any]) -> None:
    info = raw.get("info") or {}
    assert event.type_name == info.get("parentTypeName", raw.get("typeName"))
    assert event.field_name == info.get("fieldName", raw.get("fieldName"))
    assert event.arguments == raw.get("arguments")
    identity = raw.get("identity")
    if identity and "sub" in identity:
        assert isinstance(event.identity, events.AppSyncIdentityCognito)
        assert event.identity.sub == identity["sub"]
    for name, value in ((raw.get("request") or {}).get("headers") or {}).items():
        assert event.get_header_value(name.upper()) == value


def check_appsync_batch(batch: list[events.AppSyncResolverEvent], raw: list[Any]) -> None:
    assert [e.raw_event for e in batch] == raw
    for event, item in zip(batch, raw, strict=True):
        check_appsync_resolver(event, item)


def check_appsync_identity_cognito(
    identity: events.AppSyncIdentityCognito, raw: dict[str, Any]
) -> None:
    assert identity.sub == raw["sub"]
    assert identity.username == raw["username"]
    assert identity.claims == raw["claims"]


def check_appsync_identity_iam(identity: events.AppSyncIdentityIAM, raw: dict[str, Any]) -> None:
    assert identity.user_arn == raw["userArn"]
    assert identity.cognito_identity_id == raw["cognitoIdentityId"]


def check_appsync_authorizer(event: events.AppSyncAuthorizerEvent, raw: dict[str, Any]) -> None:
    assert event.authorization_token == raw["authorizationToken"]
    assert event.request_context.api_id == raw["requestContext"]["apiId"]
    assert event.request_context.operation_name == raw["requestContext"].get("operationName")


def check_cfn(event: events.CloudFormationCustomResourceEvent, raw: dict[str, Any]) -> None:
    assert event.request_type == raw["RequestType"]
    assert event.request_id == raw["RequestId"]
    assert event.resource_properties == raw.get("ResourceProperties")
    body = json.loads(event.response_json("SUCCESS", data={"a": "1"}))
    assert body["RequestId"] == raw["RequestId"]
    assert body["StackId"] == raw["StackId"]
    assert body["PhysicalResourceId"] == raw.get("PhysicalResourceId", raw["LogicalResourceId"])


def check_codepipeline(event: events.CodePipelineJobEvent, raw: dict[str, Any]) -> None:
    job = raw["CodePipeline.job"]
    assert event.job_id == job["id"]
    assert event.account_id == job["accountId"]
    configuration = job["data"]["actionConfiguration"]["configuration"]
    assert event.user_parameters == (configuration.get("UserParameters") or None)
    artifacts = job["data"]["inputArtifacts"]
    assert [a.name for a in event.data.input_artifacts] == [a["name"] for a in artifacts]
    for artifact, item in zip(event.data.input_artifacts, artifacts):
        assert artifact.s3_location.object_key == item["location"]["s3Location"]["objectKey"]
    credentials = job["data"]["artifactCredentials"]
    assert event.data.artifact_credentials.access_key_id == credentials["accessKeyId"]


def check_secrets(event: events.SecretsManagerRotationEvent, raw: dict[str, Any]) -> None:
    assert (event.secret_id, event.step) == (raw["SecretId"], raw["Step"])
    assert event.client_request_token == raw["ClientRequestToken"]


def check_config(event: events.AWSConfigRuleEvent, raw: dict[str, Any]) -> None:
    assert event.config_rule_name == raw["configRuleName"]
    assert event.result_token == raw["resultToken"]
    invoking = json.loads(raw["invokingEvent"])
    assert event.invoking_event_data == invoking
    assert event.message_type == invoking["messageType"]
    assert event.rule_parameters_data == json.loads(raw.get("ruleParameters") or "{}")


def check_bedrock(event: events.BedrockAgentEvent, raw: dict[str, Any]) -> None:
    assert event.session_id == raw["sessionId"]
    assert event.api_path == raw.get("apiPath")
    assert event.agent.id == raw["agent"]["id"]
    for parameter in raw.get("parameters") or []:
        assert event.get_parameter(parameter["name"]) == parameter["value"]
    response = event.response({"ok": True})
    assert response["response"]["apiPath"] == raw["apiPath"]
    assert json.loads(response["response"]["responseBody"]["application/json"]["body"]) == {
        "ok": True
    }


def check_connect(event: events.ConnectContactFlowEvent, raw: dict[str, Any]) -> None:
    data = raw["Details"]["ContactData"]
    assert event.contact_data.contact_id == data["ContactId"]
    assert event.contact_data.channel == data["Channel"]
    assert event.parameters == raw["Details"]["Parameters"]
    if data.get("Queue"):
        assert event.contact_data.queue is not None
        assert event.contact_data.queue.name == data["Queue"]["Name"]
    else:
        assert event.contact_data.queue is None


def check_iot_auth(event: events.IoTCustomAuthorizerEvent, raw: dict[str, Any]) -> None:
    assert event.token == raw.get("token")
    assert event.protocols == raw["protocols"]
    mqtt = raw["protocolData"]["mqtt"]
    assert event.mqtt_password == base64.b64decode(mqtt["password"])
    assert event.mqtt_client_id == mqtt["clientId"]
    for name, value in raw["protocolData"]["http"]["headers"].items():
        assert event.http_headers[name.lower()] == value


def check_iot_provisioning(event: events.IoTPreProvisioningHookEvent, raw: dict[str, Any]) -> None:
    assert event.certificate_id == raw["certificateId"]
    assert event.template_arn == raw["templateArn"]
    assert event.parameters == raw["parameters"]


def check_codedeploy(event: events.CodeDeployLifecycleHookEvent, raw: dict[str, Any]) -> None:
    assert event.deployment_id == raw["DeploymentId"]
    assert event.lifecycle_event_hook_execution_id == raw["LifecycleEventHookExecutionId"]


def check_client_vpn(event: events.ClientVPNConnectionHandlerEvent, raw: dict[str, Any]) -> None:
    assert event.connection_id == raw["connection-id"]
    assert event.endpoint_id == raw["endpoint-id"]
    assert event.public_ip == raw["public-ip"]
    response = events.client_vpn_connection_response(True, schema_version=event.schema_version)
    assert response["schema-version"] == raw["schema-version"]


def check_dashboard(
    event: events.CloudWatchDashboardCustomWidgetEvent, raw: dict[str, Any]
) -> None:
    context = raw["widgetContext"]
    assert event.widget_context.dashboard_name == context["dashboardName"]
    assert event.widget_context.widget_id == context["widgetId"]
    assert event.widget_context.params == context["params"]
    assert event.widget_context.timezone_label == context["timezone"]["label"]
    assert event["original"] == raw["original"]
