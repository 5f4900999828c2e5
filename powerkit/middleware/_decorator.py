"""``lambda_handler_decorator``: turn a middleware function into a handler decorator.

Design: decorators record, one runner builds. A powerkit-decorated handler carries its chain
of ``(middleware, options)`` and the undecorated handler. Decorating it again builds a new
runner over the longer chain instead of wrapping the old runner, so ``n`` stacked decorators
cost ``n`` middleware calls per invocation and nothing else. The composed call is built once,
at decoration time, from ``functools.partial`` objects (no per-invocation closures).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, Protocol, TypeVar, overload

from powerkit._errors import PowerkitError
from powerkit._scope import run_in_invocation

P = ParamSpec("P")
R = TypeVar("R")

Middleware = Callable[..., Any]
"""``mw(handler, event, context, **options)``: call ``handler(event, context)`` or not."""

_CHAIN_ATTR = "__powerkit_chain__"


class MiddlewareError(PowerkitError, TypeError):
    """A handler decorator was applied the wrong way (bad options, not a callable)."""


class _Chain:
    """What a powerkit runner was built from: the handler and its middleware layers."""

    __slots__ = ("handler", "layers", "runner")

    def __init__(
        self,
        runner: Callable[..., Any],
        handler: Callable[[Any, Any], Any],
        layers: tuple[tuple[Middleware, dict[str, Any]], ...],
    ) -> None:
        self.runner = runner
        self.handler = handler
        self.layers = layers


class HandlerDecorator(Protocol):
    """A decorator usable bare (``@mw``) or with keyword options (``@mw(opt=1)``).

    ``async def`` handlers are run to completion, so the decorated handler is a plain
    function the Lambda runtime can call.
    """

    @overload
    def __call__(self, handler: Callable[P, Coroutine[Any, Any, R]], /) -> Callable[P, R]: ...

    @overload
    def __call__(self, handler: Callable[P, R], /) -> Callable[P, R]: ...

    @overload
    def __call__(self, /, **options: Any) -> _Applier: ...

    def __call__(self, handler: Any = None, /, **options: Any) -> Any: ...


class _Applier(Protocol):
    @overload
    def __call__(self, handler: Callable[P, Coroutine[Any, Any, R]], /) -> Callable[P, R]: ...

    @overload
    def __call__(self, handler: Callable[P, R], /) -> Callable[P, R]: ...

    def __call__(self, handler: Any, /) -> Any: ...


def _chain_of(handler: Callable[..., Any]) -> _Chain | None:
    chain = getattr(handler, _CHAIN_ATTR, None)
    # functools.wraps copies __dict__, so a user's wrapper around a powerkit runner also
    # carries the attribute; only the runner itself may be flattened, or the user's
    # wrapper would be skipped.
    if isinstance(chain, _Chain) and chain.runner is handler:
        return chain
    return None


_CO_COROUTINE = 0x80  # inspect.CO_COROUTINE, without importing inspect for every cold start


def is_coroutine_function(handler: Callable[..., Any]) -> bool:
    """``inspect.iscoroutinefunction`` without importing ``inspect`` for plain functions."""
    code = getattr(handler, "__code__", None)
    if code is not None and code.co_flags & _CO_COROUTINE:
        return True
    if type(handler).__name__ == "function":
        return False  # a plain def: its code flags said it all
    import inspect  # partials, callable objects, methods

    return inspect.iscoroutinefunction(handler)


def _innermost(handler: Callable[..., Any]) -> Callable[[Any, Any], Any]:
    if is_coroutine_function(handler):
        # asyncio is imported only for async handlers (it costs tens of ms at cold start)
        from powerkit.middleware._async import run_coroutine

        def run_async(event: Any, context: Any) -> Any:
            return run_coroutine(handler(event, context))

        return run_async
    return handler


def _build(
    handler: Callable[..., Any], layers: tuple[tuple[Middleware, dict[str, Any]], ...]
) -> Any:
    call: Callable[[Any, Any], Any] = _innermost(handler)
    for middleware, options in reversed(layers):
        call = functools.partial(middleware, call, **options)

    def runner(event: Any, context: Any = None) -> Any:
        return run_in_invocation(call, event, context)

    functools.update_wrapper(runner, handler)
    setattr(runner, _CHAIN_ATTR, _Chain(runner, handler, layers))
    return runner


def _check_options(middleware: Middleware, options: dict[str, Any]) -> None:
    import inspect  # only when a decorator is applied, never per invocation

    try:
        inspect.signature(middleware).bind(None, None, None, **options)
    except TypeError as exc:
        raise MiddlewareError(
            f"{middleware.__qualname__} does not accept the options {sorted(options)}: {exc}. "
            f"Check the option names against its signature."
        ) from None


def lambda_handler_decorator(middleware: Middleware) -> HandlerDecorator:
    """Make ``middleware(handler, event, context, **options)`` a handler decorator.

    The returned decorator is used bare (``@mw``) or with keyword options (``@mw(opt=1)``).
    Options are checked against the middleware's signature when the decorator is applied,
    not on the first event. When several are stacked, the outermost (topmost) runs first.

    Examples:
        >>> @lambda_handler_decorator
        ... def add_header(handler, event, context, name="x-powered-by"):
        ...     response = handler(event, context)
        ...     response.setdefault("headers", {})[name] = "powerkit"
        ...     return response
    """

    def apply(handler: Callable[..., Any], options: dict[str, Any]) -> Any:
        if not callable(handler):
            raise MiddlewareError(
                f"@{middleware.__name__} must decorate a callable handler, got {handler!r}"
            )
        chain = _chain_of(handler)
        layer = ((middleware, options),)
        if chain is None:
            return _build(handler, layer)
        return _build(chain.handler, layer + chain.layers)

    def decorator(handler: Any = None, /, **options: Any) -> Any:
        if handler is not None:
            if not callable(handler):
                raise MiddlewareError(
                    f"@{middleware.__name__} takes options as keywords only, e.g. "
                    f"@{middleware.__name__}(option=value); got the positional value {handler!r}"
                )
            _check_options(middleware, options)
            return apply(handler, options)
        _check_options(middleware, options)
        return functools.partial(apply, options=options)

    functools.update_wrapper(decorator, middleware)
    return decorator
