"""A cheaper way to build a standard ``logging.LogRecord`` for powerkit's own lines.

``logging.LogRecord.__init__`` recomputes file name and module from the path on every call
and looks up process and thread details; here the path-derived parts are cached per source
file and the caller's frame is already known, so a record costs a few attribute stores. The
result is a genuine ``LogRecord`` (handlers, filters and ``caplog`` see every usual attribute).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Mapping
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powerkit.logging._format import LineState

_LEVEL_NAMES = {
    logging.DEBUG: "DEBUG",
    logging.INFO: "INFO",
    logging.WARNING: "WARNING",
    logging.ERROR: "ERROR",
    logging.CRITICAL: "CRITICAL",
}
_START = time.time()


@functools.lru_cache(maxsize=512)
def _path_parts(pathname: str) -> tuple[str, str]:
    filename = os.path.basename(pathname)
    return filename, os.path.splitext(filename)[0]


def _process_name() -> str:
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return "MainProcess"
    try:
        return str(multiprocessing.current_process().name)
    except Exception:
        return "MainProcess"


class PowerkitRecord(logging.LogRecord):
    """A ``LogRecord`` built from a known frame (see module docstring).

    ``powerkit`` holds the keys captured when the line was logged.
    """

    powerkit: LineState

    def __init__(
        self,
        name: str,
        levelno: int,
        frame: FrameType | None,
        msg: Any,
        args: Any,
        exc_info: Any,
        stack_info: str | None,
    ) -> None:
        created = time.time()
        if args and len(args) == 1 and isinstance(args[0], Mapping) and args[0]:
            args = args[0]  # the standard library's "%(key)s" convention
        if frame is not None:
            code = frame.f_code
            pathname = code.co_filename
            self.lineno = frame.f_lineno
            self.funcName = code.co_name
        else:
            pathname, self.lineno, self.funcName = "(unknown file)", 0, "(unknown function)"
        self.name = name
        self.msg = msg
        self.args = args
        self.levelname = _LEVEL_NAMES.get(levelno) or logging.getLevelName(levelno)
        self.levelno = levelno
        self.pathname = pathname
        self.filename, self.module = _path_parts(pathname)
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = stack_info
        self.created = created
        self.msecs = (created - int(created)) * 1000
        self.relativeCreated = (created - _START) * 1000
        self.thread = threading.get_ident()
        self.threadName = threading.current_thread().name
        self.processName = _process_name()
        self.process = os.getpid()
        self.taskName = None


def exc_info_tuple(value: Any) -> Any:
    """``exc_info=`` as the standard library reads it: True, an exception, or a tuple."""
    if not value:
        return None
    if isinstance(value, BaseException):
        return (type(value), value, value.__traceback__)
    if isinstance(value, tuple):
        return value
    info = sys.exc_info()
    return info if info[1] is not None else None


def stack_text(frame: FrameType) -> str:
    """``stack_info=True``: the stack from ``frame`` outwards, as the standard library prints it."""
    return "Stack (most recent call last):\n" + "".join(traceback.format_stack(frame)).rstrip("\n")
