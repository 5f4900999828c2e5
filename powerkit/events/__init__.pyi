"""Type information for `powerkit.events` (the package resolves names lazily)."""

from powerkit.events._apigw import APIGatewayAuthorizerContext as APIGatewayAuthorizerContext
from powerkit.events._apigw import APIGatewayProxyEvent as APIGatewayProxyEvent
from powerkit.events._apigw import APIGatewayRequestContext as APIGatewayRequestContext
from powerkit.events._apigw import APIGatewayWebSocketEvent as APIGatewayWebSocketEvent
from powerkit.events._apigw import ClientCert as ClientCert
from powerkit.events._apigw import ClientCertValidity as ClientCertValidity
from powerkit.events._apigw import RequestContextIdentity as RequestContextIdentity
from powerkit.events._apigw import WebSocketRequestContext as WebSocketRequestContext
from powerkit.events._apigw_v2 import APIGatewayProxyEventV2 as APIGatewayProxyEventV2
from powerkit.events._apigw_v2 import CognitoIdentity as CognitoIdentity
from powerkit.events._apigw_v2 import LambdaFunctionUrlEvent as LambdaFunctionUrlEvent
from powerkit.events._apigw_v2 import RequestContextV2 as RequestContextV2
from powerkit.events._apigw_v2 import (
    RequestContextV2Authentication as RequestContextV2Authentication,
)
from powerkit.events._apigw_v2 import RequestContextV2Authorizer as RequestContextV2Authorizer
from powerkit.events._apigw_v2 import RequestContextV2AuthorizerIam as RequestContextV2AuthorizerIam
from powerkit.events._apigw_v2 import RequestContextV2Http as RequestContextV2Http
from powerkit.events._appsync import AppSyncAuthorizerEvent as AppSyncAuthorizerEvent
from powerkit.events._appsync import (
    AppSyncAuthorizerRequestContext as AppSyncAuthorizerRequestContext,
)
from powerkit.events._appsync import AppSyncIdentityCognito as AppSyncIdentityCognito
from powerkit.events._appsync import AppSyncIdentityIAM as AppSyncIdentityIAM
from powerkit.events._appsync import AppSyncResolverEvent as AppSyncResolverEvent
from powerkit.events._appsync import AppSyncResolverEventInfo as AppSyncResolverEventInfo
from powerkit.events._appsync import appsync_authorizer_response as appsync_authorizer_response
from powerkit.events._authorizers import APIGatewayAuthorizerEventV2 as APIGatewayAuthorizerEventV2
from powerkit.events._authorizers import (
    APIGatewayAuthorizerRequestEvent as APIGatewayAuthorizerRequestEvent,
)
from powerkit.events._authorizers import (
    APIGatewayAuthorizerResponse as APIGatewayAuthorizerResponse,
)
from powerkit.events._authorizers import (
    APIGatewayAuthorizerTokenEvent as APIGatewayAuthorizerTokenEvent,
)
from powerkit.events._authorizers import APIGatewayRouteArn as APIGatewayRouteArn
from powerkit.events._authorizers import simple_authorizer_response as simple_authorizer_response
from powerkit.events._base import DictWrapper as DictWrapper
from powerkit.events._base import EventDecodeError as EventDecodeError
from powerkit.events._base import EventFieldError as EventFieldError
from powerkit.events._base import EventSourceError as EventSourceError
from powerkit.events._bedrock import BedrockAgentEvent as BedrockAgentEvent
from powerkit.events._bedrock import BedrockAgentInfo as BedrockAgentInfo
from powerkit.events._bedrock import BedrockAgentProperty as BedrockAgentProperty
from powerkit.events._cfn import (
    CloudFormationCustomResourceEvent as CloudFormationCustomResourceEvent,
)
from powerkit.events._cicd import CodeDeployLifecycleHookEvent as CodeDeployLifecycleHookEvent
from powerkit.events._cicd import CodePipelineArtifact as CodePipelineArtifact
from powerkit.events._cicd import CodePipelineArtifactCredentials as CodePipelineArtifactCredentials
from powerkit.events._cicd import CodePipelineData as CodePipelineData
from powerkit.events._cicd import CodePipelineEncryptionKey as CodePipelineEncryptionKey
from powerkit.events._cicd import CodePipelineJobEvent as CodePipelineJobEvent
from powerkit.events._cicd import CodePipelineS3Location as CodePipelineS3Location
from powerkit.events._cloudwatch import CloudWatchAlarmConfiguration as CloudWatchAlarmConfiguration
from powerkit.events._cloudwatch import CloudWatchAlarmData as CloudWatchAlarmData
from powerkit.events._cloudwatch import CloudWatchAlarmEvent as CloudWatchAlarmEvent
from powerkit.events._cloudwatch import CloudWatchAlarmMetric as CloudWatchAlarmMetric
from powerkit.events._cloudwatch import CloudWatchAlarmState as CloudWatchAlarmState
from powerkit.events._cloudwatch import CloudWatchLogsDecodedData as CloudWatchLogsDecodedData
from powerkit.events._cloudwatch import CloudWatchLogsEvent as CloudWatchLogsEvent
from powerkit.events._cloudwatch import CloudWatchLogsLogEvent as CloudWatchLogsLogEvent
from powerkit.events._cognito import BaseTriggerEvent as BaseTriggerEvent
from powerkit.events._cognito import CallerContext as CallerContext
from powerkit.events._cognito import CustomEmailSenderTriggerEvent as CustomEmailSenderTriggerEvent
from powerkit.events._cognito import CustomMessageTriggerEvent as CustomMessageTriggerEvent
from powerkit.events._cognito import (
    CustomMessageTriggerEventRequest as CustomMessageTriggerEventRequest,
)
from powerkit.events._cognito import (
    CustomMessageTriggerEventResponse as CustomMessageTriggerEventResponse,
)
from powerkit.events._cognito import (
    CustomSenderTriggerEventRequest as CustomSenderTriggerEventRequest,
)
from powerkit.events._cognito import CustomSMSSenderTriggerEvent as CustomSMSSenderTriggerEvent
from powerkit.events._cognito import (
    PostAuthenticationTriggerEvent as PostAuthenticationTriggerEvent,
)
from powerkit.events._cognito import (
    PostAuthenticationTriggerEventRequest as PostAuthenticationTriggerEventRequest,
)
from powerkit.events._cognito import PostConfirmationTriggerEvent as PostConfirmationTriggerEvent
from powerkit.events._cognito import PreAuthenticationTriggerEvent as PreAuthenticationTriggerEvent
from powerkit.events._cognito import (
    PreAuthenticationTriggerEventRequest as PreAuthenticationTriggerEventRequest,
)
from powerkit.events._cognito import PreSignUpTriggerEvent as PreSignUpTriggerEvent
from powerkit.events._cognito import PreSignUpTriggerEventRequest as PreSignUpTriggerEventRequest
from powerkit.events._cognito import PreSignUpTriggerEventResponse as PreSignUpTriggerEventResponse
from powerkit.events._cognito import UserMigrationTriggerEvent as UserMigrationTriggerEvent
from powerkit.events._cognito import (
    UserMigrationTriggerEventRequest as UserMigrationTriggerEventRequest,
)
from powerkit.events._cognito import (
    UserMigrationTriggerEventResponse as UserMigrationTriggerEventResponse,
)
from powerkit.events._cognito import UserTriggerRequest as UserTriggerRequest
from powerkit.events._cognito_auth import ChallengeResult as ChallengeResult
from powerkit.events._cognito_auth import (
    CreateAuthChallengeTriggerEvent as CreateAuthChallengeTriggerEvent,
)
from powerkit.events._cognito_auth import (
    CreateAuthChallengeTriggerEventRequest as CreateAuthChallengeTriggerEventRequest,
)
from powerkit.events._cognito_auth import (
    CreateAuthChallengeTriggerEventResponse as CreateAuthChallengeTriggerEventResponse,
)
from powerkit.events._cognito_auth import (
    DefineAuthChallengeTriggerEvent as DefineAuthChallengeTriggerEvent,
)
from powerkit.events._cognito_auth import (
    DefineAuthChallengeTriggerEventRequest as DefineAuthChallengeTriggerEventRequest,
)
from powerkit.events._cognito_auth import (
    DefineAuthChallengeTriggerEventResponse as DefineAuthChallengeTriggerEventResponse,
)
from powerkit.events._cognito_auth import GroupConfiguration as GroupConfiguration
from powerkit.events._cognito_auth import (
    InboundFederationTriggerEvent as InboundFederationTriggerEvent,
)
from powerkit.events._cognito_auth import (
    InboundFederationTriggerEventRequest as InboundFederationTriggerEventRequest,
)
from powerkit.events._cognito_auth import (
    InboundFederationTriggerEventResponse as InboundFederationTriggerEventResponse,
)
from powerkit.events._cognito_auth import (
    PreTokenGenerationTriggerEvent as PreTokenGenerationTriggerEvent,
)
from powerkit.events._cognito_auth import (
    PreTokenGenerationTriggerEventRequest as PreTokenGenerationTriggerEventRequest,
)
from powerkit.events._cognito_auth import (
    PreTokenGenerationTriggerEventResponse as PreTokenGenerationTriggerEventResponse,
)
from powerkit.events._cognito_auth import (
    VerifyAuthChallengeResponseTriggerEvent as VerifyAuthChallengeResponseTriggerEvent,
)
from powerkit.events._cognito_auth import (
    VerifyAuthChallengeResponseTriggerEventRequest as VerifyAuthChallengeResponseTriggerEventRequest,
)
from powerkit.events._cognito_auth import (
    VerifyAuthChallengeResponseTriggerEventResponse as VerifyAuthChallengeResponseTriggerEventResponse,
)
from powerkit.events._config_rule import AWSConfigRuleEvent as AWSConfigRuleEvent
from powerkit.events._connect import ConnectContactFlowData as ConnectContactFlowData
from powerkit.events._connect import ConnectContactFlowEndpoint as ConnectContactFlowEndpoint
from powerkit.events._connect import ConnectContactFlowEvent as ConnectContactFlowEvent
from powerkit.events._connect import ConnectContactFlowQueue as ConnectContactFlowQueue
from powerkit.events._console import (
    ClientVPNConnectionHandlerEvent as ClientVPNConnectionHandlerEvent,
)
from powerkit.events._console import (
    CloudWatchDashboardCustomWidgetEvent as CloudWatchDashboardCustomWidgetEvent,
)
from powerkit.events._console import (
    CloudWatchDashboardWidgetContext as CloudWatchDashboardWidgetContext,
)
from powerkit.events._console import (
    client_vpn_connection_response as client_vpn_connection_response,
)
from powerkit.events._dynamodb import DynamoDBRecord as DynamoDBRecord
from powerkit.events._dynamodb import DynamoDBStreamEvent as DynamoDBStreamEvent
from powerkit.events._dynamodb import StreamRecord as StreamRecord
from powerkit.events._dynamodb import deserialize_attribute as deserialize_attribute
from powerkit.events._eventbridge import EventBridgeEvent as EventBridgeEvent
from powerkit.events._eventbridge import S3EventBridgeBucket as S3EventBridgeBucket
from powerkit.events._eventbridge import S3EventBridgeDetail as S3EventBridgeDetail
from powerkit.events._eventbridge import (
    S3EventBridgeNotificationEvent as S3EventBridgeNotificationEvent,
)
from powerkit.events._eventbridge import S3EventBridgeObject as S3EventBridgeObject
from powerkit.events._firehose import KinesisFirehoseEvent as KinesisFirehoseEvent
from powerkit.events._firehose import KinesisFirehoseRecord as KinesisFirehoseRecord
from powerkit.events._firehose import KinesisFirehoseRecordMetadata as KinesisFirehoseRecordMetadata
from powerkit.events._firehose import KinesisFirehoseResponse as KinesisFirehoseResponse
from powerkit.events._headers import Headers as Headers
from powerkit.events._http import ALBEvent as ALBEvent
from powerkit.events._http import ALBRequestContext as ALBRequestContext
from powerkit.events._http import BaseHttpEvent as BaseHttpEvent
from powerkit.events._http import ELBContext as ELBContext
from powerkit.events._iot import IoTCustomAuthorizerEvent as IoTCustomAuthorizerEvent
from powerkit.events._iot import IoTPreProvisioningHookEvent as IoTPreProvisioningHookEvent
from powerkit.events._iot import iot_custom_auth_response as iot_custom_auth_response
from powerkit.events._iot import iot_pre_provisioning_response as iot_pre_provisioning_response
from powerkit.events._kafka import KafkaEvent as KafkaEvent
from powerkit.events._kafka import KafkaRecord as KafkaRecord
from powerkit.events._kinesis import KinesisStreamEvent as KinesisStreamEvent
from powerkit.events._kinesis import KinesisStreamRecord as KinesisStreamRecord
from powerkit.events._kinesis import KinesisStreamRecordPayload as KinesisStreamRecordPayload
from powerkit.events._lattice import VPCLatticeEvent as VPCLatticeEvent
from powerkit.events._lattice import VPCLatticeEventV2 as VPCLatticeEventV2
from powerkit.events._lattice import VPCLatticeIdentity as VPCLatticeIdentity
from powerkit.events._lattice import VPCLatticeRequestContext as VPCLatticeRequestContext
from powerkit.events._middleware import EventSourceApplier as EventSourceApplier
from powerkit.events._middleware import event_source as event_source
from powerkit.events._mq import ActiveMQDestination as ActiveMQDestination
from powerkit.events._mq import ActiveMQEvent as ActiveMQEvent
from powerkit.events._mq import ActiveMQMessage as ActiveMQMessage
from powerkit.events._mq import RabbitMessage as RabbitMessage
from powerkit.events._mq import RabbitMQBasicProperties as RabbitMQBasicProperties
from powerkit.events._mq import RabbitMQEvent as RabbitMQEvent
from powerkit.events._s3 import S3BatchOperationEvent as S3BatchOperationEvent
from powerkit.events._s3 import S3BatchOperationJob as S3BatchOperationJob
from powerkit.events._s3 import S3BatchOperationTask as S3BatchOperationTask
from powerkit.events._s3 import S3Bucket as S3Bucket
from powerkit.events._s3 import S3Event as S3Event
from powerkit.events._s3 import S3EventRecord as S3EventRecord
from powerkit.events._s3 import S3Message as S3Message
from powerkit.events._s3 import S3Object as S3Object
from powerkit.events._s3 import s3_batch_result as s3_batch_result
from powerkit.events._s3_object_lambda import S3ObjectConfiguration as S3ObjectConfiguration
from powerkit.events._s3_object_lambda import S3ObjectContext as S3ObjectContext
from powerkit.events._s3_object_lambda import S3ObjectLambdaEvent as S3ObjectLambdaEvent
from powerkit.events._s3_object_lambda import S3ObjectUserIdentity as S3ObjectUserIdentity
from powerkit.events._s3_object_lambda import S3ObjectUserRequest as S3ObjectUserRequest
from powerkit.events._secrets_manager import (
    SecretsManagerRotationEvent as SecretsManagerRotationEvent,
)
from powerkit.events._ses import SESEvent as SESEvent
from powerkit.events._ses import SESEventRecord as SESEventRecord
from powerkit.events._ses import SESMail as SESMail
from powerkit.events._ses import SESMailCommonHeaders as SESMailCommonHeaders
from powerkit.events._ses import SESMessage as SESMessage
from powerkit.events._ses import SESReceipt as SESReceipt
from powerkit.events._ses import SESReceiptAction as SESReceiptAction
from powerkit.events._sns import SNSEvent as SNSEvent
from powerkit.events._sns import SNSMessage as SNSMessage
from powerkit.events._sns import SNSMessageAttribute as SNSMessageAttribute
from powerkit.events._sns import SNSMessageAttributes as SNSMessageAttributes
from powerkit.events._sns import SNSRecord as SNSRecord
from powerkit.events._sqs import SQSEvent as SQSEvent
from powerkit.events._sqs import SQSMessageAttribute as SQSMessageAttribute
from powerkit.events._sqs import SQSMessageAttributes as SQSMessageAttributes
from powerkit.events._sqs import SQSRecord as SQSRecord
from powerkit.events._sqs import SQSRecordAttributes as SQSRecordAttributes
from powerkit.events._transfer import TransferFamilyAuthorizerEvent as TransferFamilyAuthorizerEvent
from powerkit.events._transfer import (
    transfer_family_authorizer_response as transfer_family_authorizer_response,
)
from powerkit.events._window import StreamWindow as StreamWindow
from powerkit.events._window import TumblingWindowMixin as TumblingWindowMixin

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
    "AWSConfigRuleEvent",
    "ActiveMQDestination",
    "ActiveMQEvent",
    "ActiveMQMessage",
    "AppSyncAuthorizerEvent",
    "AppSyncAuthorizerRequestContext",
    "AppSyncIdentityCognito",
    "AppSyncIdentityIAM",
    "AppSyncResolverEvent",
    "AppSyncResolverEventInfo",
    "BaseHttpEvent",
    "BaseTriggerEvent",
    "BedrockAgentEvent",
    "BedrockAgentInfo",
    "BedrockAgentProperty",
    "CallerContext",
    "ChallengeResult",
    "ClientCert",
    "ClientCertValidity",
    "ClientVPNConnectionHandlerEvent",
    "CloudFormationCustomResourceEvent",
    "CloudWatchAlarmConfiguration",
    "CloudWatchAlarmData",
    "CloudWatchAlarmEvent",
    "CloudWatchAlarmMetric",
    "CloudWatchAlarmState",
    "CloudWatchDashboardCustomWidgetEvent",
    "CloudWatchDashboardWidgetContext",
    "CloudWatchLogsDecodedData",
    "CloudWatchLogsEvent",
    "CloudWatchLogsLogEvent",
    "CodeDeployLifecycleHookEvent",
    "CodePipelineArtifact",
    "CodePipelineArtifactCredentials",
    "CodePipelineData",
    "CodePipelineEncryptionKey",
    "CodePipelineJobEvent",
    "CodePipelineS3Location",
    "CognitoIdentity",
    "ConnectContactFlowData",
    "ConnectContactFlowEndpoint",
    "ConnectContactFlowEvent",
    "ConnectContactFlowQueue",
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
    "EventSourceApplier",
    "EventSourceError",
    "GroupConfiguration",
    "Headers",
    "InboundFederationTriggerEvent",
    "InboundFederationTriggerEventRequest",
    "InboundFederationTriggerEventResponse",
    "IoTCustomAuthorizerEvent",
    "IoTPreProvisioningHookEvent",
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
    "SecretsManagerRotationEvent",
    "StreamRecord",
    "StreamWindow",
    "TransferFamilyAuthorizerEvent",
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
    "appsync_authorizer_response",
    "client_vpn_connection_response",
    "deserialize_attribute",
    "event_source",
    "iot_custom_auth_response",
    "iot_pre_provisioning_response",
    "s3_batch_result",
    "simple_authorizer_response",
    "transfer_family_authorizer_response",
]
