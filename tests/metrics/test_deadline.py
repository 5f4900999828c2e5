"""Deadline flush: pending metrics are published before Lambda would kill a slow handler."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from powerkit import ConfigError
from powerkit.metrics import Metrics, MetricUnit
from powerkit.metrics._deadline import scheduler
from powerkit.testing import MetricsCapture, capture_metrics, lambda_context
from tests.support.emf import assert_valid_emf


def _wait_for_lines(captured: MetricsCapture, count: int, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while len(captured) < count:
        assert time.monotonic() < deadline, f"only {len(captured)} of {count} lines published"
        time.sleep(0.005)


def test_metrics_are_published_before_the_deadline_while_the_handler_runs() -> None:
    """A handler still running flush_margin_ms before the deadline has its metrics published."""
    metrics = Metrics(namespace="Shop", flush_margin_ms=500)
    published_before_return: list[int] = []

    with capture_metrics() as captured:

        @metrics.log_metrics
        def handler(event: Any, context: Any) -> None:
            metrics.add_dimension("stage", "slow")
            metrics.add_metric("Orders", MetricUnit.Count, 1)
            _wait_for_lines(captured, 1)  # blocks until the deadline flush (~0.1 s from now)
            published_before_return.append(context.get_remaining_time_in_millis())
            metrics.add_metric("Orders", MetricUnit.Count, 2)
            # Past the deadline flush, a new metric is published at once.
            published_before_return.append(len(captured))

        handler({}, lambda_context(timeout_s=0.6))
    assert len(captured) == 2
    early, late = captured.metrics("Orders")
    assert (early.values, late.values) == ([1], [2])
    assert early.dimensions == late.dimensions == {"stage": "slow"}
    assert published_before_return[0] <= 500
    assert published_before_return[1] == 2


def test_the_deadline_timer_is_cancelled_when_the_handler_returns() -> None:
    """A handler that finishes in time leaves no pending deadline action behind."""
    metrics = Metrics(namespace="Shop")

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> None:
        metrics.add_metric("Orders", MetricUnit.Count, 1)
        assert len(scheduler.due) == 1

    with capture_metrics() as captured:
        handler({}, lambda_context(timeout_s=60))
        with pytest.raises(RuntimeError):

            @metrics.log_metrics
            def failing(event: Any, context: Any) -> None:
                raise RuntimeError

            failing({}, lambda_context(timeout_s=60))
    assert scheduler.due == {}
    assert captured.metric("Orders").values == [1]


def test_timer_and_final_flush_never_publish_a_value_twice() -> None:
    """With the deadline already due, racing flushes publish every value exactly once."""
    metrics = Metrics(namespace="Shop", flush_margin_ms=10_000)
    added = 0

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> None:
        nonlocal added
        for i in range(300):
            metrics.add_metric(f"M{i % 7}", MetricUnit.Count, 1)
            added += 1

    with capture_metrics() as captured:
        for _ in range(20):
            handler({}, lambda_context(timeout_s=1))
    published = sum(
        len(metric.values) for name in captured.names() for metric in captured.metrics(name)
    )
    assert published == added == 6000


@pytest.mark.parametrize(("setting", "margin_s"), [("250", 0.25), ("0", 0.0)])
def test_flush_margin_from_environment(
    monkeypatch: pytest.MonkeyPatch, setting: str, margin_s: float
) -> None:
    """POWERKIT_METRICS_FLUSH_MARGIN_MS sets the margin; 0 turns the deadline flush off."""
    monkeypatch.setenv("POWERKIT_METRICS_FLUSH_MARGIN_MS", setting)
    metrics = Metrics(namespace="Shop")
    seen: list[int] = []

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> None:
        seen.append(len(scheduler.due))

    handler({}, lambda_context())
    assert metrics._margin_s == margin_s
    assert seen == [0 if margin_s == 0 else 1]


def test_negative_flush_margin_is_a_config_error() -> None:
    """A negative margin is refused with a message saying how to turn the flush off."""
    with pytest.raises(ConfigError, match="0 turns"):
        Metrics(namespace="Shop", flush_margin_ms=-1)


def test_no_timer_without_a_context() -> None:
    """Called without a Lambda context (or with a mock), no deadline is scheduled."""
    metrics = Metrics(namespace="Shop")
    seen: list[int] = []

    @metrics.log_metrics
    def handler(event: Any, context: Any) -> None:
        seen.append(len(scheduler.due))
        metrics.add_metric("Orders", MetricUnit.Count, 1)

    class Weird:
        def get_remaining_time_in_millis(self) -> object:
            return object()

    with capture_metrics() as captured:
        handler({})
        handler({}, Weird())
    assert seen == [0, 0]
    assert captured.metric("Orders").values == [1, 1]


def test_deadline_flushes_of_concurrent_invocations_stay_separate() -> None:
    """Each invocation's timer publishes that invocation's metrics only."""
    metrics = Metrics(namespace="Shop", flush_margin_ms=500)
    release = threading.Event()

    @metrics.log_metrics
    def handler(event: dict[str, str], context: Any) -> None:
        metrics.add_dimension("worker", event["worker"])
        metrics.add_metric("Work", MetricUnit.Count, int(event["worker"]))
        assert release.wait(timeout=10)

    with capture_metrics() as captured:
        threads = [
            threading.Thread(
                target=handler, args=({"worker": str(n)}, lambda_context(timeout_s=0.55 + n / 20))
            )
            for n in range(3)
        ]
        for thread in threads:
            thread.start()
        _wait_for_lines(captured, 3)
        release.set()
        for thread in threads:
            thread.join(timeout=10)
    assert len(captured) == 3
    for metric in captured.metrics("Work"):
        assert metric.values == [int(metric.dimensions["worker"])]


_KILLED_HANDLER = """
import time
from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import lambda_context

metrics = Metrics(namespace="Shop", service="exports")

@metrics.log_metrics
def handler(event, context):
    metrics.add_metric("ExportStarted", MetricUnit.Count, 1)
    time.sleep(60)  # never returns: the parent kills the process, as Lambda would

handler({}, lambda_context(timeout_s=0.8))
"""


def test_metrics_reach_a_pipe_before_the_process_is_killed() -> None:
    """With stdout a pipe (block-buffered), the deadline line is written out before SIGKILL."""
    # Block-buffered like Lambda's pipe: without a flush the line would die with the process.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with subprocess.Popen(
        [sys.executable, "-c", _KILLED_HANDLER],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
    ) as process:
        try:
            assert process.stdout is not None
            ready, _, _ = select.select([process.stdout], [], [], 20)
            assert ready, "no line before the deadline: the deadline flush did not reach stdout"
            line = process.stdout.readline().decode()
        finally:
            process.kill()
    assert assert_valid_emf(line.strip())["ExportStarted"] == 1
