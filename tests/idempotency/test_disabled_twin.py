"""POWERTOOLS_IDEMPOTENCY_DISABLED works too, and the warning names the variable that is set."""

from __future__ import annotations

import pytest

from powerkit.idempotency import IdempotencyWarning, InMemoryPersistenceLayer, idempotent_function


def test_the_powertools_twin_disables_and_is_named_in_the_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A migrating team's variable turns idempotency off; the warning says which one."""
    monkeypatch.setenv("POWERTOOLS_IDEMPOTENCY_DISABLED", "true")
    calls: list[int] = []

    @idempotent_function(
        data_keyword_argument="order", persistence_store=InMemoryPersistenceLayer()
    )
    def charge(*, order: dict[str, int]) -> int:
        calls.append(order["id"])
        return len(calls)

    with pytest.warns(IdempotencyWarning, match=r"POWERTOOLS_IDEMPOTENCY_DISABLED=true is set"):
        first = charge(order={"id": 1})
    with pytest.warns(IdempotencyWarning):
        second = charge(order={"id": 1})
    assert (first, second) == (1, 2)
    assert calls == [1, 1]
