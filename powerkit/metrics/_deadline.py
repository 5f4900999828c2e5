"""One daemon thread that runs deadline flushes shortly before Lambda would kill the handler.

A ``threading.Timer`` per invocation would start a thread per invocation (tens of
microseconds each); this scheduler keeps one lazily started daemon thread and a dict of due
actions. Scheduling and cancelling take a lock and touch a dict; the thread is woken only when
a new action is due earlier than the one it already waits for (the common, sequential case
needs no wake-up at all).
"""

from __future__ import annotations

import itertools
import math
import os
import threading
import time
from collections.abc import Callable
from typing import Any

Action = Callable[[Any], None]


class DeadlineScheduler:
    """Run actions at ``time.monotonic()`` instants unless they are cancelled first."""

    def __init__(self) -> None:
        # The plain lock guards the dict (cheaper to enter than the Condition, whose
        # __enter__ is Python code); the Condition over it only wakes the thread.
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._due: dict[int, tuple[float, Action, Any]] = {}
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None
        self._wake_at = math.inf

    def schedule(self, at: float, action: Action, argument: Any) -> int:
        """Run ``action(argument)`` on the scheduler thread at monotonic time ``at``.

        Returns:
            The key to pass to :meth:`cancel`.
        """
        key = next(self._ids)
        with self._lock:
            self._due[key] = (at, action, argument)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="powerkit-metrics-deadline", daemon=True
                )
                self._thread.start()
            elif at < self._wake_at:
                self._cond.notify()
        return key

    def cancel(self, key: int) -> None:
        """Forget the action scheduled under ``key`` (no-op once it ran)."""
        with self._lock:
            self._due.pop(key, None)

    def _run(self) -> None:
        cond = self._cond
        while True:
            with cond:
                now = time.monotonic()
                ready = [key for key, entry in self._due.items() if entry[0] <= now]
                actions = [self._due.pop(key) for key in ready]
                if not actions:
                    self._wake_at = min(
                        (entry[0] for entry in self._due.values()), default=math.inf
                    )
                    timeout = None if self._wake_at == math.inf else self._wake_at - now
                    cond.wait(timeout)
                    continue
            for _, action, argument in actions:  # outside the lock: a flush takes its own
                try:
                    action(argument)
                except Exception:  # pragma: no cover - an action must never kill the thread
                    import traceback

                    traceback.print_exc()

    def _after_fork(self) -> None:
        # The thread does not survive fork(); the child starts its own on first use.
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._due = {}
        self._thread = None
        self._wake_at = math.inf


scheduler = DeadlineScheduler()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=scheduler._after_fork)
