"""S3, S3-via-EventBridge and EventBridge builders."""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit import ConfigError
from powerkit.testing import eventbridge_event, s3_event, s3_eventbridge_event


def test_s3_keys_are_encoded_the_way_s3_encodes_them() -> None:
    """Spaces become ``+``, other reserved characters ``%XX``, slashes stay."""
    keys = ["my photo.jpg", "dir/a+b=c.txt", "été.csv"]
    records = s3_event(keys)["Records"]
    assert records[0]["s3"]["object"]["key"] == "my+photo.jpg"
    assert records[1]["s3"]["object"]["key"] == "dir/a%2Bb%3Dc.txt"
    assert records[2]["s3"]["object"]["key"] == "%C3%A9t%C3%A9.csv"


@settings(deadline=None, max_examples=50)
@given(st.lists(st.text(min_size=1), min_size=1, max_size=4))
def test_s3_keys_decode_back_to_the_original(keys: list[str]) -> None:
    """``unquote_plus`` of every encoded key gives back the key as stored, for any key."""
    records = s3_event(keys)["Records"]
    assert [unquote_plus(r["s3"]["object"]["key"]) for r in records] == keys


def test_s3_bucket_arn_size_and_sequencers() -> None:
    """Bucket ARN follows the name; sizes per key; sequencers increase."""
    records = s3_event(["a", "b"], bucket="data", size=[1, 2], region="eu-west-1")["Records"]
    assert records[0]["s3"]["bucket"]["arn"] == "arn:aws:s3:::data"
    assert records[0]["awsRegion"] == "eu-west-1"
    assert [r["s3"]["object"]["size"] for r in records] == [1, 2]
    sequencers = [int(r["s3"]["object"]["sequencer"], 16) for r in records]
    assert sequencers[0] < sequencers[1]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", records[0]["eventTime"])


def test_s3_removal_has_no_size_or_etag() -> None:
    """Delete notifications carry only key and sequencer for the object."""
    obj = s3_event(["a"], event_name="ObjectRemoved:Delete")["Records"][0]["s3"]["object"]
    assert set(obj) == {"key", "sequencer"}


def test_s3_eventbridge_created_event() -> None:
    """Object Created: detail has the encoded key, size and the bucket as resource."""
    event = s3_eventbridge_event("my photo.jpg", bucket="b", size=7, account_id="111122223333")
    assert event["detail-type"] == "Object Created"
    assert event["source"] == "aws.s3"
    assert event["resources"] == ["arn:aws:s3:::b"]
    assert event["detail"]["object"]["key"] == "my+photo.jpg"
    assert event["detail"]["object"]["size"] == 7
    assert event["detail"]["reason"] == "PutObject"
    assert event["detail"]["requester"] == "111122223333"


@pytest.mark.parametrize(
    ("event_name", "detail_type"),
    [
        ("ObjectRemoved:Delete", "Object Deleted"),
        ("LifecycleExpiration:Delete", "Object Deleted"),
        ("ObjectRestore:Completed", "Object Restore Completed"),
    ],
)
def test_s3_eventbridge_detail_type_follows_event_name(event_name: str, detail_type: str) -> None:
    """Each S3 notification type maps to its EventBridge detail-type."""
    assert s3_eventbridge_event("k", event_name=event_name)["detail-type"] == detail_type


def test_s3_eventbridge_unknown_event_name_lists_known_ones() -> None:
    """An unsupported event name is a ConfigError listing the supported names."""
    with pytest.raises(ConfigError, match="ObjectCreated:Put"):
        s3_eventbridge_event("k", event_name="Bogus")


def test_eventbridge_event_fields_and_unique_ids() -> None:
    """Detail, type, source, account and region are as given; ids are unique per call."""
    event = eventbridge_event({"a": 1}, detail_type="T", source="s", region="eu-west-1")
    assert event["detail"] == {"a": 1}
    assert (event["detail-type"], event["source"], event["region"]) == ("T", "s", "eu-west-1")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", event["time"])
    assert len({eventbridge_event()["id"] for _ in range(10)}) == 10


def test_eventbridge_time_follows_timestamp() -> None:
    """``time`` is the given instant in ISO 8601 UTC to the second."""
    assert eventbridge_event(timestamp=0)["time"] == "1970-01-01T00:00:00Z"
