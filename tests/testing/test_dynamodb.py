"""DynamoDB Streams builder: typed attribute values, images per event and view type."""

from __future__ import annotations

import base64
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit import ConfigError
from powerkit.testing import dynamodb_stream_event
from powerkit.testing._builders._dynamodb import to_attribute_value, to_item
from tests.support.events import attribute_value_problems, load_sample

# Values DynamoDB can hold; floats are excluded here because boto3 (the oracle) refuses them.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.text(),
    st.integers(min_value=-(10**37), max_value=10**37),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=5, min_value=-(10**20), max_value=10**20
    ),
    st.binary(min_size=1),
    st.frozensets(st.text(), min_size=1, max_size=4),
    st.frozensets(st.integers(min_value=-(10**37), max_value=10**37), min_size=1, max_size=4),
    st.frozensets(st.binary(min_size=1), min_size=1, max_size=4),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(), inner, max_size=3)
    ),
    max_leaves=10,
)
items = st.dictionaries(st.text(min_size=1), values, min_size=1, max_size=5)


def _boto3_view(value: dict[str, Any]) -> dict[str, Any]:
    """boto3's typed value as a stream shows it: B/BS as base64 text, sets sorted."""
    [(tag, inner)] = value.items()
    if tag == "B":
        return {tag: base64.b64encode(bytes(inner)).decode()}
    if tag == "BS":
        return {tag: sorted(base64.b64encode(bytes(b)).decode() for b in inner)}
    if tag in ("SS", "NS"):
        return {tag: sorted(inner)}
    if tag == "M":
        return {tag: {k: _boto3_view(v) for k, v in inner.items()}}
    if tag == "L":
        return {tag: [_boto3_view(v) for v in inner]}
    return {tag: inner}


def _sorted_sets(value: dict[str, Any]) -> dict[str, Any]:
    [(tag, inner)] = value.items()
    if tag in ("SS", "NS", "BS"):
        return {tag: sorted(inner)}
    if tag == "M":
        return {tag: {k: _sorted_sets(v) for k, v in inner.items()}}
    if tag == "L":
        return {tag: [_sorted_sets(v) for v in inner]}
    return {tag: inner}


@settings(deadline=None, max_examples=50)
@given(values)
def test_serialisation_matches_boto3(value: Any) -> None:
    """Every value is typed exactly as boto3's TypeSerializer types it (B as base64)."""
    dynamodb_types = pytest.importorskip("boto3.dynamodb.types")
    expected = _boto3_view(dynamodb_types.TypeSerializer().serialize(value))
    assert _sorted_sets(to_attribute_value(value)) == expected


def _from_stream(value: dict[str, Any]) -> dict[str, Any]:
    """Stream JSON → boto3 input: base64 text back to bytes for B/BS."""
    [(tag, inner)] = value.items()
    if tag == "B":
        return {tag: base64.b64decode(inner)}
    if tag == "BS":
        return {tag: [base64.b64decode(b) for b in inner]}
    if tag == "M":
        return {tag: {k: _from_stream(v) for k, v in inner.items()}}
    if tag == "L":
        return {tag: [_from_stream(v) for v in inner]}
    return {tag: inner}


def _plain(value: Any) -> Any:
    """boto3 deserialises B to Binary, sets to set, numbers to Decimal: normalise for ==."""
    if hasattr(value, "value") and type(value).__name__ == "Binary":
        return bytes(value.value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


@settings(deadline=None, max_examples=50)
@given(items)
def test_images_round_trip_through_boto3_deserializer(item: dict[str, Any]) -> None:
    """Deserialising the built NewImage with boto3 gives back the original item."""
    dynamodb_types = pytest.importorskip("boto3.dynamodb.types")
    deserializer = dynamodb_types.TypeDeserializer()
    event = dynamodb_stream_event([{"event_name": "INSERT", "new_image": item}])
    image = event["Records"][0]["dynamodb"]["NewImage"]
    assert not attribute_value_problems({"M": image})
    back = {k: deserializer.deserialize(_from_stream(v)) for k, v in image.items()}
    assert _plain(back) == _plain(item)


@settings(deadline=None, max_examples=50)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_are_written_as_their_shortest_text(number: float) -> None:
    """A float becomes the shortest number text that reads back as the same float."""
    text = to_attribute_value(number)["N"]
    assert float(text) == number


def test_typed_values_use_the_samples_tags_and_types() -> None:
    """Each type tag holds the same JSON type in built images as in the real sample."""
    sample = load_sample("aws-lambda-go/dynamodb-event.json")["Records"][1]["dynamodb"]["NewImage"]
    built = to_item(
        {
            "S": "x",
            "N": 1,
            "B": b"\x00",
            "BOOL": True,
            "NULL": None,
            "M": {"a": 1},
            "L": ["a", 1],
            "SS": {"a"},
            "NS": {1},
            "BS": {b"\x00"},
        }
    )
    sample_types = {tag: type(inner) for value in sample.values() for tag, inner in value.items()}
    built_types = {tag: type(inner) for value in built.values() for tag, inner in value.items()}
    assert built_types == sample_types
    assert not attribute_value_problems({"M": built})


def test_event_names_images_keys_and_view_type() -> None:
    """INSERT has a new image, MODIFY both, REMOVE the old; keys default to the first attribute."""
    event = dynamodb_stream_event(
        [
            {"event_name": "INSERT", "new_image": {"pk": "a", "n": 1}},
            {
                "event_name": "MODIFY",
                "keys": {"pk": "a"},
                "old_image": {"pk": "a"},
                "new_image": {"pk": "a", "n": 2},
            },
            {"event_name": "REMOVE", "keys": {"pk": "a"}, "old_image": {"pk": "a"}},
        ]
    )
    insert, modify, remove = (r["dynamodb"] for r in event["Records"])
    assert insert["Keys"] == {"pk": {"S": "a"}}
    assert "OldImage" not in insert
    assert modify["NewImage"]["n"] == {"N": "2"}
    assert "OldImage" in modify
    assert "NewImage" not in remove
    assert {r["eventName"] for r in event["Records"]} == {"INSERT", "MODIFY", "REMOVE"}
    sequences = [int(r["dynamodb"]["SequenceNumber"]) for r in event["Records"]]
    assert sequences == sorted(sequences)
    assert len({r["eventID"] for r in event["Records"]}) == 3


def test_keys_only_view_drops_images() -> None:
    """A KEYS_ONLY stream carries only keys, whatever images are given."""
    change = dynamodb_stream_event(
        [{"keys": {"k": 1}, "new_image": {"k": 1}}], stream_view_type="KEYS_ONLY"
    )["Records"][0]["dynamodb"]
    assert set(change) == {
        "ApproximateCreationDateTime",
        "Keys",
        "SequenceNumber",
        "SizeBytes",
        "StreamViewType",
    }


def test_stream_arn_and_ttl_identity() -> None:
    """The stream ARN names the table; a TTL removal carries the DynamoDB service identity."""
    record = dynamodb_stream_event(
        [{"event_name": "REMOVE", "keys": {"k": 1}, "old_image": {"k": 1}, "ttl": True}],
        table_name="orders",
        region="eu-west-1",
    )["Records"][0]
    assert record["eventSourceARN"].startswith(
        "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/"
    )
    assert record["userIdentity"] == {"type": "Service", "principalId": "dynamodb.amazonaws.com"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (set(), "no empty sets"),
        ({"a", 1}, "mixes types"),
        (float("nan"), "finite"),
        (10**38 + 1, "38 significant digits"),
        (object(), "cannot store"),
    ],
)
def test_values_dynamodb_cannot_hold_are_rejected(value: Any, message: str) -> None:
    """Empty or mixed sets, NaN and unknown types raise ConfigError with a fix."""
    with pytest.raises(ConfigError, match=message):
        to_attribute_value(value)


def test_insert_with_old_image_is_rejected() -> None:
    """An INSERT cannot have an old image."""
    with pytest.raises(ConfigError, match="INSERT"):
        dynamodb_stream_event([{"event_name": "INSERT", "keys": {"k": 1}, "old_image": {"k": 1}}])
