"""AWS AppSync: direct Lambda resolvers (single and batch) and Lambda authorizers."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, required
from powerkit.events._headers import Headers


class _AppSyncWrapper(DictWrapper):
    __slots__ = ()
    _source = "AppSync"


class AppSyncIdentityIAM(_AppSyncWrapper):
    """The caller of an IAM-authorised request (``identity``)."""

    __slots__ = ()
    account_id = optional("accountId", str, "The caller's AWS account.")
    cognito_identity_pool_id = optional("cognitoIdentityPoolId", str, "The identity pool.")
    cognito_identity_id = optional("cognitoIdentityId", str, "The Cognito identity.")
    cognito_identity_auth_type = optional(
        "cognitoIdentityAuthType", str, "``authenticated`` or ``unauthenticated``."
    )
    cognito_identity_auth_provider = optional(
        "cognitoIdentityAuthProvider", str, "The identity's providers."
    )
    source_ip = optional("sourceIp", list[str], "The caller's IP addresses.")
    username = optional("username", str, "The IAM user name.")
    user_arn = optional("userArn", str, "The caller's ARN.")


class AppSyncIdentityCognito(_AppSyncWrapper):
    """The caller of a Cognito user pool (or OIDC) authorised request (``identity``)."""

    __slots__ = ()
    sub = required("sub", str, "The user's unique id.")
    issuer = optional("issuer", str, "The token issuer.")
    username = optional("username", str, "The user name.")
    claims = optional("claims", dict[str, Any], "The token's claims.")
    source_ip = optional("sourceIp", list[str], "The caller's IP addresses.")
    default_auth_strategy = optional("defaultAuthStrategy", str, "``ALLOW`` or ``DENY``.")
    groups = optional("groups", list[str], "The user's Cognito groups.")


class AppSyncResolverEventInfo(_AppSyncWrapper):
    """The GraphQL field being resolved (``info``)."""

    __slots__ = ()
    field_name = required("fieldName", str, "The field.")
    parent_type_name = required("parentTypeName", str, "The type that owns the field.")
    variables = optional("variables", dict[str, Any], "The operation's variables.")
    selection_set_list = optional("selectionSetList", list[str], "Requested sub-fields.")
    selection_set_graphql = optional("selectionSetGraphQL", str, "The selection as GraphQL.")


class AppSyncResolverEvent(_AppSyncWrapper):
    """The event of an AppSync direct Lambda resolver.

    Older resolvers send ``typeName``/``fieldName`` at the top level, newer ones an
    ``info`` object; ``type_name`` and ``field_name`` read either. For batch resolvers the
    handler receives a list: wrap it with `batch`.
    """

    __slots__ = ()
    arguments = optional("arguments", dict[str, Any], "The field's arguments.")
    source = optional("source", dict[str, Any], "The parent object's resolved value.")
    stash = optional("stash", dict[str, Any], "Pipeline resolvers: the stash.")

    @classmethod
    def batch(cls, events: list[dict[str, Any]]) -> list[AppSyncResolverEvent]:
        """Wrap the list a batch resolver receives (one event per item)."""
        return [cls(event) for event in events]

    @property
    def info(self) -> AppSyncResolverEventInfo | None:
        """The field being resolved (``info``), when the resolver sends it."""
        value = self._data.get("info")
        return None if value is None else AppSyncResolverEventInfo(value, self._child("info"))

    @property
    def type_name(self) -> str:
        """The type that owns the field (``info.parentTypeName`` or ``typeName``)."""
        value: str | None = self._opt_in("info", "parentTypeName") or self._data.get("typeName")
        if value is None:
            raise self._missing("typeName")
        return value

    @property
    def field_name(self) -> str:
        """The field being resolved (``info.fieldName`` or ``fieldName``)."""
        value: str | None = self._opt_in("info", "fieldName") or self._data.get("fieldName")
        if value is None:
            raise self._missing("fieldName")
        return value

    @property
    def identity(self) -> AppSyncIdentityCognito | AppSyncIdentityIAM | None:
        """The caller: Cognito/OIDC identities have ``sub``; IAM ones do not. None for API keys."""
        value: dict[str, Any] | None = self._data.get("identity")
        if not value:
            return None
        if "sub" in value:
            return AppSyncIdentityCognito(value, self._child("identity"))
        return AppSyncIdentityIAM(value, self._child("identity"))

    @cached
    def request_headers(self) -> Headers:
        """The GraphQL request's HTTP headers, case-insensitive (``request.headers``)."""
        return Headers(self._opt_in("request", "headers"))

    def get_header_value(self, name: str, default: str | None = None) -> str | None:
        """The value of request header ``name`` in any case, or ``default``."""
        return self.request_headers.get(name, default)

    @property
    def prev_result(self) -> Any:
        """Pipeline resolvers: the previous function's result (``prev.result``)."""
        return self._opt_in("prev", "result")


class AppSyncAuthorizerRequestContext(_AppSyncWrapper):
    """The GraphQL request being authorised (``requestContext``)."""

    __slots__ = ()
    api_id = required("apiId", str, "The API id.")
    account_id = required("accountId", str, "The API's account.")
    request_id = required("requestId", str, "The request id.")
    query_string = optional("queryString", str, "The GraphQL document.")
    operation_name = optional("operationName", str, "The operation to run.")
    variables = optional("variables", dict[str, Any], "The operation's variables.")


class AppSyncAuthorizerEvent(_AppSyncWrapper):
    """The event of an AppSync Lambda authorizer."""

    __slots__ = ()
    authorization_token = required("authorizationToken", str, "The Authorization header.")
    request_context = nested(
        "requestContext", AppSyncAuthorizerRequestContext, "The request being authorised."
    )

    @cached
    def request_headers(self) -> Headers:
        """The request's HTTP headers, case-insensitive (``requestHeaders``, newer events)."""
        return Headers(self._data.get("requestHeaders"))


def appsync_authorizer_response(
    authorize: bool,
    *,
    resolver_context: dict[str, Any] | None = None,
    denied_fields: list[str] | None = None,
    ttl_override: int | None = None,
) -> dict[str, Any]:
    """The response of an AppSync Lambda authorizer.

    Args:
        authorize: whether the request may run.
        resolver_context: values resolvers see as ``identity.resolverContext``.
        denied_fields: fields to deny even when authorised, e.g. ``["Mutation.delete"]``.
        ttl_override: seconds to cache this response (0 disables caching).
    """
    response: dict[str, Any] = {"isAuthorized": authorize}
    if resolver_context is not None:
        response["resolverContext"] = resolver_context
    if denied_fields is not None:
        response["deniedFields"] = denied_fields
    if ttl_override is not None:
        response["ttlOverride"] = ttl_override
    return response
