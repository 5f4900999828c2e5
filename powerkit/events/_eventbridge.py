"""Amazon EventBridge (and CloudWatch Events): the envelope every rule target receives,
plus S3 notifications delivered through EventBridge."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote_plus

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, required


class EventBridgeEvent(DictWrapper):
    """An event delivered by an EventBridge rule or schedule (also CloudWatch Events).

    Scheduled events have ``source`` ``aws.events``, ``detail_type`` ``Scheduled Event``
    and an empty ``detail``.
    """

    __slots__ = ()
    _source = "EventBridge"
    _id_key = "id"

    id = required("id", str, "The event id.")
    detail_type = required("detail-type", str, "What kind of event (``detail-type``).")
    source = required("source", str, "Who emitted it, e.g. ``aws.ec2`` or your own name.")
    account = required("account", str, "The account the event was emitted in.")
    time = required("time", str, "When it happened (ISO 8601, seconds).")
    region = required("region", str, "The region it was emitted in.")
    resources = required("resources", list[str], "ARNs of the resources involved.")
    detail = required("detail", dict[str, Any], "The event's own payload (``detail``).")
    replay_name = optional("replay-name", str, "The replay, when the event is replayed.")

    @property
    def version(self) -> str:
        """Envelope version, always ``0`` (also when a generated sample leaves it out)."""
        value: str = self._data.get("version", "0")
        return value


class S3EventBridgeBucket(DictWrapper):
    """The bucket (``detail.bucket``)."""

    __slots__ = ()
    _source = "S3 via EventBridge"
    name = required("name", str, "The bucket name.")


class S3EventBridgeObject(DictWrapper):
    """The object (``detail.object``); ``size``/``etag`` are absent for deletions."""

    __slots__ = ()
    _source = "S3 via EventBridge"
    raw_key = required("key", str, "The object key as sent (``key``).")
    size = optional("size", int, "Object size in bytes.")
    etag = optional("etag", str, "The object's ETag.")
    version_id = optional("version-id", str, "The object version, in versioned buckets.")
    sequencer = optional("sequencer", str, "Orders events for the same key.")

    @property
    def key(self) -> str:
        """The object key, URL-decoded (EventBridge may send it encoded)."""
        return unquote_plus(self._str("key"))


class S3EventBridgeDetail(DictWrapper):
    """What happened (``detail`` of an ``aws.s3`` event)."""

    __slots__ = ()
    _source = "S3 via EventBridge"
    version = required("version", str, "Detail version, ``0``.")
    bucket = nested("bucket", S3EventBridgeBucket, "The bucket.")
    object = nested("object", S3EventBridgeObject, "The object.")
    request_id = optional("request-id", str, "The S3 request id.")
    requester = optional("requester", str, "Account or service that made the request.")
    source_ip_address = optional("source-ip-address", str, "The requester's IP address.")
    reason = optional("reason", str, "The API call, e.g. ``PutObject`` or ``DeleteObject``.")
    deletion_type = optional("deletion-type", str, "How the object was deleted.")
    restore_expiry_time = optional("restore-expiry-time", str, "When a restored copy expires.")
    source_storage_class = optional("source-storage-class", str, "Storage class restored from.")
    destination_storage_class = optional(
        "destination-storage-class", str, "Storage class moved to (lifecycle transitions)."
    )
    destination_access_tier = optional(
        "destination-access-tier", str, "Access tier moved to (Intelligent-Tiering)."
    )


class S3EventBridgeNotificationEvent(EventBridgeEvent):
    """An S3 event delivered through EventBridge (``source`` is ``aws.s3``)."""

    __slots__ = ()
    _source = "S3 via EventBridge"

    @cached
    def s3_detail(self) -> S3EventBridgeDetail:
        """The typed ``detail``: bucket, object, requester, reason."""
        return S3EventBridgeDetail(self._req("detail"), self._child("detail"))

    @property
    def bucket_name(self) -> str:
        """The bucket name (``detail.bucket.name``)."""
        return self.s3_detail.bucket.name

    @property
    def object_key(self) -> str:
        """The object key, URL-decoded (``detail.object.key``)."""
        return self.s3_detail.object.key
