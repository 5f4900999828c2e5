"""Amazon S3 Object Lambda: GetObject/HeadObject/ListObjects requests through an access point."""

from __future__ import annotations

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, optional_nested, required
from powerkit.events._headers import Headers


class _ObjectLambdaWrapper(DictWrapper):
    __slots__ = ()
    _source = "S3 Object Lambda"


class S3ObjectContext(_ObjectLambdaWrapper):
    """Where to read the original object and how to answer (``getObjectContext`` etc.)."""

    __slots__ = ()
    input_s3_url = required("inputS3Url", str, "Presigned URL of the original object.")
    output_route = optional("outputRoute", str, "Route for WriteGetObjectResponse (Get).")
    output_token = optional("outputToken", str, "Token for WriteGetObjectResponse (Get).")


class S3ObjectConfiguration(_ObjectLambdaWrapper):
    """The Object Lambda access point (``configuration``)."""

    __slots__ = ()
    access_point_arn = required("accessPointArn", str, "The Object Lambda access point.")
    supporting_access_point_arn = required(
        "supportingAccessPointArn", str, "The supporting S3 access point."
    )
    payload = optional("payload", str, "The configured payload (often JSON).")


class S3ObjectUserRequest(_ObjectLambdaWrapper):
    """The caller's original request (``userRequest``)."""

    __slots__ = ()
    url = required("url", str, "The URL the caller requested.")

    @cached
    def headers(self) -> Headers:
        """The caller's headers, case-insensitive."""
        return Headers(self._data.get("headers"))


class S3ObjectUserIdentity(_ObjectLambdaWrapper):
    """Who made the request (``userIdentity``)."""

    __slots__ = ()
    type = required("type", str, "``IAMUser``, ``AssumedRole``, ...")
    principal_id = required("principalId", str, "The caller's principal id.")
    arn = optional("arn", str, "The caller's ARN.")
    account_id = optional("accountId", str, "The caller's account.")
    access_key_id = optional("accessKeyId", str, "The caller's access key.")
    invoked_by = optional("invokedBy", str, "The service that made the request, if any.")
    session_context = optional("sessionContext", dict, "Temporary credential details.")


class S3ObjectLambdaEvent(_ObjectLambdaWrapper):
    """The event an S3 Object Lambda access point sends.

    Exactly one of the ``*_context`` properties is set, by operation.
    """

    __slots__ = ()
    request_id = required("xAmzRequestId", str, "The request id, for WriteGetObjectResponse.")
    protocol_version = required("protocolVersion", str, "Event protocol version.")
    configuration = nested("configuration", S3ObjectConfiguration, "The access point.")
    user_request = nested("userRequest", S3ObjectUserRequest, "The caller's request.")
    user_identity = nested("userIdentity", S3ObjectUserIdentity, "Who made the request.")
    get_object_context = optional_nested(
        "getObjectContext", S3ObjectContext, "Set for GetObject requests."
    )
    head_object_context = optional_nested(
        "headObjectContext", S3ObjectContext, "Set for HeadObject requests."
    )
    list_objects_context = optional_nested(
        "listObjectsContext", S3ObjectContext, "Set for ListObjects requests."
    )
    list_objects_v2_context = optional_nested(
        "listObjectsV2Context", S3ObjectContext, "Set for ListObjectsV2 requests."
    )
