"""``parse()``, ``parse_json_as()`` and ``@event_parser``."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from pydantic import BaseModel

from powerkit import MissingExtraError
from powerkit.middleware import MiddlewareError, lambda_handler_decorator
from powerkit.parser import (
    InvalidModelError,
    ParserError,
    ParserValidationError,
    envelopes,
    event_parser,
    parse,
    parse_json_as,
)
from powerkit.parser._adapters import adapter_for
from powerkit.testing import lambda_context


class Order(BaseModel):
    id: int
    item: str = "widget"


def sqs_event(*bodies: str) -> dict[str, Any]:
    return {"Records": [{"body": body} for body in bodies]}


def test_parse_without_envelope_validates_the_event() -> None:
    """A dict event is validated as the model."""
    assert parse({"id": "4"}, Order) == Order(id=4)


def test_parse_accepts_json_text() -> None:
    """A JSON string event is parsed in one pass."""
    assert parse('{"id": 5, "item": "bolt"}', Order) == Order(id=5, item="bolt")


def test_parse_json_as_for_other_utilities() -> None:
    """parse_json_as parses JSON text into a model, errors as ParserValidationError."""
    assert parse_json_as(Order, b'{"id": 1}') == Order(id=1)
    with pytest.raises(ParserValidationError, match=r"^JSON text: 1 validation error for Order"):
        parse_json_as(Order, '{"item": "x"}')


def test_adapters_are_built_once_per_model() -> None:
    """The same TypeAdapter is reused for a model."""
    assert adapter_for(Order) is adapter_for(Order)
    assert adapter_for(list[Order]) is adapter_for(list[Order])


def test_unusable_model_is_an_invalid_model_error() -> None:
    """An object pydantic cannot build a schema for is rejected with a hint."""

    class NotAModel:
        pass

    with pytest.raises(
        InvalidModelError,
        match=r"^Cannot parse into '.*NotAModel': Unable to generate pydantic-core schema for .*NotAModel'>\. Set .*Use a pydantic model",
    ):
        parse({}, NotAModel)


def test_bad_envelope_is_an_invalid_model_error() -> None:
    """Passing something that is not an Envelope says what is expected."""
    with pytest.raises(InvalidModelError, match="envelope must be an Envelope class or instance"):
        parse({}, Order, envelope="SQS")  # type: ignore[arg-type]


def test_missing_pydantic_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pydantic, parsing says which extra to install."""

    class Fresh(BaseModel):
        x: int

    monkeypatch.setitem(sys.modules, "pydantic", None)
    with pytest.raises(MissingExtraError, match=r'pip install "powerkit\[parser\]"'):
        parse({"x": 1}, Fresh)


def test_event_parser_with_explicit_model_and_envelope() -> None:
    """The handler receives the parsed list of models."""

    @event_parser(model=Order, envelope=envelopes.SqsEnvelope)
    def handler(orders: list[Order], context: Any) -> list[int]:
        return [order.id for order in orders]

    assert handler(sqs_event('{"id": 1}', '{"id": 2}'), lambda_context()) == [1, 2]


def test_event_parser_infers_the_model_from_the_type_hint() -> None:
    """Bare @event_parser uses the first parameter's annotation."""

    @event_parser
    def handler(event: Order, context: Any) -> str:
        return event.item

    assert handler({"id": 1, "item": "nut"}, None) == "nut"


def test_event_parser_takes_the_item_type_of_a_list_hint_with_record_envelopes() -> None:
    """With a record envelope, ``list[Order]`` means each record is an Order."""

    @event_parser(envelope=envelopes.SqsEnvelope)
    def handler(orders: list[Order], context: Any) -> int:
        return sum(order.id for order in orders)

    assert handler(sqs_event('{"id": 2}', '{"id": 3}'), None) == 5


def test_event_parser_raises_before_the_handler_runs() -> None:
    """An invalid event never reaches the handler."""
    calls: list[Any] = []

    @event_parser(model=Order)
    def handler(event: Order, context: Any) -> None:
        calls.append(event)

    with pytest.raises(ParserValidationError, match=r"^event: 1 validation error for Order\nid\n"):
        handler({"item": "x"}, None)
    assert calls == []


def test_event_parser_without_model_or_hint_fails_at_decoration() -> None:
    """No model and no annotation is an error when the decorator is applied."""
    with pytest.raises(InvalidModelError, match=r"needs a model for .*handler: pass model=\.\.\."):

        @event_parser
        def handler(event, context):  # type: ignore[no-untyped-def]
            return event


def test_event_parser_with_unresolvable_hint_says_pass_model() -> None:
    """A forward reference that cannot be resolved asks for model= explicitly."""
    with pytest.raises(
        InvalidModelError, match=r"cannot resolve the type hint .*pass model=\.\.\. explicitly"
    ):

        @event_parser
        def handler(event: Missing, context: Any) -> None:  # type: ignore[name-defined]  # noqa: F821
            return None


def test_event_parser_with_unusable_model_fails_at_decoration() -> None:
    """A model pydantic rejects fails when the decorator is applied."""
    with pytest.raises(InvalidModelError):
        event_parser(model=object())(lambda event, context: event)


def test_positional_option_is_a_middleware_error() -> None:
    """Options are keywords only."""
    with pytest.raises(MiddlewareError, match=r"@event_parser\(model=Order\)"):
        event_parser(42)  # type: ignore[call-overload]


def test_event_parser_stacks_in_one_chain() -> None:
    """Outer middleware sees the raw event, the handler the parsed model."""
    seen: list[Any] = []

    @lambda_handler_decorator
    def outer(handler: Any, event: Any, context: Any) -> Any:
        seen.append(type(event).__name__)
        return handler(event, context)

    @outer
    @event_parser(model=Order, envelope=envelopes.EventBridgeEnvelope)
    def handler(event: Order, context: Any) -> int:
        seen.append(type(event).__name__)
        return event.id

    assert handler({"detail": {"id": 9}}, None) == 9
    assert seen == ["dict", "Order"]


def test_errors_share_the_parser_base() -> None:
    """Both parser errors derive from ParserError and a builtin."""
    assert issubclass(ParserValidationError, ParserError)
    assert issubclass(ParserValidationError, ValueError)
    assert issubclass(InvalidModelError, ParserError)
    assert issubclass(InvalidModelError, TypeError)
