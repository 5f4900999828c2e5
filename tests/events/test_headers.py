"""Case-insensitive headers and cookie parsing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit.events import Headers
from powerkit.events._headers import parse_cookies

# Header names are ASCII tokens; their case is what varies between front doors.
names = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789", min_size=1
)


@settings(max_examples=60)
@given(st.dictionaries(names, st.text(), min_size=1, max_size=8), st.data())
def test_any_case_reads_the_same_header(raw: dict[str, str], data: st.DataObject) -> None:
    """Looking a header up in any letter case finds it, when names differ by more than case."""
    lowered: dict[str, str] = {}
    for name, value in raw.items():
        lowered.setdefault(name.lower(), value)
    unique = {name: value for name, value in raw.items() if lowered[name.lower()] == value}
    headers = Headers(unique)
    for name, value in unique.items():
        spelled = "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in name)
        if sum(1 for other in unique if other.lower() == name.lower()) == 1:
            assert headers[spelled] == value
            assert spelled in headers
            assert headers.get(spelled) == value


@given(st.dictionaries(names, st.text()))
def test_absent_header_reads_default(raw: dict[str, str]) -> None:
    """A header that is not there gives the default from get and KeyError from []."""
    headers = Headers(raw)
    missing = "x-not-sent-" + "a" * 40
    assert headers.get(missing, "dflt") == "dflt"
    with pytest.raises(KeyError):
        headers[missing]


def test_list_values_are_joined_and_get_all_splits() -> None:
    """List values (multi-value maps) read joined with commas; get_all returns them."""
    headers = Headers({"Accept": ["a", "b"]})
    assert headers["accept"] == "a,b"
    assert headers.get_all("ACCEPT") == ["a", "b"]
    assert headers.get_all("missing") == []


def test_multi_value_map_wins_for_get_all() -> None:
    """With both maps, get_all reads the multi-value map (API Gateway REST)."""
    headers = Headers({"X-A": "2"}, {"X-A": ["1", "2"]})
    assert headers["x-a"] == "2"
    assert headers.get_all("x-a") == ["1", "2"]


def test_only_multi_value_map_is_enough() -> None:
    """ALB with multi-value headers sends only the multi map; it serves both reads."""
    headers = Headers(None, {"host": ["h"]})
    assert headers["Host"] == "h"
    assert list(headers) == ["host"]
    assert len(headers) == 1


def test_wrapping_does_not_copy() -> None:
    """A header added to the raw dict later is visible through the view."""
    raw = {"a": "1"}
    headers = Headers(raw)
    raw["b"] = "2"
    assert headers["b"] == "2"


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (["a=1; b=2"], {"a": "1", "b": "2"}),
        (["a=1", "b=x=y"], {"a": "1", "b": "x=y"}),
        (["junk; c=3;"], {"c": "3"}),
        ([], {}),
    ],
)
def test_parse_cookies(pairs: list[str], expected: dict[str, str]) -> None:
    """Cookies split on ';' and the first '='; pieces without '=' are skipped."""
    assert parse_cookies(pairs) == expected
