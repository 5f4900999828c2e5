"""``log_uncaught_exceptions=True``: one JSON line for an exception nobody caught."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from powerkit.logging._logger import Logger


def install_excepthook(logger: Logger) -> None:
    """Make ``sys.excepthook`` log uncaught exceptions through ``logger``.

    A hook installed before (other than Python's default, which would print the traceback a
    second time as plain text) is still called afterwards. ``KeyboardInterrupt`` is left to
    the previous hook.
    """
    previous = sys.excepthook

    def hook(
        kind: type[BaseException], value: BaseException, traceback: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, traceback)
            return
        innermost = traceback
        while innermost is not None and innermost.tb_next is not None:
            innermost = innermost.tb_next
        # Report where it was raised, not this hook.
        where = (
            {"location": f"{innermost.tb_frame.f_code.co_name}:{innermost.tb_lineno}"}
            if innermost is not None
            else {}
        )
        try:
            logger.critical(
                "Uncaught exception: %s",
                type(value).__name__,
                exc_info=(kind, value, traceback),
                extra=where,
            )
        except Exception:  # the hook must never hide the original error
            previous(kind, value, traceback)
            return
        if previous is not sys.__excepthook__:
            previous(kind, value, traceback)

    sys.excepthook = hook
