"""A provider of your own: four methods, and spans with two."""

from typing import Any

from powerkit.tracing import Tracer


class PrintedSpan:
    def __init__(self, name: str, depth: int) -> None:
        self.name, self.depth, self.fields = name, depth, {}

    def put_annotation(self, key: str, value: Any) -> None:
        self.fields[key] = value

    def put_metadata(self, key: str, value: Any, namespace: str) -> None:
        self.fields[f"{namespace}.{key}"] = value


class PrintingProvider:
    def __init__(self) -> None:
        self.open: list[PrintedSpan] = []  # single-threaded demo; use a ContextVar for real

    def start_span(self, name: str) -> PrintedSpan:
        span = PrintedSpan(name, len(self.open))
        self.open.append(span)
        return span

    def end_span(self, span: PrintedSpan) -> None:
        self.open.remove(span)
        print("  " * span.depth + f"{span.name} {span.fields}")

    def current_span(self) -> PrintedSpan | None:
        return self.open[-1] if self.open else None

    def record_error(self, span: PrintedSpan, error: BaseException, *, details: bool) -> None:
        span.fields["error"] = repr(error) if details else True


tracer = Tracer(service="demo", disabled=False, provider=PrintingProvider())


@tracer.capture_method
def step() -> int:
    tracer.put_annotation("step", 1)
    return 1


if __name__ == "__main__":
    with tracer.subsegment("job"):
        step()
