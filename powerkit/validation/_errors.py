"""Errors of the validation utility, and how a failing value is shown in them."""

from __future__ import annotations

import re
from typing import Any

from powerkit._errors import PowerkitError

_MAX_TEXT = 80
_MAX_ITEMS = 10
_MAX_DEPTH = 4
REDACTED = "***"

# Key fragments whose values never appear in an error: error messages end up in logs, and a
# rejected payload is exactly where a password or token sent in the wrong field shows up.
_SENSITIVE = re.compile(
    r"pass(word|wd|phrase)?|secret|token|authori[sz]ation|cookie|api_?key|credential|"
    r"private_?key|session|ssn|card_?number|cvv",
    re.IGNORECASE,
)


def is_sensitive(key: object) -> bool:
    """True when the values under ``key`` must be hidden in error messages."""
    return isinstance(key, str) and _SENSITIVE.search(key) is not None


def redact(value: Any, depth: int = 0) -> Any:
    """A copy of ``value`` safe to show: sensitive keys hidden, long text and lists cut."""
    if isinstance(value, str):
        return value if len(value) <= _MAX_TEXT else value[: _MAX_TEXT - 1] + "…"
    if depth >= _MAX_DEPTH and isinstance(value, (dict, list, tuple)):
        return "…"
    if isinstance(value, dict):
        shown = {
            key: REDACTED if is_sensitive(key) else redact(item, depth + 1)
            for key, item in list(value.items())[:_MAX_ITEMS]
        }
        if len(value) > _MAX_ITEMS:
            shown["…"] = f"{len(value) - _MAX_ITEMS} more keys"
        return shown
    if isinstance(value, (list, tuple)):
        items = [redact(item, depth + 1) for item in value[:_MAX_ITEMS]]
        if len(value) > _MAX_ITEMS:
            items.append(f"… {len(value) - _MAX_ITEMS} more items")
        return items
    return value


def short_repr(value: Any) -> str:
    """``repr`` of an already redacted value, on one line and at most 80 characters."""
    text = repr(value).replace("\n", "\\n")
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


class SchemaError(PowerkitError, ValueError):
    """Base of the validation utility's errors."""


class InvalidSchemaError(SchemaError):
    """A JSON schema cannot be loaded or compiled (raised when the schema is first used,
    which for ``@validator`` is decoration time)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(
            f"Invalid JSON schema {source}: {reason}. Fix the schema (JSON Schema draft-04, "
            f"06 or 07) before using it."
        )


class SchemaValidationError(SchemaError):
    """Data does not match its JSON schema.

    Attributes:
        path: JSON path of the failing value, e.g. ``$.items[2].price`` (``$`` is the data
            that was validated, after the envelope).
        rule: the JSON Schema keyword that failed, e.g. ``"minimum"``.
        value: the failing value, with long text and lists truncated and values under
            sensitive keys (password, token, authorization, ...) replaced by ``***``.
        reason: what is wrong, e.g. ``"must be bigger than or equal to 0"``.
    """

    def __init__(self, *, subject: str, path: str, rule: str | None, value: Any, reason: str):
        self.subject = subject
        self.path = path
        self.rule = rule
        self.value = value
        self.reason = reason
        rule_text = f"rule {rule!r}, " if rule else ""
        super().__init__(
            f"{subject.capitalize()} failed schema validation at {path}: {reason} "
            f"({rule_text}value {short_repr(value)}); send data that matches the schema, "
            f"or relax the schema."
        )
