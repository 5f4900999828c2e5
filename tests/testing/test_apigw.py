"""API Gateway REST (1.0) and HTTP API (2.0) builders: derived fields agree."""

from __future__ import annotations

import base64
import json
import time
from urllib.parse import parse_qs

from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit.testing import apigw_http_event, apigw_rest_event

names = st.text(alphabet="abcdefghij-", min_size=1, max_size=8)
values = st.text(min_size=0, max_size=10).filter(lambda v: "," not in v)
queries = st.dictionaries(names, st.lists(values, min_size=1, max_size=3), max_size=4)


def test_rest_headers_keep_last_value_and_multi_value_keeps_all() -> None:
    """``headers`` has the last value of a repeated header, ``multiValueHeaders`` all of them."""
    event = apigw_rest_event(headers={"X-Tag": ["a", "b"], "Accept": "text/html"})
    assert event["headers"]["X-Tag"] == "b"
    assert event["multiValueHeaders"]["X-Tag"] == ["a", "b"]
    assert event["headers"]["Accept"] == "text/html"  # overrides the default */*
    assert set(event["headers"]) == set(event["multiValueHeaders"])


def test_rest_user_header_overrides_default_case_insensitively() -> None:
    """A caller's ``user-agent`` replaces the default ``User-Agent`` and reaches the identity."""
    event = apigw_rest_event(headers={"user-agent": "tests/1.0"})
    assert "User-Agent" not in event["headers"]
    assert event["headers"]["user-agent"] == "tests/1.0"
    assert event["requestContext"]["identity"]["userAgent"] == "tests/1.0"


@settings(deadline=None, max_examples=50)
@given(queries)
def test_rest_query_fields_agree(query: dict[str, list[str]]) -> None:
    """Single-value query fields hold each list's last value; both are null when empty."""
    event = apigw_rest_event(query=query)
    if not query:
        assert event["queryStringParameters"] is None
        assert event["multiValueQueryStringParameters"] is None
        return
    assert event["multiValueQueryStringParameters"] == query
    assert event["queryStringParameters"] == {k: v[-1] for k, v in query.items()}


def test_rest_request_context_is_consistent() -> None:
    """Method, stage path, resource, domain and epoch time agree with the request."""
    before = time.time()
    event = apigw_rest_event(
        "POST", "/orders/7", resource="/orders/{id}", path_parameters={"id": "7"}, stage="dev"
    )
    context = event["requestContext"]
    assert context["httpMethod"] == event["httpMethod"] == "POST"
    assert context["path"] == "/dev/orders/7"
    assert context["resourcePath"] == event["resource"] == "/orders/{id}"
    assert context["domainName"] == f"{context['apiId']}.execute-api.us-east-1.amazonaws.com"
    assert event["headers"]["Host"] == context["domainName"]
    assert before * 1000 - 1 <= context["requestTimeEpoch"] <= time.time() * 1000 + 1
    assert event["pathParameters"] == {"id": "7"}


def test_rest_request_time_matches_epoch() -> None:
    """``requestTime`` is the same instant as ``requestTimeEpoch``, in API Gateway's format."""
    context = apigw_rest_event(timestamp=1583349317.135)["requestContext"]
    assert context["requestTimeEpoch"] == 1583349317135
    assert context["requestTime"] == "04/Mar/2020:19:15:17 +0000"


def test_rest_json_body_sets_content_type() -> None:
    """A dict body is JSON-encoded and announced with ``Content-Type: application/json``."""
    event = apigw_rest_event("POST", body={"a": 1})
    assert json.loads(event["body"]) == {"a": 1}
    assert event["headers"]["Content-Type"] == "application/json"
    assert event["isBase64Encoded"] is False


@settings(deadline=None, max_examples=50)
@given(st.binary())
def test_rest_bytes_body_round_trips_through_base64(body: bytes) -> None:
    """A bytes body is base64-encoded and flagged; decoding gives the bytes back."""
    event = apigw_rest_event("POST", body=body)
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == body


def test_rest_no_body_is_null() -> None:
    """Without a body, ``body`` is null as API Gateway sends it."""
    assert apigw_rest_event()["body"] is None


def test_rest_request_ids_are_unique() -> None:
    """Every call gets a fresh request id."""
    assert len({apigw_rest_event()["requestContext"]["requestId"] for _ in range(20)}) == 20


@settings(deadline=None, max_examples=50)
@given(queries)
def test_http_raw_query_string_and_parameters_agree(query: dict[str, list[str]]) -> None:
    """``rawQueryString`` parses back to the query; parameters join repeats with commas."""
    event = apigw_http_event(query=query)
    assert parse_qs(event["rawQueryString"], keep_blank_values=True) == query
    if query:
        assert event["queryStringParameters"] == {k: ",".join(v) for k, v in query.items()}
    else:
        assert "queryStringParameters" not in event


def test_http_cookies_move_out_of_headers() -> None:
    """A ``Cookie`` header is split into ``cookies`` and removed from ``headers``."""
    event = apigw_http_event(headers={"Cookie": "a=1; b=2"}, cookies=["c=3"])
    assert event["cookies"] == ["c=3", "a=1", "b=2"]
    assert "cookie" not in event["headers"]


def test_http_headers_are_lower_case_and_joined() -> None:
    """Header names are lower-cased and repeated values joined with commas."""
    event = apigw_http_event(headers={"X-Tag": ["a", "b"]})
    assert event["headers"]["x-tag"] == "a,b"


def test_http_paths_route_and_optional_fields() -> None:
    """rawPath and http.path match; route key appears twice; empty optional fields are absent."""
    event = apigw_http_event("DELETE", "/orders/1", route_key="DELETE /orders/{id}")
    assert event["rawPath"] == event["requestContext"]["http"]["path"] == "/orders/1"
    assert event["requestContext"]["http"]["method"] == "DELETE"
    assert event["routeKey"] == event["requestContext"]["routeKey"] == "DELETE /orders/{id}"
    for absent in ("body", "cookies", "pathParameters", "stageVariables"):
        assert absent not in event


def test_http_content_length_matches_body() -> None:
    """The ``content-length`` header is the body's UTF-8 length."""
    event = apigw_http_event("POST", body="héllo")
    assert event["headers"]["content-length"] == str(len("héllo".encode()))


def test_http_text_body_can_be_base64_flagged() -> None:
    """``is_base64=True`` sends a text body base64-encoded and flagged."""
    event = apigw_http_event("POST", body="hi", is_base64=True)
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == b"hi"


def test_http_time_epoch_and_time_agree() -> None:
    """``time`` and ``timeEpoch`` describe the same instant."""
    context = apigw_http_event(timestamp=1583348638.390)["requestContext"]
    assert context["timeEpoch"] == 1583348638390
    assert context["time"] == "04/Mar/2020:19:03:58 +0000"
