"""Shapes seen in real sample events from other AWS repositories (SDK and tool fixtures)."""

from __future__ import annotations

from powerkit.events import (
    CloudFormationCustomResourceEvent,
    EventBridgeEvent,
    LambdaFunctionUrlEvent,
)


def test_function_url_without_route_key_reads_default_route() -> None:
    """A Function URL event without routeKey reads ``$default``, its only possible route."""
    event = LambdaFunctionUrlEvent({"version": "2.0", "rawPath": "/my/path"})
    assert event.route_key == "$default"
    assert LambdaFunctionUrlEvent({"routeKey": "$default"}).route_key == "$default"


def test_scheduled_event_without_version_reads_zero() -> None:
    """An EventBridge envelope without ``version`` (SAM's generated sample) reads ``0``."""
    event = EventBridgeEvent({"id": "1", "detail-type": "Scheduled Event", "detail": {}})
    assert event.version == "0"
    assert EventBridgeEvent({"version": "1"}).version == "1"


def test_custom_resource_without_service_token_reads_none() -> None:
    """A custom resource request without ServiceToken (the AWS docs example) reads None."""
    event = CloudFormationCustomResourceEvent(
        {"RequestType": "Create", "RequestId": "r1", "ResponseURL": "https://example.com/put"}
    )
    assert event.service_token is None
    assert event.request_type == "Create"
