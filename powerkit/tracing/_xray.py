"""The X-Ray provider: subsegments sent to the X-Ray daemon by aws-xray-sdk (extra ``tracing``).

Nothing of the SDK is imported until the first span starts or `XRayProvider.patch` runs,
so constructing the provider (or a disabled Tracer) stays free.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from powerkit import _config
from powerkit._extras import require
from powerkit.tracing._provider import TraceSpan

_FEATURE = "Tracer (X-Ray provider)"


class XRayProvider:
    """Trace through the AWS X-Ray SDK; spans are X-Ray subsegments.

    In Lambda the function's segment belongs to the Lambda service; every subsegment is sent
    on its own to the daemon at ``AWS_XRAY_DAEMON_ADDRESS`` as soon as it and its children have
    ended, parented on the segment named by ``_X_AMZN_TRACE_ID``.

    The provider installs, on the SDK's global ``xray_recorder``, a context that keeps open
    subsegments in a ``contextvars.ContextVar``: concurrent asyncio tasks and threads each get
    correctly parented subsegments, also for libraries patched by the SDK (boto3, requests...).

    Args:
        max_trace_back: how many stack frames to record with an exception.
    """

    def __init__(self, *, max_trace_back: int = 10) -> None:
        self.max_trace_back = max_trace_back
        self._recorder: Any = None
        self._context: Any = None

    def _setup(self) -> Any:
        require("aws_xray_sdk.core", extra="tracing", feature=_FEATURE)
        from powerkit.tracing import _xray_context

        self._recorder, self._context = _xray_context.install(_config.AWS_XRAY_DAEMON_ADDRESS.get())
        return self._recorder

    @property
    def recorder(self) -> Any:
        """The SDK's ``xray_recorder`` (imports the SDK on first access)."""
        return self._recorder if self._recorder is not None else self._setup()

    def start_span(self, name: str) -> Any:
        """Begin a subsegment under the current one (or under the Lambda segment)."""
        if self._recorder is None:
            self._setup()
        return self._context.begin(name)

    def end_span(self, span: Any) -> None:
        """End the subsegment and send it (with its finished children) to the daemon."""
        self._context.end_entity(span)

    def current_span(self) -> TraceSpan | None:
        """The innermost open subsegment in this thread or task, or None."""
        if self._context is None:
            return None
        span: TraceSpan | None = self._context.current_subsegment()
        return span

    def record_error(self, span: Any, error: BaseException, *, details: bool) -> None:
        """Set ``fault``; with ``details``, record the exception in the subsegment's cause."""
        if not details:
            span.add_fault_flag()
            return
        import traceback

        stack = traceback.extract_tb(error.__traceback__)[-self.max_trace_back :]
        span.add_exception(error, stack)

    def patch(self, modules: Sequence[str] | None) -> None:
        """Let the SDK instrument ``modules`` (every library it supports when None)."""
        if self._recorder is None:
            self._setup()  # the SDK asks for the recorder to be configured before patching
        core = require("aws_xray_sdk.core", extra="tracing", feature=_FEATURE)
        if modules is None:
            core.patch_all()
        else:
            core.patch(tuple(modules))

    def ignore_endpoint(self, hostname: str | None, urls: Sequence[str] | None) -> None:
        """Do not trace HTTP calls to ``hostname`` (``*`` wildcards) and/or the ``urls`` paths."""
        httplib = require("aws_xray_sdk.ext.httplib", extra="tracing", feature=_FEATURE)
        httplib.add_ignored(hostname=hostname, urls=list(urls) if urls else None)
