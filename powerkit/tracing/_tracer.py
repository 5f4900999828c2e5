"""The `Tracer`: one API over X-Ray or OpenTelemetry, free when tracing is off.

Only what a disabled Tracer needs is imported with this module; the span machinery
(``_capture``), the providers and the middleware runner are imported when tracing is on.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Coroutine, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from powerkit import _config
from powerkit.middleware._decorator import is_coroutine_function
from powerkit.tracing._off import NO_SPAN, middleware, misused, run_only, tracing_disabled
from powerkit.tracing._rules import check_annotation, check_namespace, fits_in_document, warn

if TYPE_CHECKING:
    from typing import ParamSpec, Protocol, TypeVar

    from powerkit.tracing._capture import SpanPolicy
    from powerkit.tracing._provider import AnnotationValue, TracingProvider

    P = ParamSpec("P")
    R = TypeVar("R")
    F = TypeVar("F", bound=Callable[..., Any])
    C = TypeVar("C", bound=classmethod[Any, Any, Any])

    class _HandlerApplier(Protocol):
        @overload
        def __call__(self, handler: Callable[P, Coroutine[Any, Any, R]], /) -> Callable[P, R]: ...

        @overload
        def __call__(self, handler: Callable[P, R], /) -> Callable[P, R]: ...

        def __call__(self, handler: Any, /) -> Any: ...


class Tracer:
    """Trace a Lambda handler and the functions it calls.

    Args:
        service: the ``Service`` annotation and default metadata namespace; defaults to
            ``POWERKIT_SERVICE_NAME``.
        disabled: force tracing off (True) or on (False); by default it is off outside
            Lambda, under ``sam local`` and when ``POWERKIT_TRACE_DISABLED`` is true.
        auto_patch: instrument supported libraries (boto3, requests, ...) when tracing is on.
        patch_modules: with ``auto_patch``, only these modules instead of every supported one.
        provider: where spans go: ``XRayProvider()`` (default), ``OpenTelemetryProvider()``
            or your own `TracingProvider`.

    When tracing is off, ``capture_method`` returns the function itself and
    ``capture_lambda_handler`` returns a synchronous handler itself: they cost nothing per
    call, and no tracing SDK is imported.
    """

    def __init__(
        self,
        service: str | None = None,
        disabled: bool | None = None,
        auto_patch: bool = True,
        patch_modules: Sequence[str] | None = None,
        provider: TracingProvider | None = None,
    ) -> None:
        self.service: str = service or _config.SERVICE_NAME.get() or "service_undefined"
        self.disabled: bool = tracing_disabled(disabled)
        self._provider: TracingProvider | None = provider
        self._handler_decorator: Any = None
        if not self.disabled:
            if provider is None:
                from powerkit.tracing._xray import XRayProvider

                self._provider = XRayProvider()
            if auto_patch:
                self.patch(patch_modules)

    @property
    def provider(self) -> TracingProvider:
        """The provider spans go to (built on first access when none was given)."""
        if self._provider is None:
            from powerkit.tracing._xray import XRayProvider

            self._provider = XRayProvider()
        return self._provider

    # -- recording -----------------------------------------------------------------------

    def put_annotation(self, key: str, value: AnnotationValue) -> None:
        """Add an indexed annotation to the current span (a no-op when tracing is off).

        Raises:
            AnnotationError: the key has characters other than ``[A-Za-z0-9_]``, or the value
                is not a str, int, float or bool (checked even when tracing is off).
        """
        check_annotation(key, value)
        if self.disabled:
            return
        span = self.provider.current_span()
        if span is None:
            warn("annotation %r dropped: no traced function is running", key)
            return
        span.put_annotation(key, value)

    def put_metadata(self, key: str, value: Any, namespace: str | None = None) -> None:
        """Add non-indexed metadata to the current span, under ``namespace`` (the service).

        A value too large for a 64 KB segment document is dropped with a warning.

        Raises:
            MetadataError: the namespace starts with ``AWS.`` (checked even when off).
        """
        namespace = self.service if namespace is None else namespace
        check_namespace(namespace)
        if self.disabled:
            return
        span = self.provider.current_span()
        if span is None:
            warn("metadata %r dropped: no traced function is running", key)
            return
        if fits_in_document(key, value):
            span.put_metadata(key, value, namespace)

    @contextlib.contextmanager
    def subsegment(self, name: str) -> Iterator[Any]:
        """Trace a block: ``with tracer.subsegment("load") as span: span.put_annotation(...)``.

        The span is the provider's (an X-Ray ``Subsegment`` or an OpenTelemetry wrapper);
        when tracing is off it is a stand-in that drops what it is given. An exception leaving
        the block marks the span as failed, with the cause unless
        ``POWERKIT_TRACER_CAPTURE_ERROR`` is false.
        """
        if self.disabled:
            yield NO_SPAN
            return
        provider = self.provider
        span = provider.start_span(name)
        try:
            yield span
        except Exception as error:
            details = _config.TRACER_CAPTURE_ERROR.get_bool(True)
            provider.record_error(span, error, details=details)
            raise
        finally:
            provider.end_span(span)

    # -- instrumentation -----------------------------------------------------------------

    def patch(self, modules: Sequence[str] | None = None) -> None:
        """Instrument libraries (every supported one when ``modules`` is None).

        A no-op when tracing is off or when the provider cannot patch.
        """
        if self.disabled:
            return
        from powerkit.tracing._provider import PatchingProvider

        provider = self.provider
        if isinstance(provider, PatchingProvider):
            provider.patch(modules)
        elif modules is not None:
            warn("%s cannot patch %s", type(provider).__name__, list(modules))

    def ignore_endpoint(
        self, hostname: str | None = None, urls: Sequence[str] | None = None
    ) -> None:
        """Stop tracing HTTP calls to ``hostname`` (``*`` wildcards) and/or ``urls`` paths."""
        if self.disabled:
            return
        from powerkit.tracing._provider import PatchingProvider

        provider = self.provider
        if isinstance(provider, PatchingProvider):
            provider.ignore_endpoint(hostname, urls)

    # -- decorators ----------------------------------------------------------------------

    def _policy(
        self,
        function: Callable[..., Any],
        capture_response: bool | None,
        capture_error: bool | None,
    ) -> SpanPolicy:
        from powerkit.tracing._capture import SpanPolicy, span_name

        return SpanPolicy(
            self.provider,
            span_name(function),
            self.service,
            capture_response=_config.TRACER_CAPTURE_RESPONSE.resolve_bool(capture_response, True),
            capture_error=_config.TRACER_CAPTURE_ERROR.resolve_bool(capture_error, True),
        )

    @overload
    def capture_method(self, method: F, /) -> F: ...

    @overload
    def capture_method(self, method: C, /) -> C: ...

    @overload
    def capture_method(
        self,
        method: None = None,
        /,
        *,
        capture_response: bool | None = None,
        capture_error: bool | None = None,
    ) -> Callable[[F], F]: ...

    def capture_method(
        self,
        method: Any = None,
        /,
        *,
        capture_response: bool | None = None,
        capture_error: bool | None = None,
    ) -> Any:
        """Trace each call of a function in a span named after its qualified name.

        Works on functions, methods, ``async def`` coroutines, generators, async generators
        and ``@contextlib.contextmanager`` functions (either decorator order). Use bare or with
        ``capture_response=False`` / ``capture_error=False`` (defaults:
        ``POWERKIT_TRACER_CAPTURE_RESPONSE`` / ``_ERROR``, else True). When tracing is off
        the function itself is returned.
        """
        if method is None:
            return functools.partial(
                self.capture_method, capture_response=capture_response, capture_error=capture_error
            )
        if not callable(method) and not isinstance(method, classmethod):
            raise misused("capture_method", "capture_response", method)
        if self.disabled:
            return method
        from powerkit.tracing._capture import wrap

        if isinstance(method, (staticmethod, classmethod)):  # placed above @staticmethod
            function = method.__func__
            return type(method)(
                wrap(function, self._policy(function, capture_response, capture_error))
            )
        return wrap(method, self._policy(method, capture_response, capture_error))

    @overload
    def capture_lambda_handler(
        self, handler: Callable[P, Coroutine[Any, Any, R]], /
    ) -> Callable[P, R]: ...

    @overload
    def capture_lambda_handler(self, handler: Callable[P, R], /) -> Callable[P, R]: ...

    @overload
    def capture_lambda_handler(
        self,
        handler: None = None,
        /,
        *,
        capture_response: bool | None = None,
        capture_error: bool | None = None,
    ) -> _HandlerApplier: ...

    def capture_lambda_handler(
        self,
        handler: Any = None,
        /,
        *,
        capture_response: bool | None = None,
        capture_error: bool | None = None,
    ) -> Any:
        """Trace each invocation of a Lambda handler (sync or ``async def``).

        The span is named after the handler and carries the ``ColdStart`` and ``Service``
        annotations, the response as ``<handler> response`` metadata and an exception as
        ``<handler> error`` metadata and as the span's cause (each unless turned off).
        """
        if handler is None:
            return functools.partial(
                self.capture_lambda_handler,
                capture_response=capture_response,
                capture_error=capture_error,
            )
        if not callable(handler):
            raise misused("capture_lambda_handler", "capture_response", handler)
        if self.disabled:
            return run_only()(handler) if is_coroutine_function(handler) else handler
        if self._handler_decorator is None:
            self._handler_decorator = middleware().lambda_handler_decorator(self._trace_invocation)
        policy = self._policy(handler, capture_response, capture_error)
        return self._handler_decorator(policy=policy)(handler)

    def _trace_invocation(
        self, handler: Callable[[Any, Any], Any], event: Any, context: Any, *, policy: SpanPolicy
    ) -> Any:
        from powerkit._scope import current_invocation  # loaded by the middleware already

        provider = policy.provider
        span = provider.start_span(policy.name)
        try:
            invocation = current_invocation()
            span.put_annotation("ColdStart", invocation.cold_start if invocation else False)
            span.put_annotation("Service", self.service)
            result = handler(event, context)
        except Exception as error:
            policy.failed(span, error)
            raise
        else:
            policy.succeeded(span, result)
            return result
        finally:
            provider.end_span(span)
