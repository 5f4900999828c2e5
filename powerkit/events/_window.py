"""Tumbling-window fields shared by Kinesis and DynamoDB Streams events."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper


class StreamWindow(DictWrapper):
    """The tumbling window of an aggregation invocation (``window``)."""

    __slots__ = ()

    @property
    def start(self) -> str:
        """ISO 8601 start of the window (``start``)."""
        return self._str("start")

    @property
    def end(self) -> str:
        """ISO 8601 end of the window (``end``)."""
        return self._str("end")


class TumblingWindowMixin(DictWrapper):
    """Fields present when the event source mapping has a tumbling window.

    All of them are None for ordinary (non-window) invocations.
    """

    __slots__ = ()

    @property
    def window(self) -> StreamWindow | None:
        """The window this invocation aggregates (``window``)."""
        value = self._data.get("window")
        return None if value is None else StreamWindow(value, (self, "window"))

    @property
    def state(self) -> dict[str, Any] | None:
        """The state your previous invocation returned for this window (``state``)."""
        value: dict[str, Any] | None = self._data.get("state")
        return value

    @property
    def shard_id(self) -> str | None:
        """The shard the window belongs to (``shardId``)."""
        return self._opt_str("shardId")

    @property
    def event_source_arn(self) -> str | None:
        """The stream ARN (``eventSourceARN``, top level of window events only)."""
        return self._opt_str("eventSourceARN")

    @property
    def is_final_invoke_for_window(self) -> bool | None:
        """True on the last invocation of the window (``isFinalInvokeForWindow``)."""
        value: bool | None = self._data.get("isFinalInvokeForWindow")
        return value

    @property
    def is_window_terminated_early(self) -> bool | None:
        """True when the window ended early, e.g. the state grew too big."""
        value: bool | None = self._data.get("isWindowTerminatedEarly")
        return value
