"""The idempotency record: what a store keeps for one key, and how time is read from it.

Units are fixed and never mixed: ``expiry`` is epoch **seconds** (the DynamoDB TTL format) and
``in_progress_expiry`` is epoch **milliseconds** (Lambda deadlines are in milliseconds). Whether
a record is expired, or its lock has lapsed, is derived from these timestamps at read time by
`can_take_over`; stores never rely on TTL deletion having happened.
"""

from __future__ import annotations

from typing import Any, Final, Literal, NamedTuple

Status = Literal["INPROGRESS", "COMPLETED"]

INPROGRESS: Final = "INPROGRESS"
COMPLETED: Final = "COMPLETED"


class IdempotencyRecord(NamedTuple):
    """One idempotency key's state, as stored (immutable; ``replace`` makes a changed copy).

    Attributes:
        key: the idempotency key (function identity + payload hash).
        status: ``"INPROGRESS"`` while the function runs, ``"COMPLETED"`` once its result
            is stored. "Expired" is not a status: it is derived from ``expiry``.
        expiry: when the record stops counting, in epoch seconds.
        in_progress_expiry: when an INPROGRESS lock may be taken over, in epoch milliseconds
            (the invocation's deadline), or None for "held until ``expiry``".
        data: the JSON-serialized result (COMPLETED only), e.g. ``"null"`` for ``None``.
        validation: hash of the payload part selected for validation, or None.
        owner: random token of the invocation that acquired the lock; only that
            invocation may complete or release the record.
    """

    key: str
    status: Status
    expiry: int
    in_progress_expiry: int | None
    data: str | None = None
    validation: str | None = None
    owner: str = ""

    def replace(self, **changes: Any) -> IdempotencyRecord:
        """A copy with ``changes`` applied, e.g. ``record.replace(owner="b")``."""
        return self._replace(**changes)

    def is_expired(self, now_ms: int) -> bool:
        """True once ``now_ms`` reaches `expiry` (seconds, compared in ms)."""
        return self.expiry * 1000 <= now_ms

    def lock_lapsed(self, now_ms: int) -> bool:
        """True for an INPROGRESS record whose in-progress expiry has been reached."""
        return (
            self.status == INPROGRESS
            and self.in_progress_expiry is not None
            and self.in_progress_expiry <= now_ms
        )


def can_take_over(existing: IdempotencyRecord | None, now_ms: int) -> bool:
    """Whether a new lock may replace ``existing`` at ``now_ms``.

    Yes when there is no record, the record has expired, or it is an INPROGRESS lock whose
    in-progress expiry has passed. A COMPLETED, unexpired record is never replaced.
    """
    return existing is None or existing.is_expired(now_ms) or existing.lock_lapsed(now_ms)
