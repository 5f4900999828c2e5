"""Test kit: a fake Lambda context, event builders and pytest fixtures.

The pytest fixtures (``lambda_context``, ``capture_logs``, ``capture_metrics``) are
registered automatically through the ``pytest11`` entry point when powerkit is installed.
"""

from powerkit._scope import reset_cold_start
from powerkit.testing._builders._alb import alb_event
from powerkit.testing._builders._apigw import apigw_http_event, apigw_rest_event
from powerkit.testing._builders._dynamodb import dynamodb_stream_event
from powerkit.testing._builders._function_url import function_url_event
from powerkit.testing._builders._registry import EVENT_BUILDERS, EventBuilder, build_event
from powerkit.testing._builders._s3 import eventbridge_event, s3_event, s3_eventbridge_event
from powerkit.testing._builders._sns import sns_event, sns_sqs_event
from powerkit.testing._builders._sqs import sqs_event
from powerkit.testing._builders._streams import cloudwatch_logs_event, kinesis_event
from powerkit.testing._context import FakeLambdaContext, lambda_context
from powerkit.testing._logs import CapturedLogs, capture_logs
from powerkit.testing._metrics import CapturedMetric, MetricsCapture, capture_metrics

__all__ = [
    "EVENT_BUILDERS",
    "CapturedLogs",
    "CapturedMetric",
    "EventBuilder",
    "FakeLambdaContext",
    "MetricsCapture",
    "alb_event",
    "apigw_http_event",
    "apigw_rest_event",
    "build_event",
    "capture_logs",
    "capture_metrics",
    "cloudwatch_logs_event",
    "dynamodb_stream_event",
    "eventbridge_event",
    "function_url_event",
    "kinesis_event",
    "lambda_context",
    "reset_cold_start",
    "s3_event",
    "s3_eventbridge_event",
    "sns_event",
    "sns_sqs_event",
    "sqs_event",
]
