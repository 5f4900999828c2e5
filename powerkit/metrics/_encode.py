"""JSON encoding for EMF lines: CPython's C encoder, built once, and string quoting."""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: it costs more than this package
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

try:
    # CPython's C encoder, built once and called directly: json.JSONEncoder.encode() rebuilds
    # it on every call, and importing json pulls in the decoder too.
    from _json import encode_basestring_ascii as _ascii
    from _json import make_encoder as _make_encoder

    quote: Callable[[str], str] = _ascii

    _HAVE_C_ENCODER = True
except ImportError:  # pragma: no cover - other interpreters
    _HAVE_C_ENCODER = False


def _build_encoder(check_circular: bool) -> Callable[[Any], str]:
    """A compact, ASCII-only JSON encoder that refuses NaN and writes unknown objects as str().

    Without ``check_circular`` it keeps no state between calls and is safe to share between
    threads; only metadata can hold a cycle, and metadata is encoded with the check on add.
    """
    if not _HAVE_C_ENCODER:  # pragma: no cover - other interpreters
        import json

        encoder = json.JSONEncoder(
            separators=(",", ":"), default=str, allow_nan=False, check_circular=check_circular
        )
        return encoder.encode

    def encode(document: Any) -> str:
        markers: dict[int, Any] | None = {} if check_circular else None
        chunks = _make_encoder(markers, str, _ascii, None, ":", ",", False, False, False)(
            document, 0
        )
        return "".join(chunks)

    if check_circular:
        return encode
    shared = _make_encoder(None, str, _ascii, None, ":", ",", False, False, False)
    return lambda document: "".join(shared(document, 0))


encode = _build_encoder(check_circular=False)
"""Serialize an EMF document (metric values are checked finite on add)."""
encode_checked = _build_encoder(check_circular=True)
"""Serialize a user value, refusing cycles and NaN (used to check metadata on add)."""
