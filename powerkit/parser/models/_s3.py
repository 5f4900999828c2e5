"""S3 event notifications: direct, through SQS, and through EventBridge."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Json

from powerkit.parser.models._base import DashedEventModel, EventModel
from powerkit.parser.models._messaging import EventBridgeModel, SqsModel, SqsRecordModel


class S3Identity(EventModel):
    """An S3 principal."""

    principalId: str


class S3Bucket(EventModel):
    """The bucket of an S3 notification."""

    name: str
    ownerIdentity: S3Identity | None = None
    arn: str | None = None


class S3Object(EventModel):
    """The object of an S3 notification (``size`` is absent for deletions)."""

    key: str
    size: int | None = None
    eTag: str | None = None
    versionId: str | None = None
    sequencer: str | None = None
    urlDecodedKey: str | None = None


class S3Message(EventModel):
    """The ``s3`` part of an S3 record."""

    s3SchemaVersion: str
    configurationId: str
    bucket: S3Bucket
    object: S3Object


class S3RecordModel(EventModel):
    """One S3 notification record (restore, replication, lifecycle data kept as extras)."""

    eventVersion: str
    eventSource: str
    awsRegion: str
    eventTime: datetime
    eventName: str
    s3: S3Message
    userIdentity: S3Identity | None = None
    requestParameters: dict[str, Any] | None = None
    responseElements: dict[str, Any] | None = None
    glacierEventData: dict[str, Any] | None = None


class S3Model(EventModel):
    """S3 event notification."""

    Records: list[S3RecordModel]


class S3SqsRecordModel(SqsRecordModel):
    """An SQS message whose body is an S3 notification (parsed)."""

    body: Json[S3Model]  # type: ignore[assignment]


class S3SqsModel(SqsModel):
    """S3 notifications delivered through SQS."""

    Records: list[S3SqsRecordModel]  # type: ignore[assignment]


class S3EventBridgeBucket(DashedEventModel):
    """``detail.bucket`` of an S3 EventBridge notification."""

    name: str


class S3EventBridgeObject(DashedEventModel):
    """``detail.object`` of an S3 EventBridge notification."""

    key: str
    size: int | None = None
    etag: str | None = None
    sequencer: str | None = None
    version_id: str | None = None


class S3EventBridgeDetail(DashedEventModel):
    """``detail`` of an S3 EventBridge notification."""

    version: str
    bucket: S3EventBridgeBucket
    object: S3EventBridgeObject
    request_id: str
    requester: str
    source_ip_address: str | None = None
    reason: str | None = None
    deletion_type: str | None = None
    restore_expiry_time: str | None = None
    source_storage_class: str | None = None


class S3EventBridgeModel(EventBridgeModel):
    """S3 notification delivered by EventBridge."""

    detail: S3EventBridgeDetail
