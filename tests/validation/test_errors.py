"""What a failed validation reports: path, rule, value and a one-line message."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit import PowerkitError
from powerkit.validation import SchemaError, SchemaValidationError, compile_schema, validate


def failure(data: Any, schema: Any) -> SchemaValidationError:
    with pytest.raises(SchemaValidationError) as caught:
        validate(data, schema)
    return caught.value


def test_message_names_path_rule_value_and_fix() -> None:
    """The message is one line with the JSON path, the reason, the rule and the value."""
    error = failure(
        {"order": {"qty": -2}}, {"properties": {"order": {"properties": {"qty": {"minimum": 0}}}}}
    )
    assert str(error) == (
        "Event failed schema validation at $.order.qty: must be bigger than or equal to 0 "
        "(rule 'minimum', value -2); send data that matches the schema, or relax the schema."
    )
    assert (error.path, error.rule, error.value) == ("$.order.qty", "minimum", -2)
    assert error.reason == "must be bigger than or equal to 0"
    assert isinstance(error, SchemaError)
    assert isinstance(error, PowerkitError)
    assert isinstance(error, ValueError)


def test_array_indexes_and_odd_keys_in_the_path() -> None:
    """List positions use [i]; keys that are not identifiers are quoted."""
    schema = {"properties": {"line items": {"items": {"properties": {"1": {"type": "string"}}}}}}
    error = failure({"line items": [{"1": "a"}, {"1": 5}]}, schema)
    assert error.path == '$["line items"][1]["1"]'


def test_digit_keys_of_objects_are_not_taken_for_indexes() -> None:
    """A key made of digits in an object is a key, not a list index."""
    error = failure({"7": "x"}, {"properties": {"7": {"type": "integer"}}})
    assert error.path == '$["7"]'


def test_root_failure_has_path_dollar() -> None:
    """A failure of the whole document is reported at ``$``."""
    error = failure("text", {"type": "object"})
    assert error.path == "$"
    assert str(error).startswith("Event failed schema validation at $: must be object")


def test_required_failure_hides_sensitive_values() -> None:
    """Values under password/token-like keys never appear in the error."""
    error = failure(
        {"user": "ann", "Password": "hunter2", "api_key": "k-123", "nested": {"authToken": "t"}},
        {"required": ["email"]},
    )
    assert error.rule == "required"
    assert error.value == {
        "user": "ann",
        "Password": "***",
        "api_key": "***",
        "nested": {"authToken": "***"},
    }
    assert "hunter2" not in str(error)
    assert "k-123" not in str(error)


def test_failing_value_under_a_sensitive_key_is_hidden() -> None:
    """When the failing value itself sits under a sensitive key, it is shown as ***."""
    error = failure(
        {"credentials": {"secret": "abcdefgh"}},
        {"properties": {"credentials": {"properties": {"secret": {"minLength": 20}}}}},
    )
    assert error.value == "***"
    assert "abcdefgh" not in str(error)
    assert error.path == "$.credentials.secret"


def test_long_values_are_truncated() -> None:
    """Long strings and lists are cut in .value and the message stays short."""
    error = failure({"a": "x" * 500}, {"properties": {"a": {"maxLength": 3}}})
    assert error.value == "x" * 79 + "…"
    many = failure({"a": list(range(100))}, {"properties": {"a": {"maxItems": 3}}})
    assert many.value == [*range(10), "… 90 more items"]
    assert len(str(many)) < 260


@given(key=st.text(min_size=1, max_size=10), value=st.text())
def test_message_is_always_one_line(key: str, value: str) -> None:
    """Whatever the data, the message has no newline."""
    schema = compile_schema({"additionalProperties": {"type": "integer"}})
    with pytest.raises(SchemaValidationError) as caught:
        schema({key: value})
    assert "\n" not in str(caught.value)


def test_response_failures_say_response() -> None:
    """The subject of the message is what was validated."""
    with pytest.raises(SchemaValidationError, match=r"^Response failed schema validation at"):
        compile_schema({"type": "object"}).validate([], subject="response")
