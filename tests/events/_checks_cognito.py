"""Checkers for Cognito user pool triggers."""

from __future__ import annotations

from typing import Any

from powerkit import events


def check_trigger(event: events.BaseTriggerEvent, raw: dict[str, Any]) -> None:
    assert event.trigger_source == raw["triggerSource"]
    assert event.user_pool_id == raw["userPoolId"]
    assert event.user_name == raw.get("userName")
    assert event.region == raw["region"]
    assert event.caller_context.client_id == raw["callerContext"]["clientId"]
    request = getattr(event, "request", None)
    if request is not None and "userAttributes" in raw["request"]:
        assert request.user_attributes == raw["request"]["userAttributes"]


def check_trigger_response(field: str, key: str, value: Any) -> Any:
    """A checker that also assigns ``response.<field>`` and sees it in the raw event."""

    def check(event: Any, raw: dict[str, Any]) -> None:
        check_trigger(event, raw)
        setattr(event.response, field, value)
        assert raw["response"][key] == value
        assert getattr(event.response, field) == value

    return check


def check_define_auth(event: events.DefineAuthChallengeTriggerEvent, raw: dict[str, Any]) -> None:
    check_trigger_response("issue_tokens", "issueTokens", True)(event, raw)
    session = raw["request"].get("session") or []
    assert [r.challenge_name for r in event.request.session] == [
        s["challengeName"] for s in session
    ]


def check_custom_sender(event: events.CustomEmailSenderTriggerEvent, raw: dict[str, Any]) -> None:
    check_trigger(event, raw)
    assert event.request.type == raw["request"]["type"]
    assert event.request.code == raw["request"].get("code")


def check_federation(event: events.InboundFederationTriggerEvent, raw: dict[str, Any]) -> None:
    check_trigger_response("user_attributes_to_map", "userAttributesToMap", {"email": "a@b"})(
        event, raw
    )
    assert event.request.provider_name == raw["request"]["providerName"]
    assert event.request.attributes == raw["request"]["attributes"]
