"""Envelopes: pull the user's payload out of an event, then parse it into the user's model.

An envelope reads only the keys it needs with plain Python (fast); when the event does not
have the expected shape, the whole event is validated against the source's model so the
error says exactly what is missing.
"""

from __future__ import annotations

import binascii
import importlib
import json
import zlib
from typing import Any, ClassVar

from powerkit.parser import _decode
from powerkit.parser._adapters import adapter_for, validate_payload
from powerkit.parser._errors import ParserValidationError

# What reading a malformed event raises: wrong container types, missing keys, bad encodings.
_READ_ERRORS = (
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    ValueError,
    binascii.Error,
    zlib.error,
)


class Envelope:
    """Base of every envelope. Subclass it and implement `payloads` for your own.

    Attributes:
        many: True when the envelope yields one payload per record (``parse`` returns a list).
        source_model: name of the model in `powerkit.parser.models` that describes the
            whole event; used to explain a malformed event.
    """

    many: ClassVar[bool] = False
    source_model: ClassVar[str | None] = None

    def payloads(self, event: Any) -> Any:
        """Return the raw payload (or, when ``many``, the list of payloads) of ``event``.

        JSON text is returned as ``str``/``bytes``; it is parsed by the model's adapter.
        """
        raise NotImplementedError

    def parse(self, event: Any, model: Any) -> Any:
        """Parse the payload(s) of ``event`` into ``model``.

        Raises:
            ParserValidationError: the event is not this envelope's source, or a payload
                does not match ``model`` (the message says which record).
        """
        name = type(self).__name__
        try:
            raw = self.payloads(event)
        except _READ_ERRORS as exc:
            raise self._unreadable(event, exc) from exc
        if not self.many:
            return validate_payload(model, raw, name)
        return [
            validate_payload(model, item, f"{name} record {index}")
            for index, item in enumerate(raw)
        ]

    def _unreadable(self, event: Any, cause: Exception) -> ParserValidationError:
        name = type(self).__name__
        if self.source_model is not None:
            models = importlib.import_module("powerkit.parser.models")
            try:
                validate_payload(getattr(models, self.source_model), event, f"{name} event")
            except ParserValidationError as exc:
                return exc
        return ParserValidationError(
            f"{name} event",
            f"cannot read the payload ({type(cause).__name__}: {cause}); is this event from "
            f"the source {name} expects?",
        )


def _http_body(event: Any) -> Any:
    body = event["body"]
    if body is not None and event.get("isBase64Encoded"):
        return _decode.b64(body)
    return body


class ApiGatewayEnvelope(Envelope):
    """API Gateway REST API (v1): the body (base64 bodies decoded)."""

    source_model = "ApiGatewayProxyEventModel"

    def payloads(self, event: Any) -> Any:
        return _http_body(event)


class ApiGatewayV2Envelope(ApiGatewayEnvelope):
    """API Gateway HTTP API (payload 2.0): the body."""

    source_model = "ApiGatewayProxyEventV2Model"


class LambdaFunctionUrlEnvelope(ApiGatewayEnvelope):
    """Lambda function URL: the body."""

    source_model = "LambdaFunctionUrlModel"


class AlbEnvelope(ApiGatewayEnvelope):
    """Application Load Balancer: the body."""

    source_model = "AlbModel"


class VpcLatticeV2Envelope(ApiGatewayEnvelope):
    """VPC Lattice (v2): the body."""

    source_model = "VpcLatticeV2Model"


class EventBridgeEnvelope(Envelope):
    """EventBridge: the ``detail`` object."""

    source_model = "EventBridgeModel"

    def payloads(self, event: Any) -> Any:
        return event["detail"]


class SqsEnvelope(Envelope):
    """SQS: the body of every message."""

    many = True
    source_model = "SqsModel"

    def payloads(self, event: Any) -> Any:
        return [record["body"] for record in event["Records"]]


class SnsEnvelope(Envelope):
    """SNS: the message of every record."""

    many = True
    source_model = "SnsModel"

    def payloads(self, event: Any) -> Any:
        return [record["Sns"]["Message"] for record in event["Records"]]


class SnsSqsEnvelope(Envelope):
    """SNS delivered to SQS (raw delivery off): the SNS message inside every SQS body."""

    many = True
    source_model = "SqsModel"

    def payloads(self, event: Any) -> Any:
        return [json.loads(record["body"])["Message"] for record in event["Records"]]


class CloudWatchLogsEnvelope(Envelope):
    """CloudWatch Logs subscription: the message of every log event."""

    many = True
    source_model = "CloudWatchLogsModel"

    def payloads(self, event: Any) -> Any:
        data = _decode.compressed_json(event["awslogs"]["data"])
        return [log_event["message"] for log_event in data["logEvents"]]


class KinesisDataStreamEnvelope(Envelope):
    """Kinesis Data Streams: the decoded data of every record."""

    many = True
    source_model = "KinesisDataStreamModel"

    def payloads(self, event: Any) -> Any:
        return [_decode.b64(record["kinesis"]["data"]) for record in event["Records"]]


class KinesisFirehoseEnvelope(Envelope):
    """Kinesis Data Firehose: the decoded data of every record."""

    many = True
    source_model = "KinesisFirehoseModel"

    def payloads(self, event: Any) -> Any:
        return [_decode.b64(record["data"]) for record in event["records"]]


class KafkaEnvelope(Envelope):
    """Kafka (MSK or self-managed): the decoded value of every record of every partition."""

    many = True
    source_model = "KafkaModel"

    def payloads(self, event: Any) -> Any:
        return [
            _decode.b64(record["value"]) for batch in event["records"].values() for record in batch
        ]


class DynamoDBStreamEnvelope(Envelope):
    """DynamoDB Streams: ``{"NewImage": model | None, "OldImage": model | None}`` per record.

    Images are converted from DynamoDB's typed attributes to plain values first.
    """

    many = True
    source_model = "DynamoDBStreamModel"

    def payloads(self, event: Any) -> Any:
        return [
            {
                key: None
                if record["dynamodb"].get(key) is None
                else _decode.image(record["dynamodb"][key])
                for key in ("NewImage", "OldImage")
            }
            for record in event["Records"]
        ]

    def parse(self, event: Any, model: Any) -> Any:
        name = type(self).__name__
        try:
            images = self.payloads(event)
        except _READ_ERRORS as exc:
            raise self._unreadable(event, exc) from exc
        adapter_for(model)
        return [
            {
                key: None
                if image is None
                else validate_payload(model, image, f"{name} record {index} {key}")
                for key, image in pair.items()
            }
            for index, pair in enumerate(images)
        ]
