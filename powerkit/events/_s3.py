"""Amazon S3 event notifications (direct, via SQS/SNS) and S3 Batch Operations.

Object keys arrive URL-encoded (``Happy+Face.jpg``); ``key`` decodes them, ``raw_key``
keeps them as sent.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote_plus

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, required


class _S3Wrapper(DictWrapper):
    __slots__ = ()
    _source = "S3"


class S3Bucket(_S3Wrapper):
    """The bucket (``s3.bucket``)."""

    __slots__ = ()
    name = required("name", str, "The bucket name.")
    arn = required("arn", str, "The bucket ARN.")

    @property
    def owner_principal_id(self) -> str | None:
        """The bucket owner's principal id (``ownerIdentity.principalId``)."""
        value: str | None = self._opt_in("ownerIdentity", "principalId")
        return value


class S3Object(_S3Wrapper):
    """The object (``s3.object``); ``size`` and ``etag`` are absent for deletions."""

    __slots__ = ()
    raw_key = required("key", str, "The object key as sent: URL-encoded (``key``).")
    size = optional("size", int, "Object size in bytes.")
    etag = optional("eTag", str, "The object's ETag.")
    version_id = optional("versionId", str, "The object version, in versioned buckets.")
    sequencer = optional("sequencer", str, "Orders events for the same key (hex string).")

    @cached
    def key(self) -> str:
        """The object key, URL-decoded (``+`` and ``%xx`` undone), ready for S3 API calls."""
        return unquote_plus(self._str("key"))


class S3Message(_S3Wrapper):
    """What happened to which object (``Records[].s3``)."""

    __slots__ = ()
    s3_schema_version = required("s3SchemaVersion", str, "Schema version of this part.")
    configuration_id = optional("configurationId", str, "The notification configuration id.")
    bucket = nested("bucket", S3Bucket, "The bucket.")

    @cached
    def object(self) -> S3Object:
        """The object."""
        return S3Object(self._req("object"), self._child("object"))


class S3EventRecord(_S3Wrapper):
    """One S3 event notification (``Records[]``)."""

    __slots__ = ()
    event_version = required("eventVersion", str, "Version of the record format.")
    event_source = required("eventSource", str, "Always ``aws:s3``.")
    aws_region = required("awsRegion", str, "The bucket's region.")
    event_time = required("eventTime", str, "When the event happened (ISO 8601).")
    event_name = required("eventName", str, "What happened, e.g. ``ObjectCreated:Put``.")
    response_elements = optional("responseElements", dict[str, str], "S3 request ids.")
    glacier_event_data = optional(
        "glacierEventData", dict[str, Any], "Restore details of ``ObjectRestore`` events."
    )
    restore_event_data = optional(
        "restoreEventData", dict[str, Any], "Restore details (newer ``ObjectRestore`` shape)."
    )
    intelligent_tiering_event_data = optional(
        "intelligentTieringEventData", dict[str, Any], "The access tier the object moved to."
    )
    lifecycle_event_data = optional(
        "lifecycleEventData", dict[str, Any], "The storage class of a lifecycle transition."
    )
    replication_event_data = optional(
        "replicationEventData", dict[str, Any], "Replication rule, destination and failure."
    )

    @property
    def principal_id(self) -> str | None:
        """Who caused the event (``userIdentity.principalId``)."""
        value: str | None = self._opt_in("userIdentity", "principalId")
        return value

    @property
    def source_ip_address(self) -> str | None:
        """The requester's IP address (``requestParameters.sourceIPAddress``)."""
        value: str | None = self._opt_in("requestParameters", "sourceIPAddress")
        return value

    @cached
    def s3(self) -> S3Message:
        """The bucket and object (``s3``)."""
        return S3Message(self._req("s3"), self._child("s3"))


class S3Event(_S3Wrapper):
    """S3 event notifications, delivered directly or in an SQS/SNS message body."""

    __slots__ = ()

    @cached
    def records(self) -> list[S3EventRecord]:
        """The notifications (``Records``)."""
        return self._wrap_list(S3EventRecord, "Records")

    @property
    def bucket_name(self) -> str:
        """The first record's bucket name."""
        return self._first().s3.bucket.name

    @property
    def object_key(self) -> str:
        """The first record's object key, URL-decoded."""
        return self._first().s3.object.key

    def _first(self) -> S3EventRecord:
        records = self.records
        if not records:
            raise self._missing("Records", 0)
        return records[0]


class S3BatchOperationJob(_S3Wrapper):
    """The Batch Operations job (``job``)."""

    __slots__ = ()
    id = required("id", str, "The job id.")
    user_arguments = optional("userArguments", dict[str, str], "Arguments (schema 2.0).")


class S3BatchOperationTask(_S3Wrapper):
    """One object to process (``tasks[]``)."""

    __slots__ = ()
    task_id = required("taskId", str, "The task id, to echo in the result.")
    raw_key = required("s3Key", str, "The object key as sent: URL-encoded (``s3Key``).")
    s3_version_id = optional("s3VersionId", str, "The object version, if versioned.")
    s3_bucket_arn = optional("s3BucketArn", str, "The bucket ARN (schema 1.0).")
    s3_bucket = optional("s3Bucket", str, "The bucket name (schema 2.0).")

    @property
    def s3_key(self) -> str:
        """The object key, URL-decoded."""
        return unquote_plus(self._str("s3Key"))

    @property
    def bucket_name(self) -> str:
        """The bucket name, from ``s3Bucket`` (2.0) or the ARN (1.0)."""
        bucket: str | None = self._data.get("s3Bucket")
        if bucket:
            return bucket
        return self._str("s3BucketArn").rpartition(":")[2]


class S3BatchOperationEvent(_S3Wrapper):
    """The event S3 Batch Operations sends to a Lambda function (one task per call)."""

    __slots__ = ()
    invocation_id = required("invocationId", str, "The invocation id, to echo back.")
    invocation_schema_version = required(
        "invocationSchemaVersion", str, "``1.0`` or ``2.0``; echo it in the response."
    )
    job = nested("job", S3BatchOperationJob, "The job.")

    @cached
    def tasks(self) -> list[S3BatchOperationTask]:
        """The objects to process (``tasks``)."""
        return self._wrap_list(S3BatchOperationTask, "tasks")

    def response(
        self,
        results: list[dict[str, Any]],
        treat_missing_keys_as: str = "PermanentFailure",
    ) -> dict[str, Any]:
        """The response S3 Batch Operations expects, echoing this invocation.

        Args:
            results: one `s3_batch_result` per task.
            treat_missing_keys_as: result code for tasks without a result:
                ``Succeeded``, ``TemporaryFailure`` or ``PermanentFailure``.
        """
        return {
            "invocationSchemaVersion": self.invocation_schema_version,
            "treatMissingKeysAs": treat_missing_keys_as,
            "invocationId": self.invocation_id,
            "results": results,
        }


def s3_batch_result(
    task: S3BatchOperationTask, result_code: str, result_string: str = ""
) -> dict[str, Any]:
    """One task result: ``Succeeded``, ``TemporaryFailure`` (retried) or ``PermanentFailure``."""
    return {"taskId": task.task_id, "resultCode": result_code, "resultString": result_string}
