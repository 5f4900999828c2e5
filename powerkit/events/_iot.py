"""AWS IoT Core custom authorizers and fleet provisioning pre-provisioning hooks."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import optional, required
from powerkit.events._headers import Headers


class _IoTWrapper(DictWrapper):
    __slots__ = ()
    _source = "IoT Core"


class IoTCustomAuthorizerEvent(_IoTWrapper):
    """A device connecting through an IoT Core custom authorizer."""

    __slots__ = ()
    token = optional("token", str, "The token the device sent, if the authorizer takes one.")
    signature_verified = required("signatureVerified", bool, "Whether IoT verified the token.")
    protocols = required("protocols", list[str], "``tls``, ``http`` and/or ``mqtt``.")

    @property
    def connection_id(self) -> str | None:
        """The connection id (``connectionMetadata.id``)."""
        value: str | None = self._opt_in("connectionMetadata", "id")
        return value

    @property
    def server_name(self) -> str | None:
        """TLS server name indication (``protocolData.tls.serverName``)."""
        value: str | None = self._opt_in("protocolData", "tls", "serverName")
        return value

    @cached
    def http_headers(self) -> Headers:
        """HTTP headers, case-insensitive (``protocolData.http.headers``)."""
        return Headers(self._opt_in("protocolData", "http", "headers"))

    @property
    def http_query_string(self) -> str | None:
        """HTTP query string (``protocolData.http.queryString``)."""
        value: str | None = self._opt_in("protocolData", "http", "queryString")
        return value

    @property
    def mqtt_username(self) -> str | None:
        """MQTT user name (``protocolData.mqtt.username``)."""
        value: str | None = self._opt_in("protocolData", "mqtt", "username")
        return value

    @property
    def mqtt_client_id(self) -> str | None:
        """MQTT client id (``protocolData.mqtt.clientId``)."""
        value: str | None = self._opt_in("protocolData", "mqtt", "clientId")
        return value

    @cached
    def mqtt_password(self) -> bytes | None:
        """MQTT password, base64-decoded (``protocolData.mqtt.password``)."""
        password = self._opt_in("protocolData", "mqtt", "password")
        if password is None:
            return None
        return self._b64(password, "protocolData", "mqtt", "password")


def iot_custom_auth_response(
    is_authenticated: bool,
    principal_id: str,
    policy_documents: list[dict[str, Any]],
    *,
    disconnect_after_in_seconds: int = 86400,
    refresh_after_in_seconds: int = 300,
    context: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The response of an IoT Core custom authorizer.

    Args:
        is_authenticated: whether the device may connect.
        principal_id: an alphanumeric id for the device (1-128 characters).
        policy_documents: IAM-style policy documents (dicts) granting IoT actions.
        disconnect_after_in_seconds: connection lifetime (300-86400).
        refresh_after_in_seconds: policy refresh interval (300-86400).
        context: values available to IoT rules as ``context``.
    """
    import json

    response: dict[str, Any] = {
        "isAuthenticated": is_authenticated,
        "principalId": principal_id,
        "disconnectAfterInSeconds": disconnect_after_in_seconds,
        "refreshAfterInSeconds": refresh_after_in_seconds,
        "policyDocuments": [json.dumps(document) for document in policy_documents],
    }
    if context is not None:
        response["context"] = context
    return response


class IoTPreProvisioningHookEvent(_IoTWrapper):
    """A device asking to be provisioned by a fleet provisioning template."""

    __slots__ = ()
    claim_certificate_id = required("claimCertificateId", str, "The claim certificate.")
    certificate_id = required("certificateId", str, "The new certificate.")
    certificate_pem = required("certificatePem", str, "The new certificate, PEM.")
    template_arn = required("templateArn", str, "The provisioning template.")
    client_id = required("clientId", str, "The MQTT client id.")
    parameters = optional("parameters", dict[str, str], "The template parameters sent.")


def iot_pre_provisioning_response(
    allow_provisioning: bool, parameter_overrides: dict[str, str] | None = None
) -> dict[str, Any]:
    """The response of a pre-provisioning hook."""
    response: dict[str, Any] = {"allowProvisioning": allow_provisioning}
    if parameter_overrides is not None:
        response["parameterOverrides"] = parameter_overrides
    return response
