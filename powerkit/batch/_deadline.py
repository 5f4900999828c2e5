"""The deadline watchdog's clock: when to stop before the Lambda deadline."""

from __future__ import annotations

import time
from collections.abc import Callable

now = time.monotonic


class Deadline:
    """The deadline watchdog: asks the Lambda context only when the time it gave may be up.

    ``cutoff`` is the monotonic time at which the margin would be reached if the context's
    clock runs like ours; the context is asked again then (and at the first record), so the
    per-record cost is one ``time.monotonic()`` call.
    """

    __slots__ = ("clock", "cutoff", "margin")

    def __init__(self, clock: Callable[[], int], margin: int) -> None:
        self.clock = clock
        self.margin = margin
        self.cutoff = float("-inf")

    def passed(self) -> bool:
        left = self.clock()
        if left < self.margin:
            return True
        self.cutoff = now() + (left - self.margin) / 1000
        return False
