"""Envelopes for `powerkit.parser.parse` and ``@event_parser`` (no pydantic import).

Pass the class or an instance: ``parse(event, model=Order, envelope=SqsEnvelope)``.
Record-based envelopes return a list, the others a single value.
"""

from powerkit.parser._envelopes import (
    AlbEnvelope,
    ApiGatewayEnvelope,
    ApiGatewayV2Envelope,
    CloudWatchLogsEnvelope,
    DynamoDBStreamEnvelope,
    Envelope,
    EventBridgeEnvelope,
    KafkaEnvelope,
    KinesisDataStreamEnvelope,
    KinesisFirehoseEnvelope,
    LambdaFunctionUrlEnvelope,
    SnsEnvelope,
    SnsSqsEnvelope,
    SqsEnvelope,
    VpcLatticeV2Envelope,
)

__all__ = [
    "AlbEnvelope",
    "ApiGatewayEnvelope",
    "ApiGatewayV2Envelope",
    "CloudWatchLogsEnvelope",
    "DynamoDBStreamEnvelope",
    "Envelope",
    "EventBridgeEnvelope",
    "KafkaEnvelope",
    "KinesisDataStreamEnvelope",
    "KinesisFirehoseEnvelope",
    "LambdaFunctionUrlEnvelope",
    "SnsEnvelope",
    "SnsSqsEnvelope",
    "SqsEnvelope",
    "VpcLatticeV2Envelope",
]
