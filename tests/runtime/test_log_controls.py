"""Lambda's advanced logging controls (AWS_LAMBDA_LOG_FORMAT / AWS_LAMBDA_LOG_LEVEL).

What awslambdaric does with them (``bootstrap._setup_logging``): the root logger gets a
handler whose formatter is its ``JsonFormatter`` (JSON) or a tab-separated text format, and
``AWS_LAMBDA_LOG_LEVEL`` becomes the root logger's level; with JSON the runtime's own error
report of a failed invocation is a JSON object too. powerkit writes its own lines to stdout and
must neither be printed a second time by that root handler nor log below Lambda's level.
"""

from __future__ import annotations

import json

from tests.runtime.conftest import StartFunction

JSON_WARN = {"AWS_LAMBDA_LOG_FORMAT": "JSON", "AWS_LAMBDA_LOG_LEVEL": "WARN"}


def test_json_format_and_warn_level_one_object_per_line_nothing_below_warn(
    start_function: StartFunction,
) -> None:
    """Every stdout line is one JSON object; powerkit lines are WARNING+ and appear once."""
    function = start_function("levels.handler", env=JSON_WARN)
    ok = function.invoke({"n": 1})
    failed = function.invoke({"n": 2, "fail": True})
    function.stop()

    assert (ok.kind, ok.json()) == ("response", "ok")
    assert (failed.kind, failed.json()["errorType"]) == ("error", "LookupError")
    lines = [json.loads(line) for line in function.stdout().splitlines()]  # all JSON
    ours = [line for line in lines if "service" in line]
    assert [(line["service"], line["message"]) for line in ours] == [
        ("runtime-levels", "warning line"),
        ("runtime-levels", "error line"),
        ("runtime-chatty", "chatty warning"),
        ("runtime-levels", "caught"),
    ] * 2
    assert {line["level"] for line in ours} == {"WARNING", "ERROR"}
    assert [line["function_request_id"] for line in ours] == [ok.request_id] * 4 + [
        failed.request_id
    ] * 4
    assert ours[3]["exception_name"] == "KeyError"
    # The runtime's own JSON lines: the stdlib library logger and the failed invocation.
    runtime = [line for line in lines if "service" not in line]
    assert [(line["level"], line.get("logger"), line["requestId"]) for line in runtime] == [
        ("WARNING", "some.library", ok.request_id),
        ("WARNING", "some.library", failed.request_id),
        ("ERROR", None, failed.request_id),
    ]
    assert runtime[-1]["errorType"] == "LookupError"


def test_text_format_with_warn_level_keeps_powerkit_lines_json(
    start_function: StartFunction,
) -> None:
    """Default (text) format: powerkit lines stay JSON, only the library line is runtime text."""
    function = start_function("levels.handler", env={"AWS_LAMBDA_LOG_LEVEL": "WARN"})
    invocation = function.invoke({"n": 1})
    function.stop()

    lines = function.stdout().splitlines()
    text = [line for line in lines if not line.startswith("{")]
    assert len(text) == 1
    assert text[0].startswith("[WARNING]\t")
    assert text[0].endswith(f"\t{invocation.request_id}\tlibrary warning")
    assert len(lines) == 5
    assert all(json.loads(line)["level"] in ("WARNING", "ERROR") for line in lines[:3])


def test_stricter_lambda_level_is_reported_once_at_init(start_function: StartFunction) -> None:
    """A Logger asking for DEBUG under AWS_LAMBDA_LOG_LEVEL=WARN warns once, naming both."""
    function = start_function("levels.handler", env={"AWS_LAMBDA_LOG_LEVEL": "WARN"})
    function.invoke({"n": 1})
    function.invoke({"n": 2})
    function.stop()

    stderr = function.stderr()
    assert stderr.count("LogLevelWarning") == 1
    assert "'runtime-chatty' asked for level DEBUG" in stderr
    assert "AWS_LAMBDA_LOG_LEVEL=WARN" in stderr


def test_json_format_level_warning_is_one_json_line(start_function: StartFunction) -> None:
    """With AWS_LAMBDA_LOG_FORMAT=JSON, even powerkit's init-time warning is one JSON object."""
    function = start_function("levels.handler", env=JSON_WARN)
    function.invoke({"n": 1})
    function.stop()

    stderr_lines = [line for line in function.stderr().splitlines() if line.strip()]
    assert stderr_lines, "the LogLevelWarning is expected somewhere"
    for line in stderr_lines:
        json.loads(line)


def test_an_import_error_is_the_runtimes_init_error(start_function: StartFunction) -> None:
    """A module failing at import is reported by the runtime itself (/init/error): Lambda
    catches it before sys.excepthook could, as docs/logging.md says."""
    function = start_function("broken_init.handler")
    function.exit_code()
    function.stop()

    api = function.api
    assert [body["errorType"] for _, body in api.init_errors] == ["KeyError"]
    assert not [line for line in function.json_lines() if line.get("level") == "CRITICAL"]


def test_adopted_logger_respects_lambda_level(start_function: StartFunction) -> None:
    """adopt_loggers(..., level="DEBUG") under AWS_LAMBDA_LOG_LEVEL=WARN writes WARNING+ only."""
    function = start_function("adopted.handler", env=JSON_WARN)
    invocation = function.invoke({})
    function.stop()

    lines = function.json_lines()
    assert {line["function_request_id"] for line in lines} == {invocation.request_id}
    assert [line["message"] for line in lines] == ["library warning"]
