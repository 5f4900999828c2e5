"""HTTP-style events: API Gateway REST (v1) and HTTP (v2) APIs, function URLs, ALB, VPC Lattice."""

from __future__ import annotations

from typing import Any

from powerkit.parser.models._base import EventModel


class ApiGatewayIdentity(EventModel):
    """``requestContext.identity`` of a REST API request."""

    sourceIp: str | None = None
    userAgent: str | None = None
    accountId: str | None = None
    apiKey: str | None = None
    apiKeyId: str | None = None
    caller: str | None = None
    user: str | None = None
    userArn: str | None = None
    accessKey: str | None = None
    cognitoIdentityId: str | None = None
    cognitoIdentityPoolId: str | None = None
    cognitoAuthenticationType: str | None = None
    cognitoAuthenticationProvider: str | None = None
    principalOrgId: str | None = None
    clientCert: dict[str, Any] | None = None


class ApiGatewayRequestContext(EventModel):
    """``requestContext`` of a REST API request."""

    requestId: str
    accountId: str | None = None
    apiId: str | None = None
    stage: str | None = None
    identity: ApiGatewayIdentity | None = None
    httpMethod: str | None = None
    resourceId: str | None = None
    resourcePath: str | None = None
    path: str | None = None
    protocol: str | None = None
    domainName: str | None = None
    domainPrefix: str | None = None
    extendedRequestId: str | None = None
    requestTime: str | None = None
    requestTimeEpoch: int | None = None
    authorizer: dict[str, Any] | None = None
    operationName: str | None = None


class ApiGatewayProxyEventModel(EventModel):
    """API Gateway REST API proxy integration event (payload format 1.0)."""

    resource: str
    path: str
    httpMethod: str
    requestContext: ApiGatewayRequestContext
    headers: dict[str, str] | None = None
    multiValueHeaders: dict[str, list[str]] | None = None
    queryStringParameters: dict[str, str] | None = None
    multiValueQueryStringParameters: dict[str, list[str]] | None = None
    pathParameters: dict[str, str] | None = None
    stageVariables: dict[str, str] | None = None
    body: str | None = None
    isBase64Encoded: bool = False
    version: str | None = None


class HttpRequestDescription(EventModel):
    """``requestContext.http`` of an HTTP API / function URL request."""

    method: str
    path: str
    protocol: str | None = None
    sourceIp: str | None = None
    userAgent: str | None = None


class ApiGatewayV2RequestContext(EventModel):
    """``requestContext`` of an HTTP API (payload 2.0) or function URL request."""

    accountId: str
    apiId: str
    requestId: str
    http: HttpRequestDescription
    routeKey: str | None = None
    stage: str | None = None
    domainName: str | None = None
    domainPrefix: str | None = None
    time: str | None = None
    timeEpoch: int | None = None
    authorizer: dict[str, Any] | None = None
    authentication: dict[str, Any] | None = None


class ApiGatewayProxyEventV2Model(EventModel):
    """API Gateway HTTP API event (payload format 2.0)."""

    version: str
    routeKey: str
    rawPath: str
    rawQueryString: str
    requestContext: ApiGatewayV2RequestContext
    cookies: list[str] | None = None
    headers: dict[str, str] | None = None
    queryStringParameters: dict[str, str] | None = None
    pathParameters: dict[str, str] | None = None
    stageVariables: dict[str, str] | None = None
    body: str | None = None
    isBase64Encoded: bool = False


class LambdaFunctionUrlModel(ApiGatewayProxyEventV2Model):
    """Lambda function URL event (the HTTP API 2.0 shape; the route is always ``$default``)."""

    routeKey: str = "$default"


class AlbTargetGroup(EventModel):
    """``requestContext.elb`` of an ALB request."""

    targetGroupArn: str


class AlbRequestContext(EventModel):
    """``requestContext`` of an ALB request."""

    elb: AlbTargetGroup


class AlbModel(EventModel):
    """Application Load Balancer target event (single- or multi-value headers)."""

    httpMethod: str
    path: str
    requestContext: AlbRequestContext
    headers: dict[str, str] | None = None
    multiValueHeaders: dict[str, list[str]] | None = None
    queryStringParameters: dict[str, str] | None = None
    multiValueQueryStringParameters: dict[str, list[str]] | None = None
    body: str | None = None
    isBase64Encoded: bool = False


class VpcLatticeV2Identity(EventModel):
    """``requestContext.identity`` of a VPC Lattice (v2) request."""

    sourceVpcArn: str | None = None
    type: str | None = None
    principal: str | None = None
    principalOrgID: str | None = None
    sessionName: str | None = None
    x509SanDns: str | None = None
    x509SanNameCN: str | None = None
    x509SanUri: str | None = None
    x509SubjectCn: str | None = None


class VpcLatticeV2RequestContext(EventModel):
    """``requestContext`` of a VPC Lattice (v2) request."""

    serviceNetworkArn: str
    serviceArn: str
    targetGroupArn: str
    identity: VpcLatticeV2Identity
    region: str
    timeEpoch: int | str


class VpcLatticeV2Model(EventModel):
    """VPC Lattice event, payload version 2.0 (header values may be lists)."""

    version: str
    path: str
    method: str
    requestContext: VpcLatticeV2RequestContext
    headers: dict[str, str | list[str]] | None = None
    queryStringParameters: dict[str, str | list[str]] | None = None
    body: str | None = None
    isBase64Encoded: bool = False
