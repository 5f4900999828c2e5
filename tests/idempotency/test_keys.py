"""Idempotency keys: canonical encoding, selection, missing keys."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import uuid
from typing import Any

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit.idempotency._keys import canonical_json, hasher, is_missing, select

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=6), json_values, max_size=6), st.randoms())
def test_dict_key_order_does_not_change_the_encoding(data: dict[str, Any], rnd: Any) -> None:
    """Any permutation of a dict's items encodes to the same text."""
    items = list(data.items())
    rnd.shuffle(items)
    assert canonical_json(dict(items)) == canonical_json(data)


@dataclasses.dataclass
class Order:
    id: uuid.UUID
    at: datetime.datetime
    amount: decimal.Decimal


class OrderModel(pydantic.BaseModel):
    id: uuid.UUID
    at: datetime.datetime
    amount: decimal.Decimal


class Color(enum.Enum):
    RED = "red"


def test_rich_values_encode_to_fixed_text() -> None:
    """UUID, datetime, Decimal, enum, set and bytes values have one stable encoding."""
    value = {
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "at": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
        "day": datetime.date(2024, 1, 2),
        "whole": decimal.Decimal("10.00"),
        "part": decimal.Decimal("1.5"),
        "color": Color.RED,
        "tags": {"b", "a"},
        "raw": b"\x00\x01",
    }
    assert canonical_json(value) == (
        '{"at":"2024-01-02T03:04:05+00:00","color":"red","day":"2024-01-02",'
        '"id":"12345678-1234-5678-1234-567812345678","part":1.5,"raw":"AAE=",'
        '"tags":["a","b"],"whole":10}'
    )


def test_dataclass_and_pydantic_payloads_encode_stably() -> None:
    """A dataclass encodes like its dict; a pydantic model like its JSON-mode dump."""
    fields = {
        "id": uuid.UUID(int=7),
        "at": datetime.datetime(2024, 5, 6, 7, 8, 9),
        "amount": decimal.Decimal("12.5"),
    }
    plain = {"id": str(fields["id"]), "at": "2024-05-06T07:08:09", "amount": 12.5}
    assert canonical_json(Order(**fields)) == canonical_json(plain)
    model = OrderModel(**fields)
    assert canonical_json(model) == canonical_json({**plain, "amount": "12.5"})
    assert canonical_json(model) == canonical_json(OrderModel(**fields))


def test_an_unknown_type_is_a_type_error() -> None:
    """Values with no stable encoding are refused rather than hashed by identity."""
    with pytest.raises(TypeError, match="object"):
        canonical_json({"x": object()})


@pytest.mark.parametrize("selected", [None, "", {}, [], (), [None, None], b""])
def test_empty_selections_are_missing(selected: Any) -> None:
    """None, empty containers and lists of only None give no key."""
    assert is_missing(selected)


@pytest.mark.parametrize("selected", [0, False, "x", [None, 1], {"a": None}])
def test_falsy_but_real_values_are_keys(selected: Any) -> None:
    """0, False and partly-null lists are real keys."""
    assert not is_missing(selected)


def test_select_uses_jmespath_with_powerkit_functions() -> None:
    """Expressions may decode JSON bodies with powerkit_json (and powertools_json)."""
    event = {"body": '{"order": {"id": 5}}', "headers": {"x": "1"}}
    assert select(event, "powerkit_json(body).order.id") == 5
    assert select(event, "[headers.x, powertools_json(body).order.id]") == ["1", 5]
    assert select(event, None) is event


def test_select_reads_dataclass_payloads() -> None:
    """A dataclass payload can be selected from like a dict."""
    order = Order(uuid.UUID(int=1), datetime.datetime(2024, 1, 1), decimal.Decimal(1))
    assert select(order, "amount") == 1


@pytest.mark.parametrize("name", ["sha256", "md5", "blake2b", "sha3_256"])
def test_hashers_match_hashlib(name: str) -> None:
    """hash_function names any hashlib algorithm."""
    import hashlib

    assert hasher(name)("abc") == hashlib.new(name, b"abc").hexdigest()
