"""Checkers for the HTTP family: API Gateway v1/v2/WebSocket, ALB, Function URL, Lattice."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from powerkit import events


def _check_headers(event: Any, raw_headers: dict[str, Any] | None) -> None:
    for name, value in (raw_headers or {}).items():
        expected = ",".join(value) if isinstance(value, list) else value
        assert event.headers[name] == expected
        assert event.get_header(name.upper()) == event.headers[name.lower()]
        assert name.swapcase() in event.headers


def _check_body(event: Any, raw: dict[str, Any], base64_key: str = "isBase64Encoded") -> None:
    body = raw.get("body")
    assert event.body == body
    if body is None:
        assert event.decoded_body is None
        return
    if raw.get(base64_key):
        try:
            decoded = base64.b64decode(body, validate=True).decode()
        except ValueError:  # a mock sample flags plain text as base64
            with pytest.raises(events.EventDecodeError, match="body"):
                _ = event.decoded_body
            return
    else:
        decoded = body
    assert event.decoded_body == decoded
    try:
        parsed = json.loads(decoded) if decoded else None
    except ValueError:
        return
    assert event.json_body == parsed


def check_apigw_v1(event: events.APIGatewayProxyEvent, raw: dict[str, Any]) -> None:
    assert event.path == raw["path"]
    assert event.http_method == raw["httpMethod"]
    assert event.resource == raw["resource"]
    assert event.request_context.request_id == raw["requestContext"]["requestId"]
    if "identity" in raw["requestContext"]:
        identity = raw["requestContext"]["identity"]
        assert event.request_context.account_id == raw["requestContext"]["accountId"]
        assert event.request_context.identity.source_ip == identity.get("sourceIp")
    _check_headers(event, raw.get("headers"))
    assert event.query_string_parameters == (raw.get("queryStringParameters") or {})
    for name, values in (raw.get("multiValueQueryStringParameters") or {}).items():
        assert event.get_multi_value_query_string_values(name) == values
    assert event.path_parameters == (raw.get("pathParameters") or {})
    _check_body(event, raw)


def check_websocket(event: events.APIGatewayWebSocketEvent, raw: dict[str, Any]) -> None:
    context = raw["requestContext"]
    assert event.connection_id == context["connectionId"]
    assert event.route_key == context["routeKey"]
    assert event.event_type == context["eventType"]
    assert event.request_context.request_id == context["requestId"]
    _check_headers(event, raw.get("headers"))
    _check_body(event, raw)


def check_apigw_v2(event: events.APIGatewayProxyEventV2, raw: dict[str, Any]) -> None:
    assert event.path == raw["rawPath"]
    assert event.raw_path == raw["rawPath"]
    assert event.http_method == raw["requestContext"]["http"]["method"]
    if "routeKey" in raw:
        assert event.route_key == raw["routeKey"]
    assert event.request_context.request_id == raw["requestContext"]["requestId"]
    assert event.request_context.time_epoch == raw["requestContext"]["timeEpoch"]
    _check_headers(event, raw.get("headers"))
    assert event.query_string_parameters == (raw.get("queryStringParameters") or {})
    for name, value in (raw.get("queryStringParameters") or {}).items():
        assert ",".join(event.get_multi_value_query_string_values(name) or []) == value
    for cookie in raw.get("cookies") or []:
        name, _, value = cookie.partition("=")
        if _:
            assert event.cookies[name] == value
    _check_body(event, raw)


def check_alb(event: events.ALBEvent, raw: dict[str, Any]) -> None:
    assert event.path == raw["path"]
    assert event.http_method == raw["httpMethod"]
    assert (
        event.request_context.elb.target_group_arn == raw["requestContext"]["elb"]["targetGroupArn"]
    )
    _check_headers(event, raw.get("headers") or raw.get("multiValueHeaders"))
    for name, values in (raw.get("multiValueHeaders") or {}).items():
        assert event.headers.get_all(name.upper()) == values
    for name, values in (raw.get("multiValueQueryStringParameters") or {}).items():
        assert event.get_multi_value_query_string_values(name) == values
        assert event.get_query_string_value(name) == values[-1]
    _check_body(event, raw)


def check_lattice_v1(event: events.VPCLatticeEvent, raw: dict[str, Any]) -> None:
    assert event.raw_path == raw["raw_path"]
    assert event.http_method == raw["method"]
    _check_headers(event, raw.get("headers"))
    assert event.query_string_parameters == (raw.get("query_string_parameters") or {})
    _check_body(event, raw, "is_base64_encoded")


def check_lattice_v2(event: events.VPCLatticeEventV2, raw: dict[str, Any]) -> None:
    assert event.path == raw["path"]
    assert event.http_method == raw["method"]
    context = raw["requestContext"]
    assert event.request_context.service_arn == context["serviceArn"]
    assert event.request_context.time_epoch == int(context["timeEpoch"])
    _check_headers(event, raw.get("headers"))
    for name, values in (raw.get("headers") or {}).items():
        assert event.headers.get_all(name) == (values if isinstance(values, list) else [values])
    for name, values in (raw.get("queryStringParameters") or {}).items():
        expected = values if isinstance(values, list) else [values]
        assert event.get_multi_value_query_string_values(name) == expected
    _check_body(event, raw)


def check_authorizer_token(
    event: events.APIGatewayAuthorizerTokenEvent, raw: dict[str, Any]
) -> None:
    assert event.authorization_token == raw["authorizationToken"]
    assert event.method_arn == raw["methodArn"]
    assert event.parsed_arn.arn.startswith(raw["methodArn"].rstrip("/"))


def check_authorizer_request(
    event: events.APIGatewayAuthorizerRequestEvent, raw: dict[str, Any]
) -> None:
    assert event.method_arn == raw["methodArn"]
    assert event.parsed_arn.api_id == raw["methodArn"].split(":")[5].split("/")[0]
    assert event.type == raw["type"]
    _check_headers(event, raw.get("headers"))
    assert event.request_context.request_id == raw["requestContext"]["requestId"]


def check_authorizer_v2(event: events.APIGatewayAuthorizerEventV2, raw: dict[str, Any]) -> None:
    assert event.route_arn == raw["routeArn"]
    assert event.identity_source == raw.get("identitySource")
    assert event.parsed_arn.stage == raw["routeArn"].split(":")[5].split("/")[1]
    check_apigw_v2(event, raw)
