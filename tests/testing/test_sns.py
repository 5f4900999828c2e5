"""SNS and SNS→SQS builders: envelopes, attributes, ARNs and ids agree."""

from __future__ import annotations

import base64
import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit.testing import sns_event, sns_sqs_event


def test_sns_record_carries_message_subject_and_consistent_arns() -> None:
    """Message and subject are as given; topic and subscription ARNs share region/account."""
    event = sns_event(["hi"], subject="Hello", topic_name="orders", region="eu-west-1")
    record = event["Records"][0]
    sns = record["Sns"]
    assert sns["Message"] == "hi"
    assert sns["Subject"] == "Hello"
    assert sns["TopicArn"] == "arn:aws:sns:eu-west-1:123456789012:orders"
    assert record["EventSubscriptionArn"].startswith(sns["TopicArn"] + ":")
    assert sns["UnsubscribeUrl"].endswith("SubscriptionArn=" + record["EventSubscriptionArn"])
    assert sns["SigningCertUrl"].startswith("https://sns.eu-west-1.amazonaws.com/")


def test_sns_subject_is_null_when_not_given() -> None:
    """Without a subject, ``Subject`` is null, as SNS delivers it."""
    assert sns_event(["x"])["Records"][0]["Sns"]["Subject"] is None


def test_sns_attributes_are_typed() -> None:
    """String, Number, Binary (base64) and String.Array (JSON) attribute types are inferred."""
    attributes = sns_event(
        ["x"], message_attributes={"s": "v", "n": 2, "b": b"\x00", "a": ["x", 1]}
    )["Records"][0]["Sns"]["MessageAttributes"]
    assert attributes["s"] == {"Type": "String", "Value": "v"}
    assert attributes["n"] == {"Type": "Number", "Value": "2"}
    assert base64.b64decode(attributes["b"]["Value"]) == b"\x00"
    assert attributes["b"]["Type"] == "Binary"
    assert attributes["a"] == {"Type": "String.Array", "Value": '["x", 1]'}


def test_sns_message_ids_are_unique_per_call() -> None:
    """Each call publishes new messages with new ids."""
    ids = {sns_event(["x"])["Records"][0]["Sns"]["MessageId"] for _ in range(20)}
    assert len(ids) == 20


@settings(deadline=None, max_examples=50)
@given(st.lists(st.text(), min_size=1, max_size=3))
def test_sns_sqs_envelope_carries_the_message_and_md5_matches(messages: list[str]) -> None:
    """The SQS body is an SNS envelope holding each message; ``md5OfBody`` matches the body."""
    event = sns_sqs_event(messages, subject="S")
    for message, record in zip(messages, event["Records"]):
        envelope = json.loads(record["body"])
        assert envelope["Message"] == message
        assert envelope["Type"] == "Notification"
        assert envelope["Subject"] == "S"
        assert envelope["TopicArn"] == "arn:aws:sns:us-east-1:123456789012:my-topic"
        assert record["md5OfBody"] == hashlib.md5(record["body"].encode()).hexdigest()


def test_sns_sqs_envelope_is_formatted_like_sns() -> None:
    """SNS writes its envelope indented, with ``" : "`` between keys and values."""
    body = sns_sqs_event(["x"])["Records"][0]["body"]
    assert body.startswith('{\n  "Type" : "Notification",\n  "MessageId" : "')


def test_sns_sqs_raw_delivery_moves_attributes_to_sqs() -> None:
    """With raw delivery the body is the message and SNS attributes become SQS attributes."""
    record = sns_sqs_event(["plain"], raw=True, message_attributes={"k": "v"})["Records"][0]
    assert record["body"] == "plain"
    assert record["messageAttributes"]["k"]["stringValue"] == "v"
    assert record["messageAttributes"]["k"]["dataType"] == "String"
    assert "md5OfMessageAttributes" in record


def test_sns_sqs_envelope_attributes_stay_in_the_envelope() -> None:
    """Without raw delivery attributes travel inside the envelope, not on the SQS record."""
    record = sns_sqs_event(["x"], message_attributes={"k": "v"})["Records"][0]
    assert json.loads(record["body"])["MessageAttributes"] == {
        "k": {"Type": "String", "Value": "v"}
    }
    assert record["messageAttributes"] == {}


def test_sns_sqs_fifo_has_sequence_numbers_and_fifo_names() -> None:
    """FIFO topics number their notifications and deliver to a FIFO queue in one group."""
    event = sns_sqs_event(["a", "b"], fifo=True, group_id="g")
    envelopes = [json.loads(r["body"]) for r in event["Records"]]
    assert all(e["TopicArn"].endswith(".fifo") for e in envelopes)
    assert "Signature" not in envelopes[0]
    assert int(envelopes[0]["SequenceNumber"]) < int(envelopes[1]["SequenceNumber"])
    for record in event["Records"]:
        assert record["eventSourceARN"].endswith(":my-queue.fifo")
        assert record["attributes"]["MessageGroupId"] == "g"
