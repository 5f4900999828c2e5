"""Tumbling-window fields shared by Kinesis and DynamoDB Streams events."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._fields import optional, optional_nested, required


class StreamWindow(DictWrapper):
    """The tumbling window of an aggregation invocation (``window``)."""

    __slots__ = ()

    start = required("start", str, "ISO 8601 start of the window (``start``).")

    end = required("end", str, "ISO 8601 end of the window (``end``).")


class TumblingWindowMixin(DictWrapper):
    """Fields present when the event source mapping has a tumbling window.

    All of them are None for ordinary (non-window) invocations.
    """

    __slots__ = ()

    window = optional_nested(
        "window", StreamWindow, "The window this invocation aggregates (``window``)."
    )

    state = optional(
        "state",
        dict[str, Any],
        "The state your previous invocation returned for this window (``state``).",
    )

    shard_id = optional("shardId", str, "The shard the window belongs to (``shardId``).")

    event_source_arn = optional(
        "eventSourceARN",
        str,
        "The stream ARN (``eventSourceARN``, top level of window events only).",
    )

    is_final_invoke_for_window = optional(
        "isFinalInvokeForWindow",
        bool,
        "True on the last invocation of the window (``isFinalInvokeForWindow``).",
    )

    is_window_terminated_early = optional(
        "isWindowTerminatedEarly",
        bool,
        "True when the window ended early, e.g. the state grew too big.",
    )
