"""Output serializers: replays have the original result's type."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
from typing import Any, Optional

import pydantic
import pytest

from powerkit.idempotency import (
    DataclassSerializer,
    DictSerializer,
    IdempotencyConfigError,
    IdempotencySerializationError,
    InMemoryPersistenceLayer,
    PydanticSerializer,
    idempotent_function,
)


@dataclasses.dataclass
class Receipt:
    order_id: str
    total: int


class Payment(pydantic.BaseModel):
    id: str
    amount: decimal.Decimal
    at: datetime.datetime


def test_dataclass_return_annotation_picks_the_serializer() -> None:
    """A function annotated to return a dataclass replays an instance of it."""
    runs: list[str] = []

    @idempotent_function(
        data_keyword_argument="order", persistence_store=InMemoryPersistenceLayer()
    )
    def pay(order: str) -> Receipt:
        runs.append(order)
        return Receipt(order, 10)

    assert pay(order="o1") == Receipt("o1", 10)
    replayed = pay(order="o1")
    assert isinstance(replayed, Receipt)
    assert replayed == Receipt("o1", 10)
    assert runs == ["o1"]


def test_pydantic_return_annotation_picks_the_serializer() -> None:
    """A pydantic model result replays as the model, with its field types restored."""
    at = datetime.datetime(2024, 1, 1, 12, 0, tzinfo=datetime.timezone.utc)

    @idempotent_function(
        data_keyword_argument="order", persistence_store=InMemoryPersistenceLayer()
    )
    def pay(order: str) -> Payment:
        return Payment(id=order, amount=decimal.Decimal("9.99"), at=at)

    pay(order="p")
    replayed = pay(order="p")
    assert isinstance(replayed, Payment)
    assert replayed == Payment(id="p", amount=decimal.Decimal("9.99"), at=at)


def test_optional_annotations_replay_none_and_instances() -> None:
    """``Receipt | None`` and ``Optional[Payment]`` results replay None as None."""
    store = InMemoryPersistenceLayer()

    @idempotent_function(data_keyword_argument="order", persistence_store=store)
    def maybe(order: str) -> Receipt | None:
        return None if order == "none" else Receipt(order, 1)

    @idempotent_function(data_keyword_argument="order", persistence_store=store)
    def maybe_model(order: str) -> Optional[Payment]:  # noqa: UP045 - testing the old spelling
        return None

    assert [maybe(order="none"), maybe(order="none")] == [None, None]
    assert [maybe(order="x"), maybe(order="x")] == [Receipt("x", 1)] * 2
    assert [maybe_model(order="y"), maybe_model(order="y")] == [None, None]


def test_explicit_serializers_win_over_the_annotation() -> None:
    """output_serializer accepts a model type, a serializer instance, or DictSerializer."""
    store = InMemoryPersistenceLayer()

    @idempotent_function(
        data_keyword_argument="n", persistence_store=store, output_serializer=Receipt
    )
    def as_type(n: int) -> Any:
        return Receipt(str(n), n)

    @idempotent_function(
        data_keyword_argument="n",
        persistence_store=store,
        output_serializer=DictSerializer(
            to_dict=lambda value: sorted(value), from_dict=lambda data: set(data)
        ),
    )
    def as_set(n: int) -> set[int]:
        return set(range(n))

    assert [as_type(n=2), as_type(n=2)] == [Receipt("2", 2)] * 2
    assert [as_set(n=3), as_set(n=3)] == [{0, 1, 2}] * 2
    assert isinstance(PydanticSerializer(Payment).from_dict(None), type(None))
    assert DataclassSerializer(Receipt).to_dict(Receipt("a", 1)) == {"order_id": "a", "total": 1}


def test_unserializable_results_are_a_clear_error() -> None:
    """A result JSON cannot hold raises IdempotencySerializationError and frees the key."""
    store = InMemoryPersistenceLayer()

    @idempotent_function(data_keyword_argument="n", persistence_store=store)
    def fn(n: int) -> Any:
        return object()

    with pytest.raises(IdempotencySerializationError, match="output_serializer"):
        fn(n=1)
    assert store.records == {}


def test_bad_serializer_arguments_are_config_errors() -> None:
    """Serializers check their arguments when built."""
    with pytest.raises(IdempotencyConfigError):
        DataclassSerializer(dict)
    with pytest.raises(IdempotencyConfigError):
        PydanticSerializer(Receipt)
    with pytest.raises(IdempotencyConfigError, match="neither"):
        idempotent_function(
            data_keyword_argument="n",
            persistence_store=InMemoryPersistenceLayer(),
            output_serializer=int,
        )(lambda n: n)
