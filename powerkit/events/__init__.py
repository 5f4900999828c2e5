"""Typed, lazy data classes for the events AWS services send to Lambda handlers.

Wrapping an event is O(1) and copies nothing: properties read the raw dict on access, and
derived values (parsed JSON bodies, decoded data, deserialised DynamoDB images) are computed
once and cached. Names are resolved lazily (module ``__getattr__``), so importing this
package loads no event module, and using a class loads only its source's module. Type
checkers read the re-exports from ``__init__.pyi``.

Exception tree::

    PowerkitError
    └── EventSourceError                  any error of this package
        ├── EventFieldError (KeyError)    a required field is missing from the event
        └── EventDecodeError (ValueError) a field is not valid JSON / base64 / gzip / UTF-8
"""

from __future__ import annotations

import importlib
from typing import Any

# private module -> the public names it defines (imported on first use)
_MODULES: dict[str, str] = {
    "_apigw": (
        "APIGatewayAuthorizerContext APIGatewayProxyEvent APIGatewayRequestContext "
        "APIGatewayWebSocketEvent ClientCert ClientCertValidity RequestContextIdentity "
        "WebSocketRequestContext"
    ),
    "_apigw_v2": (
        "APIGatewayProxyEventV2 CognitoIdentity LambdaFunctionUrlEvent RequestContextV2 "
        "RequestContextV2Authentication RequestContextV2Authorizer "
        "RequestContextV2AuthorizerIam RequestContextV2Http"
    ),
    "_appsync": (
        "AppSyncAuthorizerEvent AppSyncAuthorizerRequestContext AppSyncIdentityCognito "
        "AppSyncIdentityIAM AppSyncResolverEvent AppSyncResolverEventInfo "
        "appsync_authorizer_response"
    ),
    "_authorizers": (
        "APIGatewayAuthorizerEventV2 APIGatewayAuthorizerRequestEvent "
        "APIGatewayAuthorizerResponse APIGatewayAuthorizerTokenEvent "
        "APIGatewayRouteArn simple_authorizer_response"
    ),
    "_base": "DictWrapper EventDecodeError EventFieldError EventSourceError",
    "_bedrock": "BedrockAgentEvent BedrockAgentInfo BedrockAgentProperty",
    "_cfn": "CloudFormationCustomResourceEvent",
    "_cicd": (
        "CodeDeployLifecycleHookEvent CodePipelineArtifact CodePipelineArtifactCredentials "
        "CodePipelineData CodePipelineEncryptionKey CodePipelineJobEvent "
        "CodePipelineS3Location"
    ),
    "_cloudwatch": (
        "CloudWatchAlarmConfiguration CloudWatchAlarmData CloudWatchAlarmEvent "
        "CloudWatchAlarmMetric CloudWatchAlarmState CloudWatchLogsDecodedData "
        "CloudWatchLogsEvent CloudWatchLogsLogEvent"
    ),
    "_cognito": (
        "BaseTriggerEvent CallerContext CustomEmailSenderTriggerEvent "
        "CustomMessageTriggerEvent CustomMessageTriggerEventRequest "
        "CustomMessageTriggerEventResponse CustomSMSSenderTriggerEvent "
        "CustomSenderTriggerEventRequest PostAuthenticationTriggerEvent "
        "PostAuthenticationTriggerEventRequest PostConfirmationTriggerEvent "
        "PreAuthenticationTriggerEvent PreAuthenticationTriggerEventRequest "
        "PreSignUpTriggerEvent PreSignUpTriggerEventRequest PreSignUpTriggerEventResponse "
        "UserMigrationTriggerEvent UserMigrationTriggerEventRequest "
        "UserMigrationTriggerEventResponse UserTriggerRequest"
    ),
    "_cognito_auth": (
        "ChallengeResult CreateAuthChallengeTriggerEvent "
        "CreateAuthChallengeTriggerEventRequest "
        "CreateAuthChallengeTriggerEventResponse DefineAuthChallengeTriggerEvent "
        "DefineAuthChallengeTriggerEventRequest "
        "DefineAuthChallengeTriggerEventResponse GroupConfiguration "
        "InboundFederationTriggerEvent InboundFederationTriggerEventRequest "
        "InboundFederationTriggerEventResponse PreTokenGenerationTriggerEvent "
        "PreTokenGenerationTriggerEventRequest "
        "PreTokenGenerationTriggerEventResponse "
        "VerifyAuthChallengeResponseTriggerEvent "
        "VerifyAuthChallengeResponseTriggerEventRequest "
        "VerifyAuthChallengeResponseTriggerEventResponse"
    ),
    "_config_rule": "AWSConfigRuleEvent",
    "_connect": (
        "ConnectContactFlowData ConnectContactFlowEndpoint ConnectContactFlowEvent "
        "ConnectContactFlowQueue"
    ),
    "_console": (
        "ClientVPNConnectionHandlerEvent CloudWatchDashboardCustomWidgetEvent "
        "CloudWatchDashboardWidgetContext client_vpn_connection_response"
    ),
    "_dynamodb": "DynamoDBRecord DynamoDBStreamEvent StreamRecord deserialize_attribute",
    "_eventbridge": (
        "EventBridgeEvent S3EventBridgeBucket S3EventBridgeDetail "
        "S3EventBridgeNotificationEvent S3EventBridgeObject"
    ),
    "_firehose": (
        "KinesisFirehoseEvent KinesisFirehoseRecord KinesisFirehoseRecordMetadata "
        "KinesisFirehoseResponse"
    ),
    "_headers": "Headers",
    "_http": "ALBEvent ALBRequestContext BaseHttpEvent ELBContext",
    "_iot": (
        "IoTCustomAuthorizerEvent IoTPreProvisioningHookEvent iot_custom_auth_response "
        "iot_pre_provisioning_response"
    ),
    "_kafka": "KafkaEvent KafkaRecord",
    "_kinesis": "KinesisStreamEvent KinesisStreamRecord KinesisStreamRecordPayload",
    "_lattice": "VPCLatticeEvent VPCLatticeEventV2 VPCLatticeIdentity VPCLatticeRequestContext",
    "_middleware": "EventSourceApplier event_source",
    "_mq": (
        "ActiveMQDestination ActiveMQEvent ActiveMQMessage RabbitMQBasicProperties "
        "RabbitMQEvent RabbitMessage"
    ),
    "_s3": (
        "S3BatchOperationEvent S3BatchOperationJob S3BatchOperationTask S3Bucket S3Event "
        "S3EventRecord S3Message S3Object s3_batch_result"
    ),
    "_s3_object_lambda": (
        "S3ObjectConfiguration S3ObjectContext S3ObjectLambdaEvent "
        "S3ObjectUserIdentity S3ObjectUserRequest"
    ),
    "_secrets_manager": "SecretsManagerRotationEvent",
    "_ses": (
        "SESEvent SESEventRecord SESMail SESMailCommonHeaders SESMessage SESReceipt "
        "SESReceiptAction"
    ),
    "_sns": "SNSEvent SNSMessage SNSMessageAttribute SNSMessageAttributes SNSRecord",
    "_sqs": "SQSEvent SQSMessageAttribute SQSMessageAttributes SQSRecord SQSRecordAttributes",
    "_transfer": "TransferFamilyAuthorizerEvent transfer_family_authorizer_response",
    "_window": "StreamWindow TumblingWindowMixin",
}
_LAZY = {name: module for module, names in _MODULES.items() for name in names.split()}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'powerkit.events' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"powerkit.events.{module}"), name)
    globals()[name] = value  # resolve once; later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
