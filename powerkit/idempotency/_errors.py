"""Exceptions raised by powerkit.idempotency.

Exception tree::

    PowerkitError
    └── IdempotencyError
        ├── IdempotencyAlreadyInProgressError    another invocation holds the key's lock
        ├── IdempotencyValidationError (ValueError)  same key, different payload
        ├── IdempotencyKeyError (ValueError)     no idempotency key in the payload
        ├── IdempotencyConfigError (ConfigError) bad IdempotencyConfig or decorator options
        ├── IdempotencyPersistenceLayerError     the store failed or could not be reached
        └── IdempotencySerializationError (TypeError)  a result cannot be stored or restored
"""

from __future__ import annotations

import warnings

from powerkit._errors import ConfigError, PowerkitError, PowerkitWarning


class IdempotencyError(PowerkitError):
    """Base class of every idempotency error."""


class IdempotencyAlreadyInProgressError(IdempotencyError):
    """Another invocation is processing the same idempotency key right now."""

    def __init__(self, key: str, in_progress_expiry_ms: int | None) -> None:
        self.key = key
        self.in_progress_expiry_ms = in_progress_expiry_ms
        until = (
            f" (its lock lapses at epoch ms {in_progress_expiry_ms})"
            if in_progress_expiry_ms is not None
            else ""
        )
        super().__init__(
            f"Idempotency key {key!r} is being processed by another invocation{until}. "
            "Retry later, or use IdempotencyConfig(on_in_progress='wait') to wait for its result."
        )


class IdempotencyValidationError(IdempotencyError, ValueError):
    """The payload differs from the one stored for the same idempotency key."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(
            f"Idempotency key {key!r} was first used with a different payload (the part selected "
            "by payload_validation_jmespath differs). Send a new key for a new request, or "
            "resend the original payload."
        )


class IdempotencyKeyError(IdempotencyError, ValueError):
    """The payload yields no idempotency key and raise_on_no_idempotency_key is set."""


class IdempotencyConfigError(IdempotencyError, ConfigError):
    """The idempotency configuration or decorator options cannot be used."""


class IdempotencyPersistenceLayerError(IdempotencyError):
    """The persistence store failed, was unreachable or throttled the request."""


class IdempotencySerializationError(IdempotencyError, TypeError):
    """A function result could not be serialized for storage, or restored from it."""


class IdempotencyWarning(PowerkitWarning):
    """Idempotency was skipped or could not be completed; the function still ran."""


def warn(message: str) -> None:
    """Issue an `IdempotencyWarning` attributed to the caller's code."""
    warnings.warn(message, IdempotencyWarning, stacklevel=4)
