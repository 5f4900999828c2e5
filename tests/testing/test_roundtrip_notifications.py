"""SNS, S3, EventBridge and CloudWatch Logs events read back through powerkit.events classes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit import testing as kit
from tests.support.events import events_class

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))


@settings(deadline=None, max_examples=50)
@given(text, st.one_of(st.none(), text))
def test_sns_message_subject_and_ids_read_back(message: str, subject: str | None) -> None:
    """Message, subject, id and topic of a built SNS event read back."""
    event = kit.sns_event([message], subject=subject, topic_name="orders")
    sns = events_class("SNSEvent")(event).sns_message
    assert sns.message == message
    assert sns.subject == subject
    assert sns.message_id == event["Records"][0]["Sns"]["MessageId"]
    assert sns.topic_arn == "arn:aws:sns:us-east-1:123456789012:orders"


def test_sns_attributes_read_back() -> None:
    """String and Binary attributes read back (binary decoded to the same bytes)."""
    event = kit.sns_event(['{"a": 1}'], message_attributes={"kind": "order", "raw": b"\x00\xff"})
    sns = events_class("SNSEvent")(event).sns_message
    assert sns.json_message == {"a": 1}
    assert sns.message_attributes.get_value("kind") == "order"
    assert sns.binary_attribute("raw") == b"\x00\xff"


keys = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


@settings(deadline=None, max_examples=50)
@given(st.lists(keys, min_size=1, max_size=3))
def test_s3_keys_read_back_url_decoded(stored: list[str]) -> None:
    """Any object key (spaces, ``+``, ``%``, unicode) reads back as stored through S3Event."""
    event = kit.s3_event(stored, bucket="data", size=[5] * len(stored))
    wrapped = events_class("S3Event")(event)
    assert [r.s3.object.key for r in wrapped.records] == stored
    assert [r.s3.object.size for r in wrapped.records] == [5] * len(stored)
    assert wrapped.bucket_name == "data"
    assert wrapped.object_key == stored[0]


@settings(deadline=None, max_examples=50)
@given(keys)
def test_s3_eventbridge_key_reads_back_url_decoded(stored: str) -> None:
    """The S3-via-EventBridge object key reads back as stored."""
    event = kit.s3_eventbridge_event(stored, bucket="data")
    wrapped = events_class("S3EventBridgeNotificationEvent")(event)
    assert wrapped.object_key == stored
    assert wrapped.bucket_name == "data"
    assert wrapped.s3_detail.reason == "PutObject"
    assert wrapped.detail_type == "Object Created"


def test_s3_notification_inside_sqs_reads_back() -> None:
    """An S3 notification delivered in an SQS body wraps as S3Event after parsing the body."""
    event = kit.sqs_event([kit.s3_event(["a b/c+d.csv"])])
    body = events_class("SQSEvent")(event).records[0].json_body
    assert events_class("S3Event")(body).object_key == "a b/c+d.csv"


def test_eventbridge_fields_read_back() -> None:
    """Detail, detail-type, source, resources and time read back."""
    event = kit.eventbridge_event(
        {"order_id": "1"},
        detail_type="Order Placed",
        source="shop",
        resources=["arn:aws:s3:::b"],
        timestamp=0,
    )
    wrapped = events_class("EventBridgeEvent")(event)
    assert wrapped.detail == {"order_id": "1"}
    assert (wrapped.detail_type, wrapped.source) == ("Order Placed", "shop")
    assert wrapped.resources == ["arn:aws:s3:::b"]
    assert wrapped.time == "1970-01-01T00:00:00Z"
    assert wrapped.id == event["id"]


@settings(deadline=None, max_examples=50)
@given(st.lists(text, min_size=1, max_size=5))
def test_cloudwatch_log_events_read_back(messages: list[str]) -> None:
    """Decompressed log events, group and stream read back in order."""
    event = kit.cloudwatch_logs_event(messages, log_group="g", log_stream="s")
    data = events_class("CloudWatchLogsEvent")(event).decoded_data
    assert [e.message for e in data.log_events] == messages
    assert (data.log_group, data.log_stream, data.owner) == ("g", "s", "123456789012")
    assert data.message_type == "DATA_MESSAGE"
