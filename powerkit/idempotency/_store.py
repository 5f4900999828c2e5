"""The persistence store protocol: storage operations only, no policy.

Key derivation, hashing, expiry times, payload validation, the local cache, owner tokens and
in-progress handling live in the engine (``_engine.py``). A store does four atomic things with
records it is handed; every time decision uses the ``now_ms`` the engine passes in, so the
store never reads a clock. Run `powerkit.idempotency.conformance` against your own store.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from powerkit.idempotency._record import IdempotencyRecord


@runtime_checkable
class PersistenceStore(Protocol):
    """Where idempotency records live. Implement these four methods for your own back end.

    Any exception a method raises (other than an ``IdempotencyError``) is reported to the
    caller as ``IdempotencyPersistenceLayerError``.
    """

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        """Atomically store the INPROGRESS ``record`` unless its key is held.

        The key is free when no record exists, when the stored record has expired
        (``expiry * 1000 <= now_ms``) or when it is INPROGRESS and its in-progress expiry
        is ``<= now_ms`` (see `can_take_over`).

        Returns:
            None when ``record`` was stored (the caller holds the lock), otherwise the
            stored record that holds the key, unchanged.
        """
        ...

    def complete(self, record: IdempotencyRecord) -> bool:
        """Replace the caller's INPROGRESS lock with the COMPLETED ``record``.

        Only when the stored record for ``record.key`` is INPROGRESS and owned by
        ``record.owner``; otherwise change nothing and return False.
        """
        ...

    def release(self, key: str, owner: str) -> bool:
        """Delete the INPROGRESS record for ``key`` if ``owner`` holds it; else return False."""
        ...

    def get(self, key: str) -> IdempotencyRecord | None:
        """The stored record for ``key`` (expired or not), or None. Strongly consistent."""
        ...
