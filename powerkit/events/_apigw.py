"""Amazon API Gateway REST APIs (payload 1.0) and WebSocket APIs."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._fields import nested, optional, optional_nested, required
from powerkit.events._http import BaseHttpEvent


class _APIGatewayWrapper(DictWrapper):
    __slots__ = ()
    _source = "API Gateway"


class ClientCertValidity(_APIGatewayWrapper):
    """Validity period of a mutual-TLS client certificate (``validity``)."""

    __slots__ = ()
    not_before = required("notBefore", str, "Start of validity (``notBefore``).")
    not_after = required("notAfter", str, "End of validity (``notAfter``).")


class ClientCert(_APIGatewayWrapper):
    """The client certificate of a mutual-TLS request (``clientCert``)."""

    __slots__ = ()
    client_cert_pem = required("clientCertPem", str, "The PEM-encoded certificate.")
    subject_dn = required("subjectDN", str, "Distinguished name of the subject.")
    issuer_dn = required("issuerDN", str, "Distinguished name of the issuer.")
    serial_number = required("serialNumber", str, "Serial number of the certificate.")
    validity = nested("validity", ClientCertValidity, "When the certificate is valid.")


class RequestContextIdentity(_APIGatewayWrapper):
    """Who made the request (``requestContext.identity``); absent values are None."""

    __slots__ = ()
    access_key = optional("accessKey", str, "AWS access key of a signed request.")
    account_id = optional("accountId", str, "AWS account of the caller (IAM auth).")
    api_key = optional("apiKey", str, "The API key of the request, if any.")
    api_key_id = optional("apiKeyId", str, "The id of that API key.")
    caller = optional("caller", str, "The principal identifier of the caller (IAM auth).")
    cognito_authentication_provider = optional(
        "cognitoAuthenticationProvider", str, "Cognito providers that authenticated the caller."
    )
    cognito_authentication_type = optional(
        "cognitoAuthenticationType", str, "``authenticated`` or ``unauthenticated`` (Cognito)."
    )
    cognito_identity_id = optional("cognitoIdentityId", str, "The caller's Cognito identity.")
    cognito_identity_pool_id = optional(
        "cognitoIdentityPoolId", str, "The caller's Cognito identity pool."
    )
    principal_org_id = optional("principalOrgId", str, "The caller's AWS organization id.")
    source_ip = optional("sourceIp", str, "The client's IP address (``sourceIp``).")
    user = optional("user", str, "The principal identifier of the user (IAM auth).")
    user_agent = optional("userAgent", str, "The client's User-Agent.")
    user_arn = optional("userArn", str, "The ARN of the user (IAM auth).")
    client_cert = optional_nested("clientCert", ClientCert, "The mutual-TLS client certificate.")


class APIGatewayAuthorizerContext(_APIGatewayWrapper):
    """What the authorizer returned (``requestContext.authorizer``).

    Cognito user pool authorizers put the token claims in ``claims``; Lambda authorizers
    put their ``context`` keys here directly (read them with ``get``).
    """

    __slots__ = ()
    claims = optional("claims", dict[str, Any], "Token claims (Cognito user pool authorizer).")
    scopes = optional("scopes", list[str], "OAuth scopes (Cognito user pool authorizer).")
    principal_id = optional("principalId", str, "The principal a Lambda authorizer returned.")
    integration_latency = optional(
        "integrationLatency", int, "How long the Lambda authorizer took, in ms."
    )

    def get(self, key: str, default: Any = None) -> Any:
        """A value of the authorizer's context by name, or ``default``."""
        return self._data.get(key, default)


class _RequestContext(_APIGatewayWrapper):
    __slots__ = ()
    api_id = required("apiId", str, "The API's id.")
    request_id = required("requestId", str, "API Gateway's id for the request.")
    stage = required("stage", str, "The deployment stage, e.g. ``prod``.")
    domain_name = optional("domainName", str, "The domain the client called.")
    domain_prefix = optional("domainPrefix", str, "The first label of ``domainName``.")
    extended_request_id = optional("extendedRequestId", str, "The extended request id.")
    request_time = optional("requestTime", str, "CLF-formatted request time.")
    request_time_epoch = optional("requestTimeEpoch", int, "Request time, epoch ms.")
    identity = nested("identity", RequestContextIdentity, "Who made the request.")
    authorizer = optional_nested(
        "authorizer", APIGatewayAuthorizerContext, "What the authorizer returned, if any."
    )


class APIGatewayRequestContext(_RequestContext):
    """Request metadata added by API Gateway (``requestContext``)."""

    __slots__ = ()
    account_id = required("accountId", str, "The AWS account that owns the API.")
    http_method = optional("httpMethod", str, "The request method.")
    path = optional("path", str, "The request path, including the stage when not custom.")
    protocol = optional("protocol", str, "The request protocol, e.g. ``HTTP/1.1``.")
    resource_id = optional("resourceId", str, "The id of the matched resource.")
    resource_path = optional("resourcePath", str, "The matched resource path template.")
    operation_name = optional("operationName", str, "The operation name, if set.")


class APIGatewayProxyEvent(BaseHttpEvent):
    """A REST API request with Lambda proxy integration (payload format 1.0)."""

    __slots__ = ()
    _source = "API Gateway REST"

    version = optional("version", str, "Payload format version (``1.0``), when sent.")
    resource = required("resource", str, "The matched resource path template.")
    path = required("path", str, "The request path (``path``).")
    http_method = required("httpMethod", str, "The request method (``httpMethod``).")
    stage_variables = optional("stageVariables", dict[str, str], "The stage's variables.")
    request_context = nested(
        "requestContext", APIGatewayRequestContext, "Request metadata (``requestContext``)."
    )

    @property
    def multi_value_headers(self) -> dict[str, list[str]]:
        """Every value of each header, exact case as sent (empty when absent)."""
        value: dict[str, list[str]] = self._data.get("multiValueHeaders") or {}
        return value


class WebSocketRequestContext(_RequestContext):
    """Request metadata of a WebSocket API message or connection event."""

    __slots__ = ()
    _source = "API Gateway WebSocket"
    connection_id = required("connectionId", str, "The WebSocket connection id.")
    route_key = required("routeKey", str, "The selected route, e.g. ``$connect``.")
    event_type = required("eventType", str, "``CONNECT``, ``MESSAGE`` or ``DISCONNECT``.")
    account_id = optional("accountId", str, "The AWS account that owns the API.")
    connected_at = optional("connectedAt", int, "When the connection opened, epoch ms.")
    message_direction = optional("messageDirection", str, "``IN`` for client messages.")
    message_id = optional("messageId", str, "Id of the message (MESSAGE events).")
    disconnect_status_code = optional(
        "disconnectStatusCode", int, "WebSocket close code (DISCONNECT events)."
    )
    disconnect_reason = optional("disconnectReason", str, "Close reason (DISCONNECT events).")


class APIGatewayWebSocketEvent(BaseHttpEvent):
    """A WebSocket API event: a connection opening or closing, or a client message.

    Only ``requestContext`` is guaranteed; headers and query strings come with ``$connect``,
    a body with messages.
    """

    __slots__ = ()
    _source = "API Gateway WebSocket"
    request_context = nested(
        "requestContext", WebSocketRequestContext, "Connection metadata (``requestContext``)."
    )
    stage_variables = optional("stageVariables", dict[str, str], "The stage's variables.")

    @property
    def connection_id(self) -> str:
        """The connection id, to post back with the management API."""
        return self.request_context.connection_id

    @property
    def route_key(self) -> str:
        """The selected route, e.g. ``$connect``, ``$default`` or ``sendmessage``."""
        return self.request_context.route_key

    @property
    def event_type(self) -> str:
        """``CONNECT``, ``MESSAGE`` or ``DISCONNECT``."""
        return self.request_context.event_type
