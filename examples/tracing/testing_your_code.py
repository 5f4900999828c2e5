"""Assert on your spans in unit tests: an OpenTelemetry in-memory exporter, tracing forced on."""

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from powerkit.testing import lambda_context
from powerkit.tracing import OpenTelemetryProvider, Tracer


def make_handler(tracer: Tracer):
    @tracer.capture_lambda_handler
    def handler(event: dict, context) -> str:
        tracer.put_annotation("customer", event["customer"])
        return "ok"

    return handler


def test_handler_annotates_the_customer() -> None:
    exporter = InMemorySpanExporter()
    otel = TracerProvider()
    otel.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = Tracer(disabled=False, provider=OpenTelemetryProvider(tracer_provider=otel))

    assert make_handler(tracer)({"customer": "c-1"}, lambda_context()) == "ok"

    (span,) = exporter.get_finished_spans()
    assert span.attributes["customer"] == "c-1"
    assert span.attributes["ColdStart"] in (True, False)


def test_handler_works_with_tracing_off() -> None:
    tracer = Tracer(disabled=True)  # what your tests get by default outside Lambda
    assert make_handler(tracer)({"customer": "c-1"}, lambda_context()) == "ok"


if __name__ == "__main__":
    test_handler_annotates_the_customer()
    test_handler_works_with_tracing_off()
    print("2 passed")
