"""A structured (JSON-friendly) form of an exception and its traceback."""

from __future__ import annotations

import traceback
from typing import Any

_MAX_CHAIN = 5


def structured_stack_trace(exc: BaseException, depth: int = 0) -> dict[str, Any]:
    """``{"type", "module", "value", "frames": [{"file", "line", "function", "statement"}]}``.

    Frames are outermost first, like a printed traceback. A chained exception (``raise ...
    from`` or raised while handling another) is included under ``"cause"``.
    """
    kind = type(exc)
    try:
        value = str(exc)
    except Exception:
        value = f"<unprintable {kind.__name__}>"
    frames = [
        {
            "file": frame.filename,
            "line": frame.lineno,
            "function": frame.name,
            "statement": frame.line or None,
        }
        for frame in traceback.extract_tb(exc.__traceback__)
    ]
    trace: dict[str, Any] = {
        "type": kind.__name__,
        "module": kind.__module__,
        "value": value,
        "frames": frames,
    }
    cause = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    if cause is not None and depth < _MAX_CHAIN:
        trace["cause"] = structured_stack_trace(cause, depth + 1)
    return trace
