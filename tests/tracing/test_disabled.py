"""Off means off: when tracing is disabled the decorators return the function itself and no
tracing SDK is imported."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from powerkit import ConfigError
from powerkit.testing import lambda_context
from powerkit.tracing import Tracer, tracing_disabled
from tests.support.xray import XRayDaemon


def _in_lambda(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "fn")
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")


def test_disabled_outside_lambda() -> None:
    """Without AWS_LAMBDA_FUNCTION_NAME / LAMBDA_TASK_ROOT a Tracer is off."""
    assert Tracer().disabled is True


def test_enabled_in_lambda(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside Lambda a Tracer is on by default."""
    _in_lambda(monkeypatch)
    assert Tracer(auto_patch=False).disabled is False


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("POWERKIT_TRACE_DISABLED", "1"),
        ("POWERKIT_TRACE_DISABLED", "TRUE"),
        ("POWERTOOLS_TRACE_DISABLED", "true"),
        ("AWS_SAM_LOCAL", "true"),
    ],
)
def test_settings_turn_tracing_off_in_lambda(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    """POWERKIT_TRACE_DISABLED (or its POWERTOOLS_ twin) and sam local turn tracing off."""
    _in_lambda(monkeypatch)
    monkeypatch.setenv(name, value)
    assert Tracer().disabled is True


def test_explicit_disabled_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    """disabled= beats the environment in both directions."""
    assert tracing_disabled(False) is False
    _in_lambda(monkeypatch)
    assert tracing_disabled(True) is True
    monkeypatch.setenv("POWERKIT_TRACE_DISABLED", "true")
    assert Tracer(disabled=False, auto_patch=False).disabled is False


def test_bad_boolean_setting_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unparseable POWERKIT_TRACE_DISABLED says which values are allowed."""
    monkeypatch.setenv("POWERKIT_TRACE_DISABLED", "maybe")
    with pytest.raises(ConfigError, match="POWERKIT_TRACE_DISABLED"):
        Tracer()


def test_disabled_decorators_return_the_function_itself() -> None:
    """capture_method and capture_lambda_handler hand back the very same function."""
    tracer = Tracer()

    def handler(event: Any, context: Any) -> str:
        return "ok"

    async def coroutine() -> int:
        return 1

    assert tracer.capture_lambda_handler(handler) is handler
    assert tracer.capture_lambda_handler(capture_response=False)(handler) is handler
    assert tracer.capture_method(handler) is handler
    assert tracer.capture_method(capture_error=False)(coroutine) is coroutine


def test_disabled_async_handler_is_still_run_to_completion() -> None:
    """An async handler becomes a plain function the runtime can call, even with tracing off."""
    tracer = Tracer()

    @tracer.capture_lambda_handler
    async def handler(event: dict[str, int], context: Any) -> int:
        await asyncio.sleep(0)
        return event["n"] + 1

    assert handler({"n": 1}, lambda_context()) == 2


def test_disabled_recording_calls_are_no_ops(xray_daemon: XRayDaemon) -> None:
    """With disabled=True nothing reaches the daemon, whatever is called."""
    tracer = Tracer(disabled=True)

    @tracer.capture_method
    def work() -> int:
        tracer.put_annotation("k", "v")
        tracer.put_metadata("m", {"a": 1})
        with tracer.subsegment("block") as span:
            span.put_annotation("inner", 1)
            span.put_metadata("x", 1)
        return 1

    assert work() == 1
    tracer.patch(["botocore"])
    tracer.ignore_endpoint(hostname="example.com")
    assert xray_daemon.datagrams(timeout=0) == []


def test_sampled_zero_sends_nothing(xray_daemon: XRayDaemon) -> None:
    """With Sampled=0 in the trace header no document is sent (X-Ray provider)."""
    xray_daemon.new_trace(sampled=False)
    tracer = Tracer(auto_patch=False)

    @tracer.capture_lambda_handler
    def handler(event: Any, context: Any) -> str:
        tracer.put_annotation("k", "v")
        return "ok"

    assert handler({}, lambda_context()) == "ok"
    assert xray_daemon.datagrams(timeout=0) == []


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_disabled_path_imports_no_tracing_sdk() -> None:
    """A fresh interpreter using a disabled Tracer never imports aws_xray_sdk or opentelemetry."""
    out = _run(
        """
        import os, sys
        for name in ("AWS_LAMBDA_FUNCTION_NAME", "LAMBDA_TASK_ROOT"):
            os.environ.pop(name, None)
        from powerkit.tracing import Tracer, XRayProvider, OpenTelemetryProvider
        for provider in (None, XRayProvider(), OpenTelemetryProvider()):
            tracer = Tracer(provider=provider)
            @tracer.capture_lambda_handler
            def handler(event, context):
                tracer.put_annotation("k", 1)
                tracer.put_metadata("m", [1])
                with tracer.subsegment("s"):
                    return step()
            @tracer.capture_method
            def step():
                return 3
            assert handler({}, None) == 3
            tracer.patch()
        heavy = ("aws_xray_sdk", "opentelemetry", "boto3", "botocore", "wrapt")
        print(sorted(m for m in sys.modules if m.partition(".")[0] in heavy))
        """
    )
    assert out == "[]"


def test_missing_xray_sdk_names_the_extra() -> None:
    """Without aws-xray-sdk, the first traced call says to install powerkit[tracing]."""
    out = _run(
        """
        import os, sys
        sys.modules["aws_xray_sdk"] = None  # as if not installed
        os.environ["AWS_LAMBDA_FUNCTION_NAME"] = "fn"
        from powerkit import MissingExtraError
        from powerkit.tracing import Tracer
        tracer = Tracer(auto_patch=False)
        @tracer.capture_method
        def step():
            return 1
        try:
            step()
        except MissingExtraError as error:
            print(error)
        """
    )
    assert 'pip install "powerkit[tracing]"' in out


def test_missing_opentelemetry_names_the_extra() -> None:
    """Without opentelemetry, the OpenTelemetry provider says to install powerkit[otel]."""
    out = _run(
        """
        import os, sys
        sys.modules["opentelemetry"] = None
        os.environ["AWS_LAMBDA_FUNCTION_NAME"] = "fn"
        from powerkit import MissingExtraError
        from powerkit.tracing import OpenTelemetryProvider, Tracer
        tracer = Tracer(provider=OpenTelemetryProvider())
        try:
            with tracer.subsegment("s"):
                pass
        except MissingExtraError as error:
            print(error)
        """
    )
    assert 'pip install "powerkit[otel]"' in out
