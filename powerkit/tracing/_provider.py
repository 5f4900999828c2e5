"""The provider protocol: the small surface a tracing back end implements.

A provider only opens, closes and decorates spans and ships them; naming, annotation rules,
response capture and the size guard are the `Tracer`'s job, so a
provider of your own is four methods and a span class of two.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeAlias, runtime_checkable

AnnotationValue: TypeAlias = str | int | float | bool
"""What X-Ray can index: a string, a number or a boolean."""


class TraceSpan(Protocol):
    """One open unit of work: an X-Ray subsegment or an OpenTelemetry span."""

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        """Record an indexed key/value (the key and value are already validated)."""

    def put_metadata(self, key: str, value: Any, namespace: str) -> None:
        """Record a non-indexed value under ``namespace``."""


class TracingProvider(Protocol):
    """Opens spans as children of the current one and sends them when they end.

    ``start_span`` makes the new span the current one for the running thread or task (use a
    ``contextvars.ContextVar`` so concurrent asyncio tasks each see their own); ``end_span``
    closes it, restores the previous current span and ships it.
    """

    def start_span(self, name: str) -> TraceSpan:
        """Open a span named ``name`` under the current span and make it current."""

    def end_span(self, span: Any) -> None:
        """Close ``span``, make its parent current again and send it."""

    def current_span(self) -> TraceSpan | None:
        """The span opened last in this thread or task and not yet ended, if any."""

    def record_error(self, span: Any, error: BaseException, *, details: bool) -> None:
        """Mark ``span`` as failed; with ``details`` also record ``error`` as its cause."""


@runtime_checkable
class PatchingProvider(Protocol):
    """Optional: a provider that can instrument libraries (boto3, requests, ...)."""

    def patch(self, modules: Sequence[str] | None) -> None:
        """Instrument ``modules``, or every supported library when None."""

    def ignore_endpoint(self, hostname: str | None, urls: Sequence[str] | None) -> None:
        """Stop tracing HTTP calls to ``hostname`` (wildcards allowed) and/or ``urls``."""
