"""Case-insensitive HTTP headers over the raw dict, and cookie parsing.

HTTP header names are case-insensitive, but each AWS front door spells them its own way
(API Gateway REST keeps the client's case, HTTP APIs and Function URLs lower-case them, ALB
lower-cases them, VPC Lattice v2 sends lists). `Headers` reads all of them alike
without copying: an exact-case lookup is one dict read; the lower-cased index is built only
when a lookup misses in exact case, once per wrapper.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


def _joined(value: Any) -> str:
    # Lists (multi-value maps, VPC Lattice v2) combine as HTTP does: comma-separated.
    if isinstance(value, list):
        return ",".join(value)
    text: str = value
    return text


class Headers(Mapping[str, str]):
    """A read-only, case-insensitive view of request headers.

    ``headers["content-type"]`` and ``headers["Content-Type"]`` read the same header; a
    header sent several times reads as its values joined with commas. `get_all` gives
    each value separately.

    Args:
        single: the single-value headers map (values are strings, or lists of strings).
        multi: the multi-value headers map, when the event has one.

    Examples:
        >>> headers = Headers({"Content-Type": "application/json"})
        >>> headers["content-type"], headers.get("X-Missing", "none")
        ('application/json', 'none')
    """

    __slots__ = ("_lower", "_multi", "_multi_lower", "_single")

    def __init__(
        self,
        single: Mapping[str, Any] | None,
        multi: Mapping[str, list[str]] | None = None,
    ) -> None:
        # When only the multi-value map exists (ALB with multi-value headers), it is both.
        self._single: Mapping[str, Any] = single if single is not None else (multi or {})
        self._multi = multi
        self._lower: dict[str, str] | None = None
        self._multi_lower: dict[str, str] | None = None

    def _key(self, name: str) -> str | None:
        """The key under which ``name`` is stored in the single map, whatever its case."""
        lower = self._lower
        if lower is None:
            # Front doors send either lower case or the client's (usually Title-Case)
            # spelling: two C-level probes usually find the header before the index
            # (one entry per header) is worth building.
            single = self._single
            for variant in (name.lower(), name.title()):
                if variant in single:
                    return variant
            lower = self._lower = {key.lower(): key for key in single}
        return lower.get(name.lower())

    def __getitem__(self, name: str) -> str:
        single = self._single
        if name in single:
            return _joined(single[name])
        key = self._key(name)
        if key is None:
            raise KeyError(name)
        return _joined(single[key])

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The value of header ``name`` in any case, or ``default`` when absent."""
        single = self._single
        value = single.get(name)
        if value is None:
            key = self._key(name)
            if key is None:
                return default
            value = single[key]
        return _joined(value) if isinstance(value, list) else value

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self._single or self._key(name) is not None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._single)

    def __len__(self) -> int:
        return len(self._single)

    def __repr__(self) -> str:
        return f"Headers({dict(self._single)!r})"

    def get_all(self, name: str) -> list[str]:
        """Every value of header ``name`` (any case), in order; empty when absent."""
        multi = self._multi
        if multi:
            if self._multi_lower is None:
                self._multi_lower = {key.lower(): key for key in multi}
            key = self._multi_lower.get(name.lower())
            if key is not None:
                return list(multi[key] or [])
        key = name if name in self._single else self._key(name)
        if key is None:
            return []
        value = self._single[key]
        return list(value) if isinstance(value, list) else [value]


def parse_cookies(pairs: list[str]) -> dict[str, str]:
    """Cookies from ``name=value`` strings (each may hold several, separated by ``;``).

    Later cookies with the same name win; malformed pieces without ``=`` are skipped.
    """
    cookies: dict[str, str] = {}
    for pair in pairs:
        for piece in pair.split(";"):
            name, sep, value = piece.strip().partition("=")
            if sep and name:
                cookies[name] = value
    return cookies
