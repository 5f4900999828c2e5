"""JMESPath with powerkit's functions, used by every expression powerkit evaluates.

Custom functions (each also under its ``powertools_*`` name, for migrating users):

- ``powerkit_json(str)``: parse a JSON string;
- ``powerkit_base64(str)``: decode base64 to a UTF-8 string;
- ``powerkit_base64_gzip(str)``: decode base64, gunzip, return a UTF-8 string.

``envelopes`` holds ready-made expressions that unwrap common event sources
(``envelopes.SQS``, ``envelopes.API_GATEWAY_REST``, ...).

The ``jmespath`` library is imported on first use of ``query``, ``compile_expression`` or
``JMESPathError``, not when this package (or ``envelopes``) is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from powerkit.jmespath import _envelopes as envelopes

if TYPE_CHECKING:
    from powerkit.jmespath._query import JMESPathError, compile_expression, query

__all__ = ["JMESPathError", "compile_expression", "envelopes", "query"]

_LAZY = frozenset({"JMESPathError", "compile_expression", "query"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from powerkit.jmespath import _query

        value = getattr(_query, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
