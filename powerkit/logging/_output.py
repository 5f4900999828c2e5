"""The handler that writes powerkit lines, and the tap `powerkit.testing.capture_logs` uses."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

# Test taps: while one is installed, lines go to it instead of the stream. Process-wide on
# purpose, so lines written by worker threads are captured too; empty outside tests.
_taps: list[Callable[[str], None]] = []
_taps_lock = threading.Lock()


@contextmanager
def tap(sink: Callable[[str], None]) -> Iterator[None]:
    """Send every line of every powerkit handler to ``sink`` (not to its stream) in the block."""
    with _taps_lock:
        _taps.append(sink)
    try:
        yield
    finally:
        with _taps_lock:
            _taps.remove(sink)


class PowerkitHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A ``StreamHandler`` whose default stream is whatever ``sys.stdout`` is at write time.

    Resolving ``sys.stdout`` late lets pytest's ``capsys`` and ``contextlib.redirect_stdout``
    see the lines of a logger created before them.
    """

    def __init__(self, stream: IO[str] | None = None) -> None:
        # Not StreamHandler.__init__: it would pin sys.stderr as the stream.
        logging.Handler.__init__(self)
        self._fixed: IO[str] | None = stream
        self.terminator = "\n"

    @property
    def stream(self) -> Any:
        return self._fixed if self._fixed is not None else sys.stdout

    @stream.setter
    def stream(self, value: Any) -> None:
        # setStream() assigns here; None goes back to following sys.stdout.
        self._fixed = value

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
            if _taps:
                for sink in list(_taps):
                    sink(text)
                return
            stream = self.stream
            stream.write(text + "\n")
            stream.flush()
        except RecursionError:  # same policy as the standard library
            raise
        except Exception:
            self.handleError(record)
