"""API Gateway Lambda authorizers: the events they receive and the responses they return."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from powerkit._errors import ConfigError
from powerkit.events._apigw import APIGatewayRequestContext
from powerkit.events._apigw_v2 import APIGatewayProxyEventV2
from powerkit.events._base import DictWrapper, EventFieldError
from powerkit.events._fields import nested, optional, required
from powerkit.events._http import BaseHttpEvent

_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*"})


@dataclass(frozen=True)
class APIGatewayRouteArn:
    """The parts of an ``execute-api`` method or route ARN.

    ``arn:<partition>:execute-api:<region>:<account>:<api id>/<stage>/<method>/<resource>``
    """

    partition: str
    region: str
    aws_account_id: str
    api_id: str
    stage: str
    http_method: str
    resource: str

    @classmethod
    def parse(cls, arn: str) -> APIGatewayRouteArn:
        """Split an ``execute-api`` ARN; raises ConfigError when it is not one."""
        parts = arn.split(":", 5)
        if len(parts) != 6 or parts[2] != "execute-api":
            raise ConfigError(f"{arn!r} is not an execute-api ARN (arn:aws:execute-api:...)")
        path = parts[5].split("/", 3)
        if len(path) < 3:
            raise ConfigError(f"{arn!r} has no <api id>/<stage>/<method> part")
        resource = path[3] if len(path) == 4 else ""
        return cls(parts[1], parts[3], parts[4], path[0], path[1], path[2], resource)

    @property
    def arn(self) -> str:
        """The ARN again, with ``resource`` relative (no leading slash)."""
        return (
            f"arn:{self.partition}:execute-api:{self.region}:{self.aws_account_id}:"
            f"{self.api_id}/{self.stage}/{self.http_method}/{self.resource.lstrip('/')}"
        )


class APIGatewayAuthorizerTokenEvent(DictWrapper):
    """The event of a TOKEN authorizer (REST APIs): the bearer token and the method ARN."""

    __slots__ = ()
    _source = "API Gateway authorizer"
    type = required("type", str, "Always ``TOKEN``.")
    authorization_token = required("authorizationToken", str, "The token the client sent.")
    method_arn = required("methodArn", str, "The ARN of the method being called.")

    @property
    def parsed_arn(self) -> APIGatewayRouteArn:
        """``method_arn`` split into region, account, API, stage, method and resource."""
        return APIGatewayRouteArn.parse(self.method_arn)


class _AuthorizerRequestContext(APIGatewayRequestContext):
    """``requestContext`` of a REQUEST authorizer event (REST, or a WebSocket ``$connect``)."""

    __slots__ = ()

    @property
    def account_id(self) -> str:  # type: ignore[override]
        """The AWS account that owns the API.

        A WebSocket ``$connect`` authorizer's context has no ``accountId``: it is then read
        from the event's ``methodArn`` (``arn:aws:execute-api:<region>:<account>:...``).
        """
        value = self._data.get("accountId")
        if isinstance(value, str):
            return value
        parent = self._at
        arn = parent._data.get("methodArn") if isinstance(parent, DictWrapper) else None
        parts = arn.split(":") if isinstance(arn, str) else []
        if len(parts) > 4 and parts[4]:
            return parts[4]
        # Named after the public class it stands for, not this private subclass.
        raise EventFieldError(
            self._path("accountId"), self._root_source(), "APIGatewayRequestContext"
        )


class APIGatewayAuthorizerRequestEvent(BaseHttpEvent):
    """The event of a REQUEST authorizer (REST APIs, and HTTP APIs with payload 1.0)."""

    __slots__ = ()
    _source = "API Gateway authorizer"
    version = optional("version", str, "Payload format version, when sent.")
    type = required("type", str, "Always ``REQUEST``.")
    method_arn = required("methodArn", str, "The ARN of the method (route) being called.")
    identity_source = optional("identitySource", str, "The identity sources' values.")
    authorization_token = optional("authorizationToken", str, "The identity source value.")
    resource = optional("resource", str, "The matched resource path template.")
    path = optional("path", str, "The request path.")
    http_method = optional("httpMethod", str, "The request method.")
    stage_variables = optional("stageVariables", dict[str, str], "The stage's variables.")
    request_context = nested("requestContext", _AuthorizerRequestContext, "Request metadata.")

    @property
    def parsed_arn(self) -> APIGatewayRouteArn:
        """``method_arn`` split into region, account, API, stage, method and resource."""
        return APIGatewayRouteArn.parse(self.method_arn)


class APIGatewayAuthorizerEventV2(APIGatewayProxyEventV2):
    """The event of an HTTP API Lambda authorizer with payload format 2.0."""

    __slots__ = ()
    _source = "API Gateway authorizer"
    type = required("type", str, "Always ``REQUEST``.")
    route_arn = required("routeArn", str, "The ARN of the route being called.")
    identity_source = optional("identitySource", list[str], "The identity sources' values.")

    @property
    def parsed_arn(self) -> APIGatewayRouteArn:
        """``route_arn`` split into region, account, API, stage, method and resource."""
        return APIGatewayRouteArn.parse(self.route_arn)


class APIGatewayAuthorizerResponse:
    """Build the IAM policy a REST API (or payload 1.0) Lambda authorizer returns.

    Args:
        principal_id: who the caller is (logged by API Gateway, passed to the integration).
        region: the API the policy applies to; take them from ``event.parsed_arn``.
        aws_account_id: part of the API the policy applies to (see ``region``).
        api_id: part of the API the policy applies to (see ``region``).
        stage: part of the API the policy applies to (see ``region``).
        context: string/number/boolean values passed to the integration as
            ``requestContext.authorizer``.
        usage_identifier_key: the API key for usage plans, when the authorizer supplies it.
        partition: ``aws`` unless in China or GovCloud.

    Examples:
        >>> arn = APIGatewayRouteArn.parse("arn:aws:execute-api:eu-west-1:1:api/prod/GET/")
        >>> policy = APIGatewayAuthorizerResponse.for_arn("user-1", arn)
        >>> policy.allow_route("GET", "/pets/*")
        >>> policy.asdict()["policyDocument"]["Statement"][0]["Resource"]
        ['arn:aws:execute-api:eu-west-1:1:api/prod/GET/pets/*']
    """

    def __init__(
        self,
        principal_id: str,
        region: str,
        aws_account_id: str,
        api_id: str,
        stage: str,
        context: dict[str, Any] | None = None,
        usage_identifier_key: str | None = None,
        partition: str = "aws",
    ) -> None:
        self.principal_id = principal_id
        self.context = context
        self.usage_identifier_key = usage_identifier_key
        self._base = APIGatewayRouteArn(partition, region, aws_account_id, api_id, stage, "*", "*")
        self._routes: dict[str, list[str]] = {"Allow": [], "Deny": []}

    @classmethod
    def for_arn(
        cls, principal_id: str, arn: APIGatewayRouteArn, context: dict[str, Any] | None = None
    ) -> APIGatewayAuthorizerResponse:
        """A response for the API and stage of ``arn`` (usually ``event.parsed_arn``)."""
        return cls(
            principal_id, arn.region, arn.aws_account_id, arn.api_id, arn.stage, context,
            partition=arn.partition,
        )  # fmt: skip

    def _add(self, effect: str, http_method: str, resource: str) -> None:
        method = http_method.upper()
        if method not in _METHODS:
            raise ConfigError(
                f"{http_method!r} is not an HTTP method; use one of {sorted(_METHODS)}"
            )
        base = self._base
        arn = APIGatewayRouteArn(
            base.partition, base.region, base.aws_account_id, base.api_id, base.stage,
            method, resource.lstrip("/"),
        )  # fmt: skip
        self._routes[effect].append(arn.arn)

    def allow_route(self, http_method: str, resource: str) -> None:
        """Allow ``http_method`` (or ``*``) on ``resource`` (a path; ``*`` wildcards work)."""
        self._add("Allow", http_method, resource)

    def deny_route(self, http_method: str, resource: str) -> None:
        """Deny ``http_method`` (or ``*``) on ``resource``; denials win over allows."""
        self._add("Deny", http_method, resource)

    def allow_all_routes(self, http_method: str = "*") -> None:
        """Allow every resource of the API stage (for ``http_method``)."""
        self._add("Allow", http_method, "*")

    def deny_all_routes(self, http_method: str = "*") -> None:
        """Deny every resource of the API stage (for ``http_method``)."""
        self._add("Deny", http_method, "*")

    def asdict(self) -> dict[str, Any]:
        """The response to return from the authorizer.

        With no route allowed or denied, the policy denies everything: an authorizer that
        forgot to decide must not let requests through.
        """
        statements = [
            {"Action": "execute-api:Invoke", "Effect": effect, "Resource": list(arns)}
            for effect, arns in self._routes.items()
            if arns
        ]
        if not statements:
            deny_all = [self._base.arn]  # method * and resource *: the whole stage
            statements = [{"Action": "execute-api:Invoke", "Effect": "Deny", "Resource": deny_all}]
        response: dict[str, Any] = {
            "principalId": self.principal_id,
            "policyDocument": {"Version": "2012-10-17", "Statement": statements},
        }
        if self.context:
            response["context"] = self.context
        if self.usage_identifier_key:
            response["usageIdentifierKey"] = self.usage_identifier_key
        return response


def simple_authorizer_response(
    authorize: bool, context: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The "simple" response of an HTTP API Lambda authorizer (payload 2.0).

    Args:
        authorize: whether the request may proceed.
        context: values passed to the integration as ``requestContext.authorizer.lambda``.
    """
    response: dict[str, Any] = {"isAuthorized": authorize}
    if context:
        response["context"] = context
    return response
