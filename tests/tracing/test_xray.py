"""X-Ray specifics: one trace per invocation, no leaks across invocations, nested faults."""

from __future__ import annotations

from typing import Any

import pytest

from powerkit.middleware import MiddlewareError, lambda_handler_decorator
from powerkit.testing import lambda_context
from powerkit.tracing import Tracer, XRayProvider
from tests.support.xray import XRayDaemon


def _tracer() -> Tracer:
    return Tracer(service="svc", auto_patch=False)


def test_each_invocation_uses_its_own_trace_header(xray_daemon: XRayDaemon) -> None:
    """Lambda changes _X_AMZN_TRACE_ID per invocation; each invocation's documents follow it."""
    tracer = _tracer()

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> None:
        return None

    expected = []
    for _ in range(3):
        xray_daemon.new_trace()
        expected.append((xray_daemon.trace_id, xray_daemon.parent_id))
        handler({}, lambda_context())
    documents = xray_daemon.documents(3)
    assert [(d["trace_id"], d["parent_id"]) for d in documents] == expected


def test_a_subsegment_left_open_never_parents_the_next_invocation(
    xray_daemon: XRayDaemon,
) -> None:
    """A generator abandoned mid-way in one trace does not become a parent in the next."""
    tracer = _tracer()

    @tracer.capture_method
    def forever() -> Any:
        while True:
            yield 1

    leaked = forever()
    next(leaked)  # opened in this thread's context, outside any invocation scope
    xray_daemon.new_trace()
    with tracer.subsegment("next invocation"):
        pass
    (document,) = xray_daemon.documents(1)
    assert document["parent_id"] == xray_daemon.parent_id
    leaked.close()


def test_exception_through_nested_spans_is_recorded_once(xray_daemon: XRayDaemon) -> None:
    """The innermost span holds the exception; outer spans point at it by id, all faulted."""
    tracer = _tracer()

    @tracer.capture_method
    def inner() -> None:
        raise ValueError("deep")

    @tracer.capture_method
    def outer() -> None:
        inner()

    with pytest.raises(ValueError):
        outer()
    inner_doc, outer_doc = xray_daemon.documents(2)
    (exception,) = inner_doc["cause"]["exceptions"]
    assert (exception["type"], exception["message"]) == ("ValueError", "deep")
    assert any(frame["label"] == "inner" for frame in exception["stack"])
    assert outer_doc["cause"] == exception["id"]
    assert inner_doc["fault"] is outer_doc["fault"] is True


def test_span_names_drop_characters_xray_rejects(xray_daemon: XRayDaemon) -> None:
    """`<locals>` in a qualified name is sent as `locals`, the same for every provider."""
    tracer = _tracer()

    def make() -> Any:
        @tracer.capture_method
        def step() -> None:
            return None

        return step

    make()()
    (document,) = xray_daemon.documents(1)
    assert (
        document["name"] == "test_span_names_drop_characters_xray_rejects.locals.make.locals.step"
    )


def test_handler_tracing_stacks_with_other_middleware(xray_daemon: XRayDaemon) -> None:
    """capture_lambda_handler composes with powerkit middleware; its span wraps inner layers."""
    tracer = _tracer()
    calls: list[str] = []

    @lambda_handler_decorator
    def audit(handler: Any, event: Any, context: Any) -> Any:
        calls.append("audit")
        with tracer.subsegment("audit"):
            return handler(event, context)

    @tracer.capture_lambda_handler
    @audit
    def handler(event: Any, context: Any) -> str:
        return "ok"

    assert handler({}, lambda_context()) == "ok"
    audit_doc, handler_doc = xray_daemon.documents(2)
    assert calls == ["audit"]
    assert handler_doc["name"] == "test_handler_tracing_stacks_with_other_middleware.locals.handler"
    assert audit_doc["parent_id"] == handler_doc["id"]


def test_options_must_be_keywords() -> None:
    """A positional non-callable option is a MiddlewareError that shows the keyword form."""
    tracer = Tracer(disabled=True)
    with pytest.raises(MiddlewareError, match="capture_response=False"):
        tracer.capture_method(True)  # type: ignore[call-overload]
    with pytest.raises(MiddlewareError, match="keywords only"):
        tracer.capture_lambda_handler("handler")  # type: ignore[call-overload]


def test_annotation_outside_any_span_is_dropped_with_a_warning(
    xray_daemon: XRayDaemon, caplog: pytest.LogCaptureFixture
) -> None:
    """Lambda's own segment cannot be annotated: the call warns and sends nothing."""
    tracer = _tracer()
    tracer.put_annotation("k", "v")
    tracer.put_metadata("m", 1)
    assert "annotation 'k' dropped" in caplog.text
    assert "metadata 'm' dropped" in caplog.text
    assert xray_daemon.datagrams(timeout=0) == []


def test_provider_is_built_lazily_and_shared_by_spans(xray_daemon: XRayDaemon) -> None:
    """XRayProvider() imports nothing until used; the tracer's provider is reused."""
    provider = XRayProvider()
    tracer = Tracer(provider=provider, auto_patch=False)
    assert tracer.provider is provider
    assert provider.current_span() is None
    with tracer.subsegment("s") as span:
        assert provider.current_span() is span
    assert provider.current_span() is None


_HTTP_CALLS = """
import urllib.request
from powerkit.tracing import Tracer

tracer = Tracer(service="svc", patch_modules=["httplib"])
if {ignore!r}:
    tracer.ignore_endpoint(hostname="127.0.0.1", urls=["/"])

@tracer.capture_method(capture_response=False)
def call():
    with urllib.request.urlopen({url!r}) as response:
        return response.status

print(call())
"""


@pytest.mark.parametrize("ignore", [False, True])
def test_ignore_endpoint_keeps_http_calls_out_of_the_trace(
    xray_daemon: XRayDaemon, moto_server: str, ignore: bool
) -> None:
    """A patched HTTP call becomes a remote subsegment unless its endpoint is ignored."""
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", _HTTP_CALLS.format(ignore=ignore, url=moto_server + "/")],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "200"
    documents = xray_daemon.documents(1 if ignore else 3, timeout=1.0)
    (call,) = [d for d in documents if d["name"] == "call"]
    http = [d for d in documents if d["name"] == "127.0.0.1"]
    if ignore:
        assert http == []
    else:  # the SDK's httplib patch records the request and the response separately
        assert [(d["parent_id"], d["namespace"]) for d in http] == [(call["id"], "remote")] * 2
        assert http[-1]["http"]["response"]["status"] == 200
