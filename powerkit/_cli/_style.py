"""Colour for terminals, plain text for pipes (and whenever NO_COLOR is set)."""

from __future__ import annotations

from typing import TextIO

from powerkit import _config

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


class Style:
    """Wraps text in ANSI codes only when writing to a terminal."""

    def __init__(self, stream: TextIO) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(isatty and isatty()) and _config.NO_COLOR.get() is None

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\033[{codes}m{text}\033[0m"
