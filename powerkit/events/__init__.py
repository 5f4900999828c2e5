"""Typed, lazy data classes for the events AWS services send to Lambda handlers.

Wrapping an event is O(1) and copies nothing: properties read the raw dict on access, and
derived values (parsed JSON bodies, decoded data, deserialised DynamoDB images) are computed
once and cached. Names are resolved lazily, so importing this package loads only the
modules of the event sources you use.

Exception tree::

    PowerkitError
    └── EventSourceError                  any error of this package
        ├── EventFieldError (KeyError)    a required field is missing from the event
        └── EventDecodeError (ValueError) a field is not valid JSON / base64 / gzip / UTF-8
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powerkit.events._apigw import (
        APIGatewayAuthorizerContext,
        APIGatewayProxyEvent,
        APIGatewayRequestContext,
        APIGatewayWebSocketEvent,
        ClientCert,
        ClientCertValidity,
        RequestContextIdentity,
        WebSocketRequestContext,
    )
    from powerkit.events._apigw_v2 import (
        APIGatewayProxyEventV2,
        CognitoIdentity,
        LambdaFunctionUrlEvent,
        RequestContextV2,
        RequestContextV2Authentication,
        RequestContextV2Authorizer,
        RequestContextV2AuthorizerIam,
        RequestContextV2Http,
    )
    from powerkit.events._authorizers import (
        APIGatewayAuthorizerEventV2,
        APIGatewayAuthorizerRequestEvent,
        APIGatewayAuthorizerResponse,
        APIGatewayAuthorizerTokenEvent,
        APIGatewayRouteArn,
        simple_authorizer_response,
    )
    from powerkit.events._base import (
        DictWrapper,
        EventDecodeError,
        EventFieldError,
        EventSourceError,
    )
    from powerkit.events._cloudwatch import (
        CloudWatchAlarmConfiguration,
        CloudWatchAlarmData,
        CloudWatchAlarmEvent,
        CloudWatchAlarmMetric,
        CloudWatchAlarmState,
        CloudWatchLogsDecodedData,
        CloudWatchLogsEvent,
        CloudWatchLogsLogEvent,
    )
    from powerkit.events._cognito import (
        BaseTriggerEvent,
        CallerContext,
        CustomEmailSenderTriggerEvent,
        CustomMessageTriggerEvent,
        CustomMessageTriggerEventRequest,
        CustomMessageTriggerEventResponse,
        CustomSenderTriggerEventRequest,
        CustomSMSSenderTriggerEvent,
        PostAuthenticationTriggerEvent,
        PostAuthenticationTriggerEventRequest,
        PostConfirmationTriggerEvent,
        PreAuthenticationTriggerEvent,
        PreAuthenticationTriggerEventRequest,
        PreSignUpTriggerEvent,
        PreSignUpTriggerEventRequest,
        PreSignUpTriggerEventResponse,
        UserMigrationTriggerEvent,
        UserMigrationTriggerEventRequest,
        UserMigrationTriggerEventResponse,
        UserTriggerRequest,
    )
    from powerkit.events._cognito_auth import (
        ChallengeResult,
        CreateAuthChallengeTriggerEvent,
        CreateAuthChallengeTriggerEventRequest,
        CreateAuthChallengeTriggerEventResponse,
        DefineAuthChallengeTriggerEvent,
        DefineAuthChallengeTriggerEventRequest,
        DefineAuthChallengeTriggerEventResponse,
        GroupConfiguration,
        InboundFederationTriggerEvent,
        InboundFederationTriggerEventRequest,
        InboundFederationTriggerEventResponse,
        PreTokenGenerationTriggerEvent,
        PreTokenGenerationTriggerEventRequest,
        PreTokenGenerationTriggerEventResponse,
        VerifyAuthChallengeResponseTriggerEvent,
        VerifyAuthChallengeResponseTriggerEventRequest,
        VerifyAuthChallengeResponseTriggerEventResponse,
    )
    from powerkit.events._dynamodb import (
        DynamoDBRecord,
        DynamoDBStreamEvent,
        StreamRecord,
        deserialize_attribute,
    )
    from powerkit.events._eventbridge import (
        EventBridgeEvent,
        S3EventBridgeBucket,
        S3EventBridgeDetail,
        S3EventBridgeNotificationEvent,
        S3EventBridgeObject,
    )
    from powerkit.events._firehose import (
        KinesisFirehoseEvent,
        KinesisFirehoseRecord,
        KinesisFirehoseRecordMetadata,
        KinesisFirehoseResponse,
    )
    from powerkit.events._headers import (
        Headers,
    )
    from powerkit.events._http import (
        ALBEvent,
        ALBRequestContext,
        BaseHttpEvent,
        ELBContext,
    )
    from powerkit.events._kafka import (
        KafkaEvent,
        KafkaRecord,
    )
    from powerkit.events._kinesis import (
        KinesisStreamEvent,
        KinesisStreamRecord,
        KinesisStreamRecordPayload,
    )
    from powerkit.events._lattice import (
        VPCLatticeEvent,
        VPCLatticeEventV2,
        VPCLatticeIdentity,
        VPCLatticeRequestContext,
    )
    from powerkit.events._middleware import (
        event_source,
    )
    from powerkit.events._mq import (
        ActiveMQDestination,
        ActiveMQEvent,
        ActiveMQMessage,
        RabbitMessage,
        RabbitMQBasicProperties,
        RabbitMQEvent,
    )
    from powerkit.events._s3 import (
        S3BatchOperationEvent,
        S3BatchOperationJob,
        S3BatchOperationTask,
        S3Bucket,
        S3Event,
        S3EventRecord,
        S3Message,
        S3Object,
        s3_batch_result,
    )
    from powerkit.events._s3_object_lambda import (
        S3ObjectConfiguration,
        S3ObjectContext,
        S3ObjectLambdaEvent,
        S3ObjectUserIdentity,
        S3ObjectUserRequest,
    )
    from powerkit.events._ses import (
        SESEvent,
        SESEventRecord,
        SESMail,
        SESMailCommonHeaders,
        SESMessage,
        SESReceipt,
        SESReceiptAction,
    )
    from powerkit.events._sns import (
        SNSEvent,
        SNSMessage,
        SNSMessageAttribute,
        SNSMessageAttributes,
        SNSRecord,
    )
    from powerkit.events._sqs import (
        SQSEvent,
        SQSMessageAttribute,
        SQSMessageAttributes,
        SQSRecord,
        SQSRecordAttributes,
    )
    from powerkit.events._window import (
        StreamWindow,
        TumblingWindowMixin,
    )

# private module -> the public names it defines (resolved on first use)
_MODULES: dict[str, tuple[str, ...]] = {
    "_apigw": (
        "APIGatewayAuthorizerContext",
        "APIGatewayProxyEvent",
        "APIGatewayRequestContext",
        "APIGatewayWebSocketEvent",
        "ClientCert",
        "ClientCertValidity",
        "RequestContextIdentity",
        "WebSocketRequestContext",
    ),
    "_apigw_v2": (
        "APIGatewayProxyEventV2",
        "CognitoIdentity",
        "LambdaFunctionUrlEvent",
        "RequestContextV2",
        "RequestContextV2Authentication",
        "RequestContextV2Authorizer",
        "RequestContextV2AuthorizerIam",
        "RequestContextV2Http",
    ),
    "_authorizers": (
        "APIGatewayAuthorizerEventV2",
        "APIGatewayAuthorizerRequestEvent",
        "APIGatewayAuthorizerResponse",
        "APIGatewayAuthorizerTokenEvent",
        "APIGatewayRouteArn",
        "simple_authorizer_response",
    ),
    "_base": ("DictWrapper", "EventDecodeError", "EventFieldError", "EventSourceError"),
    "_cloudwatch": (
        "CloudWatchAlarmConfiguration",
        "CloudWatchAlarmData",
        "CloudWatchAlarmEvent",
        "CloudWatchAlarmMetric",
        "CloudWatchAlarmState",
        "CloudWatchLogsDecodedData",
        "CloudWatchLogsEvent",
        "CloudWatchLogsLogEvent",
    ),
    "_cognito": (
        "BaseTriggerEvent",
        "CallerContext",
        "CustomEmailSenderTriggerEvent",
        "CustomMessageTriggerEvent",
        "CustomMessageTriggerEventRequest",
        "CustomMessageTriggerEventResponse",
        "CustomSMSSenderTriggerEvent",
        "CustomSenderTriggerEventRequest",
        "PostAuthenticationTriggerEvent",
        "PostAuthenticationTriggerEventRequest",
        "PostConfirmationTriggerEvent",
        "PreAuthenticationTriggerEvent",
        "PreAuthenticationTriggerEventRequest",
        "PreSignUpTriggerEvent",
        "PreSignUpTriggerEventRequest",
        "PreSignUpTriggerEventResponse",
        "UserMigrationTriggerEvent",
        "UserMigrationTriggerEventRequest",
        "UserMigrationTriggerEventResponse",
        "UserTriggerRequest",
    ),
    "_cognito_auth": (
        "ChallengeResult",
        "CreateAuthChallengeTriggerEvent",
        "CreateAuthChallengeTriggerEventRequest",
        "CreateAuthChallengeTriggerEventResponse",
        "DefineAuthChallengeTriggerEvent",
        "DefineAuthChallengeTriggerEventRequest",
        "DefineAuthChallengeTriggerEventResponse",
        "GroupConfiguration",
        "InboundFederationTriggerEvent",
        "InboundFederationTriggerEventRequest",
        "InboundFederationTriggerEventResponse",
        "PreTokenGenerationTriggerEvent",
        "PreTokenGenerationTriggerEventRequest",
        "PreTokenGenerationTriggerEventResponse",
        "VerifyAuthChallengeResponseTriggerEvent",
        "VerifyAuthChallengeResponseTriggerEventRequest",
        "VerifyAuthChallengeResponseTriggerEventResponse",
    ),
    "_dynamodb": ("DynamoDBRecord", "DynamoDBStreamEvent", "StreamRecord", "deserialize_attribute"),
    "_eventbridge": (
        "EventBridgeEvent",
        "S3EventBridgeBucket",
        "S3EventBridgeDetail",
        "S3EventBridgeNotificationEvent",
        "S3EventBridgeObject",
    ),
    "_firehose": (
        "KinesisFirehoseEvent",
        "KinesisFirehoseRecord",
        "KinesisFirehoseRecordMetadata",
        "KinesisFirehoseResponse",
    ),
    "_headers": ("Headers",),
    "_http": ("ALBEvent", "ALBRequestContext", "BaseHttpEvent", "ELBContext"),
    "_kafka": ("KafkaEvent", "KafkaRecord"),
    "_kinesis": ("KinesisStreamEvent", "KinesisStreamRecord", "KinesisStreamRecordPayload"),
    "_lattice": (
        "VPCLatticeEvent",
        "VPCLatticeEventV2",
        "VPCLatticeIdentity",
        "VPCLatticeRequestContext",
    ),
    "_middleware": ("event_source",),
    "_mq": (
        "ActiveMQDestination",
        "ActiveMQEvent",
        "ActiveMQMessage",
        "RabbitMQBasicProperties",
        "RabbitMQEvent",
        "RabbitMessage",
    ),
    "_s3": (
        "S3BatchOperationEvent",
        "S3BatchOperationJob",
        "S3BatchOperationTask",
        "S3Bucket",
        "S3Event",
        "S3EventRecord",
        "S3Message",
        "S3Object",
        "s3_batch_result",
    ),
    "_s3_object_lambda": (
        "S3ObjectConfiguration",
        "S3ObjectContext",
        "S3ObjectLambdaEvent",
        "S3ObjectUserIdentity",
        "S3ObjectUserRequest",
    ),
    "_ses": (
        "SESEvent",
        "SESEventRecord",
        "SESMail",
        "SESMailCommonHeaders",
        "SESMessage",
        "SESReceipt",
        "SESReceiptAction",
    ),
    "_sns": ("SNSEvent", "SNSMessage", "SNSMessageAttribute", "SNSMessageAttributes", "SNSRecord"),
    "_sqs": (
        "SQSEvent",
        "SQSMessageAttribute",
        "SQSMessageAttributes",
        "SQSRecord",
        "SQSRecordAttributes",
    ),
    "_window": ("StreamWindow", "TumblingWindowMixin"),
}
_LAZY: dict[str, str] = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "ALBEvent",
    "ALBRequestContext",
    "APIGatewayAuthorizerContext",
    "APIGatewayAuthorizerEventV2",
    "APIGatewayAuthorizerRequestEvent",
    "APIGatewayAuthorizerResponse",
    "APIGatewayAuthorizerTokenEvent",
    "APIGatewayProxyEvent",
    "APIGatewayProxyEventV2",
    "APIGatewayRequestContext",
    "APIGatewayRouteArn",
    "APIGatewayWebSocketEvent",
    "ActiveMQDestination",
    "ActiveMQEvent",
    "ActiveMQMessage",
    "BaseHttpEvent",
    "BaseTriggerEvent",
    "CallerContext",
    "ChallengeResult",
    "ClientCert",
    "ClientCertValidity",
    "CloudWatchAlarmConfiguration",
    "CloudWatchAlarmData",
    "CloudWatchAlarmEvent",
    "CloudWatchAlarmMetric",
    "CloudWatchAlarmState",
    "CloudWatchLogsDecodedData",
    "CloudWatchLogsEvent",
    "CloudWatchLogsLogEvent",
    "CognitoIdentity",
    "CreateAuthChallengeTriggerEvent",
    "CreateAuthChallengeTriggerEventRequest",
    "CreateAuthChallengeTriggerEventResponse",
    "CustomEmailSenderTriggerEvent",
    "CustomMessageTriggerEvent",
    "CustomMessageTriggerEventRequest",
    "CustomMessageTriggerEventResponse",
    "CustomSMSSenderTriggerEvent",
    "CustomSenderTriggerEventRequest",
    "DefineAuthChallengeTriggerEvent",
    "DefineAuthChallengeTriggerEventRequest",
    "DefineAuthChallengeTriggerEventResponse",
    "DictWrapper",
    "DynamoDBRecord",
    "DynamoDBStreamEvent",
    "ELBContext",
    "EventBridgeEvent",
    "EventDecodeError",
    "EventFieldError",
    "EventSourceError",
    "GroupConfiguration",
    "Headers",
    "InboundFederationTriggerEvent",
    "InboundFederationTriggerEventRequest",
    "InboundFederationTriggerEventResponse",
    "KafkaEvent",
    "KafkaRecord",
    "KinesisFirehoseEvent",
    "KinesisFirehoseRecord",
    "KinesisFirehoseRecordMetadata",
    "KinesisFirehoseResponse",
    "KinesisStreamEvent",
    "KinesisStreamRecord",
    "KinesisStreamRecordPayload",
    "LambdaFunctionUrlEvent",
    "PostAuthenticationTriggerEvent",
    "PostAuthenticationTriggerEventRequest",
    "PostConfirmationTriggerEvent",
    "PreAuthenticationTriggerEvent",
    "PreAuthenticationTriggerEventRequest",
    "PreSignUpTriggerEvent",
    "PreSignUpTriggerEventRequest",
    "PreSignUpTriggerEventResponse",
    "PreTokenGenerationTriggerEvent",
    "PreTokenGenerationTriggerEventRequest",
    "PreTokenGenerationTriggerEventResponse",
    "RabbitMQBasicProperties",
    "RabbitMQEvent",
    "RabbitMessage",
    "RequestContextIdentity",
    "RequestContextV2",
    "RequestContextV2Authentication",
    "RequestContextV2Authorizer",
    "RequestContextV2AuthorizerIam",
    "RequestContextV2Http",
    "S3BatchOperationEvent",
    "S3BatchOperationJob",
    "S3BatchOperationTask",
    "S3Bucket",
    "S3Event",
    "S3EventBridgeBucket",
    "S3EventBridgeDetail",
    "S3EventBridgeNotificationEvent",
    "S3EventBridgeObject",
    "S3EventRecord",
    "S3Message",
    "S3Object",
    "S3ObjectConfiguration",
    "S3ObjectContext",
    "S3ObjectLambdaEvent",
    "S3ObjectUserIdentity",
    "S3ObjectUserRequest",
    "SESEvent",
    "SESEventRecord",
    "SESMail",
    "SESMailCommonHeaders",
    "SESMessage",
    "SESReceipt",
    "SESReceiptAction",
    "SNSEvent",
    "SNSMessage",
    "SNSMessageAttribute",
    "SNSMessageAttributes",
    "SNSRecord",
    "SQSEvent",
    "SQSMessageAttribute",
    "SQSMessageAttributes",
    "SQSRecord",
    "SQSRecordAttributes",
    "StreamRecord",
    "StreamWindow",
    "TumblingWindowMixin",
    "UserMigrationTriggerEvent",
    "UserMigrationTriggerEventRequest",
    "UserMigrationTriggerEventResponse",
    "UserTriggerRequest",
    "VPCLatticeEvent",
    "VPCLatticeEventV2",
    "VPCLatticeIdentity",
    "VPCLatticeRequestContext",
    "VerifyAuthChallengeResponseTriggerEvent",
    "VerifyAuthChallengeResponseTriggerEventRequest",
    "VerifyAuthChallengeResponseTriggerEventResponse",
    "WebSocketRequestContext",
    "deserialize_attribute",
    "event_source",
    "s3_batch_result",
    "simple_authorizer_response",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'powerkit.events' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"powerkit.events.{module}"), name)
    globals()[name] = value  # resolve once; later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
