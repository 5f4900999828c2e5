"""``log_uncaught_exceptions=True``: one JSON line for an exception nobody caught."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    from powerkit.logging import Logger

    logger = Logger(service="crashy", log_uncaught_exceptions=True)

    def load_config():
        raise KeyError("missing setting")

    load_config()
    """
)


def _run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )


def test_uncaught_exception_is_one_json_line():
    """The process dies with exit code 1 after writing one JSON line, and nothing on stderr."""
    result = _run(SCRIPT)
    assert result.returncode == 1
    assert result.stderr == ""
    (line,) = [json.loads(text) for text in result.stdout.splitlines()]
    assert line["level"] == "CRITICAL"
    assert line["service"] == "crashy"
    assert line["exception_name"] == "KeyError"
    assert line["message"] == "Uncaught exception: KeyError"
    assert line["stack_trace"]["frames"][-1]["function"] == "load_config"
    assert line["location"] == "load_config:7"


def test_without_the_option_python_prints_its_usual_traceback():
    """Off by default: Python's own traceback goes to stderr and stdout stays empty."""
    result = _run(SCRIPT.replace("log_uncaught_exceptions=True", "log_uncaught_exceptions=False"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "KeyError: 'missing setting'" in result.stderr


def test_a_previous_custom_hook_still_runs(make_logger, output, monkeypatch):
    """A hook installed before powerkit's (not Python's default) is called after the line."""
    calls = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: calls.append(info[0]))
    make_logger(log_uncaught_exceptions=True)
    try:
        raise ValueError("late")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert calls == [ValueError]
    assert output.last()["exception_name"] == "ValueError"


def test_keyboard_interrupt_is_left_to_python(make_logger, output, monkeypatch):
    """Ctrl-C is not logged as a crash."""
    calls = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: calls.append(info[0]))
    make_logger(log_uncaught_exceptions=True)
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert calls == [KeyboardInterrupt]
    assert output.getvalue() == ""


@pytest.fixture(autouse=True)
def _restore_excepthook(monkeypatch):
    """Every test here leaves ``sys.excepthook`` as it found it."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


def test_an_exception_escaping_the_handler_is_one_json_line_with_the_invocation_keys() -> None:
    """In Lambda the runtime catches handler errors (no excepthook): the decorator logs it."""
    from powerkit.logging import Logger
    from powerkit.testing import capture_logs, lambda_context

    logger = Logger(service="crashy-handler", log_uncaught_exceptions=True)

    @logger.inject_lambda_context
    def handler(event: object, context: object) -> None:
        raise LookupError("no such order")

    with capture_logs() as logs, pytest.raises(LookupError):
        handler({}, lambda_context(request_id="req-x"))
    (line,) = logs
    assert line["level"] == "ERROR"
    assert line["message"] == "Uncaught exception: LookupError"
    assert line["exception_name"] == "LookupError"
    assert line["function_request_id"] == "req-x"


def test_without_the_option_the_decorator_does_not_log_handler_errors() -> None:
    """The line is opt-in: by default the runtime's own error record is the only one."""
    from powerkit.logging import Logger
    from powerkit.testing import capture_logs, lambda_context

    logger = Logger(service="quiet-handler")

    @logger.inject_lambda_context
    def handler(event: object, context: object) -> None:
        raise LookupError("no such order")

    with capture_logs() as logs, pytest.raises(LookupError):
        handler({}, lambda_context())
    assert list(logs) == []
