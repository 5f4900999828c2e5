"""Load, compile and cache JSON schemas (compiled once per schema, with fastjsonschema)."""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Mapping
from typing import Any, Union

from powerkit._extras import require
from powerkit.validation._errors import (
    REDACTED,
    InvalidSchemaError,
    SchemaValidationError,
    is_sensitive,
    redact,
)

Formats = Mapping[str, str | Callable[[Any], bool]]
"""Custom ``format`` checks: a regular expression or a predicate per format name."""

SchemaSource = Union[Mapping[str, Any], bool, str, "os.PathLike[str]", "CompiledSchema"]
"""A schema as a dict, a path to a JSON file, or an already compiled schema."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

_lock = threading.Lock()
_by_content: dict[Any, CompiledSchema] = {}
_by_path: dict[str, tuple[tuple[int, int], CompiledSchema]] = {}


class CompiledSchema:
    """A JSON schema compiled to a Python function. Call it (or ``validate``) with data.

    Build one with `compile_schema`; instances are cached and shared.
    """

    __slots__ = ("_check", "_failure", "schema", "source")

    def __init__(self, schema: Any, source: str, formats: Formats | None) -> None:
        fastjsonschema = require(
            "fastjsonschema", extra="validation", feature="powerkit.validation"
        )
        try:
            self._check: Callable[[Any], Any] = fastjsonschema.compile(
                schema, formats=dict(formats or {}), use_default=True
            )
        except Exception as exc:  # fastjsonschema raises several types for bad schemas
            raise InvalidSchemaError(source, f"{type(exc).__name__}: {exc}") from exc
        self._failure: type[Exception] = fastjsonschema.JsonSchemaValueException
        self.schema = schema
        self.source = source

    def validate(self, data: Any, *, subject: str = "data") -> Any:
        """Return ``data`` (with schema defaults filled in) or raise SchemaValidationError.

        Args:
            data: the value to check.
            subject: what ``data`` is, for the message ("event", "response", ...).
        """
        try:
            return self._check(data)
        except self._failure as exc:
            raise _explain(exc, data, subject) from None

    __call__ = validate

    def __repr__(self) -> str:
        return f"CompiledSchema({self.source})"


def _explain(exc: Any, data: Any, subject: str) -> SchemaValidationError:
    """Turn a fastjsonschema failure into a SchemaValidationError with a JSON path."""
    path, hidden, node = "$", False, data
    for part in list(exc.path)[1:]:  # the first element is the root name, "data"
        if isinstance(node, list) and part.isdigit():
            path += f"[{part}]"
            index = int(part)
            node = node[index] if index < len(node) else None
            continue
        path += f".{part}" if _IDENTIFIER.match(part) else f"[{json.dumps(part)}]"
        hidden = hidden or is_sensitive(part)
        node = node.get(part) if isinstance(node, dict) else None
    message: str = exc.message
    reason = message[len(exc.name) + 1 :] if message.startswith(exc.name + " ") else message
    value = REDACTED if hidden else redact(exc.value)
    return SchemaValidationError(
        subject=subject, path=path, rule=exc.rule, value=value, reason=reason
    )


def _formats_key(formats: Formats | None) -> tuple[Any, ...]:
    if not formats:
        return ()
    return tuple(
        sorted(
            (name, check if isinstance(check, str) else id(check))
            for name, check in formats.items()
        )
    )


def _compiled(key: Any, schema: Any, source: str, formats: Formats | None) -> CompiledSchema:
    compiled = _by_content.get(key)
    if compiled is None:
        compiled = CompiledSchema(schema, source, formats)
        with _lock:
            compiled = _by_content.setdefault(key, compiled)
    return compiled


def _from_file(path: str, formats: Formats | None) -> CompiledSchema:
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise InvalidSchemaError(f"file {path!r}", f"cannot read it ({exc.strerror})") from exc
    signature = (stat.st_mtime_ns, stat.st_size)
    cached = _by_path.get(path)
    if cached is not None and cached[0] == signature and not formats:
        return cached[1]
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        schema = json.loads(text)
    except OSError as exc:
        raise InvalidSchemaError(f"file {path!r}", f"cannot read it ({exc.strerror})") from exc
    except ValueError as exc:  # also UnicodeDecodeError
        raise InvalidSchemaError(f"file {path!r}", f"not valid JSON ({exc})") from exc
    compiled = _compiled(("text", text, _formats_key(formats)), schema, f"file {path!r}", formats)
    if not formats:
        _by_path[path] = (signature, compiled)
    return compiled


def _describe(schema: Any) -> str:
    if isinstance(schema, dict):
        for key in ("$id", "title"):
            if isinstance(schema.get(key), str):
                return f"(dict with {key} {schema[key]!r})"
    return "(dict)"


def compile_schema(schema: SchemaSource, formats: Formats | None = None) -> CompiledSchema:
    """Compile ``schema`` once and return the cached validator on later calls.

    Args:
        schema: a dict (cached by its canonical JSON, so equal dicts share one validator),
            ``True``/``False``, a path to a JSON file (recompiled when the file changes), or
            a `CompiledSchema` (returned as is).
        formats: custom ``format`` checks, by format name.

    Raises:
        InvalidSchemaError: the schema cannot be read or compiled.
        MissingExtraError: fastjsonschema is not installed (``pip install "powerkit[validation]"``).
    """
    if isinstance(schema, CompiledSchema):
        return schema
    if isinstance(schema, (str, os.PathLike)):
        return _from_file(os.fspath(schema), formats)
    if isinstance(schema, (bool, Mapping)):
        plain = schema if isinstance(schema, (bool, dict)) else dict(schema)
        try:
            text = json.dumps(plain, sort_keys=True, separators=(",", ":"))
        except (TypeError, ValueError) as exc:
            raise InvalidSchemaError("(dict)", f"it is not JSON data ({exc})") from exc
        key = (text, _formats_key(formats)) if formats else text
        compiled = _by_content.get(key)
        if compiled is not None:
            return compiled
        # Compile a private copy: later changes to the caller's dict make a new cache key.
        return _compiled(key, json.loads(text), _describe(plain), formats)
    raise InvalidSchemaError(
        repr(schema)[:60],
        f"expected a dict, a bool or a path to a JSON file, got {type(schema).__name__}",
    )


def clear_cache() -> None:
    """Forget every compiled schema (for tests and long-running local processes)."""
    with _lock:
        _by_content.clear()
        _by_path.clear()
