"""Invocation scope: per-invocation state never crosses invocations, threads or tasks."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from typing import Any

import pytest

from powerkit import _scope
from powerkit.middleware import current_invocation, is_cold_start, lambda_handler_decorator
from powerkit.testing import lambda_context

_mark: contextvars.ContextVar[str | None] = contextvars.ContextVar("mark", default=None)


@lambda_handler_decorator
def _passthrough(handler: Any, event: Any, context: Any) -> Any:
    return handler(event, context)


def test_current_invocation_is_none_outside_handlers() -> None:
    """Code outside any handler sees no invocation."""
    assert current_invocation() is None


def test_invocation_carries_event_context_and_request_id() -> None:
    """Inside a decorated handler the scope exposes what the runtime passed."""
    context = lambda_context(request_id="req-1")

    @_passthrough
    def handler(event: Any, context: Any) -> Any:
        invocation = current_invocation()
        assert invocation is not None
        return invocation.event, invocation.context, invocation.request_id

    event = {"k": 1}
    assert handler(event, context) == (event, context, "req-1")


def test_cold_start_is_true_only_for_the_first_invocation() -> None:
    """The process-wide flag flips at the first invocation and stays down."""

    @_passthrough
    def handler(event: Any, context: Any) -> bool:
        invocation = current_invocation()
        assert invocation is not None
        return invocation.cold_start

    assert is_cold_start()
    assert [handler({}, lambda_context()) for _ in range(3)] == [True, False, False]
    assert not is_cold_start()


def test_provisioned_concurrency_is_never_a_cold_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under provisioned concurrency initialisation happened before any request."""
    monkeypatch.setenv("AWS_LAMBDA_INITIALIZATION_TYPE", "provisioned-concurrency")

    @_passthrough
    def handler(event: Any, context: Any) -> bool:
        invocation = current_invocation()
        assert invocation is not None
        return invocation.cold_start

    assert handler({}, lambda_context()) is False


def test_state_set_during_an_invocation_is_gone_afterwards() -> None:
    """Context variables set by a handler do not leak into the next invocation."""
    seen: list[str | None] = []

    @_passthrough
    def handler(event: Any, context: Any) -> None:
        seen.append(_mark.get())
        _mark.set(event["mark"])

    handler({"mark": "first"}, lambda_context())
    handler({"mark": "second"}, lambda_context())
    assert seen == [None, None]
    assert _mark.get() is None


def test_state_set_before_any_invocation_is_inherited() -> None:
    """Import-time settings (outside any invocation) are visible in every invocation."""
    token = _mark.set("import-time")
    try:

        @_passthrough
        def handler(event: Any, context: Any) -> str | None:
            return _mark.get()

        assert handler({}, lambda_context()) == "import-time"
    finally:
        _mark.reset(token)


def test_concurrent_invocations_in_threads_keep_their_own_state() -> None:
    """Sixteen invocations interleaved across threads never see each other's state."""
    workers = 16
    barrier = threading.Barrier(workers)
    results: dict[str, tuple[str | None, str | None]] = {}

    @_passthrough
    def handler(event: Any, context: Any) -> None:
        _mark.set(event["id"])
        barrier.wait(timeout=10)  # every invocation has set its mark before any reads
        invocation = current_invocation()
        assert invocation is not None
        results[event["id"]] = (_mark.get(), invocation.request_id)

    threads = [
        threading.Thread(
            target=handler, args=({"id": f"inv-{n}"}, lambda_context(request_id=f"inv-{n}"))
        )
        for n in range(workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert results == {f"inv-{n}": (f"inv-{n}", f"inv-{n}") for n in range(workers)}


def test_concurrent_invocations_in_asyncio_tasks_keep_their_own_state() -> None:
    """Invocations started from concurrent asyncio tasks are isolated too."""

    @_passthrough
    def handler(event: Any, context: Any) -> tuple[str | None, str | None]:
        _mark.set(event["id"])
        invocation = current_invocation()
        assert invocation is not None
        return _mark.get(), invocation.request_id

    async def one(n: int) -> tuple[str | None, str | None]:
        await asyncio.sleep(0)
        return handler({"id": f"t{n}"}, lambda_context(request_id=f"t{n}"))

    async def main() -> list[tuple[str | None, str | None]]:
        return list(await asyncio.gather(*(one(n) for n in range(8))))

    assert asyncio.run(main()) == [(f"t{n}", f"t{n}") for n in range(8)]


def test_remaining_ms_reads_the_context_and_zero_is_still_a_deadline() -> None:
    """remaining_ms follows the context; an exhausted deadline is 0, not None."""
    seen: list[int | None] = []

    @_passthrough
    def handler(event: Any, context: Any) -> None:
        invocation = current_invocation()
        assert invocation is not None
        seen.append(invocation.remaining_ms())

    handler({}, lambda_context(timeout_s=0))
    handler({}, None)
    assert seen == [0, None]


def test_nested_decorated_handlers_with_the_same_context_share_one_scope() -> None:
    """A decorated handler calling another one with its context stays in one invocation."""

    @_passthrough
    def inner(event: Any, context: Any) -> Any:
        return current_invocation()

    @_passthrough
    def outer(event: Any, context: Any) -> Any:
        return current_invocation(), inner(event, context)

    first, second = outer({}, lambda_context())
    assert first is second


def test_reset_cold_start_makes_the_next_invocation_cold_again() -> None:
    """The test kit can simulate a new process."""
    _scope._take_cold_start()
    assert not is_cold_start()
    _scope.reset_cold_start()
    assert is_cold_start()
