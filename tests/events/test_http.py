"""The HTTP helpers shared by API Gateway, ALB, Function URL and VPC Lattice events."""

from __future__ import annotations

import base64

import pytest

from powerkit.events import (
    ALBEvent,
    APIGatewayProxyEvent,
    APIGatewayProxyEventV2,
    EventDecodeError,
    EventFieldError,
    VPCLatticeEvent,
)


def test_base64_body_is_decoded_when_flagged() -> None:
    """decoded_body and json_body undo base64 when isBase64Encoded is true."""
    body = base64.b64encode(b'{"a": 1}').decode()
    event = APIGatewayProxyEvent({"body": body, "isBase64Encoded": True})
    assert event.body == body
    assert event.decoded_body == '{"a": 1}'
    assert event.decoded_body_bytes == b'{"a": 1}'
    assert event.json_body == {"a": 1}


def test_plain_body_is_left_alone() -> None:
    """Without the flag the body is returned as is."""
    event = ALBEvent({"body": '{"a": 1}', "isBase64Encoded": False})
    assert event.decoded_body == '{"a": 1}'
    assert event.decoded_body_bytes == b'{"a": 1}'


def test_no_body_reads_none() -> None:
    """A request without a body (or an empty one) has no JSON body."""
    assert APIGatewayProxyEvent({}).json_body is None
    assert ALBEvent({"body": ""}).json_body is None
    assert APIGatewayProxyEvent({}).decoded_body is None


def test_invalid_json_body_names_the_field() -> None:
    """A non-JSON body raises EventDecodeError naming body and the source."""
    with pytest.raises(EventDecodeError, match="'body'") as info:
        _ = APIGatewayProxyEvent({"body": "{nope"}).json_body
    assert info.value.source == "API Gateway REST"


def test_invalid_base64_body_is_a_decode_error() -> None:
    """A body flagged as base64 that is not base64 raises EventDecodeError."""
    with pytest.raises(EventDecodeError, match="base64"):
        _ = APIGatewayProxyEvent({"body": "not base64!", "isBase64Encoded": True}).decoded_body


def test_query_string_helpers_v1() -> None:
    """Single and multi-value query helpers read the REST maps, with defaults."""
    event = APIGatewayProxyEvent(
        {
            "queryStringParameters": {"a": "2"},
            "multiValueQueryStringParameters": {"a": ["1", "2"]},
        }
    )
    assert event.get_query_string_value("a") == "2"
    assert event.get_query_string_value("b", "x") == "x"
    assert event.get_multi_value_query_string_values("a") == ["1", "2"]
    assert event.get_multi_value_query_string_values("b") is None


def test_null_maps_read_as_empty() -> None:
    """API Gateway sends null for absent maps; the helpers read them as empty."""
    event = APIGatewayProxyEvent(
        {"queryStringParameters": None, "pathParameters": None, "headers": None}
    )
    assert event.query_string_parameters == {}
    assert event.path_parameters == {}
    assert event.get_path_parameter("id") is None
    assert event.get_header("x") is None


def test_v2_multi_values_come_from_the_raw_query_string() -> None:
    """HTTP API multi-value helpers parse rawQueryString (values may contain commas)."""
    event = APIGatewayProxyEventV2(
        {"rawQueryString": "a=1%2C2&a=3&b=", "queryStringParameters": {"a": "1,2,3", "b": ""}}
    )
    assert event.get_multi_value_query_string_values("a") == ["1,2", "3"]
    assert event.get_multi_value_query_string_values("b") == [""]


def test_v2_cookies_come_from_the_cookies_list() -> None:
    """HTTP API cookies are parsed from the cookies list."""
    event = APIGatewayProxyEventV2({"cookies": ["a=1", "b=2"]})
    assert event.cookies == {"a": "1", "b": "2"}


def test_v1_cookies_come_from_the_cookie_header() -> None:
    """REST API cookies are parsed from the Cookie header, any case."""
    event = APIGatewayProxyEvent(
        {"headers": {"Cookie": "a=1; b=2"}, "multiValueHeaders": {"Cookie": ["a=1; b=2"]}}
    )
    assert event.cookies == {"a": "1", "b": "2"}


def test_v2_method_missing_names_the_nested_path() -> None:
    """A v2 event without requestContext.http.method names that path."""
    with pytest.raises(EventFieldError, match=r"requestContext\.http"):
        _ = APIGatewayProxyEventV2({"requestContext": {}}).http_method


def test_lattice_v1_path_drops_the_query_string() -> None:
    """VPC Lattice v1 path is raw_path without its query string."""
    event = VPCLatticeEvent({"raw_path": "/a/b?x=1", "method": "GET"})
    assert event.path == "/a/b"
    assert event.raw_path == "/a/b?x=1"
    assert event.http_method == "GET"
