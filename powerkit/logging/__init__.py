"""Structured logging for Lambda handlers: one JSON object per line, on a real ``logging.Logger``.

Public names:

- `Logger` — the logger (``inject_lambda_context``, keys, buffering, sampling);
- `LogBuffer` — buffering configuration;
- `context_keys` — add keys to every powerkit logger's lines inside a block;
- `set_correlation_id` / `get_correlation_id` — the invocation's correlation id;
- `correlation_paths` — JMESPath expressions for common events;
- `JsonFormatter` — powerkit's formatter, for any ``logging`` handler.

Exception tree::

    PowerkitError
    └── LoggingError
        └── ParentLoggerNotFoundError (LookupError)   a child logger has no parent

Warnings: `LogLevelWarning` (``AWS_LAMBDA_LOG_LEVEL`` is stricter than asked).
"""

from powerkit.logging import correlation_paths
from powerkit.logging._buffer import LogBuffer
from powerkit.logging._context import context_keys, get_correlation_id, set_correlation_id
from powerkit.logging._format import JsonFormatter
from powerkit.logging._levels import LogLevelWarning
from powerkit.logging._logger import Logger
from powerkit.logging._service import LoggingError, ParentLoggerNotFoundError

__all__ = [
    "JsonFormatter",
    "LogBuffer",
    "LogLevelWarning",
    "Logger",
    "LoggingError",
    "ParentLoggerNotFoundError",
    "context_keys",
    "correlation_paths",
    "get_correlation_id",
    "set_correlation_id",
]
