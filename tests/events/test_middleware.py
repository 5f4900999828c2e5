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
