"""What both decorators share: the deadline, the disabled switch, store checks, the run."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from powerkit.idempotency._engine import IdempotencyEngine, Lock, Replay, drive
from powerkit.idempotency._errors import IdempotencyConfigError, warn
from powerkit.idempotency._store import PersistenceStore

R = TypeVar("R")


def no_deadline() -> int | None:
    return None


def remaining_ms() -> Callable[[], int | None]:
    # Imported on use: `import powerkit.idempotency` stays free of the foundation's modules.
    from powerkit._scope import current_invocation

    invocation = current_invocation()
    return no_deadline if invocation is None else invocation.remaining_ms


def disabled(name: str) -> bool:
    from powerkit import _config as _env

    found = _env.IDEMPOTENCY_DISABLED.raw()  # name and value: POWERKIT_ or POWERTOOLS_ twin
    if found is None or not _config_bool(found):
        return False
    warn(
        f"{found[0]}={found[1]} is set: {name} runs without idempotency (local tests only; "
        "unset it before deploying)"
    )
    return True


def _config_bool(found: tuple[str, str]) -> bool:
    from powerkit._config import parse_bool

    return parse_bool(found[1], source=found[0])


def check_store(store: Any, decorator: str) -> PersistenceStore:
    if store is None:
        raise IdempotencyConfigError(
            f"@{decorator} needs a store: @{decorator}(persistence_store=DynamoDBPersistenceLayer"
            '("table"), ...) or SQLitePersistenceLayer/RedisPersistenceLayer/InMemoryPersistenceLayer'
        )
    if not isinstance(store, PersistenceStore):
        raise IdempotencyConfigError(
            f"persistence_store={store!r} is not a store: it needs acquire, complete, release "
            "and get methods (see powerkit.idempotency.PersistenceStore)"
        )
    return store


class Prefix:
    """The key prefix, resolved on first use (the Lambda function name is read then)."""

    def __init__(self, function: Callable[..., Any], explicit: str | None) -> None:
        self.value = explicit
        self.function = function

    def get(self) -> str:
        if self.value is None:
            name = f"{self.function.__module__}.{self.function.__qualname__}"
            from powerkit import _config as _env

            lambda_name = _env.AWS_LAMBDA_FUNCTION_NAME.get()
            self.value = f"{lambda_name}.{name}" if lambda_name else name
        return self.value


class Engines:
    """Builds the function's engine on first call, when the key prefix can be resolved."""

    def __init__(
        self,
        function: Callable[..., Any],
        key_prefix: str | None,
        make: Callable[[str], IdempotencyEngine],
    ) -> None:
        self._prefix = Prefix(function, key_prefix)
        self._make = make
        self._lock = threading.Lock()
        self.engine: IdempotencyEngine | None = None

    def get(self) -> IdempotencyEngine:
        engine = self.engine
        if engine is None:
            with self._lock:  # one engine (and one local cache) even if threads race here
                if self.engine is None:
                    self.engine = self._make(self._prefix.get())
                engine = self.engine
        return engine


def run(engine: IdempotencyEngine, payload: Any, call: Callable[[], R]) -> R:
    outcome = drive(engine.start(payload, remaining_ms()))
    if isinstance(outcome, Replay):
        result: R = outcome.value
        return result
    if outcome is None:
        return call()
    return run_locked(engine, outcome, call)


def run_locked(engine: IdempotencyEngine, lock: Lock, call: Callable[[], R]) -> R:
    try:
        result = call()
    except BaseException:
        engine.release(lock)
        raise
    engine.complete(lock, result)
    return result
