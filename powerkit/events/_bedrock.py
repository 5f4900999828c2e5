"""Amazon Bedrock Agents: action group invocations (OpenAPI and function details) and
the response the agent expects."""

from __future__ import annotations

import json
from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._fields import nested, optional, required


class _BedrockWrapper(DictWrapper):
    __slots__ = ()
    _source = "Bedrock agent"


class BedrockAgentInfo(_BedrockWrapper):
    """The agent that called the action group (``agent``)."""

    __slots__ = ()
    name = required("name", str, "The agent name.")
    id = required("id", str, "The agent id.")
    alias = required("alias", str, "The agent alias.")
    version = required("version", str, "The agent version.")


class BedrockAgentProperty(_BedrockWrapper):
    """A parameter or request body property: name, type and value (as text)."""

    __slots__ = ()
    name = required("name", str, "The name.")
    type = required("type", str, "The declared type, e.g. ``string``.")
    value = required("value", str, "The value, as text.")


class BedrockAgentEvent(_BedrockWrapper):
    """An action group invocation from a Bedrock agent.

    OpenAPI action groups set ``api_path`` and ``http_method``; function-detail action
    groups set ``function``.
    """

    __slots__ = ()
    message_version = required("messageVersion", str, "Always ``1.0``.")
    input_text = required("inputText", str, "What the user said.")
    session_id = required("sessionId", str, "The conversation's session id.")
    action_group = required("actionGroup", str, "The action group invoked.")
    agent = nested("agent", BedrockAgentInfo, "The calling agent.")
    api_path = optional("apiPath", str, "OpenAPI action groups: the operation's path.")
    http_method = optional("httpMethod", str, "OpenAPI action groups: the operation's method.")
    function = optional("function", str, "Function-detail action groups: the function.")
    session_attributes = optional("sessionAttributes", dict[str, str], "Session attributes.")
    prompt_session_attributes = optional(
        "promptSessionAttributes", dict[str, str], "Prompt session attributes."
    )
    request_body = optional("requestBody", dict[str, Any], "OpenAPI: the request body.")

    @property
    def parameters(self) -> list[BedrockAgentProperty]:
        """The operation's parameters (empty when none)."""
        items: list[dict[str, Any]] = self._data.get("parameters") or []
        at = self._child("parameters")
        return [BedrockAgentProperty(item, at) for item in items]

    def get_parameter(self, name: str, default: str | None = None) -> str | None:
        """The value of parameter ``name``, or ``default``."""
        for parameter in self._data.get("parameters") or []:
            if parameter.get("name") == name:
                value: str = parameter.get("value")
                return value
        return default

    def body_properties(self, content_type: str = "application/json") -> dict[str, str]:
        """The request body's properties of ``content_type`` as ``{name: value}``."""
        properties = self._opt_in("requestBody", "content", content_type, "properties") or []
        return {item["name"]: item["value"] for item in properties}

    def response(
        self,
        body: Any,
        *,
        status_code: int = 200,
        content_type: str = "application/json",
        session_attributes: dict[str, str] | None = None,
        prompt_session_attributes: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """The response the agent expects from this invocation.

        Args:
            body: the result; anything but a string is serialised as JSON.
            status_code: the HTTP status to report (OpenAPI action groups).
            content_type: the media type of ``body`` (OpenAPI action groups).
            session_attributes: attributes to keep; default to the ones received.
            prompt_session_attributes: as ``session_attributes``.
        """
        text = body if isinstance(body, str) else json.dumps(body)
        response: dict[str, Any] = {"actionGroup": self.action_group}
        if self.function is not None:
            response["function"] = self.function
            response["functionResponse"] = {"responseBody": {"TEXT": {"body": text}}}
        else:
            response["apiPath"] = self.api_path
            response["httpMethod"] = self.http_method
            response["httpStatusCode"] = status_code
            response["responseBody"] = {content_type: {"body": text}}
        return {
            "messageVersion": "1.0",
            "response": response,
            "sessionAttributes": (
                self.session_attributes if session_attributes is None else session_attributes
            )
            or {},
            "promptSessionAttributes": (
                self.prompt_session_attributes
                if prompt_session_attributes is None
                else prompt_session_attributes
            )
            or {},
        }
