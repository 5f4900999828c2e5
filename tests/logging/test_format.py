"""The formatter on its own: timestamps, and use on a plain ``logging`` handler."""

from __future__ import annotations

import io
import json
import logging
from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from powerkit.logging import JsonFormatter, context_keys


@given(st.integers(min_value=0, max_value=4_102_444_800_000))  # 1970 .. 2100, in ms
def test_timestamp_matches_datetime(milliseconds):
    """Timestamps equal datetime's RFC 3339 rendering, truncated to milliseconds."""
    created = milliseconds / 1000 + 0.0002  # inside the millisecond, away from float edges
    expected = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=milliseconds)
    formatter = JsonFormatter("svc")
    assert formatter.timestamp(created) == expected.isoformat(timespec="milliseconds")
    assert formatter.timestamp(created) == formatter.timestamp(created)  # cached path agrees


def test_formatter_works_on_a_plain_stdlib_logger():
    """``JsonFormatter`` on any handler writes powerkit lines, context keys included."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("legacy-app"))
    plain = logging.getLogger("tests.logging.plain")
    plain.addHandler(handler)
    plain.propagate = False
    try:
        with context_keys(job="nightly"):
            plain.warning("disk at %d%%", 91)
    finally:
        plain.removeHandler(handler)
    line = json.loads(stream.getvalue())
    assert list(line) == ["level", "location", "message", "timestamp", "service", "job"]
    assert line["message"] == "disk at 91%"
    assert line["location"].startswith("test_formatter_works_on_a_plain_stdlib_logger:")
