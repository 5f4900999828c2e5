"""AWS CloudFormation custom resources: the request and the response to send back."""

from __future__ import annotations

import json
from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._fields import optional, required


class CloudFormationCustomResourceEvent(DictWrapper):
    """A custom resource request (Create, Update or Delete).

    The function must PUT a response to ``response_url``; `response` builds its body. Under
    the CDK provider framework there is no ``response_url``: return the result instead.
    """

    __slots__ = ()
    _source = "CloudFormation custom resource"
    _id_key = "RequestId"
    request_type = required("RequestType", str, "``Create``, ``Update`` or ``Delete``.")
    service_token = optional(
        "ServiceToken", str, "The function (or topic) ARN invoked (absent from some samples)."
    )
    response_url = optional(
        "ResponseURL",
        str,
        "Presigned S3 URL to PUT the response to (None under the CDK provider framework).",
    )
    stack_id = required("StackId", str, "The stack's ARN.")
    request_id = required("RequestId", str, "The request id, to echo back.")
    logical_resource_id = required("LogicalResourceId", str, "The resource's logical id.")
    resource_type = required("ResourceType", str, "e.g. ``Custom::MyType``.")
    physical_resource_id = optional(
        "PhysicalResourceId", str, "The resource's physical id (Update and Delete)."
    )
    resource_properties = optional(
        "ResourceProperties", dict[str, Any], "The resource's properties in the template."
    )
    old_resource_properties = optional(
        "OldResourceProperties", dict[str, Any], "Update only: the previous properties."
    )

    def response(
        self,
        status: str,
        *,
        physical_resource_id: str | None = None,
        reason: str | None = None,
        data: dict[str, Any] | None = None,
        no_echo: bool = False,
    ) -> dict[str, Any]:
        """The body to PUT to ``response_url`` (``json.dumps`` it).

        Args:
            status: ``SUCCESS`` or ``FAILED``.
            physical_resource_id: the resource's id; defaults to the one CloudFormation sent,
                else the logical id. Changing it on Update makes CloudFormation delete the
                old resource.
            reason: required by CloudFormation when ``status`` is ``FAILED``.
            data: values readable with ``Fn::GetAtt``.
            no_echo: mask ``data`` in console output.
        """
        body: dict[str, Any] = {
            "Status": status,
            "PhysicalResourceId": physical_resource_id
            or self.physical_resource_id
            or self.logical_resource_id,
            "StackId": self.stack_id,
            "RequestId": self.request_id,
            "LogicalResourceId": self.logical_resource_id,
            "NoEcho": no_echo,
            "Data": data or {},
        }
        if reason is not None:
            body["Reason"] = reason
        return body

    def response_json(self, status: str, **options: Any) -> str:
        """`response` serialised as JSON, ready to PUT."""
        return json.dumps(self.response(status, **options))
