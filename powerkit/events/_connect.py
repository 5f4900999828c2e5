"""Amazon Connect: the event a contact flow's "Invoke AWS Lambda function" block sends."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._fields import optional, optional_nested, required


class _ConnectWrapper(DictWrapper):
    __slots__ = ()
    _source = "Amazon Connect"


class ConnectContactFlowEndpoint(_ConnectWrapper):
    """A customer or system endpoint."""

    __slots__ = ()
    address = required("Address", str, "The phone number or address.")
    type = required("Type", str, "e.g. ``TELEPHONE_NUMBER``.")


class ConnectContactFlowQueue(_ConnectWrapper):
    """The queue of the contact."""

    __slots__ = ()
    arn = required("ARN", str, "The queue ARN.")
    name = required("Name", str, "The queue name.")


class ConnectContactFlowData(_ConnectWrapper):
    """The contact (``Details.ContactData``)."""

    __slots__ = ()
    contact_id = required("ContactId", str, "The contact id.")
    initial_contact_id = required("InitialContactId", str, "The first contact of the chain.")
    previous_contact_id = optional("PreviousContactId", str, "The contact transferred from.")
    channel = required("Channel", str, "``VOICE``, ``CHAT`` or ``TASK``.")
    instance_arn = required("InstanceARN", str, "The Connect instance ARN.")
    initiation_method = required("InitiationMethod", str, "``INBOUND``, ``OUTBOUND``, ``API``...")
    attributes = optional("Attributes", dict[str, str], "Contact attributes.")
    media_streams = optional("MediaStreams", dict[str, Any], "Live media stream details.")
    customer_endpoint = optional_nested(
        "CustomerEndpoint", ConnectContactFlowEndpoint, "The customer's endpoint."
    )
    system_endpoint = optional_nested(
        "SystemEndpoint", ConnectContactFlowEndpoint, "The number the customer called."
    )
    queue = optional_nested("Queue", ConnectContactFlowQueue, "The current queue.")


class ConnectContactFlowEvent(_ConnectWrapper):
    """A contact flow invoking the function. Return a flat ``{str: str}`` dict."""

    __slots__ = ()
    name = required("Name", str, "Always ``ContactFlowEvent`` (older: ``ContactFlowExecution``).")

    @property
    def contact_data(self) -> ConnectContactFlowData:
        """The contact (``Details.ContactData``)."""
        value: dict[str, Any] = self._req_in("Details", "ContactData")
        return ConnectContactFlowData(value, self._child("Details"))

    @property
    def parameters(self) -> dict[str, str]:
        """The block's parameters (``Details.Parameters``; empty when none)."""
        value: dict[str, str] = self._opt_in("Details", "Parameters") or {}
        return value
