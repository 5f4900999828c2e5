"""AWS Config: the event of a custom rule (change-triggered or periodic)."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import optional, required


class AWSConfigRuleEvent(DictWrapper):
    """The event of an AWS Config custom rule (change-triggered or periodic)."""

    __slots__ = ()
    _source = "AWS Config"
    version = required("version", str, "Event version.")
    invoking_event = required("invokingEvent", str, "What triggered the rule, as JSON text.")
    result_token = required("resultToken", str, "Token for PutEvaluations.")
    event_left_scope = required("eventLeftScope", bool, "True when the resource left scope.")
    config_rule_arn = required("configRuleArn", str, "The rule's ARN.")
    config_rule_name = required("configRuleName", str, "The rule's name.")
    config_rule_id = required("configRuleId", str, "The rule's id.")
    account_id = required("accountId", str, "The account being evaluated.")
    execution_role_arn = optional("executionRoleArn", str, "The role Config assumed.")
    rule_parameters = optional("ruleParameters", str, "The rule's parameters, as JSON text.")
    evaluation_mode = optional("evaluationMode", str, "``DETECTIVE`` or ``PROACTIVE``.")

    @cached
    def invoking_event_data(self) -> dict[str, Any]:
        """``invokingEvent`` parsed (cached): configuration item, or a scheduled notice."""
        parsed: dict[str, Any] = self._json(self._str("invokingEvent"), "invokingEvent")
        return parsed

    @cached
    def rule_parameters_data(self) -> dict[str, Any]:
        """``ruleParameters`` parsed (cached); empty when the rule has none."""
        raw = self._data.get("ruleParameters")
        if not raw:
            return {}
        parsed: dict[str, Any] = self._json(raw, "ruleParameters")
        return parsed

    @property
    def message_type(self) -> str | None:
        """``ConfigurationItemChangeNotification``, ``ScheduledNotification``, ..."""
        value: str | None = self.invoking_event_data.get("messageType")
        return value

    @property
    def configuration_item(self) -> dict[str, Any] | None:
        """The changed resource's configuration item (change notifications)."""
        value: dict[str, Any] | None = self.invoking_event_data.get("configurationItem")
        return value
