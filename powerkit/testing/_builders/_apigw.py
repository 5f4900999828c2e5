"""API Gateway events: REST API (payload 1.0) and HTTP API (payload 2.0)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from powerkit.testing._builders._common import (
    DEFAULT_ACCOUNT,
    DEFAULT_REGION,
    Event,
    clf_time,
    epoch_ms,
    new_uuid,
    now,
    random_alnum,
    random_b64,
    split_multi,
)
from powerkit.testing._builders._http_parts import (
    DEFAULT_SOURCE_IP,
    DEFAULT_USER_AGENT,
    HttpBody,
    Multi,
    encode_body,
    merge_headers,
    payload_v2,
    single_values,
    trace_header,
)


def _rest_identity(source_ip: str, user_agent: str) -> dict[str, Any]:
    # An unauthenticated caller: every identity field is present and null except these two.
    names = [
        "accessKey",
        "accountId",
        "caller",
        "cognitoAuthenticationProvider",
        "cognitoAuthenticationType",
        "cognitoIdentityId",
        "cognitoIdentityPoolId",
        "principalOrgId",
    ]
    identity: dict[str, Any] = dict.fromkeys(names)
    identity.update(sourceIp=source_ip, user=None, userAgent=user_agent, userArn=None)
    return identity


def apigw_rest_event(
    method: str = "GET",
    path: str = "/",
    *,
    body: HttpBody = None,
    headers: Multi | None = None,
    query: Multi | None = None,
    path_parameters: Mapping[str, str] | None = None,
    stage_variables: Mapping[str, str] | None = None,
    resource: str | None = None,
    stage: str = "prod",
    is_base64: bool = False,
    authorizer: Mapping[str, Any] | None = None,
    source_ip: str = DEFAULT_SOURCE_IP,
    api_id: str | None = None,
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """An API Gateway REST API proxy event (payload format 1.0).

    Args:
        method: HTTP method.
        path: request path as the client sent it (without the stage).
        body: text, bytes (sent base64-encoded), or a JSON-serialisable value (JSON-encoded,
            with a ``Content-Type: application/json`` header).
        headers: extra or overriding headers; a list gives repeated values. ``headers`` keeps
            the last value of each, ``multiValueHeaders`` all of them.
        query: query parameters, a list for repeated ones (``null`` fields when empty).
        path_parameters: values of the resource's ``{placeholders}``.
        stage_variables: the stage's variables.
        resource: the matched resource template (default: ``path``).
        stage: deployment stage; ``requestContext.path`` is ``/<stage><path>``.
        is_base64: base64-encode a text body and flag it, as binary media types do.
        authorizer: ``requestContext.authorizer`` (claims, principalId, context values).
        source_ip: caller address (``identity.sourceIp`` and ``X-Forwarded-For``).
        api_id: the REST API id (default: random 10 characters).
        region: API region.
        account_id: API owner's account.
        timestamp: epoch seconds of the request (default: now).
    """
    moment = now(timestamp)
    api = api_id or random_alnum(10)
    domain = f"{api}.execute-api.{region}.amazonaws.com"
    text, encoded, is_json = encode_body(body, is_base64=is_base64)
    defaults = {
        "Accept": "*/*",
        "Host": domain,
        "User-Agent": DEFAULT_USER_AGENT,
        "X-Amzn-Trace-Id": trace_header(moment),
        "X-Forwarded-For": source_ip,
        "X-Forwarded-Port": "443",
        "X-Forwarded-Proto": "https",
    }
    multi_headers = merge_headers(defaults, headers, lower=False, is_json=is_json)
    single_headers = single_values(multi_headers)
    user_agent = next(
        (value for name, value in single_headers.items() if name.lower() == "user-agent"), ""
    )
    multi_query = split_multi(query)
    template = resource or path
    context: dict[str, Any] = {
        "accountId": account_id,
        "apiId": api,
        "domainName": domain,
        "domainPrefix": api,
        "extendedRequestId": random_b64(10),
        "httpMethod": method,
        "identity": _rest_identity(source_ip, user_agent),
        "path": f"/{stage}{path}",
        "protocol": "HTTP/1.1",
        "requestId": new_uuid(),
        "requestTime": clf_time(moment),
        "requestTimeEpoch": epoch_ms(moment),
        "resourceId": random_alnum(6),
        "resourcePath": template,
        "stage": stage,
    }
    if authorizer is not None:
        context["authorizer"] = dict(authorizer)
    return {
        "resource": template,
        "path": path,
        "httpMethod": method,
        "headers": single_headers,
        "multiValueHeaders": multi_headers,
        "queryStringParameters": single_values(multi_query) or None,
        "multiValueQueryStringParameters": multi_query or None,
        "pathParameters": dict(path_parameters) if path_parameters else None,
        "stageVariables": dict(stage_variables) if stage_variables else None,
        "requestContext": context,
        "body": text,
        "isBase64Encoded": encoded,
    }


def apigw_http_event(
    method: str = "GET",
    path: str = "/",
    *,
    body: HttpBody = None,
    headers: Multi | None = None,
    query: Multi | None = None,
    cookies: Sequence[str] | None = None,
    path_parameters: Mapping[str, str] | None = None,
    stage_variables: Mapping[str, str] | None = None,
    route_key: str = "$default",
    stage: str = "$default",
    is_base64: bool = False,
    authorizer: Mapping[str, Any] | None = None,
    source_ip: str = DEFAULT_SOURCE_IP,
    api_id: str | None = None,
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """An API Gateway HTTP API event (payload format 2.0).

    Args:
        method: HTTP method.
        path: request path (``rawPath`` and ``requestContext.http.path``).
        body: text, bytes (base64-encoded) or a JSON-serialisable value (JSON-encoded).
        headers: extra or overriding headers (names lower-cased, repeated values joined by
            commas). A ``cookie`` header is moved into ``cookies``, as API Gateway does.
        query: query parameters, lists for repeated ones; ``rawQueryString`` is their
            form-encoding, ``queryStringParameters`` the decoded values joined by commas.
        cookies: cookies sent (``["name=value", ...]``).
        path_parameters: values of the route's ``{placeholders}``.
        stage_variables: the stage's variables.
        route_key: the matched route, e.g. ``"GET /orders/{id}"``.
        stage: stage name.
        is_base64: base64-encode a text body and flag it.
        authorizer: ``requestContext.authorizer`` (``{"jwt": {...}}``, ``{"lambda": {...}}``).
        source_ip: caller address.
        api_id: the HTTP API id (default: random 10 characters).
        region: API region.
        account_id: API owner's account.
        timestamp: epoch seconds of the request (default: now).
    """
    moment = now(timestamp)
    api = api_id or random_alnum(10)
    domain = f"{api}.execute-api.{region}.amazonaws.com"
    head, http, tail = payload_v2(
        method=method, path=path, body=body, headers=headers, query=query, cookies=cookies,
        is_base64=is_base64, source_ip=source_ip, domain=domain, extra_headers={},
        route_key=route_key, moment=moment,
    )  # fmt: skip
    context: dict[str, Any] = {"accountId": account_id, "apiId": api}
    if authorizer is not None:
        context["authorizer"] = dict(authorizer)
    context.update(
        domainName=domain,
        domainPrefix=api,
        http=http,
        requestId=random_b64(10),
        routeKey=route_key,
        stage=stage,
        time=clf_time(moment),
        timeEpoch=epoch_ms(moment),
    )
    event = {**head, "requestContext": context, **tail}
    # Absent, not empty, when the route has no parameters or the stage no variables.
    if path_parameters:
        event["pathParameters"] = dict(path_parameters)
    if stage_variables:
        event["stageVariables"] = dict(stage_variables)
    return event
