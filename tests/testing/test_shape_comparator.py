"""The shared shape comparator (tests/support/events.py) catches what it must."""

from __future__ import annotations

import pytest

from tests.support.events import (
    all_samples,
    assert_same_shape,
    attribute_value_problems,
    load_sample,
    shape_differences,
)


def test_identical_shapes_have_no_differences() -> None:
    """Same keys and types, different values: no differences."""
    assert shape_differences({"a": 1, "b": [{"c": "x"}]}, {"a": 2.5, "b": [{"c": "y"}]}) == []


def test_missing_extra_and_mistyped_keys_are_reported() -> None:
    """A missing key, an extra key and a type change are each reported with their path."""
    problems = shape_differences({"a": "1", "x": 1, "b": [{}]}, {"a": 1, "b": [{"c": 1}]})
    assert "a: string where the sample has number" in problems
    assert "x: present, but not in the sample" in problems
    assert "b[].c: missing (the sample has it)" in problems


def test_booleans_are_not_numbers() -> None:
    """``true`` and ``1`` are different JSON types."""
    assert shape_differences({"a": True}, {"a": 1}) == ["a: boolean where the sample has number"]


def test_free_maps_compare_values_not_names() -> None:
    """Under a free path names may differ; each value must match the sample's first value."""
    assert shape_differences({"h": {"x": "1"}}, {"h": {"y": "2"}}, free=["h"]) == []
    assert shape_differences({"h": {"x": 1}}, {"h": {"y": "2"}}, free=["h"]) == [
        "h.*: number where the sample has string"
    ]


def test_optional_and_nullable_paths() -> None:
    """Optional keys may be absent on either side; nullable ones may be null."""
    assert shape_differences({}, {"a": 1}, optional=["a"]) == []
    assert shape_differences({"a": None}, {"a": "x"}, nullable=["a"]) == []
    assert shape_differences({"r": [{"a": 1}]}, {"r": [{}]}, optional=["r[].a"]) == []


def test_assert_same_shape_lists_every_problem() -> None:
    """The assertion message lists each difference."""
    with pytest.raises(AssertionError, match="a: missing"):
        assert_same_shape({}, {"a": 1})


def test_attribute_value_checker() -> None:
    """Well-formed typed values pass; wrong inner types and unknown tags are reported."""
    assert attribute_value_problems({"M": {"a": {"N": "1"}, "b": {"L": [{"S": "x"}]}}}) == []
    assert attribute_value_problems({"N": 1}) == ["N: number, expected string"]
    assert attribute_value_problems({"X": 1}) == ["<root>: unknown type tag 'X'"]


def test_every_listed_sample_loads() -> None:
    """Every sample that is an incoming event parses (an object, or a list for AppSync batches)."""
    names = all_samples()
    if not names:
        pytest.skip("the shared sample events are absent")
    for name in names:
        assert isinstance(load_sample(name), (dict, list)), name
