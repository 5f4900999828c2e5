"""The behavioural suite: every test runs against X-Ray (real UDP datagrams) and OpenTelemetry."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powerkit.testing import lambda_context
from tests.tracing.conftest import Backend, Span


def _handler_span(spans: dict[str, Span], name: str = "handler") -> Span:
    matches = [span for key, span in spans.items() if key.endswith(name)]
    assert len(matches) == 1, list(spans)
    return matches[0]


def test_handler_span_joins_the_lambda_trace(backend: Backend) -> None:
    """The handler span has the handler's name, Lambda's trace id and Lambda's segment as parent."""
    tracer = backend.tracer()

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> dict[str, int]:
        return {"statusCode": 200}

    assert handler({}, lambda_context()) == {"statusCode": 200}
    (span,) = backend.spans(1)
    assert span.name == "test_handler_span_joins_the_lambda_trace.locals.handler"
    assert span.trace_id == backend.daemon.trace_id
    assert span.parent_id == backend.daemon.parent_id
    assert span.fault is False


def test_handler_span_annotates_cold_start_and_service(backend: Backend) -> None:
    """ColdStart is true on the first invocation only; Service is the tracer's service."""
    tracer = backend.tracer(service="payments")

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> None:
        return None

    handler({}, lambda_context())
    handler({}, lambda_context())
    first, second = backend.spans(2)
    assert first.annotations == {"ColdStart": True, "Service": "payments"}
    assert second.annotations == {"ColdStart": False, "Service": "payments"}


def test_handler_response_is_recorded_as_metadata(backend: Backend) -> None:
    """The response lands in metadata '<handler> response' under the service namespace."""
    tracer = backend.tracer()

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> dict[str, Any]:
        return {"ok": True, "items": [1, 2]}

    handler({}, lambda_context())
    (span,) = backend.spans(1)
    assert span.metadata == {"orders": {f"{span.name} response": {"ok": True, "items": [1, 2]}}}


@pytest.mark.parametrize("how", ["argument", "environment", "powertools_environment"])
def test_response_capture_can_be_turned_off(
    backend: Backend, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """capture_response=False or POWERKIT_/POWERTOOLS_TRACER_CAPTURE_RESPONSE=false drop it."""
    tracer = backend.tracer()
    options: dict[str, Any] = {}
    if how == "argument":
        options["capture_response"] = False
    elif how == "environment":
        monkeypatch.setenv("POWERKIT_TRACER_CAPTURE_RESPONSE", "false")
    else:
        monkeypatch.setenv("POWERTOOLS_TRACER_CAPTURE_RESPONSE", "0")

    @tracer.capture_lambda_handler(**options)
    def handler(event: Any, context: Any) -> str:
        return "secret"

    @tracer.capture_method(**options)
    def step() -> str:
        return "secret too"

    handler({}, lambda_context())
    step()
    assert [span.metadata for span in backend.spans(2)] == [{}, {}]


def test_explicit_capture_response_beats_the_environment(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """capture_response=True wins over POWERKIT_TRACER_CAPTURE_RESPONSE=false."""
    monkeypatch.setenv("POWERKIT_TRACER_CAPTURE_RESPONSE", "false")
    tracer = backend.tracer()

    @tracer.capture_method(capture_response=True)
    def step() -> int:
        return 7

    step()
    (span,) = backend.spans(1)
    assert span.metadata == {"orders": {f"{span.name} response": 7}}


def test_handler_error_sets_fault_metadata_and_cause(backend: Backend) -> None:
    """An exception marks the span as a fault, with '<handler> error' metadata and the cause."""
    tracer = backend.tracer()

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> None:
        raise KeyError("order-42")

    with pytest.raises(KeyError):
        handler({}, lambda_context())
    (span,) = backend.spans(1)
    assert span.fault is True
    assert span.metadata == {
        "orders": {f"{span.name} error": {"type": "KeyError", "message": "'order-42'"}}
    }
    assert (span.error_type, span.error_message) == ("KeyError", "'order-42'")


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_error_capture_off_keeps_only_the_fault_flag(
    backend: Backend, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """capture_error=False (or the setting) records neither message nor cause, only the fault."""
    if how == "environment":
        monkeypatch.setenv("POWERKIT_TRACER_CAPTURE_ERROR", "no")
    tracer = backend.tracer()
    options = {"capture_error": False} if how == "argument" else {}

    @tracer.capture_method(**options)
    def step() -> None:
        raise RuntimeError("card number 4111")

    with pytest.raises(RuntimeError):
        step()
    (span,) = backend.spans(1)
    assert span.fault is True
    assert span.metadata == {}
    assert span.error_type is None


def test_nested_methods_form_a_tree_under_the_handler(backend: Backend) -> None:
    """Captured functions nest: each span's parent is the span that called it."""
    tracer = backend.tracer()

    class Repository:
        @tracer.capture_method
        def load(self, key: str) -> str:
            return self.decode(key)

        @tracer.capture_method
        def decode(self, key: str) -> str:
            return key.upper()

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> str:
        return Repository().load("a")

    assert handler({}, lambda_context()) == "A"
    spans = backend.by_name(3)
    root = _handler_span(spans)
    load = _handler_span(spans, "Repository.load")
    decode = _handler_span(spans, "Repository.decode")
    assert load.name.endswith("locals.Repository.load")
    assert (load.parent_id, decode.parent_id) == (root.id, load.id)
    assert {span.trace_id for span in spans.values()} == {backend.daemon.trace_id}
    assert load.metadata == {"orders": {f"{load.name} response": "A"}}


def test_annotations_and_metadata_go_to_the_current_span(backend: Backend) -> None:
    """put_annotation/put_metadata write to the innermost running span, in any namespace."""
    tracer = backend.tracer()

    @tracer.capture_method(capture_response=False)
    def charge() -> None:
        tracer.put_annotation("order_id", "o-1")
        tracer.put_annotation("amount", 12.5)
        tracer.put_annotation("paid", True)
        tracer.put_metadata("card", {"brand": "visa", "last4": "4242"})
        tracer.put_metadata("attempt", 2, namespace="billing")

    charge()
    (span,) = backend.spans(1)
    assert span.annotations == {"order_id": "o-1", "amount": 12.5, "paid": True}
    assert span.metadata == {
        "orders": {"card": {"brand": "visa", "last4": "4242"}},
        "billing": {"attempt": 2},
    }


def test_subsegment_block_is_a_child_span(backend: Backend) -> None:
    """``with tracer.subsegment(name)`` traces a block under the running span."""
    tracer = backend.tracer()

    @tracer.capture_method(capture_response=False)
    def outer() -> None:
        with tracer.subsegment("load ## rows") as span:
            span.put_annotation("rows", 3)
        with pytest.raises(ValueError), tracer.subsegment("broken"):
            raise ValueError("bad row")

    outer()
    spans = backend.by_name(3)
    parent = _handler_span(spans, "outer")
    assert spans["load ## rows"].parent_id == parent.id
    assert spans["load ## rows"].annotations == {"rows": 3}
    assert spans["broken"].fault is True
    assert spans["broken"].error_type == "ValueError"


def test_generator_span_covers_the_iteration(backend: Backend) -> None:
    """A generator's span opens at the first item and ends when it is exhausted."""
    tracer = backend.tracer()

    @tracer.capture_method
    def rows() -> Iterator[int]:
        yield 1
        yield 2
        return None

    generator = rows()
    assert backend.spans() == []  # nothing runs until the first next()
    assert list(generator) == [1, 2]
    (span,) = backend.spans(1)
    assert span.name.endswith("rows")
    assert span.parent_id == backend.daemon.parent_id


def test_generator_closed_early_still_ends_its_span(backend: Backend) -> None:
    """Closing a generator part-way ends the span without marking an error."""
    tracer = backend.tracer()

    @tracer.capture_method
    def numbers() -> Iterator[int]:
        yield from range(10)

    generator = numbers()
    assert next(generator) == 0
    generator.close()
    (span,) = backend.spans(1)
    assert span.fault is False


def test_contextmanager_functions_are_traced_in_either_order(backend: Backend) -> None:
    """@capture_method works above or below @contextmanager; the span covers the with-block."""
    tracer = backend.tracer()

    @tracer.capture_method
    @contextlib.contextmanager
    def outside() -> Iterator[str]:
        yield "resource"

    @contextlib.contextmanager
    @tracer.capture_method
    def inside() -> Iterator[str]:
        yield "resource"

    with outside() as first, inside() as second:
        assert (first, second) == ("resource", "resource")
        with tracer.subsegment("work"):
            pass
    spans = backend.by_name(3)
    assert spans["work"].parent_id == _handler_span(spans, "inside").id
    assert _handler_span(spans, "inside").parent_id == _handler_span(spans, "outside").id


def test_contextmanager_error_in_block_is_recorded(backend: Backend) -> None:
    """An exception leaving the with-block marks the context manager's span as a fault."""
    tracer = backend.tracer()

    @tracer.capture_method
    @contextlib.contextmanager
    def transaction() -> Iterator[None]:
        yield

    with pytest.raises(LookupError), transaction():
        raise LookupError("missing")
    (span,) = backend.spans(1)
    assert (span.fault, span.error_type) == (True, "LookupError")


def test_async_functions_generators_and_context_managers(backend: Backend) -> None:
    """Coroutines, async generators and async context managers each get one span."""
    tracer = backend.tracer()

    @tracer.capture_method
    async def fetch(n: int) -> int:
        await asyncio.sleep(0)
        return n * 2

    @tracer.capture_method
    async def stream() -> AsyncIterator[int]:
        for n in range(3):
            yield await fetch(n)

    @tracer.capture_method
    @contextlib.asynccontextmanager
    async def session() -> AsyncIterator[str]:
        yield "s"

    async def main() -> list[int]:
        async with session():
            return [item async for item in stream()]

    assert asyncio.run(main()) == [0, 2, 4]
    spans = backend.spans(5)
    names = [span.name.rpartition(".")[2] for span in spans]
    assert sorted(names) == ["fetch", "fetch", "fetch", "session", "stream"]
    by_id = {span.id: span for span in spans}
    stream_span = next(span for span in spans if span.name.endswith("stream"))
    assert by_id[stream_span.parent_id].name.endswith("session")
    for span in spans:
        if span.name.endswith("fetch"):
            assert span.parent_id == stream_span.id
            assert span.metadata["orders"][f"{span.name} response"] in (0, 2, 4)


def test_concurrent_tasks_under_gather_are_parented_correctly(backend: Backend) -> None:
    """Tasks running concurrently under asyncio.gather each parent their own children."""
    tracer = backend.tracer()

    @tracer.capture_method
    async def child(n: int) -> int:
        await asyncio.sleep(0.001 * (n % 3))
        return n

    @tracer.capture_method
    async def task(n: int) -> int:
        await asyncio.sleep(0.001 * ((n + 1) % 3))
        tracer.put_annotation("task", n)
        return await child(n)

    @tracer.capture_lambda_handler
    async def handler(event: Any, context: Any) -> list[int]:
        return list(await asyncio.gather(*(task(n) for n in range(8))))

    assert handler({}, lambda_context()) == list(range(8))
    spans = backend.spans(17)
    root = next(span for span in spans if span.name.endswith("handler"))
    tasks = {span.annotations["task"]: span for span in spans if span.name.endswith("task")}
    children = [span for span in spans if span.name.endswith("child")]
    assert sorted(tasks) == list(range(8))
    assert all(span.parent_id == root.id for span in tasks.values())
    for span in children:
        n = span.metadata["orders"][f"{span.name} response"]
        assert span.parent_id == tasks[n].id, f"child {n} parented on the wrong task"


def test_concurrent_invocations_in_threads_keep_their_own_spans(backend: Backend) -> None:
    """Invocations running in parallel threads never parent on each other's spans."""
    tracer = backend.tracer()

    @tracer.capture_method
    def work(n: int) -> int:
        return n

    @tracer.capture_lambda_handler
    def handler(event: dict[str, int], context: Any) -> int:
        tracer.put_annotation("n", event["n"])
        return work(event["n"])

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda n: handler({"n": n}, lambda_context()), range(12)))
    assert results == list(range(12))
    spans = backend.spans(24)
    handlers = {span.id: span for span in spans if span.name.endswith("handler")}
    for span in spans:
        if span.name.endswith("work"):
            n = span.metadata["orders"][f"{span.name} response"]
            assert handlers[span.parent_id].annotations["n"] == n


def test_response_too_large_for_a_document_is_skipped_with_a_warning(
    backend: Backend, caplog: pytest.LogCaptureFixture
) -> None:
    """A response over the 64 KB budget is left out, the span is still sent, and a warning says why."""
    tracer = backend.tracer()

    @tracer.capture_method
    def export() -> list[str]:
        return ["x" * 1000] * 100

    with caplog.at_level(logging.WARNING, logger="powerkit.tracing"):
        assert len(export()) == 100
    (span,) = backend.spans(1)
    assert span.metadata == {}
    assert "not captured" in caplog.text
    assert "64 KB" in caplog.text


def test_static_class_methods_and_callable_objects_are_traced(backend: Backend) -> None:
    """capture_method works above @staticmethod/@classmethod and on callable objects."""
    tracer = backend.tracer()

    class Prices:
        rate = 2

        @tracer.capture_method
        @staticmethod
        def tax(amount: int) -> int:
            return amount // 10

        @tracer.capture_method
        @classmethod
        def convert(cls, amount: int) -> int:
            return amount * cls.rate

    class Rounder:
        def __call__(self, value: float) -> int:
            return round(value)

    rounder = tracer.capture_method(Rounder())
    assert (Prices.tax(100), Prices().convert(3), rounder(2.6)) == (10, 6, 3)
    names = [span.name.rpartition("locals.")[2] for span in backend.spans(3)]
    assert names == ["Prices.tax", "Prices.convert", "Rounder"]


def test_worker_threads_keep_nesting_when_given_the_callers_context(backend: Backend) -> None:
    """A thread run with contextvars.copy_context() parents its spans on the caller's (FAQ)."""
    import contextvars

    tracer = backend.tracer()

    @tracer.capture_method
    def work() -> int:
        return 1

    @tracer.capture_method
    def fan_out() -> int:
        with ThreadPoolExecutor(2) as pool:
            return pool.submit(contextvars.copy_context().run, work).result()

    assert fan_out() == 1
    worker, caller = backend.spans(2)
    assert worker.parent_id == caller.id


Tree = list  # a node is the list of its children


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.recursive(st.just([]), lambda children: st.lists(children, max_size=3), max_leaves=10))
def test_any_nesting_of_spans_is_reported_with_the_same_shape(backend: Backend, tree: Tree) -> None:
    """Whatever the nesting, each span's parent is the span it was opened in."""
    tracer = backend.tracer()
    expected: dict[str, str | None] = {}

    def run(node: Tree, parent: str | None) -> None:
        name = f"n{len(expected)}"
        expected[name] = parent
        with tracer.subsegment(name):
            for child in node:
                run(child, name)

    run(tree, None)
    spans = backend.by_name(len(expected))
    for name, parent in expected.items():
        wanted = backend.daemon.parent_id if parent is None else spans[parent].id
        assert spans[name].parent_id == wanted, name
