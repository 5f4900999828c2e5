"""Small request/response events: CloudWatch dashboard custom widgets and Client VPN
connection handlers."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._fields import optional, required


class CloudWatchDashboardWidgetContext(DictWrapper):
    """Where and how the widget is drawn (``widgetContext``)."""

    __slots__ = ()
    _source = "CloudWatch dashboard"
    dashboard_name = required("dashboardName", str, "The dashboard name.")
    widget_id = required("widgetId", str, "The widget id.")
    account_id = required("accountId", str, "The dashboard's account.")
    domain = optional("domain", str, "The console domain.")
    locale = optional("locale", str, "The viewer's locale.")
    period = optional("period", int, "The dashboard period, seconds.")
    is_auto_period = optional("isAutoPeriod", bool, "Whether the period is automatic.")
    time_range = optional("timeRange", dict[str, Any], "Start/end (epoch ms), mode, zoom.")
    theme = optional("theme", str, "``light`` or ``dark``.")
    link_charts = optional("linkCharts", bool, "Whether charts are linked.")
    title = optional("title", str, "The widget title.")
    forms = optional("forms", dict[str, Any], "Values of forms in the widget.")
    params = optional("params", dict[str, Any], "The widget's parameters.")
    width = optional("width", int, "Width in pixels.")
    height = optional("height", int, "Height in pixels.")

    @property
    def timezone_label(self) -> str | None:
        """The viewer's time zone label (``timezone.label``)."""
        value: str | None = self._opt_in("timezone", "label")
        return value


class CloudWatchDashboardCustomWidgetEvent(DictWrapper):
    """A CloudWatch dashboard custom widget asking for its content (return HTML or JSON).

    The widget's parameters also appear at the top level of the event; read them with
    ``event["name"]`` or ``widget_context.params``.
    """

    __slots__ = ()
    _source = "CloudWatch dashboard"
    describe = optional("describe", bool, "True when the console asks for documentation.")

    @property
    def widget_context(self) -> CloudWatchDashboardWidgetContext:
        """Where and how the widget is drawn (``widgetContext``)."""
        return CloudWatchDashboardWidgetContext(
            self._req("widgetContext"), self._child("widgetContext")
        )


class ClientVPNConnectionHandlerEvent(DictWrapper):
    """A client connecting to a Client VPN endpoint with a connection handler."""

    __slots__ = ()
    _source = "Client VPN"
    connection_id = required("connection-id", str, "The connection id.")
    endpoint_id = required("endpoint-id", str, "The Client VPN endpoint id.")
    public_ip = required("public-ip", str, "The client's public IP address.")
    schema_version = required("schema-version", str, "Event schema version, ``v1``.")
    common_name = optional("common-name", str, "Certificate common name, if any.")
    username = optional("username", str, "The user name, for user-based authentication.")
    platform = optional("platform", str, "The client's operating system.")
    platform_version = optional("platform-version", str, "The OS version.")
    client_openvpn_version = optional("client-openvpn-version", str, "OpenVPN version.")


def client_vpn_connection_response(
    allow: bool,
    *,
    error_msg_on_failed_posture_compliance: str = "",
    posture_compliance_statuses: list[str] | None = None,
    schema_version: str = "v1",
) -> dict[str, Any]:
    """The response of a Client VPN connection handler.

    Args:
        allow: whether the connection may proceed.
        error_msg_on_failed_posture_compliance: shown to the user when denied.
        posture_compliance_statuses: your compliance statuses (logged by Client VPN).
        schema_version: the schema version the event used.
    """
    return {
        "allow": allow,
        "error-msg-on-failed-posture-compliance": error_msg_on_failed_posture_compliance,
        "posture-compliance-statuses": posture_compliance_statuses or [],
        "schema-version": schema_version,
    }
