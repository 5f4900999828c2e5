from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from powerkit.logging import Logger


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents


def money_as_number(value: object) -> object:
    if isinstance(value, Money):
        return value.cents / 100
    raise TypeError  # anything else: powerkit's own conversions


@dataclass
class Line:
    sku: str
    qty: int


logger = Logger(service="billing", json_default=money_as_number)

if __name__ == "__main__":
    logger.info(
        "invoice",
        due=date(2024, 6, 30),
        total=Money(1250),
        tax=Decimal("2.50"),
        lines=[Line("sku-1", 2)],
        tags={"b2b"},
    )
