"""`powerkit invoke` through a real subprocess: output, summaries and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HANDLER = textwrap.dedent(
    """
    import json, os, time

    LOADED_WITH = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")

    def handler(event, context):
        print(json.dumps({"level": "INFO", "message": "got", "function": LOADED_WITH,
                          "memory": os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
                          "colour": os.environ.get("COLOUR")}))
        if event.get("fail"):
            raise ValueError("order has no id")
        if event.get("sleep"):
            time.sleep(event["sleep"])
        return {"echo": event, "request_id": context.aws_request_id,
                "left_ms": context.get_remaining_time_in_millis()}
    """
)


@pytest.fixture
def app(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(HANDLER)
    (tmp_path / "ok.json").write_text('{"id": 1}')
    (tmp_path / "fail.json").write_text('{"fail": true}')
    (tmp_path / "slow.json").write_text('{"sleep": 5}')
    return tmp_path


def powerkit(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "powerkit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        timeout=60,
    )


def summaries(stderr: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


def test_runs_each_event_first_cold_then_warm(app: Path) -> None:
    """Two events run in one process; the first is the cold start; summaries are JSON."""
    done = powerkit("invoke", "app.py:handler", "-e", "ok.json", "-e", "ok.json", "--json", cwd=app)
    assert done.returncode == 0, done.stderr
    first, second = summaries(done.stderr)
    assert (first["cold_start"], second["cold_start"]) == (True, False)
    assert first["status"] == second["status"] == "ok"
    assert first["request_id"] != second["request_id"]
    result = first["result"]
    assert isinstance(result, dict)
    assert result["echo"] == {"id": 1}
    assert result["request_id"] == first["request_id"]
    assert 0 < int(result["left_ms"]) <= 3000


def test_sets_the_lambda_environment_before_import(app: Path) -> None:
    """The handler module sees the Lambda variables at import time, plus --env values."""
    done = powerkit(
        "invoke",
        "app.py:handler",
        "-e",
        "ok.json",
        "--memory",
        "512",
        "--env",
        "COLOUR=blue",
        cwd=app,
    )
    assert done.returncode == 0, done.stderr
    line = json.loads(done.stdout.splitlines()[0])
    assert line == {
        "level": "INFO",
        "message": "got",
        "function": "app",
        "memory": "512",
        "colour": "blue",
    }


def test_stdout_holds_only_the_function_output(app: Path) -> None:
    """Log lines go to stdout untouched; the summary and REPORT line go to stderr."""
    done = powerkit("invoke", "app.py:handler", "-e", "ok.json", cwd=app)
    assert [json.loads(line)["message"] for line in done.stdout.splitlines()] == ["got"]
    assert "REPORT RequestId: " in done.stderr
    assert "Init Duration: " in done.stderr
    assert "cold start" in done.stderr


def test_a_raising_handler_is_reported_like_the_runtime_and_exits_non_zero(app: Path) -> None:
    """The error document names the type and message; the exit status is 1."""
    done = powerkit("invoke", "app.py:handler", "-e", "fail.json", cwd=app)
    assert done.returncode == 1
    assert '"errorType": "ValueError"' in done.stderr
    assert '"errorMessage": "order has no id"' in done.stderr


def test_a_handler_past_its_timeout_is_reported_as_timed_out(app: Path) -> None:
    """A handler still running at the deadline is a timeout, and later events are not run."""
    done = powerkit(
        "invoke",
        "app.py:handler",
        "-e",
        "slow.json",
        "-e",
        "ok.json",
        "--timeout",
        "0.3",
        "--json",
        cwd=app,
    )
    assert done.returncode == 1
    (only,) = summaries(done.stderr)
    assert only["status"] == "timeout"


def test_event_from_stdin_and_module_notation(app: Path) -> None:
    """`-e -` reads the event from stdin; `app.handler` is Lambda's own notation."""
    done = powerkit(
        "invoke", "app.handler", "-e", "-", "--json", cwd=app, stdin='{"from": "stdin"}'
    )
    assert done.returncode == 0, done.stderr
    (summary,) = summaries(done.stderr)
    assert summary["result"]["echo"] == {"from": "stdin"}  # type: ignore[index]


def test_repeat_runs_the_events_again(app: Path) -> None:
    """--repeat 3 runs the event three times: one cold start, two warm."""
    done = powerkit("invoke", "app.py:handler", "-e", "ok.json", "--repeat", "3", "--json", cwd=app)
    assert [s["cold_start"] for s in summaries(done.stderr)] == [True, False, False]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["invoke", "missing.py:handler", "-e", "ok.json"],
            "handler file 'missing.py' does not exist",
        ),
        (["invoke", "app.py:nothing", "-e", "ok.json"], "'app.py' has no callable named 'nothing'"),
        (
            ["invoke", "app.py:handler", "-e", "nope.json"],
            "is not a file, '-' (stdin) or a built-in source",
        ),
        (
            ["invoke", "app.py:handler", "-e", "ok.json", "--env", "NOEQUALS"],
            "must look like NAME=value",
        ),
    ],
)
def test_usage_errors_say_what_is_wrong_and_exit_2(
    app: Path, args: list[str], message: str
) -> None:
    """Bad handlers, events and options give one clear line and exit status 2."""
    done = powerkit(*args, cwd=app)
    assert done.returncode == 2
    assert message in done.stderr


def test_every_command_has_help(app: Path) -> None:
    """--help works on the command and each subcommand."""
    for args in (["--help"], ["invoke", "--help"], ["events", "--help"], ["metrics", "--help"]):
        done = powerkit(*args, cwd=app)
        assert done.returncode == 0
        assert "usage: powerkit" in done.stdout


@pytest.mark.parametrize(
    ("source", "error_type"),
    [
        (
            "import not_a_real_module_anywhere\n\ndef handler(e, c):\n    return 1\n",
            "Runtime.ImportModuleError",
        ),
        (
            "raise RuntimeError('no config')\n\ndef handler(e, c):\n    return 1\n",
            "Runtime.InitError",
        ),
        ("def handler(e, c) return 1\n", "Runtime.UserCodeSyntaxError"),
    ],
)
def test_init_failures_are_reported_like_lambda(
    tmp_path: Path, source: str, error_type: str
) -> None:
    """A module that fails to import or raises at import time is an init error, exit 1."""
    (tmp_path / "broken.py").write_text(source)
    (tmp_path / "ok.json").write_text("{}")
    done = powerkit("invoke", "broken.py:handler", "-e", "ok.json", cwd=tmp_path)
    assert done.returncode == 1
    assert f"Status: error\tError Type: {error_type}" in done.stderr
    assert f'"errorType": "{error_type}"' in done.stderr
    assert "Traceback" not in done.stderr


def test_a_result_lambda_cannot_serialise_is_a_marshal_error(tmp_path: Path) -> None:
    """Returning a set fails the invocation as Lambda would (Runtime.MarshalError)."""
    (tmp_path / "sets.py").write_text("def handler(e, c):\n    return {1, 2}\n")
    (tmp_path / "ok.json").write_text("{}")
    done = powerkit("invoke", "sets.py:handler", "-e", "ok.json", "--json", cwd=tmp_path)
    assert done.returncode == 1
    (summary,) = summaries(done.stderr)
    assert summary["status"] == "error"
    assert summary["error_type"] == "RuntimeMarshalError"
    assert "Runtime.MarshalError: Unable to marshal response" in str(summary["error_message"])


def test_version_is_printed() -> None:
    """powerkit --version names the installed version."""
    import powerkit as package

    done = subprocess.run(
        [sys.executable, "-m", "powerkit", "--version"], capture_output=True, text=True
    )
    assert done.stdout.strip() == f"powerkit {package.__version__}"
