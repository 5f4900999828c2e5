"""Compiled-expression cache and the custom functions."""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from typing import Any

import jmespath
from jmespath import functions
from jmespath.exceptions import JMESPathError as _LibraryJMESPathError
from jmespath.parser import ParsedResult

from powerkit._errors import PowerkitError


class JMESPathError(PowerkitError, ValueError):
    """A JMESPath expression is invalid, or a value it decodes is malformed."""

    def __init__(self, expression: str, reason: str) -> None:
        self.expression = expression
        self.reason = reason
        super().__init__(f"JMESPath expression {expression!r} failed: {reason}")


class _DecodeError(Exception):
    """Raised inside a custom function; turned into `JMESPathError` by `query`."""


def _json(value: str) -> Any:
    try:
        return json.loads(value)
    except (TypeError, ValueError) as exc:
        raise _DecodeError(f"powerkit_json: value is not valid JSON ({exc})") from exc


def _base64(value: str) -> str:
    try:
        return base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise _DecodeError(f"powerkit_base64: value is not base64 of UTF-8 text ({exc})") from exc


def _base64_gzip(value: str) -> str:
    try:
        # wbits 32 + MAX_WBITS accepts both gzip and zlib headers: CloudWatch Logs sends gzip,
        # but some producers (e.g. account-level log policies) send zlib.
        raw = base64.b64decode(value, validate=True)
        return zlib.decompress(raw, 32 + zlib.MAX_WBITS).decode("utf-8")
    except (binascii.Error, OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise _DecodeError(
            f"powerkit_base64_gzip: value is not base64 of gzip-compressed UTF-8 text ({exc})"
        ) from exc


class _Functions(functions.Functions):
    @functions.signature({"types": ["string"]})
    def _func_powerkit_json(self, value: str) -> Any:
        return _json(value)

    @functions.signature({"types": ["string"]})
    def _func_powerkit_base64(self, value: str) -> str:
        return _base64(value)

    @functions.signature({"types": ["string"]})
    def _func_powerkit_base64_gzip(self, value: str) -> str:
        return _base64_gzip(value)

    _func_powertools_json = _func_powerkit_json
    _func_powertools_base64 = _func_powerkit_base64
    _func_powertools_base64_gzip = _func_powerkit_base64_gzip


_OPTIONS = jmespath.Options(custom_functions=_Functions())
_compiled: dict[str, ParsedResult] = {}


def compile_expression(expression: str) -> ParsedResult:
    """Compile ``expression`` once; later calls return the cached result."""
    parsed = _compiled.get(expression)
    if parsed is None:
        try:
            parsed = jmespath.compile(expression)
        except _LibraryJMESPathError as exc:
            raise JMESPathError(expression, f"invalid expression ({exc})") from exc
        except (TypeError, ValueError) as exc:
            raise JMESPathError(expression, f"invalid expression ({exc})") from exc
        _compiled[expression] = parsed
    return parsed


def query(data: Any, expression: str) -> Any:
    """Evaluate ``expression`` against ``data`` with powerkit's custom functions.

    Raises:
        JMESPathError: the expression is invalid or a decoding function met bad input;
            the message names the expression and the reason.
    """
    parsed = compile_expression(expression)
    try:
        return parsed.search(data, options=_OPTIONS)
    except _DecodeError as exc:
        raise JMESPathError(expression, str(exc)) from exc
    except _LibraryJMESPathError as exc:
        raise JMESPathError(expression, str(exc)) from exc
