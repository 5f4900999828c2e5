"""CloudWatch Logs subscriptions and CloudFormation custom resources."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from powerkit.parser import _decode
from powerkit.parser.models._base import EventModel


class CloudWatchLogsLogEvent(EventModel):
    """One log event of a subscription delivery."""

    id: str
    timestamp: int
    message: str


class CloudWatchLogsData(EventModel):
    """The decoded ``awslogs.data`` of a subscription delivery."""

    messageType: str
    owner: str
    logGroup: str
    logStream: str
    subscriptionFilters: list[str]
    logEvents: list[CloudWatchLogsLogEvent]
    policyLevel: str | None = None


def _decoded(value: Any) -> Any:
    return _decode.compressed_json(value) if isinstance(value, str) else value


class CloudWatchLogsPayload(EventModel):
    """``awslogs``: ``data`` is decoded (base64, gzip, JSON) into `CloudWatchLogsData`."""

    data: Annotated[CloudWatchLogsData, BeforeValidator(_decoded)]


class CloudWatchLogsModel(EventModel):
    """CloudWatch Logs subscription event."""

    awslogs: CloudWatchLogsPayload


class CloudFormationCustomResourceModel(EventModel):
    """CloudFormation custom resource request (Create, Update or Delete)."""

    RequestType: Literal["Create", "Update", "Delete"]
    StackId: str
    RequestId: str
    LogicalResourceId: str
    ResourceType: str
    # Left out of the AWS docs' and SAM CLI's request examples: nothing needs it to respond.
    ServiceToken: str | None = None
    # Absent when the CDK provider framework invokes the onEvent handler (it responds itself).
    ResponseURL: str | None = None
    ResourceProperties: dict[str, Any] = Field(default_factory=dict)
    PhysicalResourceId: str | None = None
    OldResourceProperties: dict[str, Any] | None = None
