"""``validate()`` and the ``@validator`` handler decorator."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, Protocol, TypeVar, overload

from powerkit.jmespath._envelopes import unwrap
from powerkit.validation._schema import CompiledSchema, Formats, SchemaSource, compile_schema

P = ParamSpec("P")
R = TypeVar("R")


def validate(
    event: Any,
    schema: SchemaSource,
    envelope: str | None = None,
    formats: Formats | None = None,
) -> Any:
    """Validate ``event`` (or the part ``envelope`` selects) against a JSON schema.

    Args:
        event: the data to validate, usually the Lambda event.
        schema: a dict, a path to a JSON schema file, or a `CompiledSchema`. It is
            compiled on first use and cached.
        envelope: a JMESPath expression selecting the payload first, e.g.
            ``envelopes.API_GATEWAY_REST``.
        formats: custom ``format`` checks (regular expression or predicate per name).

    Returns:
        The validated data (after the envelope), with the schema's defaults filled in.

    Raises:
        SchemaValidationError: the data does not match; ``.path`` points at the value.
        InvalidSchemaError: the schema cannot be read or compiled.
        JMESPathError: the envelope is invalid or cannot decode the event.
    """
    compiled = compile_schema(schema, formats)
    data = event if envelope is None else unwrap(event, envelope)
    return compiled.validate(data, subject="event")


def _validation(
    handler: Callable[[Any, Any], Any],
    event: Any,
    context: Any,
    *,
    inbound: CompiledSchema | None,
    outbound: CompiledSchema | None,
    envelope: str | None,
) -> Any:
    if envelope is not None:
        event = unwrap(event, envelope)
    if inbound is not None:
        event = inbound.validate(event, subject="event")
    response = handler(event, context)
    if outbound is not None:
        response = outbound.validate(response, subject="response")
    return response


_validation.__name__ = "validator"


@functools.cache
def _decorator() -> Any:
    # Built on first use: importing powerkit.validation does not load powerkit.middleware.
    from powerkit.middleware import lambda_handler_decorator

    return lambda_handler_decorator(_validation)


class ValidatingDecorator(Protocol):
    """What ``@validator(...)`` returns: keeps the handler's signature; ``async def``
    handlers become plain functions returning the awaited result."""

    @overload
    def __call__(self, handler: Callable[P, Coroutine[Any, Any, R]], /) -> Callable[P, R]: ...

    @overload
    def __call__(self, handler: Callable[P, R], /) -> Callable[P, R]: ...

    def __call__(self, handler: Any, /) -> Any: ...


@overload
def validator(handler: Callable[P, Coroutine[Any, Any, R]], /) -> Callable[P, R]: ...


@overload
def validator(handler: Callable[P, R], /) -> Callable[P, R]: ...


@overload
def validator(
    *,
    inbound_schema: SchemaSource | None = None,
    outbound_schema: SchemaSource | None = None,
    envelope: str | None = None,
    formats: Formats | None = None,
) -> ValidatingDecorator: ...


def validator(
    handler: Any = None,
    /,
    *,
    inbound_schema: SchemaSource | None = None,
    outbound_schema: SchemaSource | None = None,
    envelope: str | None = None,
    formats: Formats | None = None,
) -> Any:
    """Validate the event before the handler runs and its response after.

    The handler receives the unwrapped, validated event (schema defaults filled in).
    Schemas and the envelope are compiled here, when the decorator is applied, so a broken
    schema fails at import of the handler module rather than on the first request.

    Args:
        inbound_schema: schema of the event (after the envelope), or None.
        outbound_schema: schema of the handler's response, or None.
        envelope: JMESPath expression selecting the payload the handler receives.
        formats: custom ``format`` checks used by both schemas.

    Raises:
        InvalidSchemaError: at decoration time, for a schema that cannot be compiled.
        JMESPathError: at decoration time, for an invalid envelope expression.
    """
    if handler is not None and not callable(handler):
        from powerkit.middleware import MiddlewareError

        raise MiddlewareError(
            "@validator takes options as keywords only, e.g. "
            f"@validator(inbound_schema=schema); got the positional value {handler!r}"
        )
    if envelope is not None:
        from powerkit.jmespath import compile_expression

        compile_expression(envelope)
    decorate = _decorator()(
        inbound=None if inbound_schema is None else compile_schema(inbound_schema, formats),
        outbound=None if outbound_schema is None else compile_schema(outbound_schema, formats),
        envelope=envelope,
    )
    return decorate if handler is None else decorate(handler)
