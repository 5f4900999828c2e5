"""Application Load Balancer events for Lambda targets."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus

from powerkit.testing._builders._common import (
    DEFAULT_ACCOUNT,
    DEFAULT_REGION,
    Event,
    now,
    random_alnum,
    random_hex,
    split_multi,
)
from powerkit.testing._builders._http_parts import (
    DEFAULT_USER_AGENT,
    HttpBody,
    Multi,
    encode_body,
    merge_headers,
    single_values,
    trace_header,
)


def alb_event(
    method: str = "GET",
    path: str = "/",
    *,
    body: HttpBody = None,
    headers: Multi | None = None,
    query: Multi | None = None,
    multi_value: bool = False,
    is_base64: bool = False,
    target_group: str = "my-targets",
    source_ip: str = "72.12.164.125",
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """An Application Load Balancer event for a Lambda target.

    Args:
        method: HTTP method.
        path: request path.
        body: text, bytes (base64-encoded) or a JSON-serialisable value; ``""`` when absent.
        headers: extra or overriding headers (names lower-cased).
        query: query parameters, lists for repeated ones. ALB does not decode the query
            string: names and values arrive form-encoded as the client sent them.
        multi_value: the target group has multi-value headers on: ``multiValueHeaders`` /
            ``multiValueQueryStringParameters`` instead of the single-value fields (which
            keep the last value of a repeated name).
        is_base64: base64-encode a text body and flag it.
        target_group: target group name (ARN uses ``region`` and ``account_id``).
        source_ip: client address (``x-forwarded-for``).
        region: load balancer region.
        account_id: load balancer owner's account.
        timestamp: epoch seconds of the request (default: now).
    """
    moment = now(timestamp)
    text, encoded, is_json = encode_body(body, is_base64=is_base64)
    defaults = {
        "accept": "*/*",
        "host": f"my-alb-{random_alnum(9)}.{region}.elb.amazonaws.com",
        "user-agent": DEFAULT_USER_AGENT,
        "x-amzn-trace-id": trace_header(moment),
        "x-forwarded-for": source_ip,
        "x-forwarded-port": "80",
        "x-forwarded-proto": "http",
    }
    multi_headers = merge_headers(defaults, headers, lower=True, is_json=is_json)
    multi_query = {
        quote_plus(name): [quote_plus(value) for value in values]
        for name, values in split_multi(query).items()
    }
    target_arn = (
        f"arn:aws:elasticloadbalancing:{region}:{account_id}:"
        f"targetgroup/{target_group}/{random_hex(16)}"
    )
    event: dict[str, Any] = {
        "requestContext": {"elb": {"targetGroupArn": target_arn}},
        "httpMethod": method,
        "path": path,
    }
    if multi_value:
        event["multiValueQueryStringParameters"] = multi_query
        event["multiValueHeaders"] = multi_headers
    else:
        event["queryStringParameters"] = single_values(multi_query)
        event["headers"] = single_values(multi_headers)
    event["body"] = text or ""
    event["isBase64Encoded"] = encoded
    return event
