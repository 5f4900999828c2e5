"""Which real sample event each data class is tested against, and what is checked.

Each entry maps a sample file (``<folder>/<file>`` under ``shared/events``) to the data class
that wraps it and a checker asserting the identifying fields equal the raw JSON (decoded
where the source encodes them). ``UNSUPPORTED`` lists the files deliberately not wrapped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from powerkit import events
from tests.events._checks_cognito import (
    check_custom_sender,
    check_define_auth,
    check_federation,
    check_trigger,
    check_trigger_response,
)
from tests.events._checks_http import (
    check_alb,
    check_apigw_v1,
    check_apigw_v2,
    check_authorizer_request,
    check_authorizer_token,
    check_authorizer_v2,
    check_lattice_v1,
    check_lattice_v2,
    check_websocket,
)
from tests.events._checks_logs import (
    check_alarm,
    check_alarm_via_sns,
    check_firehose,
    check_kinesis_logs,
    check_logs,
)
from tests.events._checks_messaging import check_activemq, check_kafka, check_rabbitmq, check_ses
from tests.events._checks_notifications import (
    check_eventbridge,
    check_s3,
    check_s3_batch,
    check_s3_eventbridge,
    check_s3_in_sqs,
    check_s3_object_lambda,
    check_sns,
    check_sns_in_sqs,
)
from tests.events._checks_services import (
    check_appsync_authorizer,
    check_appsync_batch,
    check_appsync_identity_cognito,
    check_appsync_identity_iam,
    check_appsync_resolver,
    check_bedrock,
    check_cfn,
    check_client_vpn,
    check_codedeploy,
    check_codepipeline,
    check_config,
    check_connect,
    check_dashboard,
    check_iot_auth,
    check_iot_provisioning,
    check_secrets,
)
from tests.events._checks_streams import check_dynamodb, check_kinesis, check_sqs

Checker = Callable[[Any, dict[str, Any]], None]


SAMPLES: dict[str, tuple[Callable[[Any], Any], Checker]] = {
    "aws-lambda-go/sqs-event.json": (events.SQSEvent, check_sqs),
    "powertools/sqsEvent.json": (events.SQSEvent, check_sqs),
    "powertools/sqsDlqTriggerEvent.json": (events.SQSEvent, check_sqs),
    "powertools/snsSqsEvent.json": (events.SQSEvent, check_sns_in_sqs),
    "powertools/snsSqsFifoEvent.json": (events.SQSEvent, check_sns_in_sqs),
    "powertools/s3SqsEvent.json": (events.SQSEvent, check_s3_in_sqs),
    "aws-lambda-go/kinesis-event.json": (events.KinesisStreamEvent, check_kinesis),
    "aws-lambda-go/kinesis-time-window-event.json": (events.KinesisStreamEvent, check_kinesis),
    "powertools/kinesisStreamEvent.json": (events.KinesisStreamEvent, check_kinesis),
    "powertools/kinesisStreamEventOneRecord.json": (events.KinesisStreamEvent, check_kinesis),
    "powertools/kinesisStreamCloudWatchLogsEvent.json": (
        events.KinesisStreamEvent,
        check_kinesis_logs,
    ),
    "aws-lambda-go/dynamodb-event.json": (events.DynamoDBStreamEvent, check_dynamodb),
    "aws-lambda-go/dynamodb-time-window-event.json": (events.DynamoDBStreamEvent, check_dynamodb),
    "powertools/dynamoStreamEvent.json": (events.DynamoDBStreamEvent, check_dynamodb),
    # HTTP family
    "aws-lambda-go/apigw-request.json": (events.APIGatewayProxyEvent, check_apigw_v1),
    "aws-lambda-go/apigw-restapi-openapi-request.json": (
        events.APIGatewayProxyEvent,
        check_apigw_v1,
    ),
    "powertools/apiGatewayProxyEvent.json": (events.APIGatewayProxyEvent, check_apigw_v1),
    "powertools/apiGatewayProxyEventAnotherPath.json": (
        events.APIGatewayProxyEvent,
        check_apigw_v1,
    ),
    "powertools/apiGatewayProxyEventNoOrigin.json": (events.APIGatewayProxyEvent, check_apigw_v1),
    "powertools/apiGatewayProxyEventPathTrailingSlash.json": (
        events.APIGatewayProxyEvent,
        check_apigw_v1,
    ),
    "powertools/apiGatewayProxyEventPrincipalId.json": (
        events.APIGatewayProxyEvent,
        check_apigw_v1,
    ),
    "powertools/apiGatewayProxyEvent_noVersionAuth.json": (
        events.APIGatewayProxyEvent,
        check_apigw_v1,
    ),
    "powertools/apiGatewayProxyOtherEvent.json": (events.APIGatewayProxyEvent, check_apigw_v1),
    "powertools/apigatewayeSchemaMiddlwareValidEvent.json": (
        events.APIGatewayProxyEvent,
        check_apigw_v1,
    ),
    "powertools/apigatewayeSchemaMiddlwareInvalidEvent.json": (
        events.APIGatewayProxyEvent,
        check_apigw_v1,
    ),
    "aws-lambda-go/apigw-websocket-request.json": (
        events.APIGatewayWebSocketEvent,
        check_websocket,
    ),
    "aws-lambda-go/apigw-websocket-request-disconnect.json": (
        events.APIGatewayWebSocketEvent,
        check_websocket,
    ),
    "aws-lambda-go/apigw-websocket-request-send-message.json": (
        events.APIGatewayWebSocketEvent,
        check_websocket,
    ),
    "aws-lambda-go/apigw-v2-request-iam.json": (events.APIGatewayProxyEventV2, check_apigw_v2),
    "aws-lambda-go/apigw-v2-request-jwt-authorizer.json": (
        events.APIGatewayProxyEventV2,
        check_apigw_v2,
    ),
    "aws-lambda-go/apigw-v2-request-lambda-authorizer.json": (
        events.APIGatewayProxyEventV2,
        check_apigw_v2,
    ),
    "aws-lambda-go/apigw-v2-request-no-authorizer.json": (
        events.APIGatewayProxyEventV2,
        check_apigw_v2,
    ),
    "powertools/apiGatewayProxyV2Event.json": (events.APIGatewayProxyEventV2, check_apigw_v2),
    "powertools/apiGatewayProxyV2EventPathTrailingSlash.json": (
        events.APIGatewayProxyEventV2,
        check_apigw_v2,
    ),
    "powertools/apiGatewayProxyV2Event_GET.json": (events.APIGatewayProxyEventV2, check_apigw_v2),
    "powertools/apiGatewayProxyV2IamEvent.json": (events.APIGatewayProxyEventV2, check_apigw_v2),
    "powertools/apiGatewayProxyV2LambdaAuthorizerEvent.json": (
        events.APIGatewayProxyEventV2,
        check_apigw_v2,
    ),
    "powertools/apiGatewayProxyV2OtherGetEvent.json": (
        events.APIGatewayProxyEventV2,
        check_apigw_v2,
    ),
    "powertools/apiGatewayProxyV2SchemaMiddlwareValidEvent.json": (
        events.APIGatewayProxyEventV2,
        check_apigw_v2,
    ),
    "powertools/apiGatewayProxyV2SchemaMiddlwareInvalidEvent.json": (
        events.APIGatewayProxyEventV2,
        check_apigw_v2,
    ),
    "aws-lambda-go/lambda-urls-request.json": (events.LambdaFunctionUrlEvent, check_apigw_v2),
    "powertools/lambdaFunctionUrlEvent.json": (events.LambdaFunctionUrlEvent, check_apigw_v2),
    "powertools/lambdaFunctionUrlEventPathTrailingSlash.json": (
        events.LambdaFunctionUrlEvent,
        check_apigw_v2,
    ),
    "powertools/lambdaFunctionUrlEventWithHeaders.json": (
        events.LambdaFunctionUrlEvent,
        check_apigw_v2,
    ),
    "powertools/lambdaFunctionUrlIAMEvent.json": (events.LambdaFunctionUrlEvent, check_apigw_v2),
    "aws-lambda-go/alb-lambda-target-request-headers-only.json": (events.ALBEvent, check_alb),
    "aws-lambda-go/alb-lambda-target-request-multivalue-headers.json": (events.ALBEvent, check_alb),
    "powertools/albEvent.json": (events.ALBEvent, check_alb),
    "powertools/albEventPathTrailingSlash.json": (events.ALBEvent, check_alb),
    "powertools/albMultiValueHeadersEvent.json": (events.ALBEvent, check_alb),
    "powertools/albMultiValueQueryStringEvent.json": (events.ALBEvent, check_alb),
    "powertools/vpcLatticeEvent.json": (events.VPCLatticeEvent, check_lattice_v1),
    "powertools/vpcLatticeEventPathTrailingSlash.json": (events.VPCLatticeEvent, check_lattice_v1),
    "powertools/vpcLatticeV2Event.json": (events.VPCLatticeEventV2, check_lattice_v2),
    "powertools/vpcLatticeEventV2PathTrailingSlash.json": (
        events.VPCLatticeEventV2,
        check_lattice_v2,
    ),
    "powertools/vpcLatticeV2EventWithHeaders.json": (events.VPCLatticeEventV2, check_lattice_v2),
    # SNS, S3 family, EventBridge
    "aws-lambda-go/sns-event.json": (events.SNSEvent, check_sns),
    "powertools/snsEvent.json": (events.SNSEvent, check_sns),
    "aws-lambda-go/s3-event.json": (events.S3Event, check_s3),
    "aws-lambda-go/s3-event-with-decoded.json": (events.S3Event, check_s3),
    "aws-lambda-go/s3-glacier-event.json": (events.S3Event, check_s3),
    "aws-lambda-go/s3-intelligenttier-event.json": (events.S3Event, check_s3),
    "aws-lambda-go/s3-lifecycle-event.json": (events.S3Event, check_s3),
    "aws-lambda-go/s3-replication-event.json": (events.S3Event, check_s3),
    "aws-lambda-go/s3-restore-event.json": (events.S3Event, check_s3),
    "powertools/s3Event.json": (events.S3Event, check_s3),
    "powertools/s3EventDecodedKey.json": (events.S3Event, check_s3),
    "powertools/s3EventDeleteObject.json": (events.S3Event, check_s3),
    "powertools/s3EventGlacier.json": (events.S3Event, check_s3),
    "powertools/s3EventBridgeNotificationObjectCreatedEvent.json": (
        events.S3EventBridgeNotificationEvent,
        check_s3_eventbridge,
    ),
    "powertools/s3EventBridgeNotificationObjectDeletedEvent.json": (
        events.S3EventBridgeNotificationEvent,
        check_s3_eventbridge,
    ),
    "powertools/s3EventBridgeNotificationObjectExpiredEvent.json": (
        events.S3EventBridgeNotificationEvent,
        check_s3_eventbridge,
    ),
    "powertools/s3EventBridgeNotificationObjectRestoreCompletedEvent.json": (
        events.S3EventBridgeNotificationEvent,
        check_s3_eventbridge,
    ),
    "aws-lambda-go/s3-object-lambda-event-get-object-assumed-role.json": (
        events.S3ObjectLambdaEvent,
        check_s3_object_lambda,
    ),
    "aws-lambda-go/s3-object-lambda-event-get-object-iam.json": (
        events.S3ObjectLambdaEvent,
        check_s3_object_lambda,
    ),
    "aws-lambda-go/s3-object-lambda-event-head-object-iam.json": (
        events.S3ObjectLambdaEvent,
        check_s3_object_lambda,
    ),
    "aws-lambda-go/s3-object-lambda-event-list-objects-iam.json": (
        events.S3ObjectLambdaEvent,
        check_s3_object_lambda,
    ),
    "aws-lambda-go/s3-object-lambda-event-list-objects-v2-iam.json": (
        events.S3ObjectLambdaEvent,
        check_s3_object_lambda,
    ),
    "powertools/s3ObjectEventIAMUser.json": (events.S3ObjectLambdaEvent, check_s3_object_lambda),
    "powertools/s3ObjectEventTempCredentials.json": (
        events.S3ObjectLambdaEvent,
        check_s3_object_lambda,
    ),
    "aws-lambda-go/s3-batch-job-event-request-1.0.json": (
        events.S3BatchOperationEvent,
        check_s3_batch,
    ),
    "aws-lambda-go/s3-batch-job-event-request-2.0.json": (
        events.S3BatchOperationEvent,
        check_s3_batch,
    ),
    "powertools/s3BatchOperationEventSchemaV1.json": (events.S3BatchOperationEvent, check_s3_batch),
    "powertools/s3BatchOperationEventSchemaV2.json": (events.S3BatchOperationEvent, check_s3_batch),
    "powertools/eventBridgeEvent.json": (events.EventBridgeEvent, check_eventbridge),
    "aws-lambda-go/autoscaling-event-launch-successful.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/autoscaling-event-launch-unsuccessful.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/autoscaling-event-lifecycle-action.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/autoscaling-event-terminate-action.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/autoscaling-event-terminate-successful.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/autoscaling-event-terminate-unsuccessful.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/codebuild-phase-change.json": (events.EventBridgeEvent, check_eventbridge),
    "aws-lambda-go/codebuild-state-change.json": (events.EventBridgeEvent, check_eventbridge),
    "aws-lambda-go/codedeploy-deployment-event.json": (events.EventBridgeEvent, check_eventbridge),
    "aws-lambda-go/codedeploy-instance-event.json": (events.EventBridgeEvent, check_eventbridge),
    "aws-lambda-go/codepipeline-action-execution-stage-change-event.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/codepipeline-execution-stage-change-event.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/codepipeline-execution-state-change-event.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    "aws-lambda-go/ecr-image-push-event.json": (events.EventBridgeEvent, check_eventbridge),
    "aws-lambda-go/ecr-image-scan-event.json": (events.EventBridgeEvent, check_eventbridge),
    "aws-lambda-go/ecs-container-instance-state-change.json": (
        events.EventBridgeEvent,
        check_eventbridge,
    ),
    # CloudWatch Logs and alarms, Firehose
    "aws-lambda-go/cloudwatch-logs-event.json": (events.CloudWatchLogsEvent, check_logs),
    "powertools/cloudWatchLogEvent.json": (events.CloudWatchLogsEvent, check_logs),
    "powertools/cloudWatchLogEventWithPolicyLevel.json": (events.CloudWatchLogsEvent, check_logs),
    "powertools/cloudWatchAlarmEventCompositeMetric.json": (
        events.CloudWatchAlarmEvent,
        check_alarm,
    ),
    "powertools/cloudWatchAlarmEventSingleMetric.json": (events.CloudWatchAlarmEvent, check_alarm),
    "aws-lambda-go/cloudwatch-alarm-sns-payload-multiple-metrics.json": (
        events.SNSEvent,
        check_alarm_via_sns,
    ),
    "aws-lambda-go/cloudwatch-alarm-sns-payload-single-metric.json": (
        events.SNSEvent,
        check_alarm_via_sns,
    ),
    "aws-lambda-go/kinesis-firehose-event.json": (events.KinesisFirehoseEvent, check_firehose),
    "powertools/kinesisFirehoseKinesisEvent.json": (events.KinesisFirehoseEvent, check_firehose),
    "powertools/kinesisFirehosePutEvent.json": (events.KinesisFirehoseEvent, check_firehose),
    "powertools/kinesisFirehoseSQSEvent.json": (events.KinesisFirehoseEvent, check_firehose),
    # Kafka, Amazon MQ, SES
    "aws-lambda-go/kafka-event.json": (events.KafkaEvent, check_kafka),
    "powertools/kafkaEventMsk.json": (events.KafkaEvent, check_kafka),
    "powertools/kafkaEventSelfManaged.json": (events.KafkaEvent, check_kafka),
    "aws-lambda-go/activemq-event.json": (events.ActiveMQEvent, check_activemq),
    "powertools/activeMQEvent.json": (events.ActiveMQEvent, check_activemq),
    "aws-lambda-go/rabbitmq-event.json": (events.RabbitMQEvent, check_rabbitmq),
    "powertools/rabbitMQEvent.json": (events.RabbitMQEvent, check_rabbitmq),
    "aws-lambda-go/ses-lambda-event.json": (events.SESEvent, check_ses),
    "aws-lambda-go/ses-s3-event.json": (events.SESEvent, check_ses),
    "aws-lambda-go/ses-sns-event.json": (events.SESEvent, check_ses),
    "powertools/sesEvent.json": (events.SESEvent, check_ses),
    # Cognito user pool triggers
    "aws-lambda-go/cognito-event-userpools-create-auth-challenge.json": (
        events.CreateAuthChallengeTriggerEvent,
        check_trigger_response("challenge_metadata", "challengeMetadata", "ROUND-1"),
    ),
    "powertools/cognitoCreateAuthChallengeEvent.json": (
        events.CreateAuthChallengeTriggerEvent,
        check_trigger_response("challenge_metadata", "challengeMetadata", "ROUND-1"),
    ),
    "aws-lambda-go/cognito-event-userpools-custommessage.json": (
        events.CustomMessageTriggerEvent,
        check_trigger_response("email_subject", "emailSubject", "Hi"),
    ),
    "powertools/cognitoCustomMessageEvent.json": (
        events.CustomMessageTriggerEvent,
        check_trigger_response("email_subject", "emailSubject", "Hi"),
    ),
    "aws-lambda-go/cognito-event-userpools-define-auth-challenge.json": (
        events.DefineAuthChallengeTriggerEvent,
        check_define_auth,
    ),
    "powertools/cognitoDefineAuthChallengeEvent.json": (
        events.DefineAuthChallengeTriggerEvent,
        check_define_auth,
    ),
    "aws-lambda-go/cognito-event-userpools-inbound-federation-oidc.json": (
        events.InboundFederationTriggerEvent,
        check_federation,
    ),
    "aws-lambda-go/cognito-event-userpools-inbound-federation-saml.json": (
        events.InboundFederationTriggerEvent,
        check_federation,
    ),
    "aws-lambda-go/cognito-event-userpools-migrateuser.json": (
        events.UserMigrationTriggerEvent,
        check_trigger_response("final_user_status", "finalUserStatus", "CONFIRMED"),
    ),
    "powertools/cognitoUserMigrationEvent.json": (
        events.UserMigrationTriggerEvent,
        check_trigger_response("final_user_status", "finalUserStatus", "CONFIRMED"),
    ),
    "aws-lambda-go/cognito-event-userpools-postauthentication.json": (
        events.PostAuthenticationTriggerEvent,
        check_trigger,
    ),
    "powertools/cognitoPostAuthenticationEvent.json": (
        events.PostAuthenticationTriggerEvent,
        check_trigger,
    ),
    "aws-lambda-go/cognito-event-userpools-postconfirmation.json": (
        events.PostConfirmationTriggerEvent,
        check_trigger,
    ),
    "powertools/cognitoPostConfirmationEvent.json": (
        events.PostConfirmationTriggerEvent,
        check_trigger,
    ),
    "aws-lambda-go/cognito-event-userpools-preauthentication.json": (
        events.PreAuthenticationTriggerEvent,
        check_trigger,
    ),
    "powertools/cognitoPreAuthenticationEvent.json": (
        events.PreAuthenticationTriggerEvent,
        check_trigger,
    ),
    "aws-lambda-go/cognito-event-userpools-presignup.json": (
        events.PreSignUpTriggerEvent,
        check_trigger_response("auto_confirm_user", "autoConfirmUser", True),
    ),
    "powertools/cognitoPreSignUpEvent.json": (
        events.PreSignUpTriggerEvent,
        check_trigger_response("auto_confirm_user", "autoConfirmUser", True),
    ),
    "aws-lambda-go/cognito-event-userpools-pretokengen.json": (
        events.PreTokenGenerationTriggerEvent,
        check_trigger_response(
            "claims_override_details", "claimsOverrideDetails", {"claimsToSuppress": ["email"]}
        ),
    ),
    "aws-lambda-go/cognito-event-userpools-pretokengen-v2.json": (
        events.PreTokenGenerationTriggerEvent,
        check_trigger_response(
            "claims_and_scope_override_details",
            "claimsAndScopeOverrideDetails",
            {"idTokenGeneration": {}},
        ),
    ),
    "aws-lambda-go/cognito-event-userpools-pretokengen-v2_0.json": (
        events.PreTokenGenerationTriggerEvent,
        check_trigger_response(
            "claims_and_scope_override_details",
            "claimsAndScopeOverrideDetails",
            {"idTokenGeneration": {}},
        ),
    ),
    "powertools/cognitoPreTokenGenerationEvent.json": (
        events.PreTokenGenerationTriggerEvent,
        check_trigger_response(
            "claims_and_scope_override_details",
            "claimsAndScopeOverrideDetails",
            {"idTokenGeneration": {}},
        ),
    ),
    "powertools/cognitoPreTokenV2GenerationEvent.json": (
        events.PreTokenGenerationTriggerEvent,
        check_trigger_response(
            "claims_and_scope_override_details",
            "claimsAndScopeOverrideDetails",
            {"idTokenGeneration": {}},
        ),
    ),
    "aws-lambda-go/cognito-event-userpools-verify-auth-challenge.json": (
        events.VerifyAuthChallengeResponseTriggerEvent,
        check_trigger_response("answer_correct", "answerCorrect", True),
    ),
    "powertools/cognitoVerifyAuthChallengeResponseEvent.json": (
        events.VerifyAuthChallengeResponseTriggerEvent,
        check_trigger_response("answer_correct", "answerCorrect", True),
    ),
    "powertools/cognitoCustomEmailSenderEvent.json": (
        events.CustomEmailSenderTriggerEvent,
        check_custom_sender,
    ),
    "powertools/cognitoCustomSMSSenderEvent.json": (
        events.CustomSMSSenderTriggerEvent,
        check_custom_sender,
    ),
    # AppSync, CloudFormation, CodePipeline, Secrets Manager, Config, Bedrock, Connect, IoT
    "powertools/appSyncResolverEvent.json": (events.AppSyncResolverEvent, check_appsync_resolver),
    "powertools/appSyncDirectResolver.json": (events.AppSyncResolverEvent, check_appsync_resolver),
    "powertools/appSyncBatchEvent.json": (events.AppSyncResolverEvent.batch, check_appsync_batch),
    "aws-lambda-go/appsync-identity-cognito.json": (
        events.AppSyncIdentityCognito,
        check_appsync_identity_cognito,
    ),
    "aws-lambda-go/appsync-identity-iam.json": (
        events.AppSyncIdentityIAM,
        check_appsync_identity_iam,
    ),
    "aws-lambda-go/appsync-lambda-auth-request.json": (
        events.AppSyncAuthorizerEvent,
        check_appsync_authorizer,
    ),
    "powertools/appSyncAuthorizerEvent.json": (
        events.AppSyncAuthorizerEvent,
        check_appsync_authorizer,
    ),
    "powertools/cloudformationCustomResourceCreate.json": (
        events.CloudFormationCustomResourceEvent,
        check_cfn,
    ),
    "powertools/cloudformationCustomResourceDelete.json": (
        events.CloudFormationCustomResourceEvent,
        check_cfn,
    ),
    "powertools/cloudformationCustomResourceUpdate.json": (
        events.CloudFormationCustomResourceEvent,
        check_cfn,
    ),
    "aws-lambda-go/codepipeline-job-event.json": (events.CodePipelineJobEvent, check_codepipeline),
    "powertools/codePipelineEvent.json": (events.CodePipelineJobEvent, check_codepipeline),
    "powertools/codePipelineEventData.json": (events.CodePipelineJobEvent, check_codepipeline),
    "powertools/codePipelineEventEmptyUserParameters.json": (
        events.CodePipelineJobEvent,
        check_codepipeline,
    ),
    "powertools/codePipelineEventWithEncryptionKey.json": (
        events.CodePipelineJobEvent,
        check_codepipeline,
    ),
    "aws-lambda-go/secretsmanager-secret-rotation-event.json": (
        events.SecretsManagerRotationEvent,
        check_secrets,
    ),
    "powertools/secretsManagerEvent.json": (events.SecretsManagerRotationEvent, check_secrets),
    "aws-lambda-go/config-event.json": (events.AWSConfigRuleEvent, check_config),
    "powertools/awsConfigRuleConfigurationChanged.json": (events.AWSConfigRuleEvent, check_config),
    "powertools/awsConfigRuleOversizedConfiguration.json": (
        events.AWSConfigRuleEvent,
        check_config,
    ),
    "powertools/awsConfigRuleScheduled.json": (events.AWSConfigRuleEvent, check_config),
    "powertools/bedrockAgentEvent.json": (events.BedrockAgentEvent, check_bedrock),
    "powertools/bedrockAgentEventWithPathParams.json": (events.BedrockAgentEvent, check_bedrock),
    "powertools/bedrockAgentPostEvent.json": (events.BedrockAgentEvent, check_bedrock),
    "aws-lambda-go/connect-event.json": (events.ConnectContactFlowEvent, check_connect),
    "powertools/connectContactFlowEventAll.json": (events.ConnectContactFlowEvent, check_connect),
    "powertools/connectContactFlowEventMin.json": (events.ConnectContactFlowEvent, check_connect),
    "aws-lambda-go/iot-custom-auth-request.json": (events.IoTCustomAuthorizerEvent, check_iot_auth),
    "aws-lambda-go/clientvpn-connectionhandler-request.json": (
        events.ClientVPNConnectionHandlerEvent,
        check_client_vpn,
    ),
    "powertools/cloudWatchDashboardEvent.json": (
        events.CloudWatchDashboardCustomWidgetEvent,
        check_dashboard,
    ),
    "powertools/codeDeployLifecycleHookEvent.json": (
        events.CodeDeployLifecycleHookEvent,
        check_codedeploy,
    ),
    "aws-lambda-go/iot-preprovision-hook-request.json": (
        events.IoTPreProvisioningHookEvent,
        check_iot_provisioning,
    ),
    # API Gateway authorizers
    "aws-lambda-go/apigw-custom-auth-request.json": (
        events.APIGatewayAuthorizerTokenEvent,
        check_authorizer_token,
    ),
    "powertools/apiGatewayAuthorizerTokenEvent.json": (
        events.APIGatewayAuthorizerTokenEvent,
        check_authorizer_token,
    ),
    "aws-lambda-go/apigw-custom-auth-request-type-request.json": (
        events.APIGatewayAuthorizerRequestEvent,
        check_authorizer_request,
    ),
    "powertools/apiGatewayAuthorizerRequestEvent.json": (
        events.APIGatewayAuthorizerRequestEvent,
        check_authorizer_request,
    ),
    "aws-lambda-go/apigw-v2-custom-authorizer-v1-request.json": (
        events.APIGatewayAuthorizerRequestEvent,
        check_authorizer_request,
    ),
    "aws-lambda-go/apigw-v2-custom-authorizer-v2-request.json": (
        events.APIGatewayAuthorizerEventV2,
        check_authorizer_v2,
    ),
    "powertools/apiGatewayAuthorizerV2Event.json": (
        events.APIGatewayAuthorizerEventV2,
        check_authorizer_v2,
    ),
}

# Samples trimmed by their authors: the required fields they lack (each raises
# EventFieldError naming exactly this path, and nothing else is missing).
TRIMMED: dict[str, set[str]] = {
    # a hand-cut REST event: only requestId and authorizer are left in requestContext
    "powertools/apiGatewayProxyEventPrincipalId.json": {
        "requestContext.accountId",
        "requestContext.apiId",
        "requestContext.identity",
        "requestContext.stage",
    },
}

# Sample files deliberately not wrapped, with the reason (also listed in docs/events.md).
UNSUPPORTED: dict[str, str] = {
    "aws-lambda-go/dynamodb-event-malformed.2.json": "not valid JSON on purpose",
    "aws-lambda-go/cognito-event.json": "Cognito Sync (a retired service), not a user pool trigger",
    "aws-lambda-go/code-commit-event.json": "CodeCommit triggers: CodeCommit is closed to new "
    "customers",
    "aws-lambda-go/iot-1-click-event.json": "AWS IoT 1-Click is discontinued",
    "aws-lambda-go/iot-button-event.json": "the AWS IoT button is discontinued",
    "aws-lambda-go/kinesis-analytics-output-delivery-event.json": "Kinesis Data Analytics for SQL "
    "is discontinued",
    "aws-lambda-go/lex-event.json": "Amazon Lex V1 is deprecated",
    # Responses a function returns, not events it receives.
    "aws-lambda-go/alb-lambda-target-response.json": "a response (HTTP responses are plain dicts)",
    "aws-lambda-go/apigw-response.json": "a response (HTTP responses are plain dicts)",
    "aws-lambda-go/lambda-urls-response.json": "a response (HTTP responses are plain dicts)",
    "aws-lambda-go/apigw-custom-auth-response.json": "a response: test_responses.py builds it",
    "aws-lambda-go/appsync-lambda-auth-response.json": "a response: test_responses.py builds it",
    "powertools/appSyncAuthorizerResponse.json": "a response: test_responses.py builds it",
    "aws-lambda-go/iot-custom-auth-response.json": "a response: test_responses.py builds it",
    "aws-lambda-go/iot-preprovision-hook-response.json": "a response: test_responses.py builds it",
    "aws-lambda-go/kinesis-firehose-response.json": "a response: test_responses.py builds it",
    "aws-lambda-go/s3-batch-job-event-response.json": "a response: test_responses.py builds it",
    "aws-lambda-go/kinesis-analytics-output-delivery-response.json": "a response of a "
    "discontinued service",
    "aws-lambda-go/lex-response.json": "a response of Amazon Lex V1 (deprecated)",
}
