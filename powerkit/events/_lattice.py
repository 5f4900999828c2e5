"""Amazon VPC Lattice: requests to a Lambda target group (event versions 1 and 2)."""

from __future__ import annotations

from powerkit.events._base import DictWrapper
from powerkit.events._fields import nested, optional, optional_nested, required
from powerkit.events._http import BaseHttpEvent


class VPCLatticeEvent(BaseHttpEvent):
    """A VPC Lattice request, event version 1 (snake_case field names)."""

    __slots__ = ()
    _source = "VPC Lattice"
    _multi_headers_key = None
    _query_key = "query_string_parameters"
    _multi_query_key = None
    _base64_key = "is_base64_encoded"

    raw_path = required("raw_path", str, "The request path with its query string.")
    method = required("method", str, "The request method (``method``).")

    @property
    def path(self) -> str:
        """The request path without the query string (from ``raw_path``)."""
        return self._str("raw_path").partition("?")[0]

    @property
    def http_method(self) -> str:
        """The request method (``method``)."""
        return self._str("method")


class _LatticeWrapper(DictWrapper):
    __slots__ = ()
    _source = "VPC Lattice"


class VPCLatticeIdentity(_LatticeWrapper):
    """Who called the service (``requestContext.identity``)."""

    __slots__ = ()
    source_vpc_arn = optional("sourceVpcArn", str, "The VPC the request came from.")
    type = optional("type", str, "``AWS_IAM`` when the request was signed, else ``NONE``.")
    principal = optional("principal", str, "The authenticated principal's ARN.")
    principal_org_id = optional("principalOrgID", str, "The principal's AWS organization.")
    session_name = optional("sessionName", str, "The role session name of the principal.")
    x509_issuer_ou = optional("x509IssuerOu", str, "Issuer OU of the client certificate.")
    x509_san_dns = optional("x509SanDns", str, "DNS SAN of the client certificate.")
    x509_san_name_cn = optional("x509SanNameCn", str, "Name CN of the client certificate.")
    x509_san_uri = optional("x509SanUri", str, "URI SAN of the client certificate.")
    x509_subject_cn = optional("x509SubjectCn", str, "Subject CN of the client certificate.")


class VPCLatticeRequestContext(_LatticeWrapper):
    """Service and caller details (``requestContext``)."""

    __slots__ = ()
    service_network_arn = required("serviceNetworkArn", str, "The service network's ARN.")
    service_arn = required("serviceArn", str, "The service's ARN.")
    target_group_arn = required("targetGroupArn", str, "The target group's ARN.")
    region = required("region", str, "The service's region.")
    identity = optional_nested("identity", VPCLatticeIdentity, "Who called the service.")

    @property
    def time_epoch(self) -> int:
        """Request time in epoch microseconds (``timeEpoch``, sent as a string)."""
        return int(self._req("timeEpoch"))


class VPCLatticeEventV2(BaseHttpEvent):
    """A VPC Lattice request, event version 2 (header and query values are lists)."""

    __slots__ = ()
    _source = "VPC Lattice"
    _multi_headers_key = None
    _multi_query_key = None

    version = required("version", str, "Event version, ``2.0``.")
    path = required("path", str, "The request path (``path``).")
    method = required("method", str, "The request method (``method``).")
    request_context = nested("requestContext", VPCLatticeRequestContext, "Service and caller.")

    @property
    def http_method(self) -> str:
        """The request method (``method``)."""
        return self._str("method")

    @property
    def query_string_parameters(self) -> dict[str, str]:
        """Query parameters, one value each (the last one sent)."""
        raw: dict[str, list[str] | str] = self._data.get("queryStringParameters") or {}
        return {
            name: (value[-1] if value else "") if isinstance(value, list) else value
            for name, value in raw.items()
        }

    @property
    def multi_value_query_string_parameters(self) -> dict[str, list[str]]:
        """Every value of each query parameter (``queryStringParameters``)."""
        raw: dict[str, list[str] | str] = self._data.get("queryStringParameters") or {}
        return {name: value if isinstance(value, list) else [value] for name, value in raw.items()}
