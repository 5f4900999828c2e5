"""SQS builder: checksums, ids, FIFO attributes, ARNs and timestamps agree with each other."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit import ConfigError
from powerkit.testing import sqs_event, sqs_event_from_messages
from powerkit.testing._builders._sqs import md5_of_message_attributes

bodies = st.lists(st.text(), min_size=1, max_size=5)


@settings(deadline=None, max_examples=50)
@given(bodies)
def test_md5_of_body_is_md5_of_each_body(texts: list[str]) -> None:
    """``md5OfBody`` is the MD5 hex digest of the record's UTF-8 body, for any text."""
    event = sqs_event(texts)
    assert [r["body"] for r in event["Records"]] == texts
    for record in event["Records"]:
        assert record["md5OfBody"] == hashlib.md5(record["body"].encode()).hexdigest()


def test_non_string_bodies_are_json_encoded() -> None:
    """A dict body is sent as its JSON text; bytes as UTF-8 text."""
    event = sqs_event([{"order": 1}, b"raw"])
    assert json.loads(event["Records"][0]["body"]) == {"order": 1}
    assert event["Records"][1]["body"] == "raw"


def test_message_ids_are_unique_within_and_across_calls() -> None:
    """Every record of every call gets its own message id and receipt handle."""
    events = [sqs_event(["a", "b", "c"]) for _ in range(5)]
    ids = [r["messageId"] for e in events for r in e["Records"]]
    handles = [r["receiptHandle"] for e in events for r in e["Records"]]
    assert len(set(ids)) == len(ids) == 15
    assert len(set(handles)) == 15
    assert all(h.startswith("AQEB") for h in handles)


def test_arn_and_region_agree() -> None:
    """The queue ARN is built from region, account and queue name; awsRegion matches."""
    event = sqs_event(["x"], queue_name="orders", region="eu-west-1", account_id="111122223333")
    record = event["Records"][0]
    assert record["eventSourceARN"] == "arn:aws:sqs:eu-west-1:111122223333:orders"
    assert record["awsRegion"] == "eu-west-1"
    assert record["eventSource"] == "aws:sqs"


def test_timestamps_are_epoch_ms_strings_now_and_ordered() -> None:
    """``SentTimestamp`` is epoch ms as text, close to now; first receive comes after it."""
    before = int(time.time() * 1000)
    event = sqs_event(["a", "b"])
    after = int(time.time() * 1000)
    sent = [int(r["attributes"]["SentTimestamp"]) for r in event["Records"]]
    assert before <= sent[0] <= after + 5
    assert sent[0] < sent[1]
    for record in event["Records"]:
        attributes = record["attributes"]
        assert int(attributes["ApproximateFirstReceiveTimestamp"]) > int(
            attributes["SentTimestamp"]
        )


def test_fixed_timestamp_sets_sent_time() -> None:
    """An explicit ``timestamp`` (epoch seconds) is the first message's send time."""
    event = sqs_event(["a"], timestamp=1_700_000_000.123)
    assert event["Records"][0]["attributes"]["SentTimestamp"] == "1700000000123"


def test_fifo_adds_group_dedup_and_increasing_sequence_numbers() -> None:
    """FIFO records carry group ids, SHA-256 dedup ids and increasing 20-digit sequences."""
    event = sqs_event(["a", "b", "c"], fifo=True, group_ids=["g1", "g1", "g2"])
    records = event["Records"]
    assert records[0]["eventSourceARN"].endswith(":my-queue.fifo")
    assert [r["attributes"]["MessageGroupId"] for r in records] == ["g1", "g1", "g2"]
    for record in records:
        assert (
            record["attributes"]["MessageDeduplicationId"]
            == hashlib.sha256(record["body"].encode()).hexdigest()
        )
    sequences = [int(r["attributes"]["SequenceNumber"]) for r in records]
    assert sequences == sorted(sequences)
    assert len(set(sequences)) == 3
    assert all(len(r["attributes"]["SequenceNumber"]) == 20 for r in records)


def test_fifo_suffix_is_added_to_a_plain_queue_name() -> None:
    """``fifo=True`` with a name lacking ``.fifo`` gets the suffix, as SQS requires."""
    event = sqs_event(["a"], fifo=True, queue_name="orders")
    assert event["Records"][0]["eventSourceARN"].endswith(":orders.fifo")


def test_standard_queue_has_no_fifo_attributes() -> None:
    """A standard queue's records have no group, dedup or sequence attributes."""
    attributes = sqs_event(["a"])["Records"][0]["attributes"]
    assert set(attributes) == {
        "ApproximateReceiveCount",
        "SentTimestamp",
        "SenderId",
        "ApproximateFirstReceiveTimestamp",
    }


def test_message_attributes_are_typed_from_python_values() -> None:
    """str → String, numbers → Number, bytes → Binary (base64), as SQS shows them."""
    event = sqs_event(
        ["a"], message_attributes={"s": "x", "n": 3, "d": Decimal("1.5"), "b": b"\x01"}
    )
    attributes = event["Records"][0]["messageAttributes"]
    assert attributes["s"]["dataType"] == "String"
    assert attributes["s"]["stringValue"] == "x"
    assert attributes["n"] == {
        "stringValue": "3",
        "stringListValues": [],
        "binaryListValues": [],
        "dataType": "Number",
    }
    assert attributes["d"]["stringValue"] == "1.5"
    assert base64.b64decode(attributes["b"]["binaryValue"]) == b"\x01"


def test_md5_of_message_attributes_matches_moto() -> None:
    """``md5OfMessageAttributes`` equals what moto's SQS computes for the same attributes."""
    sqs_models = pytest.importorskip("moto.sqs.models")
    attributes = {"s": "x", "n": 3, "b": b"\x01\x02"}
    record = sqs_event(["a"], message_attributes=attributes)["Records"][0]
    message = sqs_models.Message("id", "a")
    message.message_attributes = {
        "s": {"DataType": "String", "StringValue": "x"},
        "n": {"DataType": "Number", "StringValue": "3"},
        "b": {"DataType": "Binary", "BinaryValue": b"\x01\x02"},
    }
    assert record["md5OfMessageAttributes"] == message.attribute_md5


def test_md5_of_message_attributes_is_absent_without_attributes() -> None:
    """Records without message attributes carry no attribute checksum."""
    record = sqs_event(["a"])["Records"][0]
    assert record["messageAttributes"] == {}
    assert "md5OfMessageAttributes" not in record


def test_per_message_options_apply_in_order() -> None:
    """Lists give one value per message: ids, receive counts, attributes."""
    event = sqs_event(
        ["a", "b"],
        message_ids=["m1", "m2"],
        receive_count=[1, 4],
        message_attributes=[{"k": "1"}, {}],
        attributes={"AWSTraceHeader": "Root=1-00000000-000000000000000000000000"},
    )
    first, second = event["Records"]
    assert (first["messageId"], second["messageId"]) == ("m1", "m2")
    assert second["attributes"]["ApproximateReceiveCount"] == "4"
    assert first["messageAttributes"]["k"]["stringValue"] == "1"
    assert second["messageAttributes"] == {}
    assert second["attributes"]["AWSTraceHeader"].startswith("Root=1-")


def test_mismatched_per_message_list_is_a_config_error() -> None:
    """A per-message list of the wrong length says how many entries are needed."""
    with pytest.raises(ConfigError, match="2 entries for 3 items"):
        sqs_event(["a", "b", "c"], message_ids=["m1", "m2"])


def test_boolean_attribute_is_rejected_with_a_fix() -> None:
    """SQS has no boolean attribute type: the error says what to pass instead."""
    with pytest.raises(ConfigError, match="no boolean type"):
        sqs_event(["a"], message_attributes={"flag": True})


def test_md5_of_message_attributes_is_order_independent() -> None:
    """The checksum sorts attributes by name, so insertion order does not matter."""
    one = {
        "a": {"dataType": "String", "stringValue": "1"},
        "b": {"dataType": "Number", "stringValue": "2"},
    }
    two = dict(reversed(list(one.items())))
    assert md5_of_message_attributes(one) == md5_of_message_attributes(two)


def test_messages_received_from_a_real_queue_become_a_lambda_event(moto_server: str) -> None:
    """Messages received through the SQS API (moto server) convert to records that keep ids,
    receipt handles, bodies, checksums and attributes."""
    boto3 = pytest.importorskip("boto3")
    sqs = boto3.client("sqs", endpoint_url=moto_server, region_name="us-east-1")
    queue_url = sqs.create_queue(QueueName="kit-convert")["QueueUrl"]
    sent = sqs.send_message(
        QueueUrl=queue_url,
        MessageBody='{"order": 1}',
        MessageAttributes={
            "tenant": {"DataType": "String", "StringValue": "acme"},
            "blob": {"DataType": "Binary", "BinaryValue": b"\x01\x02"},
        },
        MessageSystemAttributes={
            "AWSTraceHeader": {
                "DataType": "String",
                "StringValue": "Root=1-5759e988-bd862e3fe1be46a994272793",
            }
        },
    )
    messages = sqs.receive_message(
        QueueUrl=queue_url, AttributeNames=["All"], MessageAttributeNames=["All"]
    )["Messages"]

    event = sqs_event_from_messages(messages, queue_name="kit-convert")

    record = event["Records"][0]
    assert record["messageId"] == sent["MessageId"] == messages[0]["MessageId"]
    assert record["receiptHandle"] == messages[0]["ReceiptHandle"]
    assert record["body"] == '{"order": 1}'
    assert record["md5OfBody"] == messages[0]["MD5OfBody"]
    assert record["md5OfMessageAttributes"] == sent["MD5OfMessageAttributes"]
    assert record["messageAttributes"]["tenant"]["stringValue"] == "acme"
    assert base64.b64decode(record["messageAttributes"]["blob"]["binaryValue"]) == b"\x01\x02"
    assert record["attributes"]["AWSTraceHeader"].startswith("Root=1-5759e988")
    assert record["attributes"]["SentTimestamp"] == messages[0]["Attributes"]["SentTimestamp"]
    assert record["eventSourceARN"] == "arn:aws:sqs:us-east-1:123456789012:kit-convert"
