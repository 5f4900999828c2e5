"""What every HTTP event shares: headers, query strings, body, cookies; plus ALB.

API Gateway REST (v1), HTTP API (v2), WebSocket, ALB, Lambda Function URLs and VPC Lattice
all deliver an HTTP request, each with its own field names. `BaseHttpEvent` reads
them through a few class-level key names, so every source gets the same helpers.
"""

from __future__ import annotations

from typing import Any, ClassVar

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, required
from powerkit.events._headers import Headers, parse_cookies


class BaseHttpEvent(DictWrapper):
    """The request helpers shared by every HTTP event source.

    Headers are case-insensitive (`Headers`); absent query strings and path
    parameters read as empty dicts; ``decoded_body`` undoes base64 when the event says the
    body is base64-encoded; ``json_body`` parses it (None when there is no body).
    """

    __slots__ = ()
    _source = "HTTP"

    # Field names, overridden by sources that spell them differently.
    _headers_key: ClassVar[str] = "headers"
    _multi_headers_key: ClassVar[str | None] = "multiValueHeaders"
    _query_key: ClassVar[str] = "queryStringParameters"
    _multi_query_key: ClassVar[str | None] = "multiValueQueryStringParameters"
    _base64_key: ClassVar[str] = "isBase64Encoded"

    @cached
    def headers(self) -> Headers:
        """Request headers, case-insensitive; several values of one header joined by commas."""
        multi = self._data.get(self._multi_headers_key) if self._multi_headers_key else None
        return Headers(self._data.get(self._headers_key), multi)

    def get_header(self, name: str, default: str | None = None) -> str | None:
        """The value of header ``name`` in any case, or ``default`` when absent."""
        return self.headers.get(name, default)

    @property
    def query_string_parameters(self) -> dict[str, str]:
        """Query string parameters, one value each (empty when the request has none)."""
        value: dict[str, str] = self._data.get(self._query_key) or {}
        return value

    @property
    def multi_value_query_string_parameters(self) -> dict[str, list[str]]:
        """Every value of each query string parameter (empty when the request has none)."""
        if self._multi_query_key is not None:
            multi: dict[str, list[str]] | None = self._data.get(self._multi_query_key)
            if multi:
                return multi
        return {name: [value] for name, value in self.query_string_parameters.items()}

    def get_query_string_value(self, name: str, default: str | None = None) -> str | None:
        """The value of query parameter ``name`` (case-sensitive), or ``default``."""
        return self.query_string_parameters.get(name, default)

    def get_multi_value_query_string_values(
        self, name: str, default: list[str] | None = None
    ) -> list[str] | None:
        """Every value of query parameter ``name``, or ``default`` when absent."""
        return self.multi_value_query_string_parameters.get(name, default)

    @property
    def path_parameters(self) -> dict[str, str]:
        """Values of the route's path variables (empty when the route has none)."""
        value: dict[str, str] = self._data.get("pathParameters") or {}
        return value

    def get_path_parameter(self, name: str, default: str | None = None) -> str | None:
        """The value of path variable ``name``, or ``default``."""
        return self.path_parameters.get(name, default)

    body = optional("body", str, "The request body as delivered (maybe base64), or None.")

    @property
    def is_base64_encoded(self) -> bool:
        """True when ``body`` is base64 (binary media types, or always for some sources)."""
        return bool(self._data.get(self._base64_key))

    @cached
    def decoded_body_bytes(self) -> bytes | None:
        """The body as bytes, base64-decoded when flagged; None without a body (cached)."""
        body = self._data.get("body")
        if body is None:
            return None
        if self.is_base64_encoded:
            return self._b64(body, "body")
        encoded: bytes = body.encode()
        return encoded

    @cached
    def decoded_body(self) -> str | None:
        """The body as text, base64-decoded when flagged; None without a body (cached)."""
        body = self._data.get("body")
        if body is None or not self.is_base64_encoded:
            text: str | None = body
            return text
        data = self.decoded_body_bytes
        assert data is not None  # body is not None here
        return self._utf8(data, "body")

    @cached
    def json_body(self) -> Any:
        """The decoded body parsed as JSON (cached); None when there is no body.

        Raises:
            EventDecodeError: the body is not valid JSON.
        """
        data = self._data
        body: str | None = data.get("body")
        if body and data.get(self._base64_key):
            body = self.decoded_body
        if not body:
            return None
        return self._json(body, "body")

    @cached
    def cookies(self) -> dict[str, str]:
        """Request cookies by name, from the ``Cookie`` header(s)."""
        return parse_cookies(self.headers.get_all("cookie"))


class ELBContext(DictWrapper):
    """The load balancer part of the request context (``requestContext.elb``)."""

    __slots__ = ()
    _source = "ALB"
    target_group_arn = required("targetGroupArn", str, "The target group ARN.")


class ALBRequestContext(DictWrapper):
    """The ALB request context (``requestContext``)."""

    __slots__ = ()
    _source = "ALB"
    elb = nested("elb", ELBContext, "The load balancer's target group (``elb``).")


class ALBEvent(BaseHttpEvent):
    """A request an Application Load Balancer forwards to a Lambda target.

    With multi-value headers enabled on the target group, only ``multiValueHeaders`` and
    ``multiValueQueryStringParameters`` are sent; the helpers read either. ALB passes query
    string values as the client sent them (still percent-encoded).
    """

    __slots__ = ()
    _source = "ALB"

    path = required("path", str, "The request path (``path``).")
    http_method = required("httpMethod", str, "The request method (``httpMethod``).")
    request_context = nested(
        "requestContext", ALBRequestContext, "Where the request came from (``requestContext``)."
    )

    @property
    def multi_value_headers(self) -> dict[str, list[str]] | None:
        """The multi-value headers map, when the target group enables it."""
        value: dict[str, list[str]] | None = self._data.get("multiValueHeaders")
        return value

    @property
    def query_string_parameters(self) -> dict[str, str]:
        """Query string parameters, one value each (the last, for multi-value maps)."""
        single: dict[str, str] | None = self._data.get("queryStringParameters")
        if single is not None:
            return single
        multi: dict[str, list[str]] = self._data.get("multiValueQueryStringParameters") or {}
        return {name: values[-1] for name, values in multi.items() if values}
