"""Invocation-scoped state: concurrent invocations in threads and asyncio tasks never mix."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from powerkit.logging import LogBuffer, context_keys, get_correlation_id, set_correlation_id
from powerkit.testing import lambda_context

WORKERS = 8


def test_concurrent_invocations_in_threads_keep_their_own_state(make_logger, output):
    """Keys, correlation ids and buffers of invocations running at the same time stay apart."""
    logger = make_logger(buffer=LogBuffer())
    barrier = threading.Barrier(WORKERS, timeout=10)

    @logger.inject_lambda_context(correlation_id_path="id")
    def handler(event: Any, context: Any) -> None:
        n = event["n"]
        logger.append_keys(worker=n)
        logger.debug("buffered", worker_debug=n)
        barrier.wait()  # every invocation is in flight before anyone logs
        with logger.bind(phase=f"p{n}"):
            logger.info("working")
        barrier.wait()
        if n % 2:
            logger.error("odd worker fails")

    def invoke(n: int) -> None:
        handler({"id": f"corr-{n}", "n": n}, lambda_context(request_id=f"req-{n}"))

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(invoke, range(WORKERS)))

    lines = output.lines()
    for line in lines:
        n = line["worker"]
        assert line["function_request_id"] == f"req-{n}"
        assert line["correlation_id"] == f"corr-{n}"
        if line["message"] == "working":
            assert line["phase"] == f"p{n}"
        if line["message"] == "buffered":
            assert line["worker_debug"] == n
    buffered = sorted(line["worker"] for line in lines if line["message"] == "buffered")
    assert buffered == [n for n in range(WORKERS) if n % 2]
    assert sorted(line["worker"] for line in lines if line["message"] == "working") == list(
        range(WORKERS)
    )


def test_asyncio_tasks_keep_their_own_keys_and_correlation_ids(make_logger, output):
    """Interleaved asyncio tasks each see only the keys and correlation id they set."""
    logger = make_logger()

    async def job(n: int) -> None:
        set_correlation_id(f"c-{n}")
        logger.append_keys(task=n)
        with context_keys(shard=n):
            await asyncio.sleep(0)
            logger.info("step 1")
            await asyncio.sleep(0)
            with logger.bind(step=2):
                await asyncio.sleep(0)
                logger.info("step 2")

    async def main() -> None:
        await asyncio.gather(*(job(n) for n in range(WORKERS)))

    asyncio.run(main())
    lines = output.lines()
    assert len(lines) == 2 * WORKERS
    for line in lines:
        assert line["correlation_id"] == f"c-{line['task']}"
        assert line["shard"] == line["task"]
        assert ("step" in line) == (line["message"] == "step 2")
    assert logger.get_current_keys() == {}
    assert get_correlation_id() is None


def test_async_handlers_invoked_concurrently_stay_apart(make_logger, output):
    """Decorated ``async def`` handlers called from several threads keep their own keys."""
    logger = make_logger()
    barrier = threading.Barrier(4, timeout=10)

    @logger.inject_lambda_context
    async def handler(event: Any, context: Any) -> None:
        logger.append_keys(n=event["n"])
        await asyncio.sleep(0)
        barrier.wait()
        logger.info("async")

    def invoke(n: int) -> None:
        # Off the main thread the runner uses a fresh loop per call and closes it.
        handler({"n": n}, lambda_context(request_id=f"r{n}"))

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(invoke, range(4)))
    for line in output.lines():
        assert line["function_request_id"] == f"r{line['n']}"


def test_context_keys_reach_worker_threads_running_in_a_copied_context(make_logger, output):
    """``context_keys`` set by a batch-style loop are seen by worker threads given a copy."""
    logger = make_logger()

    def work(item: int) -> None:
        logger.info("item done", item=item)

    with ThreadPoolExecutor(4) as pool:
        futures = []
        for record_id in range(4):
            with context_keys(record_id=f"r-{record_id}", message_group_id="g"):
                futures.append(pool.submit(contextvars.copy_context().run, work, record_id))
        for future in futures:
            future.result()
    lines = output.lines()
    assert sorted((line["record_id"], line["item"]) for line in lines) == [
        (f"r-{n}", n) for n in range(4)
    ]
    assert all(line["message_group_id"] == "g" for line in lines)


def test_context_keys_apply_to_every_logger_and_vanish_on_exit(make_logger, output):
    """Keys from ``context_keys`` appear on every powerkit logger's lines inside the block only."""
    orders = make_logger(service="orders-ctx")
    payments = make_logger(service="payments-ctx")
    with context_keys(record_id="r-1") as keys:
        assert keys == {"record_id": "r-1"}
        with context_keys(message_group_id="g-1"):
            orders.info("a")
        payments.info("b")
    orders.info("c")
    a, b, c = output.lines()
    assert (a["record_id"], a["message_group_id"]) == ("r-1", "g-1")
    assert b["record_id"] == "r-1"
    assert "message_group_id" not in b
    assert "record_id" not in c


def test_context_keys_come_after_logger_keys_and_before_line_keys(make_logger, output):
    """Order: persistent/appended keys, then context keys, then per-line keys."""
    logger = make_logger(tenant="t")
    logger.append_keys(user="u")
    with context_keys(record_id="r"):
        logger.info("x", item=1)
    assert list(output.last())[5:] == ["tenant", "user", "record_id", "item"]


def test_correlation_id_module_functions_and_logger_methods_agree(make_logger, output):
    """``logger.set_correlation_id`` and the module functions share one value."""
    logger = make_logger()

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> str | None:
        logger.set_correlation_id("from-logger")
        assert get_correlation_id() == "from-logger"
        set_correlation_id("from-module")
        logger.info("x")
        return logger.get_correlation_id()

    assert handler({}, lambda_context()) == "from-module"
    assert output.last()["correlation_id"] == "from-module"
    assert get_correlation_id() is None
