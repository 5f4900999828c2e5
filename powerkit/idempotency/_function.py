"""``@idempotent_function``: idempotency for any function, sync or ``async def``."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, Protocol, TypeVar, overload

from powerkit.idempotency._config import IdempotencyConfig
from powerkit.idempotency._engine import IdempotencyEngine, Replay, drive_async
from powerkit.idempotency._errors import IdempotencyConfigError, IdempotencyKeyError
from powerkit.idempotency._runner import Engines, check_store, disabled, remaining_ms, run
from powerkit.idempotency._serializers import resolve_serializer
from powerkit.idempotency._store import PersistenceStore

P = ParamSpec("P")
R = TypeVar("R")


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
    store = check_store(persistence_store, "idempotent_function")
    settings = config if config is not None else IdempotencyConfig()

    def apply(target: Callable[..., Any]) -> Any:
        payload_of = _payload_getter(target, data_keyword_argument)
        serializer = resolve_serializer(output_serializer, target)
        engines = Engines(
            target,
            key_prefix,
            lambda prefix: IdempotencyEngine(store, settings, prefix, serializer),
        )
        if _is_coroutine_function(target):
            return _async_wrapper(target, engines, payload_of)

        @functools.wraps(target)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if disabled(target.__qualname__):
                return target(*args, **kwargs)
            payload = payload_of(args, kwargs)
            return run(engines.get(), payload, functools.partial(target, *args, **kwargs))

        return wrapper

    return apply if function is None else apply(function)


def _is_coroutine_function(target: Callable[..., Any]) -> bool:
    import inspect

    return inspect.iscoroutinefunction(target)


def _async_wrapper(
    target: Callable[..., Awaitable[Any]],
    engines: Engines,
    payload_of: Callable[[tuple[Any, ...], dict[str, Any]], Any],
) -> Callable[..., Awaitable[Any]]:
    @functools.wraps(target)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        if disabled(target.__qualname__):
            return await target(*args, **kwargs)
        engine = engines.get()
        outcome = await drive_async(engine.start(payload_of(args, kwargs), remaining_ms()))
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
