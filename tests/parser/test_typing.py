"""Decorated handlers keep useful types for ``mypy --strict`` users (parser and validator)."""

from __future__ import annotations

from pathlib import Path

import pytest

SOURCE = """
from typing import Any

from pydantic import BaseModel

from powerkit.parser import envelopes, event_parser
from powerkit.validation import validator


class Order(BaseModel):
    id: int


@event_parser
def bare(event: Order, context: Any) -> int:
    return event.id


@event_parser(envelope=envelopes.SqsEnvelope)
def many(orders: list[Order], context: Any) -> list[int]:
    return [o.id for o in orders]


@event_parser(model=Order)
async def coro(event: Order, context: Any) -> str:
    return "x"


@validator(inbound_schema={"type": "object"})
def checked(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return event


@validator
async def checked_async(event: dict[str, Any], context: Any) -> int:
    return 1

reveal_type(bare({"id": 1}, None))
reveal_type(many({"Records": []}, None))
reveal_type(coro({}, None))
reveal_type(checked({}, None))
reveal_type(checked_async({}, None))
"""


def test_decorated_handlers_take_raw_events_and_keep_return_types(tmp_path: Path) -> None:
    """Handlers accept the raw event; async handlers return the awaited type."""
    api = pytest.importorskip("mypy.api")
    path = tmp_path / "handlers.py"
    path.write_text(SOURCE)
    out, err, status = api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"), str(path)]
    )
    revealed = [
        line.split("Revealed type is ")[1] for line in out.splitlines() if "Revealed" in line
    ]
    assert revealed == ['"int"', '"list[int]"', '"str"', '"dict[str, Any]"', '"int"'], out + err
    assert status == 0
    assert not [line for line in out.splitlines() if ": error:" in line]
