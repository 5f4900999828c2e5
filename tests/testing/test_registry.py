"""EVENT_BUILDERS and build_event: every named source builds a realistic event."""

from __future__ import annotations

import json
import re

import pytest

from powerkit import ConfigError
from powerkit.testing import EVENT_BUILDERS, build_event

EXPECTED = {
    "sqs",
    "sqs-fifo",
    "sns",
    "sns-sqs",
    "s3",
    "s3-eventbridge",
    "eventbridge",
    "apigw-rest",
    "apigw-http",
    "alb",
    "function-url",
    "kinesis",
    "dynamodb",
    "cloudwatch-logs",
}


def test_registry_names_every_source_in_kebab_case() -> None:
    """The registry has exactly the documented kebab-case names, each with a description."""
    assert set(EVENT_BUILDERS) == EXPECTED
    for name, builder in EVENT_BUILDERS.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
        assert builder.name == name
        assert builder.description
        assert "\n" not in builder.description


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_source_builds_json_serialisable_events(name: str) -> None:
    """Every named builder returns a JSON-serialisable event that survives a round trip."""
    event = build_event(name)
    assert json.loads(json.dumps(event)) == event


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_call_builds_a_fresh_event(name: str) -> None:
    """Two calls never return the same event (fresh ids) nor share mutable parts."""
    first, second = build_event(name), build_event(name)
    assert first != second
    first.clear()
    assert build_event(name)


def test_overrides_replace_defaults() -> None:
    """Keyword overrides win over the registry's defaults."""
    event = build_event("sqs", bodies=["only one"], queue_name="q")
    assert [r["body"] for r in event["Records"]] == ["only one"]
    assert event["Records"][0]["eventSourceARN"].endswith(":q")


def test_fifo_source_is_fifo() -> None:
    """``sqs-fifo`` builds FIFO records."""
    record = build_event("sqs-fifo")["Records"][0]
    assert "MessageGroupId" in record["attributes"]


def test_unknown_source_lists_the_known_ones() -> None:
    """An unknown name is a ConfigError naming the valid sources."""
    with pytest.raises(ConfigError, match=r"unknown event source 'sqs2'.*apigw-rest"):
        build_event("sqs2")
