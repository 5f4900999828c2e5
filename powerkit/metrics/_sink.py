"""Where EMF lines go: one function writes every line powerkit produces.

Lambda sends each stdout line to CloudWatch Logs, which extracts the metrics. Test helpers
(``powerkit.testing.capture_metrics`` and the suite's schema check) observe the lines through
*taps*: callables that receive every line, whether or not output is disabled, so tests see
exactly what would have been published.
"""

from __future__ import annotations

import sys
import threading

TYPE_CHECKING = False  # typing is not imported at run time: it costs more than this package
if TYPE_CHECKING:
    from collections.abc import Callable

    Tap = Callable[[str], None]

# Copy-on-write tuple: emit() reads it without a lock from any thread.
_taps: tuple[Tap, ...] = ()
_taps_lock = threading.Lock()


def add_tap(tap: Tap) -> None:
    """Call ``tap(line)`` for every EMF line from now on (test helpers only)."""
    global _taps
    with _taps_lock:
        _taps = (*_taps, tap)


def remove_tap(tap: Tap) -> None:
    """Stop calling ``tap``; a tap that is not installed is ignored."""
    global _taps
    with _taps_lock:
        taps = list(_taps)
        if tap in taps:
            taps.remove(tap)
        _taps = tuple(taps)


def emit(line: str, disabled: bool = False, flush: bool = False) -> None:
    """Publish one EMF line (a JSON object without newline).

    Args:
        line: the serialized EMF document.
        disabled: drop the line instead of writing it (taps still see it).
        flush: flush stdout afterwards; used when the process may be killed soon.
    """
    for tap in _taps:
        tap(line)
    if disabled:
        return
    # Looked up on every call so redirect_stdout and pytest's capsys see the line.
    out = sys.stdout
    out.write(line + "\n")
    if flush:
        out.flush()
