import contextlib
from collections.abc import Iterator

from powerkit.tracing import Tracer

tracer = Tracer(service="reports")


@tracer.capture_method
def rows(count: int) -> Iterator[int]:
    yield from range(count)  # the subsegment spans the whole iteration


@tracer.capture_method
@contextlib.contextmanager
def report_file(name: str) -> Iterator[list[str]]:
    lines: list[str] = []
    yield lines  # the subsegment spans the with-block
    print(f"{name}: {len(lines)} lines")


if __name__ == "__main__":
    with report_file("daily.csv") as out:
        out.extend(str(row) for row in rows(3))
