"""``@idempotent`` for Lambda handlers and ``@idempotent_function`` for any function."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ParamSpec, Protocol, TypeVar, overload

from powerkit import _config as _env
from powerkit._scope import current_invocation
from powerkit.idempotency._config import IdempotencyConfig
from powerkit.idempotency._engine import IdempotencyEngine, Lock, Replay, drive, drive_async
from powerkit.idempotency._errors import IdempotencyConfigError, IdempotencyKeyError, warn
from powerkit.idempotency._serializers import resolve_serializer
from powerkit.idempotency._store import PersistenceStore

P = ParamSpec("P")
R = TypeVar("R")


def _no_deadline() -> int | None:
    return None


def _remaining_ms() -> Callable[[], int | None]:
    invocation = current_invocation()
    return _no_deadline if invocation is None else invocation.remaining_ms


def _disabled(name: str) -> bool:
    if not _env.IDEMPOTENCY_DISABLED.get_bool():
        return False
    warn(f"POWERKIT_IDEMPOTENCY_DISABLED is set: {name} runs without idempotency")
    return True


def _check_store(store: Any, decorator: str) -> PersistenceStore:
    if store is None:
        raise IdempotencyConfigError(
            f"@{decorator} needs a store: @{decorator}(persistence_store=DynamoDBPersistenceLayer"
            '("table"), ...) or SQLitePersistenceLayer/RedisPersistenceLayer/InMemoryPersistenceLayer'
        )
    if not isinstance(store, PersistenceStore):
        raise IdempotencyConfigError(
            f"persistence_store={store!r} is not a store: it needs acquire, complete, release "
            "and get methods (see powerkit.idempotency.PersistenceStore)"
        )
    return store


class _Prefix:
    """The key prefix, resolved on first use (the Lambda function name is read then)."""

    def __init__(self, function: Callable[..., Any], explicit: str | None) -> None:
        self.value = explicit
        self.function = function

    def get(self) -> str:
        if self.value is None:
            name = f"{self.function.__module__}.{self.function.__qualname__}"
            lambda_name = _env.AWS_LAMBDA_FUNCTION_NAME.get()
            self.value = f"{lambda_name}.{name}" if lambda_name else name
        return self.value


class _Engines:
    """Builds the function's engine on first call, when the key prefix can be resolved."""

    def __init__(
        self,
        function: Callable[..., Any],
        key_prefix: str | None,
        make: Callable[[str], IdempotencyEngine],
    ) -> None:
        self._prefix = _Prefix(function, key_prefix)
        self._make = make
        self.engine: IdempotencyEngine | None = None

    def get(self) -> IdempotencyEngine:
        engine = self.engine
        if engine is None:
            engine = self.engine = self._make(self._prefix.get())
        return engine


def _run(engine: IdempotencyEngine, payload: Any, call: Callable[[], R]) -> R:
    outcome = drive(engine.start(payload, _remaining_ms()))
    if isinstance(outcome, Replay):
        result: R = outcome.value
        return result
    if outcome is None:
        return call()
    return _run_locked(engine, outcome, call)


def _run_locked(engine: IdempotencyEngine, lock: Lock, call: Callable[[], R]) -> R:
    try:
        result = call()
    except BaseException:
        engine.release(lock)
        raise
    engine.complete(lock, result)
    return result


def _idempotent_middleware(
    handler: Callable[[Any, Any], Any], event: Any, context: Any, *, engines: _Engines
) -> Any:
    if _disabled("the handler"):
        return handler(event, context)
    return _run(engines.get(), event, functools.partial(handler, event, context))


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
    store = _check_store(persistence_store, "idempotent")
    settings = config if config is not None else IdempotencyConfig()
    if handler is not None and not callable(handler):
        raise IdempotencyConfigError("@idempotent takes its options as keywords only")

    def apply(function: Callable[..., Any]) -> Any:
        engines = _Engines(
            function, key_prefix, lambda prefix: IdempotencyEngine(store, settings, prefix)
        )
        return _handler_decorator()(engines=engines)(function)

    return apply if handler is None else apply(handler)


def _payload_getter(
    function: Callable[..., Any], name: str
) -> Callable[[tuple[Any, ...], dict[str, Any]], Any]:
    import inspect

    signature = inspect.signature(function)
    parameter = signature.parameters.get(name)
    if parameter is None or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
        raise IdempotencyConfigError(
            f"data_keyword_argument={name!r} is not a named parameter of "
            f"{function.__qualname__}{signature}"
        )
    positions = [
        p.name
        for p in signature.parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    index = positions.index(name) if name in positions else None

    def get(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if name in kwargs:
            return kwargs[name]
        if index is not None and index < len(args):
            return args[index]
        if parameter.default is not parameter.empty:
            return parameter.default
        raise IdempotencyKeyError(
            f"{function.__qualname__} was called without its {name!r} argument, the "
            "idempotency payload; pass it"
        )

    return get


class _FunctionApplier(Protocol):
    def __call__(self, function: Callable[P, R], /) -> Callable[P, R]: ...


@overload
def idempotent_function(
    function: None = None,
    /,
    *,
    data_keyword_argument: str,
    persistence_store: PersistenceStore | None = None,
    config: IdempotencyConfig | None = None,
    output_serializer: Any = None,
    key_prefix: str | None = None,
) -> _FunctionApplier: ...


@overload
def idempotent_function(
    function: Callable[P, R],
    /,
    *,
    data_keyword_argument: str,
    persistence_store: PersistenceStore | None = None,
    config: IdempotencyConfig | None = None,
    output_serializer: Any = None,
    key_prefix: str | None = None,
) -> Callable[P, R]: ...


def idempotent_function(
    function: Any = None,
    /,
    *,
    data_keyword_argument: str,
    persistence_store: PersistenceStore | None = None,
    config: IdempotencyConfig | None = None,
    output_serializer: Any = None,
    key_prefix: str | None = None,
) -> Any:
    """Make any function (sync or ``async def``) idempotent on one of its arguments.

    Args:
        data_keyword_argument: the parameter whose value is the payload (passed by keyword
            or position).
        persistence_store: where records live (required).
        config: the policy; ``IdempotencyConfig()`` when omitted.
        output_serializer: a serializer (``to_dict``/``from_dict``), or a dataclass or pydantic
            model type; by default chosen from the return annotation, else plain JSON.
        key_prefix: replaces ``[<Lambda function name>.]<module>.<qualname>`` in keys.
    """
    store = _check_store(persistence_store, "idempotent_function")
    settings = config if config is not None else IdempotencyConfig()

    def apply(target: Callable[..., Any]) -> Any:
        payload_of = _payload_getter(target, data_keyword_argument)
        serializer = resolve_serializer(output_serializer, target)
        engines = _Engines(
            target,
            key_prefix,
            lambda prefix: IdempotencyEngine(store, settings, prefix, serializer),
        )
        if _is_coroutine_function(target):
            return _async_wrapper(target, engines, payload_of)

        @functools.wraps(target)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if _disabled(target.__qualname__):
                return target(*args, **kwargs)
            payload = payload_of(args, kwargs)
            return _run(engines.get(), payload, functools.partial(target, *args, **kwargs))

        return wrapper

    return apply if function is None else apply(function)


def _is_coroutine_function(target: Callable[..., Any]) -> bool:
    import inspect

    return inspect.iscoroutinefunction(target)


def _async_wrapper(
    target: Callable[..., Awaitable[Any]],
    engines: _Engines,
    payload_of: Callable[[tuple[Any, ...], dict[str, Any]], Any],
) -> Callable[..., Awaitable[Any]]:
    @functools.wraps(target)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _disabled(target.__qualname__):
            return await target(*args, **kwargs)
        engine = engines.get()
        outcome = await drive_async(engine.start(payload_of(args, kwargs), _remaining_ms()))
        if isinstance(outcome, Replay):
            return outcome.value
        if outcome is None:
            return await target(*args, **kwargs)
        try:
            result = await target(*args, **kwargs)
        except BaseException:
            engine.release(outcome)
            raise
        engine.complete(outcome, result)
        return result

    return wrapper
