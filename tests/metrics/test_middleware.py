"""log_metrics: flush on return and on error, cold start, invocation scope."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from typing import Any

import pytest

from powerkit.metrics import EmptyMetricsError, Metrics, MetricUnit
from powerkit.middleware import MiddlewareError, lambda_handler_decorator
from powerkit.testing import capture_metrics, lambda_context, reset_cold_start


def test_flushes_when_the_handler_returns() -> None:
    """The invocation's metrics are published once the handler returns its result."""
    metrics = Metrics(namespace="Shop", service="orders")

    @metrics.log_metrics
    def handler(event: dict[str, Any], context: Any) -> str:
        metrics.add_metric("Orders", MetricUnit.Count, event["n"])
        return "ok"

    with capture_metrics() as captured:
        assert handler({"n": 2}, lambda_context()) == "ok"
    assert captured.metric("Orders").values == [2]
    assert captured.metric("Orders").dimensions == {"service": "orders"}


def test_flushes_when_the_handler_raises() -> None:
    """Metrics added before an exception are published, and the exception propagates."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> None:
        metrics.add_metric("Attempts", MetricUnit.Count, 1)
        raise RuntimeError("boom")

    with capture_metrics() as captured, pytest.raises(RuntimeError, match="boom"):
        handler({}, lambda_context())
    assert captured.metric("Attempts").values == [1]


def test_async_handler_is_flushed() -> None:
    """An async def handler is run to completion and its metrics published."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics(capture_cold_start_metric=True)
    async def handler(event: Any, context: Any) -> int:
        await asyncio.sleep(0)
        metrics.add_metric("Orders", MetricUnit.Count, 1)
        return 7

    with capture_metrics() as captured:
        assert handler({}, lambda_context()) == 7
    assert captured.names() == ["ColdStart", "Orders"]


def test_dimensions_do_not_leak_into_the_next_invocation() -> None:
    """add_dimension and metadata are per invocation; default dimensions persist."""
    metrics = Metrics(namespace="Shop")
    metrics.set_default_dimensions(env="prod")

    @metrics.log_metrics
    def handler(event: dict[str, str], context: Any) -> None:
        if "tenant" in event:
            metrics.add_dimension("tenant", event["tenant"])
            metrics.add_metadata("note", "first")
        metrics.add_metric("Orders", MetricUnit.Count, 1)

    with capture_metrics() as captured:
        handler({"tenant": "t1"}, lambda_context())
        handler({}, lambda_context())
    first, second = captured.metrics("Orders")
    assert first.dimensions == {"env": "prod", "tenant": "t1"}
    assert second.dimensions == {"env": "prod"}
    assert "note" not in captured.lines[1]


def test_cold_start_metric_is_its_own_line_once() -> None:
    """ColdStart (Count, 1, function_name + service) is a separate line, first invocation only."""
    metrics = Metrics(namespace="Shop", service="orders")
    metrics.set_default_dimensions(env="prod")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event: Any, context: Any) -> None:
        metrics.add_dimension("tenant", "t1")
        metrics.add_metric("Orders", MetricUnit.Count, 1)

    with capture_metrics() as captured:
        handler({}, lambda_context(function_name="checkout"))
        handler({}, lambda_context(function_name="checkout"))
    cold = captured.metric("ColdStart")
    assert (cold.values, cold.unit, cold.namespace) == ([1], "Count", "Shop")
    assert cold.dimensions == {"function_name": "checkout", "service": "orders"}
    assert len(captured) == 3
    assert "ColdStart" not in captured.lines[1]
    assert "Orders" not in captured.lines[0]


def test_cold_start_without_context_uses_the_function_name_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without a context, function_name comes from AWS_LAMBDA_FUNCTION_NAME (or is left out)."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event: Any, context: Any) -> None:
        pass

    with capture_metrics() as captured:
        handler({})
        reset_cold_start()
        monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "from-env")
        handler({})
    bare, named = captured.metrics("ColdStart")
    assert bare.dimensions == {}
    assert named.dimensions == {"function_name": "from-env"}


def test_no_cold_start_metric_unless_asked() -> None:
    """Without capture_cold_start_metric, no ColdStart line is published."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> None:
        metrics.add_metric("Orders", MetricUnit.Count, 1)

    with capture_metrics() as captured:
        handler({}, lambda_context())
    assert captured.names() == ["Orders"]


def test_no_cold_start_metric_under_provisioned_concurrency(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Provisioned concurrency initialises before requests: no cold start is reported."""
    monkeypatch.setenv("AWS_LAMBDA_INITIALIZATION_TYPE", "provisioned-concurrency")
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics(capture_cold_start_metric=True)
    def handler(event: Any, context: Any) -> None:
        metrics.add_metric("Orders", MetricUnit.Count, 1)

    with capture_metrics() as captured:
        handler({}, lambda_context())
    assert captured.names() == ["Orders"]


def test_raise_on_empty_metrics() -> None:
    """raise_on_empty_metrics=True raises EmptyMetricsError when nothing was published."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics(raise_on_empty_metrics=True)
    def handler(event: dict[str, bool], context: Any) -> None:
        if event["add"]:
            metrics.add_metric("Orders", MetricUnit.Count, 1)

    with capture_metrics() as captured:
        handler({"add": True}, lambda_context())
        with pytest.raises(EmptyMetricsError, match="raise_on_empty_metrics"):
            handler({"add": False}, lambda_context())
    assert len(captured) == 1


def test_empty_invocation_prints_nothing_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """An invocation without metrics publishes nothing and raises nothing."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> str:
        return "ok"

    assert handler({}, lambda_context()) == "ok"
    assert capsys.readouterr().out == ""


def test_default_dimensions_option() -> None:
    """log_metrics(default_dimensions=...) adds default dimensions for every invocation."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics(default_dimensions={"env": "prod"})
    def handler(event: Any, context: Any) -> None:
        metrics.add_metric("Orders", MetricUnit.Count, 1)

    with capture_metrics() as captured:
        handler({}, lambda_context())
    assert captured.metric("Orders").dimensions == {"env": "prod"}
    assert metrics.default_dimensions == {"env": "prod"}


def test_unknown_option_is_refused_when_decorating() -> None:
    """A misspelt option fails at decoration time, naming log_metrics."""
    metrics = Metrics(namespace="Shop")
    with pytest.raises(MiddlewareError, match="log_metrics"):
        metrics.log_metrics(capture_cold_start=True)


def test_metrics_added_at_import_time_go_out_with_the_next_invocation() -> None:
    """Metrics added outside any invocation are published by the next invocation."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("ModuleLoaded", MetricUnit.Count, 1)
    metrics.add_dimension("phase", "init")

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> None:
        metrics.add_metric("Orders", MetricUnit.Count, 1)

    with capture_metrics() as captured:
        handler({}, lambda_context())
        handler({}, lambda_context())
    first, second = captured.lines
    assert (first["ModuleLoaded"], first["Orders"], first["phase"]) == (1, 1, "init")
    assert "ModuleLoaded" not in second
    assert "phase" not in second


def test_concurrent_invocations_publish_only_their_own_metrics() -> None:
    """Invocations in threads keep separate pending metrics and dimensions."""
    metrics = Metrics(namespace="Shop")
    barrier = threading.Barrier(4)

    @metrics.log_metrics
    def handler(event: dict[str, int], context: Any) -> None:
        metrics.add_dimension("worker", str(event["worker"]))
        barrier.wait(timeout=10)  # every invocation has started before any adds a metric
        for _ in range(event["worker"] + 1):
            metrics.add_metric("Work", MetricUnit.Count, event["worker"])
        barrier.wait(timeout=10)

    with capture_metrics() as captured:
        threads = [
            threading.Thread(target=handler, args=({"worker": n}, lambda_context()))
            for n in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    assert len(captured) == 4
    for metric in captured.metrics("Work"):
        worker = int(metric.dimensions["worker"])
        assert metric.values == [worker] * (worker + 1)


def test_metrics_outside_log_metrics_stay_with_the_import_time_set() -> None:
    """Another powerkit decorator's invocation does not publish, log_metrics later does."""
    metrics = Metrics(namespace="Shop")

    @lambda_handler_decorator
    def passthrough(handler: Any, event: Any, context: Any) -> Any:
        return handler(event, context)

    @passthrough
    def other(event: Any, context: Any) -> None:
        metrics.add_metric("Side", MetricUnit.Count, 1)

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> None:
        pass

    with capture_metrics() as captured:
        other({}, lambda_context())
        assert len(captured) == 0
        handler({}, lambda_context())
    assert captured.metric("Side").values == [1]


def test_nested_log_metrics_on_one_instance_keep_the_outer_set() -> None:
    """A decorated handler calling another keeps the outer invocation's pending metrics."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics
    def inner(event: Any, context: Any) -> None:
        metrics.add_metric("Inner", MetricUnit.Count, 1)

    @metrics.log_metrics
    def outer(event: Any, context: Any) -> None:
        metrics.add_metric("Outer", MetricUnit.Count, 1)
        inner(event, context)
        metrics.add_metric("Outer", MetricUnit.Count, 2)

    with capture_metrics() as captured:
        outer({}, lambda_context())
    assert captured.metric("Outer").values == [1, 2]
    assert captured.metric("Inner").values == [1]


def test_tasks_and_copied_context_threads_add_to_their_invocation() -> None:
    """asyncio tasks and threads run in a copied context publish with the invocation."""
    metrics = Metrics(namespace="Shop")

    async def work(n: int) -> None:
        await asyncio.sleep(0)
        metrics.add_metric("Task", MetricUnit.Count, n)

    @metrics.log_metrics
    async def handler(event: Any, context: Any) -> None:
        await asyncio.gather(*(work(n) for n in range(3)))
        context_copy = contextvars.copy_context()
        thread = threading.Thread(
            target=context_copy.run, args=(metrics.add_metric, "Thread", MetricUnit.Count, 1)
        )
        thread.start()
        thread.join(timeout=10)

    with capture_metrics() as captured:
        handler({}, lambda_context())
    assert len(captured) == 1
    assert sorted(captured.metric("Task").values) == [0, 1, 2]
    assert captured.metric("Thread").values == [1]
