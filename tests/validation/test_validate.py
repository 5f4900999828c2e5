"""``validate()`` and ``@validator`` on real events."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from powerkit.jmespath import JMESPathError
from powerkit.middleware import MiddlewareError, lambda_handler_decorator
from powerkit.testing import lambda_context
from powerkit.validation import (
    InvalidSchemaError,
    SchemaValidationError,
    envelopes,
    validate,
    validator,
)

MESSAGE = {
    "type": "object",
    "properties": {
        "message": {"type": "string"},
        "username": {"type": "string", "maxLength": 60},
        "priority": {"type": "integer", "default": 3},
    },
    "required": ["message", "username"],
}


def sample(shared_dir: Path, name: str) -> Any:
    return json.loads((shared_dir / "events" / "powertools" / name).read_text())


@pytest.mark.parametrize(
    ("file", "envelope"),
    [
        ("apigatewayeSchemaMiddlwareValidEvent.json", envelopes.API_GATEWAY_REST),
        ("apiGatewayProxyV2SchemaMiddlwareValidEvent.json", envelopes.API_GATEWAY_HTTP),
    ],
)
def test_valid_body_is_returned_with_defaults(shared_dir: Path, file: str, envelope: str) -> None:
    """validate() returns the unwrapped body with the schema's defaults filled in."""
    result = validate(sample(shared_dir, file), MESSAGE, envelope=envelope)
    assert result == {"message": "hello world", "username": "lessa", "priority": 3}


@pytest.mark.parametrize(
    "file",
    [
        "apigatewayeSchemaMiddlwareInvalidEvent.json",
        "apiGatewayProxyV2SchemaMiddlwareInvalidEvent.json",
    ],
)
def test_invalid_body_is_rejected_with_the_missing_property(shared_dir: Path, file: str) -> None:
    """The upstream 'invalid' samples fail because the message property is missing."""
    with pytest.raises(SchemaValidationError) as caught:
        validate(sample(shared_dir, file), MESSAGE, envelopes.API_GATEWAY_REST)
    assert str(caught.value) == (
        "Event failed schema validation at $: must contain ['message'] properties "
        "(rule 'required', value {'username': 'lessa'}); send data that matches the schema, "
        "or relax the schema."
    )


def test_sqs_envelope_validates_every_body(shared_dir: Path) -> None:
    """With the SQS envelope each body is validated; the failing index is in the path."""
    event = sample(shared_dir, "sqsEvent.json")
    for number, record in enumerate(event["Records"]):
        record["body"] = json.dumps({"id": number} if number == 0 else {"name": "no id"})
    bodies = validate(event, {"type": "array"}, envelopes.SQS)
    assert len(bodies) == len(event["Records"])
    with pytest.raises(SchemaValidationError) as caught:
        validate(event, {"items": {"type": "object", "required": ["id"]}}, envelopes.SQS)
    assert caught.value.path == "$[1]"
    assert caught.value.value == {"name": "no id"}


def test_validate_without_envelope_checks_the_event_itself() -> None:
    """No envelope means the whole event is validated and returned."""
    assert validate({"a": 1}, {"properties": {"a": {"type": "integer"}}}) == {"a": 1}


def test_envelope_decoding_error_is_a_jmespath_error() -> None:
    """A body that is not JSON is reported with the envelope expression."""
    with pytest.raises(JMESPathError, match=r"'powerkit_json\(body\)' failed"):
        validate({"body": "<xml/>"}, MESSAGE, envelopes.API_GATEWAY_REST)


def test_validator_passes_the_unwrapped_valid_event_to_the_handler(shared_dir: Path) -> None:
    """The handler receives the validated body, defaults included."""
    seen: list[Any] = []

    @validator(inbound_schema=MESSAGE, envelope=envelopes.API_GATEWAY_REST)
    def handler(event: dict[str, Any], context: Any) -> str:
        seen.append(event)
        return "ok"

    event = sample(shared_dir, "apigatewayeSchemaMiddlwareValidEvent.json")
    assert handler(event, lambda_context()) == "ok"
    assert seen == [{"message": "hello world", "username": "lessa", "priority": 3}]


def test_validator_rejects_before_the_handler_runs(shared_dir: Path) -> None:
    """An invalid event never reaches the handler."""
    calls: list[Any] = []

    @validator(inbound_schema=MESSAGE, envelope=envelopes.API_GATEWAY_REST)
    def handler(event: Any, context: Any) -> None:
        calls.append(event)

    with pytest.raises(SchemaValidationError, match=r"^Event failed"):
        handler(sample(shared_dir, "apigatewayeSchemaMiddlwareInvalidEvent.json"), lambda_context())
    assert calls == []


def test_validator_checks_the_response() -> None:
    """The response is validated against the outbound schema, with defaults applied."""
    outbound = {"required": ["statusCode"], "properties": {"headers": {"default": {}}}}

    @validator(outbound_schema=outbound)
    def good(event: Any, context: Any) -> dict[str, Any]:
        return {"statusCode": 200}

    @validator(outbound_schema=outbound)
    def bad(event: Any, context: Any) -> dict[str, Any]:
        return {"status": 200}

    assert good({}, None) == {"statusCode": 200, "headers": {}}
    with pytest.raises(SchemaValidationError, match=r"^Response failed schema validation at \$"):
        bad({}, None)


def test_validator_with_schema_file(tmp_path: Path) -> None:
    """A schema path works with the decorator."""
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"type": "object", "required": ["id"]}))

    @validator(inbound_schema=path)
    def handler(event: Any, context: Any) -> Any:
        return event["id"]

    assert handler({"id": 9}, None) == 9
    with pytest.raises(SchemaValidationError, match="must contain"):
        handler({}, None)


def test_broken_schema_fails_at_decoration_time() -> None:
    """A schema that cannot compile raises when the decorator is applied."""
    with pytest.raises(InvalidSchemaError, match="Unknown type"):

        @validator(inbound_schema={"type": "nothing"})
        def handler(event: Any, context: Any) -> None: ...


def test_broken_envelope_fails_at_decoration_time() -> None:
    """An invalid envelope expression raises when the decorator is applied."""
    with pytest.raises(JMESPathError, match="invalid expression"):
        validator(envelope="Records[*")


def test_positional_option_is_a_middleware_error() -> None:
    """Options are keywords; a positional dict is rejected with a hint."""
    with pytest.raises(MiddlewareError, match=r"@validator\(inbound_schema=schema\)"):
        validator(MESSAGE)  # type: ignore[call-overload]


def test_bare_validator_only_passes_through() -> None:
    """Bare @validator without schemas leaves event and response unchanged."""

    @validator
    def handler(event: Any, context: Any) -> Any:
        return event

    assert handler({"x": 1}, None) == {"x": 1}


def test_validator_stacks_with_other_middleware_in_one_chain() -> None:
    """Outer middleware sees the raw event; the handler sees the validated body."""
    order: list[str] = []

    @lambda_handler_decorator
    def outer(handler: Any, event: Any, context: Any) -> Any:
        order.append(f"outer:{sorted(event)}")
        return handler(event, context)

    @outer
    @validator(inbound_schema={"required": ["a"]}, envelope=envelopes.EVENTBRIDGE)
    def handler(event: Any, context: Any) -> Any:
        order.append(f"handler:{sorted(event)}")
        return event["a"]

    assert handler({"detail": {"a": 1}, "source": "x"}, None) == 1
    assert order == ["outer:['detail', 'source']", "handler:['a']"]


def test_validator_runs_async_handlers() -> None:
    """An async handler is awaited and its response validated."""

    @validator(inbound_schema={"type": "object"}, outbound_schema={"type": "integer"})
    async def handler(event: Any, context: Any) -> int:
        await asyncio.sleep(0)
        return len(event)

    assert handler({"a": 1, "b": 2}, None) == 2
