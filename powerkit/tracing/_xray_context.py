"""An X-Ray SDK context for Lambda that keeps open subsegments in a ``ContextVar``.

The SDK's own Lambda context keeps them in a ``threading.local`` list, so tasks running
concurrently on one event loop push and pop each other's subsegments and end up with the
wrong parents. Here each thread or task sees its own immutable tuple of open subsegments
(copied into new tasks by asyncio), and a subsegment is removed by identity when it ends, so
a generator ended late cannot pop somebody else's subsegment.

This module imports aws_xray_sdk; it is only imported by `XRayProvider` at first use.
"""

from __future__ import annotations

import contextvars
import logging
from typing import Any

from aws_xray_sdk import global_sdk_config
from aws_xray_sdk.core import xray_recorder
from aws_xray_sdk.core.context import Context
from aws_xray_sdk.core.models.dummy_entities import DummySegment, DummySubsegment
from aws_xray_sdk.core.models.facade_segment import FacadeSegment
from aws_xray_sdk.core.models.subsegment import Subsegment
from aws_xray_sdk.core.models.trace_header import TraceHeader

from powerkit import _config

_log = logging.getLogger("powerkit.tracing")

_open: contextvars.ContextVar[tuple[Any, ...]] = contextvars.ContextVar(
    "powerkit_xray_open_subsegments", default=()
)


def _facade_for(header: str | None) -> Any:
    """The never-sent segment standing for the one Lambda records for this invocation."""
    parsed = TraceHeader.from_header_str(header)
    if not parsed.root or not parsed.parent or parsed.sampled is None:
        return DummySegment()
    return FacadeSegment(
        name="facade", traceid=parsed.root, entityid=parsed.parent, sampled=parsed.sampled == 1
    )


class ContextVarLambdaContext(Context):  # type: ignore[misc]
    """The X-Ray SDK ``Context`` interface over a ``ContextVar`` and ``_X_AMZN_TRACE_ID``."""

    def __init__(self) -> None:
        super().__init__(context_missing="LOG_ERROR")
        self._facade: tuple[str | None, Any] = (None, None)

    def _segment(self) -> Any:
        header = _config.trace_header()
        cached_header, facade = self._facade
        if facade is None or cached_header != header:
            facade = _facade_for(header)
            self._facade = (header, facade)  # one tuple, so threads never see a torn pair
        return facade

    def get_trace_entity(self) -> Any:
        segment = self._segment()
        stack = _open.get()
        if stack:
            top = stack[-1]
            if top.parent_segment is segment:
                return top
            _open.set(())  # left open by an earlier invocation: never parent on it
        return segment

    def begin(self, name: str) -> Any:
        """Open a subsegment under the current entity (what ``begin_subsegment`` does, with one
        look-up of the trace header instead of three)."""
        parent = self.get_trace_entity()
        segment = parent.parent_segment if self._is_subsegment(parent) else parent
        if parent.sampled and global_sdk_config.sdk_enabled():
            subsegment = Subsegment(name, "local", segment)
            parent.add_subsegment(subsegment)
        else:
            subsegment = DummySubsegment(segment, name)
            subsegment.parent_id = parent.id
        _open.set((*_open.get(), subsegment))
        return subsegment

    def current_subsegment(self) -> Any:
        stack = _open.get()
        return stack[-1] if stack else None

    def put_subsegment(self, subsegment: Any) -> None:
        parent = self.get_trace_entity()
        if subsegment.sampled:
            parent.add_subsegment(subsegment)
        else:
            # never attach unsampled placeholders: nothing would ever stream them away
            subsegment.parent_id = parent.id
        _open.set((*_open.get(), subsegment))

    def end_subsegment(self, end_time: float | None = None) -> bool:
        entity = self.get_trace_entity()
        if not self._is_subsegment(entity):
            return False
        entity.close(end_time)
        _open.set(_open.get()[:-1])
        return True

    def end_entity(self, subsegment: Any) -> None:
        """Close ``subsegment``, forget it, and stream whatever subtree is now complete."""
        subsegment.close()
        stack = _open.get()
        if stack and stack[-1] is subsegment:
            _open.set(stack[:-1])
        elif subsegment in stack:
            _open.set(tuple(entity for entity in stack if entity is not subsegment))
        segment = subsegment.parent_segment
        streaming = xray_recorder.streaming
        if subsegment.sampled and streaming.is_eligible(segment):
            streaming.stream(segment, _send)

    def set_trace_entity(self, trace_entity: Any) -> None:
        _open.set((trace_entity,) if self._is_subsegment(trace_entity) else ())

    def clear_trace_entities(self) -> None:
        _open.set(())

    def put_segment(self, segment: Any) -> None:
        _log.warning("Lambda records the function's segment; segment %r discarded", segment.name)

    def end_segment(self, end_time: float | None = None) -> None:
        _log.warning("Lambda ends the function's segment itself; end_segment ignored")

    def handle_context_missing(self) -> None:
        return None

    @property
    def context_missing(self) -> None:
        return None

    @context_missing.setter
    def context_missing(self, value: Any) -> None:
        pass


def _send(entity: Any) -> None:
    if entity.sampled:
        xray_recorder.emitter.send_entity(entity)


def install(daemon_address: str | None) -> tuple[Any, ContextVarLambdaContext]:
    """Point the global recorder at the daemon and give it a ContextVar context (once)."""
    context = xray_recorder.context
    if not isinstance(context, ContextVarLambdaContext):
        context = ContextVarLambdaContext()
        # Lambda streams every finished subsegment on its own: threshold 0
        xray_recorder.configure(context=context, streaming_threshold=0)
    if daemon_address:
        xray_recorder.emitter.set_daemon_address(daemon_address)
    return xray_recorder, context
