"""Built-in envelopes: JMESPath expressions that unwrap the payload of common event sources.

Pass one as ``envelope=`` to `powerkit.validation.validate`, or evaluate it yourself with
`powerkit.jmespath.query`. Expressions for record-based sources (SQS, Kinesis, ...)
return a list with one item per record; the others return a single value.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

API_GATEWAY_REST = "powerkit_json(body)"
"""API Gateway REST API (payload v1): the JSON body."""

API_GATEWAY_HTTP = "powerkit_json(body)"
"""API Gateway HTTP API (payload v2) and Lambda function URLs: the JSON body."""

SQS = "Records[*].powerkit_json(body)"
"""SQS: the JSON body of every message (a list)."""

SNS = "Records[0].Sns.Message | powerkit_json(@)"
"""SNS: the JSON message (Lambda receives one SNS record per invocation)."""

SNS_SQS = "Records[*].powerkit_json(body).powerkit_json(Message)"
"""SNS delivered to SQS (raw delivery off): the JSON SNS message of every SQS message."""

EVENTBRIDGE = "detail"
"""EventBridge (and CloudWatch scheduled events): the ``detail`` object."""

CLOUDWATCH_LOGS = "awslogs.powerkit_base64_gzip(data) | powerkit_json(@).logEvents[*]"
"""CloudWatch Logs subscription: the decoded log events (``id``, ``timestamp``, ``message``)."""

KINESIS_DATA_STREAM = "Records[*].kinesis.powerkit_json(powerkit_base64(data))"
"""Kinesis Data Streams: the base64-decoded JSON data of every record (a list)."""

KINESIS_FIREHOSE = "records[*].powerkit_json(powerkit_base64(data))"
"""Kinesis Data Firehose transformation: the base64-decoded JSON data of every record."""

S3_SQS = "Records[*].powerkit_json(body).Records[]"
"""S3 notifications delivered to SQS: every S3 record of every message, flattened.

S3's ``s3:TestEvent`` message carries no ``Records`` and contributes nothing.
"""

S3_SNS = "Records[*].Sns.powerkit_json(Message).Records[]"
"""S3 notifications delivered to SNS: every S3 record, flattened."""

S3_SNS_SQS = "Records[*].powerkit_json(body).powerkit_json(Message).Records[]"
"""S3 notifications to SNS, then to SQS: every S3 record, flattened."""

S3_EVENTBRIDGE = "detail"
"""S3 notifications through EventBridge: the ``detail`` object (bucket, object, reason)."""

S3_EVENTBRIDGE_SQS = "Records[*].powerkit_json(body).detail"
"""S3 EventBridge notifications delivered to SQS: the ``detail`` of every message."""

S3_KINESIS_FIREHOSE = "records[*].powerkit_json(powerkit_base64(data)).Records[]"
"""S3 notifications delivered through Kinesis Firehose: every S3 record, flattened."""

ALL: dict[str, str] = {
    name: value
    for name, value in dict(globals()).items()
    if name.isupper() and name != "ALL" and isinstance(value, str)
}
"""Every built-in envelope by name, e.g. ``ALL["SQS"]``."""


def _json_text(value: Any) -> Any:
    if type(value) is not str:  # powerkit_json accepts strings only
        raise TypeError(value)
    return json.loads(value)


def _body(event: Any) -> Any:
    return _json_text(event["body"])


def _detail(event: Any) -> Any:
    return event["detail"]


def _sqs_bodies(event: Any) -> Any:
    records = event["Records"]
    if type(records) is not list:
        raise TypeError(records)
    return [_json_text(record["body"]) for record in records]


# Plain-Python twins of the most used envelopes: evaluating them through the JMESPath
# interpreter costs more than validating the payload. A twin only answers when it meets the
# shapes it expects and a result JMESPath would return unchanged; anything else (a missing
# key, a non-string body, a null item a projection would drop) goes through query(), which
# gives the same result or the same JMESPathError.
_TWINS: dict[str, Callable[[Any], Any]] = {
    API_GATEWAY_REST: _body,
    EVENTBRIDGE: _detail,
    SQS: _sqs_bodies,
}


def unwrap(event: Any, envelope: str) -> Any:
    """Evaluate ``envelope`` against ``event``: same result as ``query``, faster for built-ins.

    Raises:
        JMESPathError: the expression is invalid or cannot decode the event.
    """
    twin = _TWINS.get(envelope)
    if twin is not None and type(event) is dict:
        try:
            result = twin(event)
        except (KeyError, TypeError, ValueError):
            pass
        else:
            if result is not None and (type(result) is not list or None not in result):
                return result
    from powerkit.jmespath._query import query  # the jmespath library loads on first use

    return query(event, envelope)
