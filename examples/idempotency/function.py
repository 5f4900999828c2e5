"""Any function can be idempotent on one argument; dataclass results replay as dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from powerkit.idempotency import IdempotencyConfig, InMemoryPersistenceLayer, idempotent_function

store = InMemoryPersistenceLayer()


@dataclass
class Order:
    order_id: str
    amount_cents: int


@dataclass
class Receipt:
    order_id: str
    charged_cents: int


@idempotent_function(
    data_keyword_argument="order",
    persistence_store=store,
    config=IdempotencyConfig(event_key_jmespath="order_id"),
)
def charge(order: Order) -> Receipt:  # the return annotation picks the serializer
    print(f"charging {order.order_id}")
    return Receipt(order.order_id, order.amount_cents)


if __name__ == "__main__":
    first = charge(order=Order("o-7", 1250))
    again = charge(order=Order("o-7", 1250))  # replayed: no "charging" line
    print(first == again, type(again).__name__)
