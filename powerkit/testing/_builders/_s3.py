"""S3 notifications (direct and through EventBridge) and generic EventBridge events."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote_plus

from powerkit._errors import ConfigError
from powerkit.testing._builders._common import (
    DEFAULT_ACCOUNT,
    DEFAULT_REGION,
    Event,
    iso_ms,
    iso_s,
    new_uuid,
    now,
    per_item,
    random_alnum,
    random_b64,
    random_hex,
)

# EventBridge detail-type and request reason for each S3 notification type.
_EVENTBRIDGE_TYPES: dict[str, tuple[str, str]] = {
    "ObjectCreated:Put": ("Object Created", "PutObject"),
    "ObjectCreated:Post": ("Object Created", "POST Object"),
    "ObjectCreated:Copy": ("Object Created", "CopyObject"),
    "ObjectCreated:CompleteMultipartUpload": ("Object Created", "CompleteMultipartUpload"),
    "ObjectRemoved:Delete": ("Object Deleted", "DeleteObject"),
    "ObjectRemoved:DeleteMarkerCreated": ("Object Deleted", "DeleteObject"),
    "ObjectRestore:Completed": ("Object Restore Completed", "RestoreObject"),
    "LifecycleExpiration:Delete": ("Object Deleted", "Lifecycle Expiration"),
}


def encode_s3_key(key: str) -> str:
    """Encode an object key the way S3 writes it into notifications (spaces become ``+``)."""
    return quote_plus(key, safe="/")


def _sequencers(count: int) -> list[str]:
    # Sequencers are hex strings that increase with the order of events for the same key.
    start = secrets.randbits(60) | (1 << 63)
    return [f"{start + index * 0x100:X}".rjust(18, "0") for index in range(count)]


def _object(
    key: str,
    size: int | None,
    sequencer: str,
    version_id: str | None,
    *,
    removed: bool,
    etag_field: str,
) -> dict[str, Any]:
    obj: dict[str, Any] = {"key": key}
    if not removed:
        obj["size"] = size if size is not None else 1024
        obj[etag_field] = random_hex(32)
    if version_id is not None:
        obj["versionId" if etag_field == "eTag" else "version-id"] = version_id
    obj["sequencer"] = sequencer
    return obj


def s3_event(
    keys: Sequence[str] = ("example.txt",),
    *,
    bucket: str = "my-bucket",
    event_name: str = "ObjectCreated:Put",
    size: int | Sequence[int] = 1024,
    version_ids: Sequence[str] | None = None,
    configuration_id: str = "my-notification",
    source_ip: str = "205.255.255.255",
    region: str = DEFAULT_REGION,
    timestamp: float | None = None,
) -> Event:
    """An S3 notification event with one record per object key.

    Args:
        keys: object keys as stored (``"my photo.jpg"``); written URL-encoded the way S3
            encodes them in notifications (``my+photo.jpg``).
        bucket: bucket name (ARN ``arn:aws:s3:::<bucket>``).
        event_name: without the ``s3:`` prefix, e.g. ``ObjectCreated:Put`` or
            ``ObjectRemoved:Delete`` (removals carry no size or eTag).
        size: object size in bytes, shared or one per key.
        version_ids: object version ids, one per key (versioned buckets only).
        configuration_id: the bucket notification configuration's id.
        source_ip: ``requestParameters.sourceIPAddress``.
        region: the bucket's region.
        timestamp: epoch seconds of the event (default: now).
    """
    count = len(keys)
    sizes = per_item(size, count, name="size")
    versions = per_item(
        list(version_ids) if version_ids is not None else None, count, name="version_ids"
    )
    removed = event_name.startswith(("ObjectRemoved", "LifecycleExpiration"))
    moment = now(timestamp)
    owner = random_alnum(14, upper=True)
    sequencers = _sequencers(count)
    records = [
        {
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": region,
            "eventTime": iso_ms(moment),
            "eventName": event_name,
            "userIdentity": {"principalId": f"AWS:AIDA{random_alnum(17, upper=True)}"},
            "requestParameters": {"sourceIPAddress": source_ip},
            "responseElements": {
                "x-amz-request-id": random_hex(16, upper=True),
                "x-amz-id-2": random_b64(56),
            },
            "s3": {
                "s3SchemaVersion": "1.0",
                "configurationId": configuration_id,
                "bucket": {
                    "name": bucket,
                    "ownerIdentity": {"principalId": owner},
                    "arn": f"arn:aws:s3:::{bucket}",
                },
                "object": _object(
                    encode_s3_key(key),
                    sizes[index],
                    sequencers[index],
                    versions[index],
                    removed=removed,
                    etag_field="eTag",
                ),
            },
        }
        for index, key in enumerate(keys)
    ]
    return {"Records": records}


def eventbridge_event(
    detail: Mapping[str, Any] | None = None,
    *,
    detail_type: str = "Test Event",
    source: str = "my.application",
    resources: Sequence[str] = (),
    event_id: str | None = None,
    replay_name: str | None = None,
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """An EventBridge (CloudWatch Events) event as a rule target receives it.

    Args:
        detail: the ``detail`` object (default ``{}``).
        detail_type: the ``detail-type``.
        source: the ``source`` (``aws.<service>`` for AWS events).
        resources: ARNs of the resources involved.
        event_id: fixed event id (default: a fresh UUID).
        replay_name: set when the event comes from an archive replay.
        region: region the event was put in.
        account_id: account the event was put in.
        timestamp: epoch seconds of the event (default: now).
    """
    event: dict[str, Any] = {
        "version": "0",
        "id": event_id or new_uuid(),
        "detail-type": detail_type,
        "source": source,
        "account": account_id,
        "time": iso_s(now(timestamp)),
        "region": region,
        "resources": list(resources),
        "detail": dict(detail or {}),
    }
    if replay_name is not None:
        event["replay-name"] = replay_name
    return event


def s3_eventbridge_event(
    key: str = "example.txt",
    *,
    bucket: str = "my-bucket",
    event_name: str = "ObjectCreated:Put",
    size: int = 1024,
    version_id: str | None = None,
    requester: str | None = None,
    source_ip: str = "205.255.255.255",
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """An S3 event notification delivered through EventBridge (one object per event).

    Args:
        key: the object key as stored; URL-encoded like in direct S3 notifications
            (spaces become ``+``), which is what the Powertools and powerkit event classes
            undo when reading it.
        bucket: bucket name.
        event_name: the S3 notification type it corresponds to (``ObjectCreated:Put``,
            ``ObjectRemoved:Delete``, ``ObjectRestore:Completed``, ...), which sets
            ``detail-type`` and ``detail.reason``.
        size: object size in bytes (not present on deletions).
        version_id: the object's version id (versioned buckets only).
        requester: account id or service principal that made the request (default: the
            bucket's account).
        source_ip: ``detail.source-ip-address``.
        region: the bucket's region.
        account_id: the bucket owner's account.
        timestamp: epoch seconds of the event (default: now).
    """
    if event_name not in _EVENTBRIDGE_TYPES:
        raise ConfigError(
            f"event_name {event_name!r} has no EventBridge equivalent here; use one of: "
            + ", ".join(sorted(_EVENTBRIDGE_TYPES))
        )
    detail_type, reason = _EVENTBRIDGE_TYPES[event_name]
    # S3 itself acts for lifecycle and restore events: no client address, S3 as requester.
    by_s3 = event_name.startswith(("LifecycleExpiration", "ObjectRestore"))
    removed = event_name.startswith("ObjectRemoved")
    detail: dict[str, Any] = {
        "version": "0",
        "bucket": {"name": bucket},
        "object": _object(
            encode_s3_key(key),
            size,
            _sequencers(1)[0],
            version_id,
            removed=removed,
            etag_field="etag",
        ),
        "request-id": random_alnum(16, upper=True),
        "requester": requester or ("s3.amazonaws.com" if by_s3 else account_id),
    }
    if not by_s3:
        detail["source-ip-address"] = source_ip
    if event_name == "ObjectRestore:Completed":
        detail["restore-expiry-time"] = iso_s(now(timestamp) + 86400)
        detail["source-storage-class"] = "GLACIER"
    else:
        detail["reason"] = reason
    if detail_type == "Object Deleted":
        detail["deletion-type"] = (
            "Permanently Deleted"
            if event_name == "ObjectRemoved:Delete"
            else "Delete Marker Created"
        )
    return eventbridge_event(
        detail,
        detail_type=detail_type,
        source="aws.s3",
        resources=[f"arn:aws:s3:::{bucket}"],
        region=region,
        account_id=account_id,
        timestamp=timestamp,
    )
