"""The OpenTelemetry provider (extra ``otel``): spans joined to the Lambda trace.

Spans carry the same names as X-Ray subsegments; annotations become span attributes and
metadata become attributes named ``metadata.<namespace>.<key>`` (JSON text for values that
are not a string, number or boolean). A span with no OpenTelemetry parent is parented on the
Lambda segment named by ``_X_AMZN_TRACE_ID``, whose X-Ray trace id maps one to one onto a
128-bit OpenTelemetry trace id, so the spans join the trace Lambda started.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from powerkit import _config
from powerkit._extras import require
from powerkit.tracing._provider import AnnotationValue

_FEATURE = "Tracer (OpenTelemetry provider)"
_HEX = frozenset("0123456789abcdef")


def parse_trace_header(header: str | None) -> tuple[int, int, bool] | None:
    """``(trace_id, parent_span_id, sampled)`` from an X-Ray trace header, or None.

    A malformed header is treated as absent, as the X-Ray SDKs do.
    """
    if not header:
        return None
    fields: dict[str, str] = {}
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        fields[key] = value
    root = fields.get("Root", "")
    parent = fields.get("Parent", "")
    if (
        len(root) != 35
        or root[:2] != "1-"
        or root[10] != "-"
        or not _HEX.issuperset(root[2:10] + root[11:])
        or len(parent) != 16
        or not _HEX.issuperset(parent)
    ):
        return None
    trace_id, span_id = int(root[2:10] + root[11:], 16), int(parent, 16)
    if not trace_id or not span_id:
        return None
    return trace_id, span_id, fields.get("Sampled") == "1"


class OTelSpan:
    """A `TraceSpan` over an OpenTelemetry span."""

    __slots__ = ("parent_context", "root", "span")

    def __init__(self, span: Any, parent_context: Any, *, root: bool = False) -> None:
        self.span = span
        self.parent_context = parent_context
        self.root = root  # parented on the Lambda segment: the end of this invocation's tree

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        self.span.set_attribute(key, value)

    def put_metadata(self, key: str, value: Any, namespace: str) -> None:
        if not isinstance(value, (str, bool, int, float)):
            import json

            value = json.dumps(value, default=str)
        self.span.set_attribute(f"metadata.{namespace}.{key}", value)


class OpenTelemetryProvider:
    """Trace through the OpenTelemetry API.

    Args:
        tracer_provider: the ``TracerProvider`` to create spans with; by default the global
            one (``opentelemetry.trace.get_tracer_provider()``) at the first span.
        flush: call the tracer provider's ``force_flush()`` when a top-level span (the
            handler's) ends, so batched spans are exported before Lambda freezes the process.
        flush_timeout_ms: how long that flush may take.
    """

    def __init__(
        self, tracer_provider: Any = None, *, flush: bool = True, flush_timeout_ms: int = 2000
    ) -> None:
        self._tracer_provider = tracer_provider
        self._flush = flush
        self._flush_timeout_ms = flush_timeout_ms
        self._tracer: Any = None
        self._lambda_parent: tuple[str | None, Any] = (None, None)

    def _setup(self) -> Any:
        trace = require("opentelemetry.trace", extra="otel", feature=_FEATURE)
        from opentelemetry import context

        self._trace, self._context = trace, context
        provider = self._tracer_provider or trace.get_tracer_provider()
        self._tracer_provider = provider
        self._tracer = provider.get_tracer("powerkit.tracing")
        return self._tracer

    def _parent_from_lambda(self) -> Any:
        header = _config.trace_header()
        cached_header, parent = self._lambda_parent
        if parent is None or cached_header != header:
            trace = self._trace
            parsed = parse_trace_header(header)
            if parsed is None:
                parent = self._context.Context()
            else:
                trace_id, span_id, sampled = parsed
                flags = trace.TraceFlags(trace.TraceFlags.SAMPLED if sampled else 0)
                remote = trace.SpanContext(trace_id, span_id, is_remote=True, trace_flags=flags)
                parent = trace.set_span_in_context(trace.NonRecordingSpan(remote))
            self._lambda_parent = (header, parent)
        return parent

    def start_span(self, name: str) -> OTelSpan:
        """Start a span under the current OpenTelemetry span, or under the Lambda segment."""
        tracer = self._tracer if self._tracer is not None else self._setup()
        trace, context = self._trace, self._context
        previous = parent = context.get_current()
        root = not trace.get_current_span(parent).get_span_context().is_valid
        if root:
            parent = self._parent_from_lambda()
        span = tracer.start_span(name, context=parent)
        context.attach(trace.set_span_in_context(span, parent))
        return OTelSpan(span, previous, root=root)

    def end_span(self, span: OTelSpan) -> None:
        """End the span and make its parent current again (when it is still the current one)."""
        if self._trace.get_current_span() is span.span:
            # attach, not detach: the span may end in another context than it started in
            # (a generator resumed by another task), where a token reset would fail
            self._context.attach(span.parent_context)
        span.span.end()
        if span.root and self._flush:
            flush = getattr(self._tracer_provider, "force_flush", None)
            if flush is not None:
                flush(self._flush_timeout_ms)

    def current_span(self) -> OTelSpan | None:
        """The current OpenTelemetry span, when it is recording."""
        if self._tracer is None:
            return None
        span = self._trace.get_current_span()
        return OTelSpan(span, None) if span.is_recording() else None

    def record_error(self, span: OTelSpan, error: BaseException, *, details: bool) -> None:
        """Set the span's status to ERROR; with ``details`` also record the exception event."""
        status = self._trace.Status
        code = self._trace.StatusCode.ERROR
        if details:
            span.span.record_exception(error)
            span.span.set_status(status(code, f"{type(error).__name__}: {error}"))
        else:
            span.span.set_status(status(code))

    def patch(self, modules: Sequence[str] | None) -> None:
        """No-op: use the OpenTelemetry instrumentation packages to instrument libraries."""

    def ignore_endpoint(self, hostname: str | None, urls: Sequence[str] | None) -> None:
        """No-op: configure exclusions on the OpenTelemetry instrumentation packages."""
