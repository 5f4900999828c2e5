"""Both tracing back ends behind one test double: ``backend`` records what was really emitted.

``backend`` is parametrised over the providers. For X-Ray it reads the UDP datagrams the SDK
sent to the ``xray_daemon`` socket (each checked against the XRAY.md oracle); for
OpenTelemetry it reads the SDK's in-memory span exporter. Both are normalised to
:class:`Span` so one behavioural suite asserts the same facts on both.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from powerkit.tracing import OpenTelemetryProvider, Tracer, TracingProvider, XRayProvider
from tests.support.xray import XRayDaemon


@dataclass
class Span:
    """One finished span, whichever provider emitted it."""

    name: str
    id: str
    parent_id: str
    trace_id: str
    annotations: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)
    fault: bool = False
    error_type: str | None = None
    error_message: str | None = None


class Backend:
    """Makes Tracers bound to one provider and returns what they emitted."""

    kind: str
    daemon: XRayDaemon

    def provider(self) -> TracingProvider:
        raise NotImplementedError

    def spans(self, count: int | None = None) -> list[Span]:
        raise NotImplementedError

    def tracer(self, **options: Any) -> Tracer:
        options.setdefault("service", "orders")
        options.setdefault("auto_patch", False)
        return Tracer(provider=self.provider(), **options)

    def by_name(self, count: int | None = None) -> dict[str, Span]:
        spans = self.spans(count)
        named = {span.name: span for span in spans}
        assert len(named) == len(spans), f"span names are not unique: {[s.name for s in spans]}"
        return named


class XRayBackend(Backend):
    kind = "xray"

    def __init__(self, daemon: XRayDaemon) -> None:
        self.daemon = daemon

    def provider(self) -> TracingProvider:
        return XRayProvider()

    def spans(self, count: int | None = None) -> list[Span]:
        spans: list[Span] = []
        causes: dict[str, tuple[str, str]] = {}
        documents = self.daemon.documents(count)
        for document in documents:
            _flatten(document, document["parent_id"], document["trace_id"], spans, causes)
        for span in spans:
            if span.error_type is None and span.error_message in causes:
                span.error_type, span.error_message = causes[span.error_message]
        return spans


def _flatten(
    document: dict[str, Any],
    parent_id: str,
    trace_id: str,
    out: list[Span],
    causes: dict[str, tuple[str, str]],
) -> None:
    span = Span(
        name=document["name"],
        id=document["id"],
        parent_id=parent_id,
        trace_id=trace_id,
        annotations=document.get("annotations", {}),
        metadata=document.get("metadata", {}),
        fault=document.get("fault", False),
    )
    cause = document.get("cause")
    if isinstance(cause, dict) and cause.get("exceptions"):
        first = cause["exceptions"][0]
        span.error_type, span.error_message = first["type"], first.get("message")
        causes[first["id"]] = (first["type"], first.get("message", ""))
    elif isinstance(cause, str):
        span.error_message = cause  # an exception recorded on a child: resolved by the caller
    out.append(span)
    for child in document.get("subsegments", []):
        _flatten(child, document["id"], trace_id, out, causes)


class OTelBackend(Backend):
    kind = "otel"

    def __init__(self, daemon: XRayDaemon) -> None:
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import SimpleSpanProcessor
        from opentelemetry.sdk.trace.export.in_memory_span_exporter import (
            InMemorySpanExporter,
        )

        self.daemon = daemon
        self.exporter = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.exporter))

    def provider(self) -> TracingProvider:
        return OpenTelemetryProvider(tracer_provider=self.tracer_provider)

    def spans(self, count: int | None = None) -> list[Span]:
        finished = self.exporter.get_finished_spans()
        self.exporter.clear()
        if count is not None:
            assert len(finished) == count, [s.name for s in finished]
        return [_from_otel(span) for span in finished]


def _decode(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("{", "["):
        return json.loads(value)
    return value


def _from_otel(span: Any) -> Span:
    trace_hex = f"{span.context.trace_id:032x}"
    annotations: dict[str, Any] = {}
    metadata: dict[str, dict[str, Any]] = {}
    for key, value in (span.attributes or {}).items():
        if key.startswith("metadata."):
            namespace, _, name = key[len("metadata.") :].partition(".")
            metadata.setdefault(namespace, {})[name] = _decode(value)
        else:
            annotations[key] = value
    result = Span(
        name=span.name,
        id=f"{span.context.span_id:016x}",
        parent_id=f"{span.parent.span_id:016x}" if span.parent else "",
        trace_id=f"1-{trace_hex[:8]}-{trace_hex[8:]}",
        annotations=annotations,
        metadata=metadata,
        fault=span.status.status_code.name == "ERROR",
    )
    for event in span.events:
        if event.name == "exception":
            result.error_type = str(event.attributes["exception.type"]).rpartition(".")[2]
            result.error_message = str(event.attributes["exception.message"])
    return result


@pytest.fixture(params=["xray", "otel"])
def backend(request: pytest.FixtureRequest, xray_daemon: XRayDaemon) -> Backend:
    """A Lambda-like environment and one provider; ``.spans()`` returns what it emitted."""
    factories: dict[str, Callable[[XRayDaemon], Backend]] = {
        "xray": XRayBackend,
        "otel": OTelBackend,
    }
    return factories[request.param](xray_daemon)
