"""Which real sample event each data class is tested against, and what is checked.

Each entry maps a sample file (``<folder>/<file>`` under ``shared/events``) to the data class
that wraps it and a checker asserting the identifying fields equal the raw JSON (decoded
where the source encodes them). ``UNSUPPORTED`` lists the files deliberately not wrapped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from powerkit import events
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
from tests.events._checks_streams import check_dynamodb, check_kinesis, check_sqs

Checker = Callable[[Any, dict[str, Any]], None]


SAMPLES: dict[str, tuple[type, Checker]] = {
    "aws-lambda-go/sqs-event.json": (events.SQSEvent, check_sqs),
    "powertools/sqsEvent.json": (events.SQSEvent, check_sqs),
    "powertools/sqsDlqTriggerEvent.json": (events.SQSEvent, check_sqs),
    "powertools/snsSqsEvent.json": (events.SQSEvent, check_sqs),
    "powertools/snsSqsFifoEvent.json": (events.SQSEvent, check_sqs),
    "powertools/s3SqsEvent.json": (events.SQSEvent, check_sqs),
    "aws-lambda-go/kinesis-event.json": (events.KinesisStreamEvent, check_kinesis),
    "aws-lambda-go/kinesis-time-window-event.json": (events.KinesisStreamEvent, check_kinesis),
    "powertools/kinesisStreamEvent.json": (events.KinesisStreamEvent, check_kinesis),
    "powertools/kinesisStreamEventOneRecord.json": (events.KinesisStreamEvent, check_kinesis),
    "powertools/kinesisStreamCloudWatchLogsEvent.json": (events.KinesisStreamEvent, check_kinesis),
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
    # an early Function URL payload: no routeKey (always "$default" for Function URLs)
    "aws-lambda-go/lambda-urls-request.json": {"routeKey"},
}

# Sample files deliberately not wrapped, with the reason (also listed in docs/events.md).
UNSUPPORTED: dict[str, str] = {
    "aws-lambda-go/dynamodb-event-malformed.2.json": "not valid JSON on purpose",
}
