"""JMESPath expressions locating a correlation id in common Lambda events.

Use one as ``@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)``.
"""

API_GATEWAY_REST = "requestContext.requestId"
"""API Gateway REST API (payload v1): the request id."""

API_GATEWAY_HTTP = "requestContext.requestId"
"""API Gateway HTTP API (payload v2): the request id."""

LAMBDA_FUNCTION_URL = "requestContext.requestId"
"""Lambda function URL: the request id."""

APPLICATION_LOAD_BALANCER = 'headers."x-amzn-trace-id"'
"""Application Load Balancer target: the ``X-Amzn-Trace-Id`` header the ALB adds."""

APPSYNC_RESOLVER = 'request.headers."x-amzn-trace-id"'
"""AppSync direct Lambda resolver: the trace header of the GraphQL request."""

APPSYNC_AUTHORIZER = "requestContext.requestId"
"""AppSync Lambda authorizer: the request id."""

EVENT_BRIDGE = "id"
"""EventBridge (CloudWatch Events): the event id."""

S3_OBJECT_LAMBDA = "xAmzRequestId"
"""S3 Object Lambda: the S3 request id."""

SQS = "Records[0].messageId"
"""SQS: the message id of the first record of the batch."""

__all__ = [
    "API_GATEWAY_HTTP",
    "API_GATEWAY_REST",
    "APPLICATION_LOAD_BALANCER",
    "APPSYNC_AUTHORIZER",
    "APPSYNC_RESOLVER",
    "EVENT_BRIDGE",
    "LAMBDA_FUNCTION_URL",
    "S3_OBJECT_LAMBDA",
    "SQS",
]
