"""``capture_logs()``: the JSON lines powerkit loggers write, parsed, for assertions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class CapturedLogs(list):  # type: ignore[type-arg]
    """The captured lines, as dicts in the order they were written.

    A plain ``list`` of dicts, with helpers for the common assertions.
    """

    def messages(self) -> list[Any]:
        """The ``message`` of each line."""
        return [line.get("message") for line in self]

    def at(self, level: str) -> list[dict[str, Any]]:
        """The lines whose ``level`` is ``level`` (e.g. ``"ERROR"``)."""
        wanted = level.upper()
        return [line for line in self if line.get("level") == wanted]


@contextmanager
def capture_logs() -> Iterator[CapturedLogs]:
    """Capture every line written by powerkit loggers in the block, parsed from JSON.

    Lines are captured instead of written to their stream, from every thread, until the block
    exits. Each item is the dict the line encodes; a line that is not valid JSON (a custom
    ``json_serializer`` gone wrong) is kept as ``{"unparsed": <text>}``.

    Examples:
        >>> with capture_logs() as logs:
        ...     handler(event, lambda_context())
        >>> assert logs[0]["message"] == "order received"
    """
    # Imported here so that `import powerkit.testing` (and the pytest plugin) stay light.
    from powerkit.logging._output import tap

    lines = CapturedLogs()

    def sink(text: str) -> None:
        try:
            lines.append(json.loads(text))
        except ValueError:
            lines.append({"unparsed": text})

    with tap(sink):
        yield lines
