"""Messaging events: SQS, SNS and EventBridge."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AliasChoices, Field

from powerkit.parser.models._base import DashedEventModel, EventModel


class SqsAttributes(EventModel):
    """System attributes of an SQS message (all strings, as SQS sends them)."""

    ApproximateReceiveCount: str
    SentTimestamp: str
    SenderId: str | None = None
    ApproximateFirstReceiveTimestamp: str | None = None
    SequenceNumber: str | None = None
    MessageGroupId: str | None = None
    MessageDeduplicationId: str | None = None
    DeadLetterQueueSourceArn: str | None = None
    AWSTraceHeader: str | None = None


class SqsMessageAttribute(EventModel):
    """One user message attribute of an SQS message."""

    dataType: str
    stringValue: str | None = None
    binaryValue: str | None = None
    stringListValues: list[str] = Field(default_factory=list)
    binaryListValues: list[str] = Field(default_factory=list)


class SqsRecordModel(EventModel):
    """One SQS message."""

    messageId: str
    receiptHandle: str
    body: str
    attributes: SqsAttributes
    messageAttributes: dict[str, SqsMessageAttribute] = Field(default_factory=dict)
    md5OfBody: str
    md5OfMessageAttributes: str | None = None
    eventSource: str
    eventSourceARN: str
    awsRegion: str


class SqsModel(EventModel):
    """SQS event: a batch of messages."""

    Records: list[SqsRecordModel]


class SnsMessageAttribute(EventModel):
    """One message attribute of an SNS notification."""

    Type: str
    Value: str


class SnsNotificationModel(EventModel):
    """An SNS notification (also the JSON body SQS receives from SNS without raw delivery)."""

    MessageId: str
    TopicArn: str
    Message: str
    Timestamp: datetime
    Type: str | None = None
    Subject: str | None = None
    SignatureVersion: str | None = None
    Signature: str | None = None
    # Lambda spells these ...Url, the JSON SNS sends to SQS spells them ...URL.
    SigningCertUrl: str | None = Field(
        default=None, validation_alias=AliasChoices("SigningCertUrl", "SigningCertURL")
    )
    UnsubscribeUrl: str | None = Field(
        default=None, validation_alias=AliasChoices("UnsubscribeUrl", "UnsubscribeURL")
    )
    MessageAttributes: dict[str, SnsMessageAttribute] | None = None


class SnsRecordModel(EventModel):
    """One SNS record."""

    EventSource: str
    EventVersion: str
    EventSubscriptionArn: str
    Sns: SnsNotificationModel


class SnsModel(EventModel):
    """SNS event (Lambda receives one record per invocation)."""

    Records: list[SnsRecordModel]


class EventBridgeModel(DashedEventModel):
    """EventBridge (CloudWatch Events) event; ``detail`` is the source's payload."""

    # Always "0"; some generated scheduled-event samples (SAM CLI) leave it out.
    version: str = "0"
    id: str
    source: str
    account: str
    time: datetime
    region: str
    resources: list[str]
    detail_type: str  # "detail-type" in the event
    detail: Any
    replay_name: str | None = None  # "replay-name"
