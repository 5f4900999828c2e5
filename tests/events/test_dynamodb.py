"""DynamoDB Streams: attribute deserialisation without boto3."""

from __future__ import annotations

import base64
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit.events import DynamoDBRecord, EventDecodeError, EventFieldError, deserialize_attribute

# (typed attribute value, expected Python value) pairs, built together.
numbers = st.decimals(allow_nan=False, allow_infinity=False)
scalars = st.one_of(
    st.text().map(lambda s: ({"S": s}, s)),
    numbers.map(lambda d: ({"N": str(d)}, d)),
    st.binary().map(lambda b: ({"B": base64.b64encode(b).decode()}, b)),
    st.booleans().map(lambda b: ({"BOOL": b}, b)),
    st.just(({"NULL": True}, None)),
    st.sets(st.text()).map(lambda s: ({"SS": sorted(s)}, s)),
    st.sets(numbers).map(lambda s: ({"NS": [str(d) for d in s]}, s)),
    st.sets(st.binary()).map(lambda s: ({"BS": [base64.b64encode(b).decode() for b in s]}, s)),
)


def _lists(children: Any) -> Any:
    return st.lists(children).map(
        lambda items: ({"L": [i[0] for i in items]}, [i[1] for i in items])
    )


def _maps(children: Any) -> Any:
    return st.dictionaries(st.text(), children).map(
        lambda d: ({"M": {k: v[0] for k, v in d.items()}}, {k: v[1] for k, v in d.items()})
    )


values = st.recursive(scalars, lambda c: st.one_of(_lists(c), _maps(c)), max_leaves=10)


@settings(max_examples=60)
@given(values)
def test_deserialize_attribute_matches_the_python_value(pair: tuple[dict[str, Any], Any]) -> None:
    """Every typed attribute value deserialises to the value it encodes."""
    typed, expected = pair
    assert deserialize_attribute(typed) == expected


@given(numbers)
def test_numbers_are_exact_decimals(number: Decimal) -> None:
    """N values become Decimal without rounding."""
    result = deserialize_attribute({"N": str(number)})
    assert isinstance(result, Decimal)
    assert str(result) == str(number)


@pytest.mark.parametrize("bad", [{}, {"X": "1"}, {"N": "abc"}, {"S": "a", "N": "1"}, {"B": "%%"}])
def test_malformed_attribute_is_a_value_error(bad: dict[str, Any]) -> None:
    """A malformed typed value raises ValueError naming it."""
    with pytest.raises(ValueError, match="not a DynamoDB attribute value"):
        deserialize_attribute(bad)


def test_images_are_deserialised_and_cached() -> None:
    """keys/new_image/old_image are dicts of Python values, computed once."""
    record = DynamoDBRecord(
        {
            "eventName": "MODIFY",
            "dynamodb": {
                "Keys": {"id": {"N": "1"}},
                "NewImage": {"id": {"N": "1"}, "tags": {"SS": ["a"]}},
                "SequenceNumber": "7",
            },
        }
    )
    assert record.dynamodb.keys == {"id": Decimal(1)}
    assert record.dynamodb.new_image == {"id": Decimal(1), "tags": {"a"}}
    assert record.dynamodb.old_image is None
    assert record.dynamodb.new_image is record.dynamodb.new_image
    assert record.dynamodb.sequence_number == "7"


def test_bad_image_attribute_names_its_path() -> None:
    """An undecodable attribute in an image names the attribute and the sequence number."""
    record = DynamoDBRecord({"dynamodb": {"NewImage": {"n": {"N": "x"}}, "SequenceNumber": "9"}})
    with pytest.raises(EventDecodeError) as info:
        _ = record.dynamodb.new_image
    assert "dynamodb.NewImage.n" in str(info.value)
    assert "'9'" in str(info.value)


def test_missing_keys_is_a_field_error() -> None:
    """A stream record without Keys raises EventFieldError naming dynamodb.Keys."""
    with pytest.raises(EventFieldError, match=r"dynamodb\.Keys"):
        _ = DynamoDBRecord({"dynamodb": {}}).dynamodb.keys
