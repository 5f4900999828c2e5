"""IdempotencyConfig: the policy knobs, validated when built (not on the first event)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from powerkit.idempotency._errors import IdempotencyConfigError
from powerkit.idempotency._record import IdempotencyRecord

ResponseHook = Callable[[Any, IdempotencyRecord], Any]


class IdempotencyConfig:
    """How idempotency keys are made and how long records and locks last.

    Attributes:
        event_key_jmespath: JMESPath selecting the part of the payload that identifies a
            request (e.g. ``"body.order_id"`` or ``"[headers.\\"idempotency-key\\", body.user]"``);
            None hashes the whole payload.
        payload_validation_jmespath: JMESPath selecting the part that must match the first
            request's for a replay; a mismatch raises ``IdempotencyValidationError``.
        raise_on_no_idempotency_key: raise ``IdempotencyKeyError`` when the key selection is
            empty; by default the function then runs without idempotency and a warning is issued.
        expires_after_seconds: how long a completed result is replayed.
        in_progress_expiry_ms: how long a lock lasts. None uses the invocation's remaining time
            (Lambda's deadline) or, outside an invocation, ``default_lock_ms``.
        on_in_progress: ``"raise"`` raises ``IdempotencyAlreadyInProgressError`` when another
            invocation holds the lock; ``"wait"`` polls until it completes (returning its
            result) or the caller's deadline nears (then raises).
        use_local_cache: also keep completed results in this process (0 store calls on a hit).
        local_cache_max_items: size of that cache (least recently used entries are dropped).
        hash_function: a ``hashlib`` algorithm name.
        response_hook: ``hook(response, record) -> response`` applied to replayed results.
        default_lock_ms: lock length when there is no deadline to use (no Lambda context);
            Lambda's maximum timeout, 15 minutes, by default.
        wait_margin_ms: with ``on_in_progress="wait"``, stop waiting this long before the
            caller's deadline.
    """

    __slots__ = _FIELDS = (
        "event_key_jmespath",
        "payload_validation_jmespath",
        "raise_on_no_idempotency_key",
        "expires_after_seconds",
        "in_progress_expiry_ms",
        "on_in_progress",
        "use_local_cache",
        "local_cache_max_items",
        "hash_function",
        "response_hook",
        "default_lock_ms",
        "wait_margin_ms",
    )

    # A plain class rather than a dataclass: importing dataclasses would be about half the
    # cost of importing powerkit.idempotency.
    def __init__(
        self,
        event_key_jmespath: str | None = None,
        payload_validation_jmespath: str | None = None,
        raise_on_no_idempotency_key: bool = False,
        expires_after_seconds: int = 3600,
        in_progress_expiry_ms: int | None = None,
        on_in_progress: Literal["raise", "wait"] = "raise",
        use_local_cache: bool = False,
        local_cache_max_items: int = 256,
        hash_function: str = "sha256",
        response_hook: ResponseHook | None = None,
        default_lock_ms: int = 900_000,
        wait_margin_ms: int = 200,
    ) -> None:
        values = locals()
        for name in self._FIELDS:
            object.__setattr__(self, name, values[name])
        self._validate()

    event_key_jmespath: str | None
    payload_validation_jmespath: str | None
    raise_on_no_idempotency_key: bool
    expires_after_seconds: int
    in_progress_expiry_ms: int | None
    on_in_progress: Literal["raise", "wait"]
    use_local_cache: bool
    local_cache_max_items: int
    hash_function: str
    response_hook: ResponseHook | None
    default_lock_ms: int
    wait_margin_ms: int

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(
            f"IdempotencyConfig is immutable; build a new one with replace({name}=...)"
        )

    def replace(self, **changes: Any) -> IdempotencyConfig:
        """A copy with ``changes`` applied (validated like a new config)."""
        values = {name: getattr(self, name) for name in self._FIELDS}
        values.update(changes)
        return IdempotencyConfig(**values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IdempotencyConfig):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._FIELDS)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in self._FIELDS))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"IdempotencyConfig({fields})"

    def _validate(self) -> None:
        _positive("expires_after_seconds", self.expires_after_seconds)
        _positive("local_cache_max_items", self.local_cache_max_items)
        _positive("default_lock_ms", self.default_lock_ms)
        if self.in_progress_expiry_ms is not None:
            _positive("in_progress_expiry_ms", self.in_progress_expiry_ms)
        if not isinstance(self.wait_margin_ms, int) or self.wait_margin_ms < 0:
            raise IdempotencyConfigError(
                f"wait_margin_ms={self.wait_margin_ms!r} must be a whole number >= 0"
            )
        if self.on_in_progress not in ("raise", "wait"):
            raise IdempotencyConfigError(
                f"on_in_progress={self.on_in_progress!r} is not supported; use 'raise' or 'wait'"
            )
        import hashlib

        if self.hash_function not in hashlib.algorithms_available:
            raise IdempotencyConfigError(
                f"hash_function={self.hash_function!r} is not a hashlib algorithm here; use one "
                f"of {sorted(hashlib.algorithms_guaranteed)}"
            )
        if self.response_hook is not None and not callable(self.response_hook):
            raise IdempotencyConfigError("response_hook must be callable: hook(response, record)")
        for name in ("event_key_jmespath", "payload_validation_jmespath"):
            expression = getattr(self, name)
            if expression is not None:
                _compile(name, expression)


def _positive(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise IdempotencyConfigError(f"{name}={value!r} must be a whole number > 0")


def _compile(name: str, expression: str) -> None:
    from powerkit.jmespath import JMESPathError, compile_expression

    try:
        compile_expression(expression)
    except JMESPathError as exc:
        raise IdempotencyConfigError(
            f"{name}={expression!r} is not a valid JMESPath expression: {exc}"
        ) from None
