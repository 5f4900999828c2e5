"""Checkers for Kafka, Amazon MQ (ActiveMQ, RabbitMQ) and SES."""

from __future__ import annotations

import base64
from typing import Any

from powerkit import events


def check_kafka(event: events.KafkaEvent, raw: dict[str, Any]) -> None:
    assert event.event_source == raw["eventSource"]
    assert event.event_source_arn == raw.get("eventSourceArn")
    assert event.bootstrap_servers_list == raw["bootstrapServers"].split(",")
    expected = [item for items in raw["records"].values() for item in items]
    assert len(event.records) == len(expected)
    for record, item in zip(event.records, expected):
        assert (record.topic, record.partition, record.offset) == (
            item["topic"],
            item["partition"],
            item["offset"],
        )
        assert record.timestamp == item["timestamp"]
        assert record.decoded_key == base64.b64decode(item["key"])
        assert record.decoded_value == base64.b64decode(item["value"])
        for header in item["headers"]:
            for name, values in header.items():
                assert record.get_header_value(name) == bytes(v % 256 for v in values)
                assert record.get_header_value(name.upper(), case_sensitive=False) is not None


def check_activemq(event: events.ActiveMQEvent, raw: dict[str, Any]) -> None:
    assert event.event_source_arn == raw["eventSourceArn"]
    for message, item in zip(event.messages, raw["messages"], strict=True):
        assert message.message_id == item["messageID"]
        assert message.decoded_data == base64.b64decode(item["data"])
        assert message.destination.physical_name == item["destination"]["physicalName"]
        assert message.timestamp == item["timestamp"]


def check_rabbitmq(event: events.RabbitMQEvent, raw: dict[str, Any]) -> None:
    assert event.event_source_arn == raw["eventSourceArn"]
    assert set(event.rmq_messages_by_queue) == set(raw["rmqMessagesByQueue"])
    expected = [item for items in raw["rmqMessagesByQueue"].values() for item in items]
    for message, item in zip(event.messages, expected, strict=True):
        assert message.decoded_data == base64.b64decode(item["data"])
        properties = item["basicProperties"]
        assert message.basic_properties.content_type == properties["contentType"]
        for name, value in properties["headers"].items():
            decoded = message.basic_properties.decoded_headers[name]
            if isinstance(value, dict):
                assert decoded == bytes(value["bytes"])
            else:
                assert decoded == value


def check_ses(event: events.SESEvent, raw: dict[str, Any]) -> None:
    ses = raw["Records"][0]["ses"]
    assert event.mail.message_id == ses["mail"]["messageId"]
    assert event.mail.source == ses["mail"]["source"]
    assert event.mail.common_headers.subject == ses["mail"]["commonHeaders"].get("subject")
    assert event.mail.common_headers.from_ == ses["mail"]["commonHeaders"].get("from")
    for header in ses["mail"]["headers"]:
        assert header["value"] in event.mail.headers.get_all(header["name"].lower())
    assert event.receipt.recipients == ses["receipt"]["recipients"]
    assert event.receipt.spam_verdict == ses["receipt"]["spamVerdict"]["status"]
    assert event.receipt.action.type == ses["receipt"]["action"]["type"]
