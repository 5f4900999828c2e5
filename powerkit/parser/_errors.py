"""Errors of the parser utility (pydantic is never imported here)."""

from __future__ import annotations

from typing import Any

from powerkit._errors import PowerkitError


class ParserError(PowerkitError):
    """Base of the parser utility's errors."""


class InvalidModelError(ParserError, TypeError):
    """The model given to ``parse``/``@event_parser`` cannot be used (or none was given)."""


class ParserValidationError(ParserError, ValueError):
    """An event, or the payload an envelope extracted from it, does not match the model.

    The message is ``"<where>: "`` followed by pydantic's own readable summary.

    Attributes:
        where: what was parsed, e.g. ``"event"`` or ``"SqsEnvelope record 3"``.
        title: the name of the model (pydantic's title), or None when the event could not be
            read at all.
        errors: pydantic's error list (``loc``, ``msg``, ``type``, ``input``), empty when the
            envelope could not read the event.
    """

    def __init__(
        self, where: str, summary: str, *, title: str | None = None, errors: list[Any] | None = None
    ) -> None:
        self.where = where
        self.title = title
        self.errors = errors or []
        super().__init__(f"{where}: {summary}")

    @classmethod
    def from_pydantic(cls, where: str, error: Any) -> ParserValidationError:
        """Wrap a ``pydantic.ValidationError`` (kept as ``__cause__`` by the caller)."""
        return cls(where, str(error), title=error.title, errors=error.errors(include_url=False))
