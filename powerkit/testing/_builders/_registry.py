"""Builders by source name, for the ``powerkit`` command and for parametrised tests."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from powerkit._errors import ConfigError
from powerkit.testing._builders._alb import alb_event
from powerkit.testing._builders._apigw import apigw_http_event, apigw_rest_event
from powerkit.testing._builders._common import Event
from powerkit.testing._builders._dynamodb import dynamodb_stream_event
from powerkit.testing._builders._function_url import function_url_event
from powerkit.testing._builders._s3 import eventbridge_event, s3_event, s3_eventbridge_event
from powerkit.testing._builders._sns import sns_event, sns_sqs_event
from powerkit.testing._builders._sqs import sqs_event
from powerkit.testing._builders._streams import cloudwatch_logs_event, kinesis_event


@dataclass(frozen=True)
class EventBuilder:
    """A named event builder with the defaults it is called with by name.

    Attributes:
        name: kebab-case source name (``sqs``, ``apigw-rest``, ...).
        description: one line saying what the event is.
        function: the builder function.
        defaults: keyword arguments used unless overridden.
    """

    name: str
    description: str
    function: Callable[..., Event]
    defaults: Mapping[str, Any] = field(default_factory=dict)

    def __call__(self, **overrides: Any) -> Event:
        """Build a fresh event: the defaults updated with ``overrides``."""
        return self.function(**{**self.defaults, **overrides})


_ORDER = {"order_id": "1234", "status": "PLACED"}

_BUILDERS = (
    EventBuilder("sqs", "SQS standard queue, two messages", sqs_event,
                 {"bodies": ['{"order_id": "1234"}', '{"order_id": "5678"}']}),
    EventBuilder("sqs-fifo", "SQS FIFO queue, two messages in one group", sqs_event,
                 {"bodies": ['{"order_id": "1234"}', '{"order_id": "5678"}'], "fifo": True}),
    EventBuilder("sns", "SNS notification", sns_event,
                 {"messages": ['{"order_id": "1234"}'], "subject": "Order placed"}),
    EventBuilder("sns-sqs", "SNS notification delivered through an SQS queue", sns_sqs_event,
                 {"messages": ['{"order_id": "1234"}']}),
    EventBuilder("s3", "S3 object created notification", s3_event,
                 {"keys": ["uploads/report 2024.csv"], "size": 2048}),
    EventBuilder("s3-eventbridge", "S3 object created, delivered by EventBridge",
                 s3_eventbridge_event, {"key": "uploads/report 2024.csv", "size": 2048}),
    EventBuilder("eventbridge", "EventBridge custom event", eventbridge_event,
                 {"detail": _ORDER, "detail_type": "Order Placed", "source": "com.example.orders"}),
    EventBuilder("apigw-rest", "API Gateway REST API request (payload 1.0)", apigw_rest_event,
                 {"method": "POST", "path": "/orders", "body": _ORDER}),
    EventBuilder("apigw-http", "API Gateway HTTP API request (payload 2.0)", apigw_http_event,
                 {"method": "POST", "path": "/orders", "body": _ORDER,
                  "route_key": "POST /orders"}),
    EventBuilder("alb", "Application Load Balancer request", alb_event,
                 {"method": "GET", "path": "/orders", "query": {"status": "PLACED"}}),
    EventBuilder("function-url", "Lambda Function URL request", function_url_event,
                 {"method": "POST", "path": "/orders", "body": _ORDER}),
    EventBuilder("kinesis", "Kinesis Data Streams, two records", kinesis_event,
                 {"records": [_ORDER, {"order_id": "5678", "status": "PAID"}],
                  "partition_key": "orders"}),
    EventBuilder("dynamodb", "DynamoDB Streams, an insert and a modify", dynamodb_stream_event,
                 {"records": [
                     {"event_name": "INSERT", "keys": {"order_id": "1234"},
                      "new_image": {**_ORDER, "total": 42}},
                     {"event_name": "MODIFY", "keys": {"order_id": "1234"},
                      "old_image": {**_ORDER, "total": 42},
                      "new_image": {**_ORDER, "status": "PAID", "total": 42}},
                 ]}),
    EventBuilder("cloudwatch-logs", "CloudWatch Logs subscription (gzip + base64)",
                 cloudwatch_logs_event,
                 {"log_events": ["[INFO] order 1234 placed", "[ERROR] order 5678 failed"]}),
)  # fmt: skip

EVENT_BUILDERS: Mapping[str, EventBuilder] = MappingProxyType({b.name: b for b in _BUILDERS})
"""Every builder by kebab-case source name, with the defaults ``build_event`` uses."""


def build_event(source: str, **overrides: Any) -> Event:
    """Build the event of a named source (see ``EVENT_BUILDERS``) with optional overrides.

    Raises:
        ConfigError: ``source`` is not a known name (the message lists the known ones).
    """
    try:
        builder = EVENT_BUILDERS[source]
    except KeyError:
        raise ConfigError(
            f"unknown event source {source!r}: use one of {', '.join(EVENT_BUILDERS)}."
        ) from None
    return builder(**overrides)
