"""``powerkit events list|show``: print events from the test-kit builders."""

from __future__ import annotations

import json
from typing import Any, TextIO

from powerkit._errors import PowerkitError


class EventOverrideError(PowerkitError, ValueError):
    """A ``--set path=value`` does not fit the event."""


def apply_override(event: Any, assignment: str) -> None:
    """Set ``path=value`` in ``event``; path segments are keys or list indexes (``Records.0.body``).

    A field that holds a string keeps a string (so ``--set Records.0.body='{"id": 1}'`` sets
    the JSON text an SQS body carries); otherwise the value is parsed as JSON when it is valid
    JSON, else taken as a string.
    """
    path, sep, raw = assignment.partition("=")
    if not sep or not path:
        raise EventOverrideError(f"--set {assignment!r} must look like path.to.field=value")
    try:
        parsed: Any = json.loads(raw)
    except ValueError:
        parsed = raw
    keys = path.split(".")
    node = event
    for depth, key in enumerate(keys):
        last = depth == len(keys) - 1
        if isinstance(node, list):
            if not key.isdigit() or int(key) >= len(node):
                raise EventOverrideError(
                    f"--set {path}: {'.'.join(keys[:depth]) or 'the event'} is a list of "
                    f"{len(node)} item(s); {key!r} is not an index in it"
                )
            if last:
                node[int(key)] = raw if isinstance(node[int(key)], str) else parsed
            else:
                node = node[int(key)]
        elif isinstance(node, dict):
            if last:
                node[key] = raw if isinstance(node.get(key), str) else parsed
            else:
                node = node.setdefault(key, {})
        else:
            raise EventOverrideError(
                f"--set {path}: {'.'.join(keys[:depth])} is not an object or list"
            )


def list_sources(out: TextIO) -> int:
    from powerkit.testing import EVENT_BUILDERS

    width = max(len(name) for name in EVENT_BUILDERS)
    for name, builder in sorted(EVENT_BUILDERS.items()):
        out.write(f"{name.ljust(width)}  {builder.description}\n")
    return 0


def show_source(name: str, assignments: list[str], out: TextIO) -> int:
    from powerkit.testing import build_event

    event = build_event(name)
    for assignment in assignments:
        apply_override(event, assignment)
    out.write(json.dumps(event, indent=2, ensure_ascii=False) + "\n")
    return 0
