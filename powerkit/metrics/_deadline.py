"""One daemon thread that runs deadline flushes shortly before Lambda would kill the handler.

A ``threading.Timer`` per invocation would start a thread per invocation (tens of
microseconds each); this scheduler keeps one lazily started daemon thread and a dict of due
actions. Scheduling and cancelling touch a dict; the thread is woken only when a new action
is due before the thread's next wake-up, which is never more than a second away, so the
common case (actions due seconds later) needs no wake-up at all.
"""

from __future__ import annotations

import math
import os
import threading
import time

TYPE_CHECKING = False  # typing is not imported at run time: it costs more than this package
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Action = Callable[[Any], None]

_MAX_SLEEP_S = 1.0


class DeadlineScheduler:
    """Run actions at ``time.monotonic()`` instants unless they are cancelled first.

    Hot callers may skip the method calls: store ``due[key] = (at, action, argument)`` (one
    atomic dict store), then ``if at < wake_at: wake()``; cancel with ``due.pop(key, None)``.
    """

    def __init__(self) -> None:
        # The thread reads the dict under the lock; callers change it with single atomic dict
        # operations and take the lock only to wake the thread.
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self.due: dict[object, tuple[float, Action, Any]] = {}
        self.wake_at = math.inf  # while the thread recomputes it is inf: any entry wakes it
        self._thread: threading.Thread | None = None

    def schedule(self, key: object, at: float, action: Action, argument: Any) -> None:
        """Run ``action(argument)`` on the scheduler thread at monotonic time ``at``."""
        self.due[key] = (at, action, argument)
        if at < self.wake_at:
            self.wake()

    def cancel(self, key: object) -> None:
        """Forget the action scheduled under ``key`` (no-op once it ran)."""
        self.due.pop(key, None)

    def wake(self) -> None:
        """Make the thread look at the due actions now (starting it on first use)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="powerkit-metrics-deadline", daemon=True
                )
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._lock:
                self.wake_at = math.inf
                now = time.monotonic()
                # list() copies atomically: schedule/cancel mutate the dict without the lock.
                entries = list(self.due.items())
                ready = [self.due.pop(key, None) for key, entry in entries if entry[0] <= now]
                if not any(ready):
                    # Never sleep longer than _MAX_SLEEP_S: a new action due after the wake-up
                    # needs no notify, so sequential invocations (whose actions are due
                    # seconds away) schedule without waking the thread at all.
                    earliest = min((entry[0] for _, entry in entries), default=math.inf)
                    self.wake_at = min(earliest, now + _MAX_SLEEP_S)
                    self._cond.wait(self.wake_at - now)
                    continue
            for entry in ready:  # outside the lock: a flush takes its own lock and writes
                if entry is None:  # cancelled meanwhile
                    continue
                _, action, argument = entry
                try:
                    action(argument)
                except Exception:  # pragma: no cover - an action must never kill the thread
                    import traceback

                    traceback.print_exc()

    def _after_fork(self) -> None:
        # The thread does not survive fork(); the child starts its own on first use.
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self.due = {}
        self._thread = None
        self.wake_at = math.inf


scheduler = DeadlineScheduler()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=scheduler._after_fork)
