"""Amazon API Gateway HTTP APIs (payload 2.0) and Lambda Function URLs (same shape)."""

from __future__ import annotations

from typing import Any

from powerkit.events._apigw import ClientCert
from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, optional_nested, required
from powerkit.events._headers import parse_cookies
from powerkit.events._http import BaseHttpEvent


class _V2Wrapper(DictWrapper):
    __slots__ = ()
    _source = "API Gateway HTTP"


class RequestContextV2Http(_V2Wrapper):
    """The HTTP request itself (``requestContext.http``)."""

    __slots__ = ()
    method = required("method", str, "The request method, e.g. ``POST``.")
    path = required("path", str, "The request path.")
    protocol = required("protocol", str, "The protocol, e.g. ``HTTP/1.1``.")
    source_ip = required("sourceIp", str, "The client's IP address.")
    user_agent = optional("userAgent", str, "The client's User-Agent.")


class RequestContextV2Authentication(_V2Wrapper):
    """Mutual-TLS details (``requestContext.authentication``)."""

    __slots__ = ()
    client_cert = optional_nested("clientCert", ClientCert, "The client certificate.")


class CognitoIdentity(_V2Wrapper):
    """Cognito identity of an IAM-authorised caller (``authorizer.iam.cognitoIdentity``)."""

    __slots__ = ()
    amr = optional("amr", list[str], "Authentication methods references.")
    identity_id = optional("identityId", str, "The Cognito identity id.")
    identity_pool_id = optional("identityPoolId", str, "The Cognito identity pool id.")


class RequestContextV2AuthorizerIam(_V2Wrapper):
    """The IAM caller of an IAM-authorised request (``authorizer.iam``)."""

    __slots__ = ()
    access_key = optional("accessKey", str, "The caller's access key id.")
    account_id = optional("accountId", str, "The caller's AWS account.")
    caller_id = optional("callerId", str, "The caller's principal id.")
    principal_org_id = optional("principalOrgId", str, "The caller's AWS organization id.")
    user_arn = optional("userArn", str, "The caller's ARN.")
    user_id = optional("userId", str, "The caller's user id.")
    cognito_identity = optional_nested(
        "cognitoIdentity", CognitoIdentity, "Cognito identity, for Cognito credentials."
    )


class RequestContextV2Authorizer(_V2Wrapper):
    """What the route's authorizer produced (``requestContext.authorizer``)."""

    __slots__ = ()
    iam = optional_nested("iam", RequestContextV2AuthorizerIam, "IAM authorizer: the caller.")
    lambda_context = optional("lambda", dict[str, Any], "Lambda authorizer: its context.")

    @property
    def jwt_claims(self) -> dict[str, Any] | None:
        """JWT authorizer: the token's claims (``jwt.claims``)."""
        value: dict[str, Any] | None = self._opt_in("jwt", "claims")
        return value

    @property
    def jwt_scopes(self) -> list[str] | None:
        """JWT authorizer: the token's scopes (``jwt.scopes``)."""
        value: list[str] | None = self._opt_in("jwt", "scopes")
        return value


class RequestContextV2(_V2Wrapper):
    """Request metadata (``requestContext``)."""

    __slots__ = ()
    account_id = required("accountId", str, "The AWS account that owns the API or function.")
    api_id = required("apiId", str, "The API id (the URL id for Function URLs).")
    request_id = required("requestId", str, "The request id.")
    route_key = optional("routeKey", str, "The matched route, e.g. ``GET /pets``.")
    stage = optional("stage", str, "The stage, e.g. ``$default``.")
    time = required("time", str, "CLF-formatted request time.")
    time_epoch = required("timeEpoch", int, "Request time, epoch ms.")
    domain_name = optional("domainName", str, "The domain the client called.")
    domain_prefix = optional("domainPrefix", str, "The first label of ``domainName``.")
    http = nested("http", RequestContextV2Http, "Method, path, source IP, user agent.")
    authentication = optional_nested(
        "authentication", RequestContextV2Authentication, "Mutual-TLS details."
    )
    authorizer = optional_nested(
        "authorizer", RequestContextV2Authorizer, "What the authorizer produced, if any."
    )


class APIGatewayProxyEventV2(BaseHttpEvent):
    """An HTTP API request (payload format 2.0).

    Query parameters sent several times arrive comma-joined in ``queryStringParameters``;
    the multi-value helpers split ``rawQueryString`` instead, which is exact.
    """

    __slots__ = ()
    _source = "API Gateway HTTP"
    _multi_headers_key = None
    _multi_query_key = None

    version = required("version", str, "Payload format version, ``2.0``.")
    route_key = required("routeKey", str, "The matched route, e.g. ``GET /pets``.")
    raw_path = required("rawPath", str, "The request path as sent.")
    raw_query_string = optional("rawQueryString", str, "The query string as sent.")
    stage_variables = optional("stageVariables", dict[str, str], "The stage's variables.")
    request_context = nested("requestContext", RequestContextV2, "Request metadata.")

    @property
    def path(self) -> str:
        """The request path as sent (``rawPath``)."""
        return self._str("rawPath")

    @property
    def http_method(self) -> str:
        """The request method (``requestContext.http.method``)."""
        value: str = self._req_in("requestContext", "http", "method")
        return value

    @property
    def raw_cookies(self) -> list[str]:
        """The ``name=value`` cookie strings as sent (``cookies``; empty when absent)."""
        value: list[str] = self._data.get("cookies") or []
        return value

    @cached
    def cookies(self) -> dict[str, str]:
        """Request cookies by name (from ``cookies``)."""
        return parse_cookies(self.raw_cookies)

    @cached
    def multi_value_query_string_parameters(self) -> dict[str, list[str]]:
        """Every value of each query parameter, parsed from ``rawQueryString``."""
        raw = self._data.get("rawQueryString")
        if not raw:
            return {name: [value] for name, value in self.query_string_parameters.items()}
        from urllib.parse import parse_qs  # only requests that need it pay for the import

        return parse_qs(raw, keep_blank_values=True)


class LambdaFunctionUrlEvent(APIGatewayProxyEventV2):
    """A request to a Lambda Function URL (the HTTP API 2.0 shape; IAM or no auth)."""

    __slots__ = ()
    _source = "Lambda Function URL"

    @property
    def route_key(self) -> str:  # type: ignore[override]
        """The route: always ``$default`` (a Function URL has no routes; some samples omit it)."""
        value: str = self._data.get("routeKey", "$default")
        return value
