"""Wrap a function of any kind in a span: plain, coroutine, generator, async generator, and
functions made by ``contextlib.contextmanager`` / ``asynccontextmanager``.

Each wrapper starts a span when the function's body starts running (the first ``next()``
for generators, ``__enter__`` for context managers), records the outcome and ends the span.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from types import TracebackType
from typing import Any

from powerkit.tracing._provider import TracingProvider
from powerkit.tracing._rules import fits_in_document


@contextlib.contextmanager
def _sync_cm() -> Iterator[None]:
    yield  # pragma: no cover - only its code object is used


@contextlib.asynccontextmanager
async def _async_cm() -> AsyncIterator[None]:
    yield  # pragma: no cover - only its code object is used


# every function made by contextmanager()/asynccontextmanager() runs one shared helper's code
_CONTEXTMANAGER_CODE = getattr(_sync_cm, "__code__", None)
_ASYNCCONTEXTMANAGER_CODE = getattr(_async_cm, "__code__", None)


_NOT_IN_NAMES = str.maketrans("", "", "?;*()!$~^<>")


def span_name(function: Callable[..., Any]) -> str:
    """The function's qualified name without the characters X-Ray rejects in names.

    ``make.<locals>.step`` becomes ``make.locals.step``; at most 200 characters.
    """
    name = getattr(function, "__qualname__", None) or type(function).__qualname__
    return str(name).translate(_NOT_IN_NAMES)[:200] or "function"


class SpanPolicy:
    """What to record around one traced function: its span name and the capture options."""

    __slots__ = ("capture_error", "capture_response", "name", "namespace", "provider")

    def __init__(
        self,
        provider: TracingProvider,
        name: str,
        namespace: str,
        *,
        capture_response: bool,
        capture_error: bool,
    ) -> None:
        self.provider = provider
        self.name = name
        self.namespace = namespace
        self.capture_response = capture_response
        self.capture_error = capture_error

    def succeeded(self, span: Any, result: Any) -> None:
        """Record ``result`` as ``<name> response`` metadata when enabled and small enough."""
        if self.capture_response and result is not None:
            key = f"{self.name} response"
            if fits_in_document(key, result):
                span.put_metadata(key, result, self.namespace)

    def failed(self, span: Any, error: BaseException) -> None:
        """Mark the span failed; record ``<name> error`` metadata and the cause when enabled."""
        if self.capture_error:
            described = {"type": type(error).__name__, "message": str(error)}
            span.put_metadata(f"{self.name} error", described, self.namespace)
        self.provider.record_error(span, error, details=self.capture_error)


def wrap(function: Callable[..., Any], policy: SpanPolicy) -> Callable[..., Any]:
    """A function that behaves like ``function`` and traces each call in a span."""
    code = getattr(function, "__code__", None)
    if code is not None and code is _CONTEXTMANAGER_CODE:
        return _wrap_contextmanager(function, policy)
    if code is not None and code is _ASYNCCONTEXTMANAGER_CODE:
        return _wrap_async_contextmanager(function, policy)
    if inspect.isasyncgenfunction(function):
        return _wrap_async_generator(function, policy)
    if inspect.iscoroutinefunction(function):
        return _wrap_coroutine(function, policy)
    if inspect.isgeneratorfunction(function):
        return _wrap_generator(function, policy)
    return _wrap_function(function, policy)


def _wrap_function(function: Callable[..., Any], policy: SpanPolicy) -> Callable[..., Any]:
    start, end, name = policy.provider.start_span, policy.provider.end_span, policy.name
    capture_response = policy.capture_response

    @functools.wraps(function)
    def traced(*args: Any, **kwargs: Any) -> Any:
        span = start(name)
        try:
            result = function(*args, **kwargs)
        except Exception as error:
            policy.failed(span, error)
            raise
        else:
            if capture_response:
                policy.succeeded(span, result)
            return result
        finally:
            end(span)

    return traced


def _wrap_coroutine(function: Callable[..., Any], policy: SpanPolicy) -> Callable[..., Any]:
    start, end, name = policy.provider.start_span, policy.provider.end_span, policy.name

    @functools.wraps(function)
    async def traced(*args: Any, **kwargs: Any) -> Any:
        span = start(name)
        try:
            result = await function(*args, **kwargs)
        except Exception as error:
            policy.failed(span, error)
            raise
        else:
            policy.succeeded(span, result)
            return result
        finally:
            end(span)

    return traced


def _wrap_generator(function: Callable[..., Any], policy: SpanPolicy) -> Callable[..., Any]:
    start, end, name = policy.provider.start_span, policy.provider.end_span, policy.name

    @functools.wraps(function)
    def traced(*args: Any, **kwargs: Any) -> Any:
        span = start(name)
        try:
            result = yield from function(*args, **kwargs)
        except Exception as error:
            policy.failed(span, error)
            raise
        else:
            policy.succeeded(span, result)
            return result
        finally:
            end(span)

    return traced


def _wrap_async_generator(function: Callable[..., Any], policy: SpanPolicy) -> Callable[..., Any]:
    start, end, name = policy.provider.start_span, policy.provider.end_span, policy.name

    @functools.wraps(function)
    async def traced(*args: Any, **kwargs: Any) -> Any:
        generator = function(*args, **kwargs)
        span = start(name)
        try:
            item = await generator.__anext__()
            while True:  # forward asend/athrow/aclose, as ``yield from`` would for a generator
                try:
                    sent = yield item
                except GeneratorExit:
                    await generator.aclose()
                    raise
                except BaseException as thrown:
                    item = await generator.athrow(thrown)
                else:
                    item = await generator.asend(sent)
        except StopAsyncIteration:
            return
        except Exception as error:
            policy.failed(span, error)
            raise
        finally:
            end(span)

    return traced


class _TracedContextManager:
    """Wraps the context manager a ``@contextmanager`` function returned."""

    __slots__ = ("_manager", "_policy", "_span")

    def __init__(self, manager: Any, policy: SpanPolicy) -> None:
        self._manager = manager
        self._policy = policy
        self._span: Any = None

    def _finish(self, error: BaseException | None) -> None:
        span, self._span = self._span, None
        try:
            if error is not None:
                self._policy.failed(span, error)
        finally:
            self._policy.provider.end_span(span)

    def __enter__(self) -> Any:
        self._span = self._policy.provider.start_span(self._policy.name)
        try:
            return self._manager.__enter__()
        except Exception as error:
            self._finish(error)
            raise

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        try:
            suppressed = bool(self._manager.__exit__(kind, error, tb))
        except Exception as raised:
            self._finish(raised)
            raise
        self._finish(error if isinstance(error, Exception) and not suppressed else None)
        return suppressed

    async def __aenter__(self) -> Any:
        self._span = self._policy.provider.start_span(self._policy.name)
        try:
            return await self._manager.__aenter__()
        except Exception as error:
            self._finish(error)
            raise

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        try:
            suppressed = bool(await self._manager.__aexit__(kind, error, tb))
        except Exception as raised:
            self._finish(raised)
            raise
        self._finish(error if isinstance(error, Exception) and not suppressed else None)
        return suppressed


def _wrap_contextmanager(function: Callable[..., Any], policy: SpanPolicy) -> Callable[..., Any]:
    @functools.wraps(function)
    def traced(*args: Any, **kwargs: Any) -> Any:
        return _TracedContextManager(function(*args, **kwargs), policy)

    return traced


_wrap_async_contextmanager = _wrap_contextmanager
