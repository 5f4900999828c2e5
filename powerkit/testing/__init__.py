"""Test kit: a fake Lambda context, event builders and pytest fixtures.

The pytest fixtures (``lambda_context``, ``capture_logs``, ``capture_metrics``) are
registered automatically through the ``pytest11`` entry point when powerkit is installed.
"""

from typing import TYPE_CHECKING, Any

from powerkit._scope import reset_cold_start
from powerkit.testing._context import FakeLambdaContext, lambda_context
from powerkit.testing._logs import CapturedLogs, capture_logs
from powerkit.testing._metrics import CapturedMetric, MetricsCapture, capture_metrics

if TYPE_CHECKING:
    from powerkit.testing._builders._alb import alb_event
    from powerkit.testing._builders._apigw import apigw_http_event, apigw_rest_event
    from powerkit.testing._builders._dynamodb import dynamodb_stream_event
    from powerkit.testing._builders._function_url import function_url_event
    from powerkit.testing._builders._registry import EVENT_BUILDERS, EventBuilder, build_event
    from powerkit.testing._builders._s3 import eventbridge_event, s3_event, s3_eventbridge_event
    from powerkit.testing._builders._sns import sns_event, sns_sqs_event
    from powerkit.testing._builders._sqs import sqs_event, sqs_event_from_messages
    from powerkit.testing._builders._streams import cloudwatch_logs_event, kinesis_event

# Event builders load on first use: the pytest plugin imports this package in every session.
_BUILDERS: dict[str, str] = {
    "EVENT_BUILDERS": "_registry",
    "EventBuilder": "_registry",
    "alb_event": "_alb",
    "apigw_http_event": "_apigw",
    "apigw_rest_event": "_apigw",
    "build_event": "_registry",
    "cloudwatch_logs_event": "_streams",
    "dynamodb_stream_event": "_dynamodb",
    "eventbridge_event": "_s3",
    "function_url_event": "_function_url",
    "kinesis_event": "_streams",
    "s3_event": "_s3",
    "s3_eventbridge_event": "_s3",
    "sns_event": "_sns",
    "sns_sqs_event": "_sns",
    "sqs_event": "_sqs",
    "sqs_event_from_messages": "_sqs",
}

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
    "sqs_event_from_messages",
]


def __getattr__(name: str) -> Any:
    module = _BUILDERS.get(name)
    if module is None:
        raise AttributeError(f"module 'powerkit.testing' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"powerkit.testing._builders.{module}"), name)
    globals()[name] = value  # resolve once; later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
