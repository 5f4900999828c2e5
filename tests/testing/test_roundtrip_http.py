"""HTTP events built by powerkit.testing read back identically through powerkit.events.

Headers, query strings, path parameters, cookies and bodies (text, JSON, binary) go in through
a builder and must come out of the event class unchanged.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote_plus

from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit import testing as kit
from tests.support.events import events_class

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=10)
header_values = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=12)
headers = st.dictionaries(
    names.map(lambda n: "x-" + n),
    st.lists(header_values.filter(lambda v: "," not in v), min_size=1, max_size=3),
    max_size=4,
)
queries = st.dictionaries(
    text.filter(bool),
    st.lists(text.filter(lambda v: "," not in v), min_size=1, max_size=3),
    max_size=4,
)
bodies = st.one_of(
    st.none(),
    text,
    st.binary(),
    st.dictionaries(text, st.integers(), max_size=3),
)


def _body_bytes(body: Any) -> bytes | None:
    if body is None:
        return None
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    return json.dumps(body, separators=(",", ":")).encode()


# --- API Gateway REST (payload 1.0) ---------------------------------------------------------


@settings(deadline=None, max_examples=40)
@given(headers, queries, bodies)
def test_rest_request_reads_back(
    sent_headers: dict[str, list[str]], query: dict[str, list[str]], body: Any
) -> None:
    """Headers (any case), query values, and the decoded body of a REST event read back."""
    event = kit.apigw_rest_event("PUT", "/items/7", headers=sent_headers, query=query, body=body)
    wrapped = events_class("APIGatewayProxyEvent")(event)
    for name, values in sent_headers.items():
        assert wrapped.get_header(name.upper()) == values[-1]
        assert wrapped.headers.get_all(name) == values
    assert wrapped.query_string_parameters == {k: v[-1] for k, v in query.items()}
    assert wrapped.multi_value_query_string_parameters == query
    assert wrapped.decoded_body_bytes == _body_bytes(body)
    assert wrapped.is_base64_encoded == isinstance(body, bytes)
    if isinstance(body, dict):
        assert wrapped.json_body == body
        assert wrapped.get_header("content-type") == "application/json"


def test_rest_request_context_reads_back() -> None:
    """Method, path, resource, path parameters, stage and request id read back."""
    event = kit.apigw_rest_event(
        "DELETE",
        "/orders/9",
        resource="/orders/{id}",
        path_parameters={"id": "9"},
        stage_variables={"env": "test"},
        stage="dev",
        timestamp=1_700_000_000.5,
    )
    wrapped = events_class("APIGatewayProxyEvent")(event)
    assert (wrapped.http_method, wrapped.path, wrapped.resource) == (
        "DELETE",
        "/orders/9",
        "/orders/{id}",
    )
    assert wrapped.get_path_parameter("id") == "9"
    assert wrapped.stage_variables == {"env": "test"}
    context = wrapped.request_context
    assert context.stage == "dev"
    assert context.path == "/dev/orders/9"
    assert context.request_id == event["requestContext"]["requestId"]
    assert context.request_time_epoch == 1_700_000_000_500
    assert context.identity.source_ip == "192.168.0.1"


# --- API Gateway HTTP API (payload 2.0) and Function URLs -----------------------------------


@settings(deadline=None, max_examples=40)
@given(
    headers,
    queries,
    bodies,
    st.lists(st.tuples(names, header_values.filter(lambda v: ";" not in v)), max_size=3),
)
def test_http_api_request_reads_back(
    sent_headers: dict[str, list[str]],
    query: dict[str, list[str]],
    body: Any,
    cookie_pairs: list[tuple[str, str]],
) -> None:
    """Headers, the exact query (from rawQueryString), cookies and body of a 2.0 event."""
    cookies = [f"{name}={value}" for name, value in cookie_pairs]
    event = kit.apigw_http_event(
        "POST", "/a/b", headers=sent_headers, query=query, body=body, cookies=cookies
    )
    wrapped = events_class("APIGatewayProxyEventV2")(event)
    for name, values in sent_headers.items():
        assert wrapped.get_header(name.title()) == ",".join(values)
    assert wrapped.multi_value_query_string_parameters == query
    assert wrapped.query_string_parameters == {k: ",".join(v) for k, v in query.items()}
    assert wrapped.cookies == dict(cookie_pairs)
    assert wrapped.decoded_body_bytes == _body_bytes(body)
    assert (wrapped.http_method, wrapped.path) == ("POST", "/a/b")


def test_http_api_route_and_context_read_back() -> None:
    """Route key, path parameters and request time read back."""
    event = kit.apigw_http_event(
        "GET",
        "/pets/3",
        route_key="GET /pets/{id}",
        path_parameters={"id": "3"},
        timestamp=1_583_348_638.39,
    )
    wrapped = events_class("APIGatewayProxyEventV2")(event)
    assert wrapped.route_key == wrapped.request_context.route_key == "GET /pets/{id}"
    assert wrapped.path_parameters == {"id": "3"}
    assert wrapped.request_context.time_epoch == 1_583_348_638_390
    assert wrapped.request_context.http.source_ip == "192.168.0.1"


def test_function_url_iam_caller_reads_back() -> None:
    """A Function URL event's IAM caller, query and JSON body read back."""
    event = kit.function_url_event(
        "POST", "/hook", body={"ok": True}, query={"v": "1"}, auth_type="AWS_IAM"
    )
    wrapped = events_class("LambdaFunctionUrlEvent")(event)
    assert wrapped.json_body == {"ok": True}
    assert wrapped.get_query_string_value("v") == "1"
    iam = wrapped.request_context.authorizer.iam
    assert iam.user_arn == "arn:aws:iam::123456789012:user/example-user"
    assert iam.account_id == wrapped.request_context.account_id


# --- ALB --------------------------------------------------------------------------------------


@settings(deadline=None, max_examples=40)
@given(headers, queries, bodies, st.booleans())
def test_alb_request_reads_back(
    sent_headers: dict[str, list[str]], query: dict[str, list[str]], body: Any, multi: bool
) -> None:
    """ALB headers and body read back; query values decode back to what was sent."""
    event = kit.alb_event(
        "POST", "/x", headers=sent_headers, query=query, body=body, multi_value=multi
    )
    wrapped = events_class("ALBEvent")(event)
    for name, values in sent_headers.items():
        expected = ",".join(values) if multi else values[-1]
        assert wrapped.get_header(name) == expected
    decoded = {unquote_plus(k): unquote_plus(v) for k, v in wrapped.query_string_parameters.items()}
    assert decoded == {k: v[-1] for k, v in query.items()}
    expected_body = _body_bytes(body)
    assert wrapped.decoded_body_bytes == (expected_body if expected_body is not None else b"")
