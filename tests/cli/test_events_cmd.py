"""`powerkit events list|show` and built-in event sources for `powerkit invoke`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from powerkit._cli._events_cmd import EventOverrideError, apply_override
from powerkit.testing import EVENT_BUILDERS


def powerkit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "powerkit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_list_names_every_builder_with_its_description() -> None:
    """Each registered source is listed once, with its one-line description."""
    done = powerkit("events", "list")
    assert done.returncode == 0
    listed = {line.split()[0]: line for line in done.stdout.splitlines()}
    assert set(listed) == set(EVENT_BUILDERS)
    for name, builder in EVENT_BUILDERS.items():
        assert builder.description in listed[name]


@pytest.mark.parametrize("source", sorted(EVENT_BUILDERS))
def test_show_prints_the_builders_event_as_json(source: str) -> None:
    """`show` prints valid JSON with the same keys as the builder's own event."""
    done = powerkit("events", "show", source)
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)) == set(EVENT_BUILDERS[source]())


def test_show_applies_set_overrides_keeping_string_fields_strings() -> None:
    """--set keeps text for string fields (an SQS body) and parses JSON for the others."""
    done = powerkit(
        "events",
        "show",
        "sqs",
        "--set",
        'Records.0.body={"order_id": "o-9"}',
        "--set",
        "Records.1.body=plain",
    )
    event = json.loads(done.stdout)
    assert event["Records"][0]["body"] == '{"order_id": "o-9"}'
    assert event["Records"][1]["body"] == "plain"
    done = powerkit(
        "events", "show", "sqs", "--set", "Records.0.attributes={}", "--set", "extra=[1, 2]"
    )
    event = json.loads(done.stdout)
    assert event["Records"][0]["attributes"] == {}
    assert event["extra"] == [1, 2]


def test_unknown_source_is_a_clear_error() -> None:
    """A typo lists the sources that exist and exits 2."""
    done = powerkit("events", "show", "sqss")
    assert done.returncode == 2
    assert "unknown event source 'sqss'" in done.stderr


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("Records.9.body=x", "is a list of 1 item(s); '9' is not an index in it"),
        ("novalue", "must look like path.to.field=value"),
        ("a.b.c=1", "a.b is not an object or list"),
    ],
)
def test_bad_overrides_say_what_does_not_fit(assignment: str, message: str) -> None:
    """Paths that do not fit the event are reported with the path."""
    event: dict[str, Any] = {"Records": [{"body": ""}], "a": {"b": 5}}
    with pytest.raises(EventOverrideError, match=message.replace("(", r"\(").replace(")", r"\)")):
        apply_override(event, assignment)


def test_invoke_accepts_a_builtin_source(tmp_path: Path) -> None:
    """`--event sqs` hands the handler the builder's SQS event."""
    (tmp_path / "app.py").write_text(
        "def handler(event, context):\n    return [r['messageId'] for r in event['Records']]\n"
    )
    done = powerkit("invoke", "app.py:handler", "--event", "sqs", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stderr.strip().splitlines()[-1])
    assert len(summary["result"]) == 2
