"""OpenTelemetry specifics: joining the Lambda trace, nesting under foreign spans, flushing."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from powerkit.testing import lambda_context
from powerkit.tracing import OpenTelemetryProvider, Tracer
from powerkit.tracing._otel import parse_trace_header
from tests.support.xray import XRayDaemon


def _hex(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789abcdef", min_size=n, max_size=n)


@given(_hex(8), _hex(24), _hex(16), st.sampled_from(["0", "1", "?"]), st.booleans())
def test_trace_header_maps_onto_otel_ids(
    epoch: str, random: str, parent: str, sampled: str, extra: bool
) -> None:
    """Root's 32 hex digits are the trace id, Parent the span id; other keys are ignored."""
    header = f"Root=1-{epoch}-{random};Parent={parent};Sampled={sampled}"
    if extra:
        header += ";Lineage=a87bd80c:1|68fd508a:5"
    parsed = parse_trace_header(header)
    if int(epoch + random, 16) == 0 or int(parent, 16) == 0:
        assert parsed is None
    else:
        assert parsed == (int(epoch + random, 16), int(parent, 16), sampled == "1")


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "garbage",
        "Root=1-abc-def;Parent=53995c3f42cd8ad8;Sampled=1",
        "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
        "Root=1-5759e988-bd862e3fe1be46a99427279Z;Parent=53995c3f42cd8ad8",
        "Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8",
    ],
)
def test_malformed_headers_are_treated_as_absent(header: str | None) -> None:
    """A header without a valid Root and Parent gives no parent (and no error)."""
    assert parse_trace_header(header) is None


class _Recorder:
    def __init__(self, **options: Any) -> None:
        self.exporter = InMemorySpanExporter()
        self.provider = TracerProvider(**options)
        self.provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        self.flushes = 0
        flush = self.provider.force_flush

        def counting_flush(timeout_millis: int = 30000) -> bool:
            self.flushes += 1
            return flush(timeout_millis)

        self.provider.force_flush = counting_flush  # type: ignore[method-assign]

    def tracer(self, **options: Any) -> Tracer:
        return Tracer(provider=OpenTelemetryProvider(self.provider, **options), auto_patch=False)


def test_spans_nest_under_a_span_opened_by_other_instrumentation(xray_daemon: XRayDaemon) -> None:
    """With an OpenTelemetry span already current, traced functions become its children."""
    recorder = _Recorder()
    tracer = recorder.tracer()

    @tracer.capture_method
    def step() -> None:
        return None

    with recorder.provider.get_tracer("app").start_as_current_span("outer") as outer:
        step()
    inner, _ = recorder.exporter.get_finished_spans()
    assert inner.parent is not None
    assert inner.parent.span_id == outer.get_span_context().span_id
    assert inner.context.trace_id == outer.get_span_context().trace_id


def test_each_invocation_joins_its_own_lambda_trace(xray_daemon: XRayDaemon) -> None:
    """A new _X_AMZN_TRACE_ID per invocation gives each invocation's spans that trace id."""
    recorder = _Recorder()
    tracer = recorder.tracer()

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> None:
        return None

    roots = []
    for _ in range(3):
        roots.append(xray_daemon.new_trace().split(";")[0].removeprefix("Root=1-"))
        handler({}, lambda_context())
    trace_ids = [f"{s.context.trace_id:032x}" for s in recorder.exporter.get_finished_spans()]
    assert trace_ids == [root.replace("-", "") for root in roots]


def test_unsampled_lambda_trace_records_nothing_with_a_parent_based_sampler(
    xray_daemon: XRayDaemon,
) -> None:
    """Sampled=0 is carried as the parent's flag, so the default sampler drops the spans."""
    xray_daemon.new_trace(sampled=False)
    recorder = _Recorder()
    tracer = recorder.tracer()

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> str:
        tracer.put_annotation("k", "v")
        return "ok"

    assert handler({}, lambda_context()) == "ok"
    assert recorder.exporter.get_finished_spans() == ()


def test_without_a_lambda_trace_spans_start_a_new_trace(xray_daemon: XRayDaemon) -> None:
    """With no usable trace header the handler span is a root span of a fresh trace."""
    xray_daemon.monkeypatch.delenv("_X_AMZN_TRACE_ID")
    recorder = _Recorder()
    tracer = recorder.tracer()
    with tracer.subsegment("alone"):
        pass
    (span,) = recorder.exporter.get_finished_spans()
    assert span.parent is None


@pytest.mark.parametrize("flush", [True, False])
def test_provider_is_flushed_when_the_handler_span_ends(
    xray_daemon: XRayDaemon, flush: bool
) -> None:
    """The tracer provider is flushed once per invocation (after the top-level span), if asked."""
    recorder = _Recorder()
    tracer = recorder.tracer(flush=flush)

    @tracer.capture_method
    def step() -> int:
        return 1

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> int:
        return step() + step()

    handler({}, lambda_context())
    handler({}, lambda_context())
    assert recorder.flushes == (2 if flush else 0)


def test_default_tracer_provider_is_the_global_one(
    xray_daemon: XRayDaemon, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without tracer_provider=, spans go to opentelemetry.trace.get_tracer_provider()."""
    from opentelemetry import trace

    recorder = _Recorder()
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: recorder.provider)
    tracer = Tracer(provider=OpenTelemetryProvider(), auto_patch=False)
    with tracer.subsegment(f"span-{secrets.token_hex(2)}") as span:
        span.put_metadata("k", [1, 2], "ns")
    (finished,) = recorder.exporter.get_finished_spans()
    assert finished.attributes == {"metadata.ns.k": "[1, 2]"}
