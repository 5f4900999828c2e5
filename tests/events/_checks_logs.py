"""Checkers for CloudWatch Logs and alarms, Kinesis Firehose, and logs carried by Kinesis."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

from powerkit import events
from tests.events._checks_notifications import check_sns
from tests.events._checks_streams import check_kinesis


def _logs(data: str) -> dict[str, Any]:
    decoded: dict[str, Any] = json.loads(zlib.decompress(base64.b64decode(data), 47))
    return decoded


def _check_decoded_logs(decoded: events.CloudWatchLogsDecodedData, raw: dict[str, Any]) -> None:
    assert decoded.log_group == raw["logGroup"]
    assert decoded.log_stream == raw["logStream"]
    assert decoded.owner == raw["owner"]
    assert decoded.message_type == raw["messageType"]
    assert decoded.policy_level == raw.get("policyLevel")
    assert [(e.id, e.timestamp, e.message) for e in decoded.log_events] == [
        (e["id"], e["timestamp"], e["message"]) for e in raw["logEvents"]
    ]


def check_logs(event: events.CloudWatchLogsEvent, raw: dict[str, Any]) -> None:
    assert event.raw_logs_data == raw["awslogs"]["data"]
    _check_decoded_logs(event.decoded_data, _logs(raw["awslogs"]["data"]))
    assert event.decoded_data is event.decoded_data


def check_kinesis_logs(event: events.KinesisStreamEvent, raw: dict[str, Any]) -> None:
    check_kinesis(event, raw)
    for record, item in zip(event.records, raw["Records"]):
        expected = _logs(item["kinesis"]["data"])
        _check_decoded_logs(record.kinesis.data_as_cloudwatch_logs(), expected)


def check_alarm(event: events.CloudWatchAlarmEvent, raw: dict[str, Any]) -> None:
    data = raw["alarmData"]
    assert event.alarm_arn == raw["alarmArn"]
    assert event.alarm_data.alarm_name == data["alarmName"]
    assert event.alarm_data.state.value == data["state"]["value"]
    assert event.alarm_data.state.reason_data_decoded == json.loads(data["state"]["reasonData"])
    assert event.alarm_data.previous_state is not None
    assert event.alarm_data.previous_state.value == data["previousState"]["value"]
    metrics = data["configuration"].get("metrics", [])
    assert [m.id for m in event.alarm_data.configuration.metrics] == [m["id"] for m in metrics]
    assert event.alarm_data.configuration.alarm_rule == data["configuration"].get("alarmRule")


def check_alarm_via_sns(event: events.SNSEvent, raw: dict[str, Any]) -> None:
    check_sns(event, raw)
    alarm = json.loads(raw["Records"][0]["Sns"]["Message"])
    assert event.sns_message.json_message["AlarmName"] == alarm["AlarmName"]


def check_firehose(event: events.KinesisFirehoseEvent, raw: dict[str, Any]) -> None:
    assert event.invocation_id == raw["invocationId"]
    assert event.delivery_stream_arn == raw["deliveryStreamArn"]
    assert event.source_kinesis_stream_arn == raw.get("sourceKinesisStreamArn")
    response = events.KinesisFirehoseResponse()
    for record, item in zip(event.records, raw["records"], strict=True):
        assert record.record_id == item["recordId"]
        assert record.data_as_bytes() == base64.b64decode(item["data"])
        assert record.approximate_arrival_timestamp == item["approximateArrivalTimestamp"]
        source = item.get("kinesisRecordMetadata")
        if source is None:
            assert record.metadata is None
        else:
            assert record.metadata is not None
            assert record.metadata.sequence_number == source["sequenceNumber"]
        response.add(record.record_id, "Ok", data=record.data_as_bytes())
    # Passing every record through unchanged echoes ids and data exactly.
    assert response.asdict() == {
        "records": [
            {"recordId": r["recordId"], "result": "Ok", "data": r["data"]} for r in raw["records"]
        ]
    }
