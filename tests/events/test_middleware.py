"""@event_source hands the handler the wrapped event."""

from __future__ import annotations

from typing import Any

import pytest

from powerkit.events import KinesisStreamEvent, SQSEvent, event_source
from powerkit.middleware import MiddlewareError
from powerkit.testing import lambda_context


def test_handler_receives_the_data_class() -> None:
    """The handler gets an instance of data_class over the very same raw event."""
    raw = {"Records": [{"messageId": "m1", "body": "hello"}]}
    seen: list[Any] = []

    @event_source(data_class=SQSEvent)
    def handler(event: SQSEvent, context: Any) -> list[str]:
        seen.append(event)
        return [record.body for record in event.records]

    assert handler(raw, lambda_context()) == ["hello"]
    assert isinstance(seen[0], SQSEvent)
    assert seen[0].raw_event is raw


def test_async_handler_is_run_to_completion() -> None:
    """An async handler decorated with event_source returns its result."""

    @event_source(data_class=KinesisStreamEvent)
    async def handler(event: KinesisStreamEvent, context: Any) -> int:
        return len(event.records)

    assert handler({"Records": [{}, {}]}, lambda_context()) == 2


def test_data_class_is_required() -> None:
    """Using event_source without data_class is an error when decorating."""
    with pytest.raises(MiddlewareError):

        @event_source
        def handler(event: Any, context: Any) -> None:
            return None


def test_stacks_with_other_powerkit_decorators() -> None:
    """event_source joins the flattened chain: outer middleware sees the raw event first."""
    from powerkit.middleware import lambda_handler_decorator

    seen: list[str] = []

    @lambda_handler_decorator
    def outer(handler: Any, event: Any, context: Any) -> Any:
        seen.append(type(event).__name__)
        return handler(event, context)

    @outer
    @event_source(data_class=SQSEvent)
    def handler(event: SQSEvent, context: Any) -> str:
        seen.append(type(event).__name__)
        return event.records[0].body

    assert handler({"Records": [{"body": "b"}]}, lambda_context()) == "b"
    assert seen == ["dict", "SQSEvent"]
    assert len(handler.__powerkit_chain__.layers) == 2  # type: ignore[attr-defined]
