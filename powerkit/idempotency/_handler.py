"""``@idempotent``: a Lambda handler decorator built with ``lambda_handler_decorator``."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, Protocol, TypeVar, overload

from powerkit.idempotency._config import IdempotencyConfig
from powerkit.idempotency._engine import IdempotencyEngine
from powerkit.idempotency._errors import IdempotencyConfigError
from powerkit.idempotency._runner import Engines, check_store, disabled, run
from powerkit.idempotency._store import PersistenceStore

P = ParamSpec("P")
R = TypeVar("R")


def _idempotent_middleware(
    handler: Callable[[Any, Any], Any], event: Any, context: Any, *, engines: Engines
) -> Any:
    if disabled("the handler"):
        return handler(event, context)
    return run(engines.get(), event, functools.partial(handler, event, context))


@functools.cache
def _handler_decorator() -> Any:
    # Built on first use: powerkit.middleware (and the asyncio it imports) loads only for
    # handlers, not for users of idempotent_function alone.
    from powerkit.middleware import lambda_handler_decorator

    return lambda_handler_decorator(_idempotent_middleware)


class _HandlerApplier(Protocol):
    @overload
    def __call__(self, handler: Callable[P, Coroutine[Any, Any, R]], /) -> Callable[P, R]: ...

    @overload
    def __call__(self, handler: Callable[P, R], /) -> Callable[P, R]: ...

    def __call__(self, handler: Any, /) -> Any: ...


@overload
def idempotent(
    handler: None = None,
    /,
    *,
    persistence_store: PersistenceStore | None = None,
    config: IdempotencyConfig | None = None,
    key_prefix: str | None = None,
) -> _HandlerApplier: ...


@overload
def idempotent(
    handler: Callable[P, R],
    /,
    *,
    persistence_store: PersistenceStore | None = None,
    config: IdempotencyConfig | None = None,
    key_prefix: str | None = None,
) -> Callable[P, R]: ...


def idempotent(
    handler: Any = None,
    /,
    *,
    persistence_store: PersistenceStore | None = None,
    config: IdempotencyConfig | None = None,
    key_prefix: str | None = None,
) -> Any:
    """Make a Lambda handler idempotent on its event (or the part ``event_key_jmespath`` picks).

    The Lambda context's remaining time bounds the in-progress lock. Stacks with powerkit's
    other handler decorators in one chain (outermost first).

    Args:
        persistence_store: where records live (required).
        config: the policy; ``IdempotencyConfig()`` when omitted.
        key_prefix: replaces ``[<Lambda function name>.]<module>.<qualname>`` in keys; set it
            to keep keys stable when you rename or move the handler.
    """
    store = check_store(persistence_store, "idempotent")
    settings = config if config is not None else IdempotencyConfig()
    if handler is not None and not callable(handler):
        raise IdempotencyConfigError("@idempotent takes its options as keywords only")

    def apply(function: Callable[..., Any]) -> Any:
        engines = Engines(
            function, key_prefix, lambda prefix: IdempotencyEngine(store, settings, prefix)
        )
        return _handler_decorator()(engines=engines)(function)

    return apply if handler is None else apply(handler)
