"""Parse events into pydantic models (extra ``parser``).

Importing this package does not import pydantic; models (`powerkit.parser.models`) are
loaded on first use, and each model's TypeAdapter is built once.

Exception tree::

    PowerkitError
    └── ParserError
        ├── ParserValidationError (ValueError)   the event or a payload does not match
        └── InvalidModelError (TypeError)        the model cannot be used, or none was given
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from powerkit.parser._adapters import parse_json_as
from powerkit.parser._errors import InvalidModelError, ParserError, ParserValidationError
from powerkit.parser._parse import event_parser, parse

if TYPE_CHECKING:
    from powerkit.parser import envelopes, models

__all__ = [
    "InvalidModelError",
    "ParserError",
    "ParserValidationError",
    "envelopes",
    "event_parser",
    "models",
    "parse",
    "parse_json_as",
]


def __getattr__(name: str) -> Any:
    if name in ("envelopes", "models"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
