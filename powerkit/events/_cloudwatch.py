"""Amazon CloudWatch: Logs subscription events (decoded and decompressed) and alarm events."""

from __future__ import annotations

import zlib
from typing import Any

from powerkit.events._base import DictWrapper, cached
from powerkit.events._fields import nested, optional, optional_nested, required


class _LogsWrapper(DictWrapper):
    __slots__ = ()
    _source = "CloudWatch Logs"


class CloudWatchLogsLogEvent(_LogsWrapper):
    """One log line (``logEvents[]``)."""

    __slots__ = ()
    id = required("id", str, "The log event id.")
    timestamp = required("timestamp", int, "When it was logged, epoch ms.")
    message = required("message", str, "The log line.")
    extracted_fields = optional(
        "extractedFields", dict[str, str], "Fields a space-delimited filter pattern extracted."
    )


class CloudWatchLogsDecodedData(_LogsWrapper):
    """The decompressed subscription payload."""

    __slots__ = ()
    owner = required("owner", str, "The account that owns the log group.")
    log_group = required("logGroup", str, "The log group name.")
    log_stream = required("logStream", str, "The log stream name.")
    subscription_filters = required("subscriptionFilters", list[str], "Matching filters.")
    message_type = required(
        "messageType", str, "``DATA_MESSAGE``, or ``CONTROL_MESSAGE`` for reachability checks."
    )
    policy_level = optional("policyLevel", str, "``ACCOUNT_LEVEL_POLICY`` for account policies.")

    @cached
    def log_events(self) -> list[CloudWatchLogsLogEvent]:
        """The log lines (``logEvents``)."""
        return self._wrap_list(CloudWatchLogsLogEvent, "logEvents")


def _decode_logs_payload(owner: DictWrapper, data: str, *keys: str | int) -> dict[str, Any]:
    """Base64-decode, decompress (gzip or zlib) and parse a Logs subscription payload."""
    compressed = owner._b64(data, *keys)
    try:
        # 32 + MAX_WBITS: accept a gzip or a zlib header.
        text = zlib.decompress(compressed, 32 + zlib.MAX_WBITS)
    except zlib.error as exc:
        raise owner._decode_error("gzip", str(exc), *keys) from None
    parsed: dict[str, Any] = owner._json(text, *keys)
    return parsed


class CloudWatchLogsEvent(_LogsWrapper):
    """The event a CloudWatch Logs subscription filter sends: compressed log lines."""

    __slots__ = ()

    @property
    def raw_logs_data(self) -> str:
        """The payload as sent: base64 of gzip of JSON (``awslogs.data``)."""
        value: str = self._req_in("awslogs", "data")
        return value

    @cached
    def decoded_data(self) -> CloudWatchLogsDecodedData:
        """The decoded, decompressed payload (cached): group, stream, log events."""
        payload = _decode_logs_payload(self, self.raw_logs_data, "awslogs", "data")
        return CloudWatchLogsDecodedData(payload, self._child("awslogs"))


class _AlarmWrapper(DictWrapper):
    __slots__ = ()
    _source = "CloudWatch alarm"


class CloudWatchAlarmState(_AlarmWrapper):
    """An alarm state (``alarmData.state`` / ``previousState``)."""

    __slots__ = ()
    value = required("value", str, "``OK``, ``ALARM`` or ``INSUFFICIENT_DATA``.")
    reason = required("reason", str, "Why the alarm is in this state, in words.")
    timestamp = required("timestamp", str, "When it entered this state.")
    reason_data = optional("reasonData", str, "Machine-readable reason, as a JSON string.")
    actions_suppressed_by = optional(
        "actionsSuppressedBy", str, "``WaitPeriod``, ``ExtensionPeriod`` or ``Alarm``."
    )
    actions_suppressed_reason = optional(
        "actionsSuppressedReason", str, "Why actions were suppressed."
    )

    @cached
    def reason_data_decoded(self) -> Any:
        """``reasonData`` parsed from JSON (cached), or None when absent."""
        data = self._data.get("reasonData")
        return None if data is None else self._json(data, "reasonData")


class CloudWatchAlarmMetric(_AlarmWrapper):
    """One metric or expression of a metric alarm (``configuration.metrics[]``)."""

    __slots__ = ()
    id = required("id", str, "The metric's id within the alarm.")
    expression = optional("expression", str, "The math expression, for expressions.")
    label = optional("label", str, "The label, when set.")
    return_data = optional("returnData", bool, "Whether this metric drives the alarm.")
    metric_stat = optional(
        "metricStat", dict[str, Any], "Namespace, name, dimensions, period and statistic."
    )


class CloudWatchAlarmConfiguration(_AlarmWrapper):
    """How the alarm is defined (``alarmData.configuration``)."""

    __slots__ = ()
    description = optional("description", str, "The alarm description.")
    alarm_rule = optional("alarmRule", str, "Composite alarms: the rule expression.")
    actions_suppressor = optional("actionsSuppressor", str, "Composite: suppressor alarm.")
    actions_suppressor_wait_period = optional(
        "actionsSuppressorWaitPeriod", int, "Composite: wait period, seconds."
    )
    actions_suppressor_extension_period = optional(
        "actionsSuppressorExtensionPeriod", int, "Composite: extension period, seconds."
    )

    @cached
    def metrics(self) -> list[CloudWatchAlarmMetric]:
        """Metric alarms: the metrics and expressions (empty for composite alarms)."""
        if "metrics" not in self._data:
            return []
        return self._wrap_list(CloudWatchAlarmMetric, "metrics")


class CloudWatchAlarmData(_AlarmWrapper):
    """The alarm and its transition (``alarmData``)."""

    __slots__ = ()
    alarm_name = required("alarmName", str, "The alarm name.")
    state = nested("state", CloudWatchAlarmState, "The new state.")
    previous_state = optional_nested("previousState", CloudWatchAlarmState, "The old state.")
    configuration = nested("configuration", CloudWatchAlarmConfiguration, "The definition.")


class CloudWatchAlarmEvent(_AlarmWrapper):
    """The event a CloudWatch alarm sends when it invokes a Lambda action directly."""

    __slots__ = ()
    source = required("source", str, "Always ``aws.cloudwatch``.")
    alarm_arn = required("alarmArn", str, "The alarm's ARN.")
    region = required("region", str, "The alarm's region.")
    account_id = required("accountId", str, "The alarm's account.")
    time = required("time", str, "When the state changed.")
    alarm_data = nested("alarmData", CloudWatchAlarmData, "The alarm and its transition.")
