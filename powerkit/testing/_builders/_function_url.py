"""Lambda Function URL events (payload 2.0 without routes or stages)."""

from __future__ import annotations

from collections.abc import Sequence
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
)
from powerkit.testing._builders._http_parts import (
    HttpBody,
    Multi,
    payload_v2,
)


def function_url_event(
    method: str = "GET",
    path: str = "/",
    *,
    body: HttpBody = None,
    headers: Multi | None = None,
    query: Multi | None = None,
    cookies: Sequence[str] | None = None,
    is_base64: bool = False,
    auth_type: str = "NONE",
    source_ip: str = "123.123.123.123",
    url_id: str | None = None,
    region: str = DEFAULT_REGION,
    account_id: str = DEFAULT_ACCOUNT,
    timestamp: float | None = None,
) -> Event:
    """A Lambda Function URL event (payload 2.0 without routes, stages or path parameters).

    Args:
        method: HTTP method.
        path: request path.
        body: text, bytes (base64-encoded) or a JSON-serialisable value (JSON-encoded).
        headers: extra or overriding headers (as for `apigw_http_event`).
        query: query parameters, lists for repeated ones.
        cookies: cookies sent.
        is_base64: base64-encode a text body and flag it.
        auth_type: ``"NONE"`` (``accountId`` is ``anonymous``) or ``"AWS_IAM"`` (signed by an
            IAM user of ``account_id``: ``requestContext.authorizer.iam`` is filled in).
        source_ip: caller address.
        url_id: the URL id (default: random 32 characters).
        region: function region.
        account_id: caller's account for ``AWS_IAM``.
        timestamp: epoch seconds of the request (default: now).
    """
    moment = now(timestamp)
    url = url_id or random_alnum(32)
    domain = f"{url}.lambda-url.{region}.on.aws"
    tls = {"x-amzn-tls-version": "TLSv1.3", "x-amzn-tls-cipher-suite": "TLS_AES_128_GCM_SHA256"}
    head, http, tail = payload_v2(
        method=method, path=path, body=body, headers=headers, query=query, cookies=cookies,
        is_base64=is_base64, source_ip=source_ip, domain=domain, extra_headers=tls,
        route_key="$default", moment=moment,
    )  # fmt: skip
    context: dict[str, Any] = {"accountId": "anonymous", "apiId": url}
    if auth_type == "AWS_IAM":
        user_id = f"AIDA{random_alnum(17, upper=True)}"
        context["accountId"] = account_id
        context["authorizer"] = {
            "iam": {
                "accessKey": f"AKIA{random_alnum(16, upper=True)}",
                "accountId": account_id,
                "callerId": user_id,
                "cognitoIdentity": None,
                "principalOrgId": None,
                "userArn": f"arn:aws:iam::{account_id}:user/example-user",
                "userId": user_id,
            }
        }
    context.update(
        domainName=domain,
        domainPrefix=url,
        http=http,
        requestId=new_uuid(),
        routeKey="$default",
        stage="$default",
        time=clf_time(moment),
        timeEpoch=epoch_ms(moment),
    )
    return {**head, "requestContext": context, **tail}
