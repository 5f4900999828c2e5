"""The shared ``query`` function: caching, custom functions, aliases and errors."""

from __future__ import annotations

import base64
import gzip
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit import PowerkitError
from powerkit.jmespath import JMESPathError, compile_expression, query

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=10,
)


def test_compiled_expressions_are_cached() -> None:
    """Compiling the same expression twice returns the same parsed object."""
    assert compile_expression("a.b[0]") is compile_expression("a.b[0]")


def test_query_selects_with_plain_jmespath() -> None:
    """Plain JMESPath works unchanged."""
    assert query({"a": [{"b": 1}, {"b": 2}]}, "a[*].b") == [1, 2]


@pytest.mark.parametrize("prefix", ["powerkit", "powertools"])
def test_json_function_and_alias_parse_json(prefix: str) -> None:
    """powerkit_json and its powertools_json alias parse a JSON string."""
    assert query({"body": '{"x": [1, 2]}'}, f"{prefix}_json(body).x") == [1, 2]


@given(text=st.text())
def test_base64_round_trips_any_text(text: str) -> None:
    """powerkit_base64 returns exactly the text that was encoded."""
    data = {"d": base64.b64encode(text.encode()).decode()}
    assert query(data, "powerkit_base64(d)") == text
    assert query(data, "powertools_base64(d)") == text


@given(text=st.text())
def test_base64_gzip_round_trips_any_text(text: str) -> None:
    """powerkit_base64_gzip returns exactly the text that was gzipped and encoded."""
    data = {"d": base64.b64encode(gzip.compress(text.encode())).decode()}
    assert query(data, "powerkit_base64_gzip(d)") == text
    assert query(data, "powertools_base64_gzip(d)") == text


@given(value=json_values)
def test_json_of_base64_round_trips_json_values(value: object) -> None:
    """Nested functions decode base64 then JSON back to the original value."""
    data = {"d": base64.b64encode(json.dumps(value).encode()).decode()}
    assert query(data, "powerkit_json(powerkit_base64(d))") == value


def test_invalid_expression_error_names_the_expression() -> None:
    """A syntax error is a JMESPathError naming the expression and the reason."""
    with pytest.raises(JMESPathError) as caught:
        query({}, "Records[*.body")
    assert caught.value.expression == "Records[*.body"
    assert str(caught.value).startswith("JMESPath expression 'Records[*.body' failed: invalid")
    assert isinstance(caught.value, PowerkitError)
    assert isinstance(caught.value, ValueError)


def test_bad_json_error_names_the_expression_and_reason() -> None:
    """Decoding a non-JSON string says which expression and function failed."""
    with pytest.raises(JMESPathError) as caught:
        query({"body": "not json"}, "powerkit_json(body)")
    message = str(caught.value)
    assert message.startswith("JMESPath expression 'powerkit_json(body)' failed: ")
    assert "powerkit_json: value is not valid JSON" in message


def test_bad_base64_error_names_the_function() -> None:
    """Decoding invalid base64 names powerkit_base64 in the reason."""
    with pytest.raises(JMESPathError, match="powerkit_base64: value is not base64"):
        query({"d": "***"}, "powerkit_base64(d)")


def test_bad_gzip_error_names_the_function() -> None:
    """Decoding base64 that is not gzip names powerkit_base64_gzip in the reason."""
    data = {"d": base64.b64encode(b"plain").decode()}
    with pytest.raises(JMESPathError, match="powerkit_base64_gzip: value is not base64 of gzip"):
        query(data, "powerkit_base64_gzip(d)")


def test_wrong_argument_type_is_a_jmespath_error() -> None:
    """Passing a number to powerkit_json is reported, not a TypeError from deep inside."""
    with pytest.raises(JMESPathError, match=r"'powerkit_json\(n\)' failed: .*invalid type"):
        query({"n": 1}, "powerkit_json(n)")
