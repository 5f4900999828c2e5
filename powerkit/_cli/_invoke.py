"""``powerkit invoke``: run a handler locally the way Lambda would."""

from __future__ import annotations

import io
import json
import resource
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from powerkit import _config
from powerkit._cli._emf_check import check_line
from powerkit._cli._loader import load_handler
from powerkit._cli._style import Style
from powerkit._cli._xray_collector import XRayCollector, new_trace_header
from powerkit._errors import PowerkitError
from powerkit.testing._context import lambda_context


class InvokeEventError(PowerkitError, ValueError):
    """An ``--event`` value is neither a readable JSON file, ``-``, nor a known source."""


class RuntimeMarshalError(PowerkitError, TypeError):
    """The handler returned a value Lambda cannot serialise to JSON (``Runtime.MarshalError``)."""


class InitError(PowerkitError, RuntimeError):
    """The handler module failed while Lambda would be initialising it."""

    def __init__(self, error_type: str, cause: BaseException) -> None:
        self.error_type = error_type
        super().__init__(f"{error_type}: {type(cause).__name__}: {cause}")


def _marshal_check(result: Any) -> BaseException | None:
    try:
        json.dumps(result)
    except (TypeError, ValueError) as exc:
        return RuntimeMarshalError(f"Runtime.MarshalError: Unable to marshal response: {exc}")
    return None


class _LineTap(io.TextIOBase):
    """Passes the handler's stdout through unchanged and notes the EMF lines in it."""

    def __init__(self, target: TextIO) -> None:
        self._target = target
        self._pending = ""
        self._lock = threading.Lock()
        self.metric_lines: list[str] = []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._target.write(text)
        with self._lock:
            self._pending += text
            if "\n" in self._pending:
                *complete, self._pending = self._pending.split("\n")
                self.metric_lines.extend(line for line in complete if '"_aws"' in line)
        return len(text)

    def flush(self) -> None:
        self._target.flush()

    def isatty(self) -> bool:
        return self._target.isatty()

    def take_metric_lines(self) -> list[str]:
        with self._lock:
            lines, self.metric_lines = self.metric_lines, []
        return lines


def read_event(source: str) -> Any:
    """An event from a JSON file, from stdin (``-``), or from a built-in builder name."""
    if source == "-":
        return json.loads(sys.stdin.read())
    path = Path(source)
    if path.is_file():
        try:
            return json.loads(path.read_text())
        except ValueError as exc:
            raise InvokeEventError(f"event file {source!r} is not valid JSON: {exc}") from exc
    from powerkit.testing import EVENT_BUILDERS, build_event

    if source in EVENT_BUILDERS:
        return build_event(source)
    raise InvokeEventError(
        f"--event {source!r} is not a file, '-' (stdin) or a built-in source; "
        f"built-in sources: {', '.join(sorted(EVENT_BUILDERS))}"
    )


@dataclass
class Outcome:
    """What one invocation did."""

    number: int
    request_id: str
    cold_start: bool
    duration_ms: float
    result: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    metric_lines: list[str] = field(default_factory=list)
    segments: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.timed_out

    def as_json(self) -> dict[str, Any]:
        return {
            "invocation": self.number,
            "request_id": self.request_id,
            "cold_start": self.cold_start,
            "duration_ms": round(self.duration_ms, 3),
            "status": "timeout" if self.timed_out else ("error" if self.error else "ok"),
            "result": self.result if self.ok else None,
            "error_type": type(self.error).__name__ if self.error else None,
            "error_message": str(self.error) if self.error else None,
            "metric_lines": len(self.metric_lines),
            "metrics": sorted(_metric_names(self.metric_lines)),
            "trace_segments": len(self.segments),
        }


def _metric_names(lines: list[str]) -> set[str]:
    names: set[str] = set()
    for line in lines:
        checked = check_line(line)
        if checked is not None:
            names.update(row.name for row in checked.rows)
    return names


def lambda_environment(
    function_name: str, memory_mb: int, handler: str, task_root: Path
) -> dict[str, str]:
    """The variables the Lambda runtime sets before it imports the handler."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return {
        "AWS_LAMBDA_FUNCTION_NAME": function_name,
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(memory_mb),
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{function_name}",
        "AWS_LAMBDA_LOG_STREAM_NAME": time.strftime("%Y/%m/%d") + "/[$LATEST]local",
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_EXECUTION_ENV": f"AWS_Lambda_python{version}",
        "AWS_REGION": _config.AWS_REGION.get() or "us-east-1",
        "AWS_DEFAULT_REGION": _config.AWS_REGION.get() or "us-east-1",
        "AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR",
        "LAMBDA_TASK_ROOT": str(task_root),
        "_HANDLER": handler,
    }


def _call_with_deadline(
    handler: Callable[..., Any], event: Any, context: Any, timeout_s: float
) -> tuple[bool, Any, BaseException | None]:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = handler(event, context)
        except BaseException as exc:  # the runtime reports every error, SystemExit included
            box["error"] = exc

    worker = threading.Thread(target=target, name="powerkit-invoke", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        return True, None, None
    error = box.get("error")
    if error is None:
        error = _marshal_check(box.get("result"))  # Lambda returns JSON, or fails the invocation
    return False, box.get("result") if error is None else None, error


@dataclass
class InvokeOptions:
    handler: str
    events: list[str]
    timeout_s: float
    memory_mb: int
    env: dict[str, str]
    repeat: int
    as_json: bool
    function_name: str | None


def run_invocations(options: InvokeOptions, err: TextIO) -> int:
    """Load the handler, run every event, print summaries to ``err``; return the exit status."""
    from powerkit._cli._report import print_outcome

    style = Style(err)
    location = options.handler.rpartition(":")[0] or options.handler.rpartition(".")[0]
    task_root = Path(location).resolve().parent if location.endswith(".py") else Path.cwd()
    function_name = options.function_name or Path(location).stem.replace("_", "-") or "function"
    collector = XRayCollector()
    environment = lambda_environment(function_name, options.memory_mb, options.handler, task_root)
    environment["AWS_XRAY_DAEMON_ADDRESS"] = collector.address
    environment["_X_AMZN_TRACE_ID"] = new_trace_header()
    environment.update(options.env)
    _config.set_environment(environment)
    events = [read_event(source) for source in options.events] * options.repeat

    tap = _LineTap(sys.stdout)
    sys.stdout = tap
    try:
        init_started = time.perf_counter()
        try:
            handler = load_handler(options.handler)
        except (PowerkitError, KeyboardInterrupt):
            raise
        except ImportError as exc:
            return _report_init_error(InitError("Runtime.ImportModuleError", exc), exc, err)
        except SyntaxError as exc:
            return _report_init_error(InitError("Runtime.UserCodeSyntaxError", exc), exc, err)
        except BaseException as exc:  # anything raised at module level fails the init phase
            return _report_init_error(InitError("Runtime.InitError", exc), exc, err)
        init_ms = (time.perf_counter() - init_started) * 1000
        status = 0
        for number, event in enumerate(events, start=1):
            trace_header = environment["_X_AMZN_TRACE_ID"] if number == 1 else new_trace_header()
            _config.set_environment({"_X_AMZN_TRACE_ID": trace_header})
            context = lambda_context(
                function_name, memory_mb=options.memory_mb, timeout_s=options.timeout_s
            )
            started = time.perf_counter()
            timed_out, result, error = _call_with_deadline(
                handler, event, context, options.timeout_s
            )
            outcome = Outcome(
                number=number,
                request_id=context.aws_request_id,
                cold_start=number == 1,
                duration_ms=(time.perf_counter() - started) * 1000,
                result=result,
                error=error,
                timed_out=timed_out,
            )
            tap.flush()
            outcome.metric_lines = tap.take_metric_lines()
            outcome.segments = collector.take(trace_header.split(";")[0].removeprefix("Root="))
            print_outcome(
                outcome, len(events), init_ms if number == 1 else None, options, err, style
            )
            if not outcome.ok:
                status = 1
            if timed_out:
                break  # Lambda discards the execution environment after a timeout
        return status
    finally:
        sys.stdout = tap._target
        collector.close()


def _report_init_error(error: InitError, cause: BaseException, err: TextIO) -> int:
    """Show an init failure the way Lambda reports it, and fail the run (exit status 1)."""
    document = {
        "errorMessage": str(cause),
        "errorType": error.error_type,
        "stackTrace": traceback.format_tb(cause.__traceback__),
    }
    err.write(
        f"INIT_REPORT Init Duration: n/a\tPhase: init\tStatus: error\tError Type: {error.error_type}\n"
    )
    err.write(json.dumps(document) + "\n")
    err.flush()
    return 1


def max_memory_mb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def format_error(error: BaseException, request_id: str) -> dict[str, Any]:
    """The error document the runtime returns for a failed invocation."""
    return {
        "errorMessage": str(error),
        "errorType": type(error).__name__,
        "requestId": request_id,
        "stackTrace": traceback.format_tb(error.__traceback__),
    }
