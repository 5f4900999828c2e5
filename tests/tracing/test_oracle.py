"""The X-Ray oracle in tests/support/xray.py rejects what the XRAY.md rules forbid."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.xray import check_datagram, new_trace_id

TRACE = new_trace_id()
GOOD: dict[str, Any] = {
    "name": "step",
    "id": "70de5b6f19ff9a0a",
    "start_time": 1.7e9,
    "end_time": 1.7e9 + 0.5,
    "type": "subsegment",
    "trace_id": TRACE,
    "parent_id": "53995c3f42cd8ad8",
    "annotations": {"order_id": "o-1", "n": 2, "ok": True},
    "metadata": {"svc": {"k": [1]}},
}


def _datagram(document: dict[str, Any], header: str = '{"format":"json","version":1}') -> bytes:
    return (header + "\n" + json.dumps(document)).encode()


def test_a_valid_independent_subsegment_passes() -> None:
    """The documented shape decodes and passes every rule."""
    assert check_datagram(_datagram(GOOD), trace_ids=(TRACE,)) == GOOD


@pytest.mark.parametrize(
    "change",
    [
        {"id": "70DE5B6F19FF9A0A"},
        {"start_time": 1.7e12},
        {"end_time": 1.0e9},
        {"in_progress": True},
        {"trace_id": "1-581cf771-a006649127e37190"},
        {"parent_id": None},
        {"annotations": {"order id": "o-1"}},
        {"annotations": {"k": [1]}},
        {"metadata": {"AWS.sdk": {"k": 1}}},
        {"fault": "true"},
        {"cause": {"exceptions": [{"id": "x"}]}},
        {"name": "n" * 201},
    ],
)
def test_each_rule_rejects_a_broken_document(change: dict[str, Any]) -> None:
    """Changing one field to break one rule makes the oracle fail."""
    document = {**GOOD, **change}
    with pytest.raises(AssertionError):
        check_datagram(_datagram(document), trace_ids=(TRACE,))


def test_a_foreign_trace_id_is_rejected() -> None:
    """A document of another trace than the one handed out fails."""
    with pytest.raises(AssertionError, match="not in"):
        check_datagram(_datagram(GOOD), trace_ids=(new_trace_id(),))


@pytest.mark.parametrize(
    "header", ['{"format":"xml","version":1}', '{"format":"json","version":2}']
)
def test_a_bad_daemon_header_is_rejected(header: str) -> None:
    """The daemon drops datagrams whose header is not format json, version 1."""
    with pytest.raises(AssertionError):
        check_datagram(_datagram(GOOD, header))


def test_a_datagram_without_newline_is_rejected() -> None:
    """Header and document must be separated by a newline."""
    with pytest.raises(AssertionError, match="newline"):
        check_datagram(json.dumps(GOOD).encode())
