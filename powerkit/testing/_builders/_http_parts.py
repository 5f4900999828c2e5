"""What the HTTP builders share: bodies, header sets, query strings, payload 2.0."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from powerkit.testing._builders._common import b64, random_hex, split_multi, text_body

HttpBody = str | bytes | Mapping[str, Any] | Sequence[Any] | None
"""A request body: text, raw bytes (sent base64-encoded), or a JSON-serialisable value."""

Multi = Mapping[str, str | Sequence[str]]
"""Headers or query parameters: one value per name, or a list of values."""

DEFAULT_SOURCE_IP = "192.168.0.1"
DEFAULT_USER_AGENT = "curl/8.4.0"


def trace_header(timestamp: float) -> str:
    """An ``X-Amzn-Trace-Id`` value whose root id embeds the request time."""
    return f"Root=1-{int(timestamp):08x}-{random_hex(24)}"


def encode_body(body: HttpBody, *, is_base64: bool) -> tuple[str | None, bool, bool]:
    """``(text, is_base64_encoded, is_json)`` for a request body.

    Bytes are always sent base64-encoded (that is how binary bodies reach Lambda);
    ``is_base64=True`` base64-encodes text bodies too.
    """
    if body is None:
        return None, False, False
    if isinstance(body, (bytes, bytearray, memoryview)):
        return b64(bytes(body)), True, False
    is_json = not isinstance(body, str)
    text = text_body(body, what="HTTP body")
    if is_base64:
        return b64(text.encode("utf-8")), True, is_json
    return text, False, is_json


def merge_headers(
    defaults: Mapping[str, str],
    given: Multi | None,
    *,
    lower: bool,
    is_json: bool,
) -> dict[str, list[str]]:
    """Default headers overridden case-insensitively by the caller's, as lists of values."""
    merged: dict[str, list[str]] = {}
    names: dict[str, str] = {}

    def put(name: str, values: list[str]) -> None:
        key = name.lower()
        if key in names:
            del merged[names[key]]
        spelled = key if lower else name
        names[key] = spelled
        merged[spelled] = values

    for name, value in defaults.items():
        put(name, [value])
    if is_json:
        put("content-type" if lower else "Content-Type", ["application/json"])
    for name, values in split_multi(given).items():
        put(name, values)
    return merged


def single_values(multi: Mapping[str, list[str]]) -> dict[str, str]:
    """Keep the last value of each name (API Gateway REST and ALB single-value fields)."""
    return {name: values[-1] for name, values in multi.items() if values}


def joined_values(multi: Mapping[str, list[str]]) -> dict[str, str]:
    """Join repeated values with commas (HTTP API and Function URL payload 2.0)."""
    return {name: ",".join(values) for name, values in multi.items()}


def query_string(query: Mapping[str, list[str]]) -> str:
    """The query string a client would send for these parameters (form-encoded)."""
    return urlencode([(name, value) for name, values in query.items() for value in values])


def payload_v2(
    *,
    method: str,
    path: str,
    body: HttpBody,
    headers: Multi | None,
    query: Multi | None,
    cookies: Sequence[str] | None,
    is_base64: bool,
    source_ip: str,
    domain: str,
    extra_headers: Mapping[str, str],
    route_key: str,
    moment: float,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Payload 2.0 parts HTTP APIs and Function URLs share: ``(head, http context, tail)``.

    The event is ``head`` + ``requestContext`` + ``tail`` in that key order, as AWS sends it.
    """
    text, encoded, is_json = encode_body(body, is_base64=is_base64)
    defaults = {
        "accept": "*/*",
        "content-length": str(len(text.encode("utf-8")) if text is not None else 0),
        "host": domain,
        "user-agent": DEFAULT_USER_AGENT,
        "x-amzn-trace-id": trace_header(moment),
        "x-forwarded-for": source_ip,
        "x-forwarded-port": "443",
        "x-forwarded-proto": "https",
        **extra_headers,
    }
    merged = merge_headers(defaults, headers, lower=True, is_json=is_json)
    # Payload 2.0 moves cookies out of the headers into their own list.
    cookie_list = list(cookies or [])
    for header in merged.pop("cookie", []):
        cookie_list.extend(part.strip() for part in header.split(";") if part.strip())
    multi_query = split_multi(query)
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": path,
        "rawQueryString": query_string(multi_query),
    }
    if cookie_list:
        event["cookies"] = cookie_list
    event["headers"] = joined_values(merged)
    if multi_query:
        event["queryStringParameters"] = joined_values(multi_query)
    http = {
        "method": method,
        "path": path,
        "protocol": "HTTP/1.1",
        "sourceIp": source_ip,
        "userAgent": event["headers"].get("user-agent", ""),
    }
    tail: dict[str, Any] = {"isBase64Encoded": encoded}
    if text is not None:
        tail = {"body": text, **tail}
    return event, http, tail
