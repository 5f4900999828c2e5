from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from powerkit.testing import lambda_context
from powerkit.tracing import OpenTelemetryProvider, Tracer

# In a real function: BatchSpanProcessor(OTLPSpanExporter()) to your collector; powerkit
# flushes the provider when the handler's span ends, before Lambda freezes the process.
exporter = InMemorySpanExporter()
otel = TracerProvider()
otel.add_span_processor(SimpleSpanProcessor(exporter))

tracer = Tracer(service="orders", provider=OpenTelemetryProvider(tracer_provider=otel))


@tracer.capture_method
def reserve(sku: str) -> int:
    tracer.put_annotation("sku", sku)  # becomes the span attribute "sku"
    return 1


@tracer.capture_lambda_handler
def handler(event: dict, context) -> dict:
    return {"reserved": reserve(event["sku"])}


if __name__ == "__main__":
    handler({"sku": "apple"}, lambda_context())
    for span in exporter.get_finished_spans():
        print(span.name, dict(span.attributes))
