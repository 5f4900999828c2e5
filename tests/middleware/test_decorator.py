"""lambda_handler_decorator: bare and configured use, stacking order, async, errors."""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import pytest

from powerkit import PowerkitError
from powerkit.middleware import MiddlewareError, current_invocation, lambda_handler_decorator
from powerkit.testing import lambda_context


def _recorder(calls: list[str]) -> Any:
    @lambda_handler_decorator
    def record(handler: Any, event: Any, context: Any, name: str = "mw") -> Any:
        calls.append(f"before:{name}")
        try:
            return handler(event, context)
        finally:
            calls.append(f"after:{name}")

    return record


def test_bare_and_configured_forms_both_wrap_the_handler() -> None:
    """@mw and @mw(opt=...) both run the middleware around the handler."""
    calls: list[str] = []
    record = _recorder(calls)

    @record
    def bare(event: Any, context: Any) -> str:
        return "bare"

    @record(name="configured")
    def configured(event: Any, context: Any) -> str:
        return "configured"

    assert bare({}, None) == "bare"
    assert configured({}, None) == "configured"
    assert calls == ["before:mw", "after:mw", "before:configured", "after:configured"]


def test_outermost_decorator_runs_first_and_finishes_last() -> None:
    """Stacked decorators run top to bottom before the handler, bottom to top after it."""
    calls: list[str] = []
    record = _recorder(calls)

    @record(name="outer")
    @record(name="middle")
    @record(name="inner")
    def handler(event: Any, context: Any) -> str:
        calls.append("handler")
        return "ok"

    assert handler({}, lambda_context()) == "ok"
    assert calls == [
        "before:outer",
        "before:middle",
        "before:inner",
        "handler",
        "after:inner",
        "after:middle",
        "after:outer",
    ]


def test_stacked_decorators_are_flattened_into_one_runner() -> None:
    """Stacking builds one chain over the original handler, not a wrapper per layer."""
    record = _recorder([])

    def handler(event: Any, context: Any) -> str:
        return "ok"

    wrapped = record(name="b")(record(name="a")(handler))
    chain = wrapped.__powerkit_chain__
    assert chain.handler is handler
    assert [options["name"] for _, options in chain.layers] == ["b", "a"]
    assert wrapped.__wrapped__ is handler


def test_a_foreign_wrapper_between_powerkit_decorators_is_kept() -> None:
    """A user's functools.wraps wrapper in the middle of a stack still runs."""
    calls: list[str] = []
    record = _recorder(calls)

    def user_decorator(fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(event: Any, context: Any) -> Any:
            calls.append("user")
            return fn(event, context)

        return wrapper

    @record(name="outer")
    @user_decorator
    @record(name="inner")
    def handler(event: Any, context: Any) -> str:
        return "ok"

    assert handler({}, None) == "ok"
    assert calls == ["before:outer", "user", "before:inner", "after:inner", "after:outer"]


def test_middleware_can_change_the_event_and_the_response() -> None:
    """The middleware decides what the handler receives and what the caller gets."""

    @lambda_handler_decorator
    def envelope(handler: Any, event: Any, context: Any, key: str = "body") -> Any:
        return {"wrapped": handler(event[key], context)}

    @envelope(key="payload")
    def handler(event: Any, context: Any) -> Any:
        return event * 2

    assert handler({"payload": 21}, None) == {"wrapped": 42}


def test_async_handlers_are_run_to_completion() -> None:
    """An async def handler becomes a plain callable the runtime can call."""
    calls: list[str] = []
    record = _recorder(calls)

    @record
    async def handler(event: Any, context: Any) -> Any:
        await asyncio.sleep(0)
        invocation = current_invocation()
        assert invocation is not None
        return event["n"] + 1, invocation.request_id

    result = handler({"n": 1}, lambda_context(request_id="r-async"))
    assert result == (2, "r-async")
    assert calls == ["before:mw", "after:mw"]


def test_async_handlers_also_run_when_called_inside_a_running_loop() -> None:
    """Calling the decorated async handler from async code does not re-enter the loop."""
    record = _recorder([])

    @record
    async def handler(event: Any, context: Any) -> int:
        await asyncio.sleep(0)
        return 7

    async def caller() -> int:
        return handler({}, None)  # type: ignore[no-any-return]

    assert asyncio.run(caller()) == 7


def test_exceptions_from_the_handler_propagate_through_every_layer() -> None:
    """A handler error reaches the caller unchanged; after-steps still run."""
    calls: list[str] = []
    record = _recorder(calls)

    @record(name="a")
    @record(name="b")
    def handler(event: Any, context: Any) -> None:
        raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        handler({}, None)
    assert calls == ["before:a", "before:b", "after:b", "after:a"]


def test_a_positional_non_callable_option_is_a_clear_error() -> None:
    """@mw(1) names the problem and the fix."""
    record = _recorder([])
    with pytest.raises(MiddlewareError, match=r"keywords only, e\.g\. @record\(option=value\)"):
        record(1)


def test_unknown_options_are_rejected_when_the_decorator_is_applied() -> None:
    """Options are checked at decoration time, not on the first event."""
    record = _recorder([])
    with pytest.raises(MiddlewareError, match="does not accept the options \\['colour'\\]") as info:
        record(colour="blue")
    assert isinstance(info.value, PowerkitError)
    assert isinstance(info.value, TypeError)


def test_context_is_optional_for_local_calls() -> None:
    """handler(event) works without a context (local scripts, quick tests)."""
    record = _recorder([])

    @record
    def handler(event: Any, context: Any) -> Any:
        return context

    assert handler({}) is None
