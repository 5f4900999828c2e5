"""Middleware for Lambda handlers: write ``def mw(handler, event, context, **options)`` once,
use it as ``@mw`` or ``@mw(option=...)``, stacked with powerkit's own decorators.

Stacked powerkit decorators are flattened into one chain that runs in one invocation scope:
the outermost decorator runs first, and the handler itself is called once at the end.
"""

from powerkit._scope import Invocation, current_invocation, is_cold_start
from powerkit.middleware._decorator import (
    HandlerDecorator,
    MiddlewareError,
    lambda_handler_decorator,
)

__all__ = [
    "HandlerDecorator",
    "Invocation",
    "MiddlewareError",
    "current_invocation",
    "is_cold_start",
    "lambda_handler_decorator",
]
