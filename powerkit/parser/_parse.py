"""``parse()`` and the ``@event_parser`` handler decorator."""

from __future__ import annotations

import collections.abc
import functools
import typing
from collections.abc import Callable, Coroutine
from typing import Any, Protocol, TypeVar, overload

from powerkit.parser._adapters import adapter_for, validate_payload
from powerkit.parser._envelopes import Envelope
from powerkit.parser._errors import InvalidModelError

T = TypeVar("T")
R = TypeVar("R")

EnvelopeLike = Envelope | type[Envelope]
"""An envelope class or instance."""

_LISTS = (list, collections.abc.Sequence, collections.abc.Iterable, tuple)


def _envelope(envelope: EnvelopeLike | None) -> Envelope | None:
    if envelope is None or isinstance(envelope, Envelope):
        return envelope
    if isinstance(envelope, type) and issubclass(envelope, Envelope):
        return envelope()
    raise InvalidModelError(
        f"envelope must be an Envelope class or instance from powerkit.parser.envelopes, "
        f"got {envelope!r}"
    )


@overload
def parse(event: Any, model: type[T], envelope: None = None) -> T: ...


@overload
def parse(event: Any, model: Any, envelope: EnvelopeLike | None = None) -> Any: ...


def parse(event: Any, model: Any, envelope: EnvelopeLike | None = None) -> Any:
    """Parse ``event`` (or, with an envelope, its payloads) into ``model``.

    Args:
        event: the Lambda event (a dict, or JSON text).
        model: a pydantic model, dataclass, TypedDict or any type pydantic accepts.
        envelope: an envelope from `powerkit.parser.envelopes`; record-based ones
            return a list of ``model``.

    Raises:
        ParserValidationError: the event or a payload does not match.
        InvalidModelError: pydantic cannot use ``model``.
        MissingExtraError: pydantic is not installed (``pip install "powerkit[parser]"``).
    """
    unwrapper = _envelope(envelope)
    if unwrapper is None:
        return validate_payload(model, event, "event")
    return unwrapper.parse(event, model)


def _model_from_hint(handler: Callable[..., Any], envelope: Envelope | None) -> Any:
    import inspect

    target = inspect.unwrap(handler)
    parameters = list(inspect.signature(target).parameters)
    if not parameters:
        raise InvalidModelError(f"@event_parser: {target.__qualname__} takes no event parameter")
    try:
        hints = typing.get_type_hints(target)
    except Exception as exc:  # NameError for unresolvable forward references, and friends
        raise InvalidModelError(
            f"@event_parser cannot resolve the type hint of {target.__qualname__}'s "
            f"{parameters[0]!r} parameter ({exc}); pass model=... explicitly"
        ) from exc
    hint = hints.get(parameters[0])
    if hint is None:
        raise InvalidModelError(
            f"@event_parser needs a model for {target.__qualname__}: pass model=... or "
            f"annotate its first parameter, e.g. def handler(event: Order, context)"
        )
    if envelope is not None and envelope.many and typing.get_origin(hint) in _LISTS:
        (hint,) = typing.get_args(hint) or (Any,)
    return hint


def _parsing(
    handler: Callable[[Any, Any], Any],
    event: Any,
    context: Any,
    *,
    model: Any,
    envelope: Envelope | None,
) -> Any:
    if envelope is None:
        return handler(validate_payload(model, event, "event"), context)
    return handler(envelope.parse(event, model), context)


_parsing.__name__ = "event_parser"


@functools.cache
def _decorator() -> Any:
    # Built on first use: powerkit.middleware (and the asyncio it needs) is not loaded by
    # importing the parser, only by decorating a handler with it.
    from powerkit.middleware import lambda_handler_decorator

    return lambda_handler_decorator(_parsing)


class ParsingDecorator(Protocol):
    """What ``@event_parser(...)`` returns. The decorated handler accepts the raw event
    (``Any``), whatever the annotation of its first parameter; ``async def`` handlers become
    plain functions returning the awaited result."""

    @overload
    def __call__(
        self, handler: Callable[[Any, Any], Coroutine[Any, Any, R]], /
    ) -> Callable[[Any, Any], R]: ...

    @overload
    def __call__(self, handler: Callable[[Any, Any], R], /) -> Callable[[Any, Any], R]: ...

    def __call__(self, handler: Any, /) -> Any: ...


@overload
def event_parser(
    handler: Callable[[Any, Any], Coroutine[Any, Any, R]], /
) -> Callable[[Any, Any], R]: ...


@overload
def event_parser(handler: Callable[[Any, Any], R], /) -> Callable[[Any, Any], R]: ...


@overload
def event_parser(
    *, model: Any = None, envelope: EnvelopeLike | None = None
) -> ParsingDecorator: ...


def event_parser(
    handler: Any = None, /, *, model: Any = None, envelope: EnvelopeLike | None = None
) -> Any:
    """Parse the event into ``model`` before the handler runs; the handler receives the result.

    ``model`` defaults to the type hint of the handler's first parameter (for record-based
    envelopes, ``list[Order]`` and ``Order`` both mean ``Order``). The model's adapter is built
    when the decorator is applied, so an unusable model fails at import, not on a request.

    Raises:
        InvalidModelError: at decoration time, without a usable model.
    """
    if handler is not None and not callable(handler):
        from powerkit.middleware import MiddlewareError

        raise MiddlewareError(
            "@event_parser takes options as keywords only, e.g. "
            f"@event_parser(model=Order); got the positional value {handler!r}"
        )
    unwrapper = _envelope(envelope)

    def apply(function: Callable[..., Any]) -> Any:
        resolved = model if model is not None else _model_from_hint(function, unwrapper)
        adapter_for(resolved)
        return _decorator()(model=resolved, envelope=unwrapper)(function)

    return apply if handler is None else apply(handler)
