"""A module that fails while loading, with powerkit asked to log uncaught exceptions."""

from __future__ import annotations

from powerkit.logging import Logger

logger = Logger(service="runtime-init", log_uncaught_exceptions=True)

settings: dict[str, str] = {}
TABLE = settings["TABLE_NAME"]


def handler(event: object, context: object) -> None:
    """Never reached: the module does not load."""
