"""A faithful stand-in for the Lambda Runtime API, and the real runtime client driven by it.

:class:`RuntimeAPI` serves the three endpoints the Python runtime interface client
(``awslambdaric``) speaks, as read from its source (``lambda_runtime_client.py`` and the
``runtime_client`` extension):

- ``GET /2018-06-01/runtime/invocation/next`` blocks until an event is queued, then answers
  200 with the event as the body and the ``Lambda-Runtime-*`` headers (request id, deadline
  in epoch milliseconds, invoked function ARN, trace id, optional client context);
- ``POST /2018-06-01/runtime/invocation/{id}/response`` and ``.../{id}/error`` are answered
  202 and recorded (the error body is the runtime's ``errorType``/``errorMessage`` JSON, with
  ``Lambda-Runtime-Function-Error-Type`` and the X-Ray cause header);
- ``POST /2018-06-01/runtime/init/error`` is answered 202 and recorded.

:class:`LambdaProcess` starts ``python -m awslambdaric <module.handler>`` the way the AWS
Python base image's entry point does: the task root as working directory, ``_HANDLER`` and
the ``AWS_LAMBDA_*`` variables of the execution environment set. When the queue is empty the
client stays blocked in ``/next`` (as in Lambda, where the sandbox is frozen there); stopping
the process is the test's job.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.support.xray import new_trace_id

PREFIX = "/2018-06-01/runtime"
FUNCTION_NAME = "powerkit-runtime-test"
REGION = "us-east-1"
ARN = f"arn:aws:lambda:{REGION}:123456789012:function:{FUNCTION_NAME}"


@dataclass
class Invocation:
    """One event handed to the runtime, and how the runtime answered it."""

    request_id: str
    event: Any
    trace_header: str
    trace_id: str
    deadline_ms: int
    client_context: dict[str, Any] | None = None
    kind: str = ""  # "response" or "error" once answered
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    done: threading.Event = field(default_factory=threading.Event)

    def json(self) -> Any:
        """The answer body decoded as JSON."""
        return json.loads(self.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Connections reset by a stopped runtime are expected; anything else is reported."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class RuntimeAPI:
    """The Runtime API on ``127.0.0.1`` (free port), in a background thread."""

    def __init__(self) -> None:
        self.pending: queue.Queue[Invocation] = queue.Queue()
        self.invocations: dict[str, Invocation] = {}
        self.init_errors: list[tuple[dict[str, str], Any]] = []
        self.init_error_seen = threading.Event()
        self.stopping = threading.Event()
        self.polled = threading.Event()  # set at the first GET /next: init is over
        self.waiting = 0  # GET /next calls blocked right now (one per idle worker)
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), _handler_class(self))
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    @property
    def address(self) -> str:
        """``host:port``, the value of ``AWS_LAMBDA_RUNTIME_API``."""
        return f"127.0.0.1:{self.server.server_port}"

    def enqueue(
        self,
        event: Any,
        *,
        timeout_ms: int = 30_000,
        client_context: dict[str, Any] | None = None,
        trace: str | None = "Sampled=1",
    ) -> Invocation:
        """Queue ``event`` with a fresh request id and a deadline ``timeout_ms`` away.

        ``trace`` is what follows ``Root=...;Parent=...;`` in the trace header (e.g.
        ``"Sampled=0"`` or ``"Sampled=1;Lineage=..."``); None sends no trace header at all.
        """
        trace_id = new_trace_id()
        header = f"Root={trace_id};Parent={uuid.uuid4().hex[:16]};{trace}" if trace else ""
        invocation = Invocation(
            request_id=str(uuid.uuid4()),
            event=event,
            trace_header=header,
            trace_id=trace_id,
            deadline_ms=0,
            client_context=client_context,
        )
        # The deadline is fixed when the event is handed out (as Lambda does at invoke time).
        invocation.deadline_ms = timeout_ms
        self.invocations[invocation.request_id] = invocation
        self.pending.put(invocation)
        return invocation

    def close(self) -> None:
        """Stop serving (blocked ``/next`` calls are released with a 500); idempotent."""
        if self.stopping.is_set():
            return
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()


def _handler_class(api: RuntimeAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms ACK waits

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the test output is the runtime's, not the server's."""

        def _reply(
            self, status: int, body: bytes = b"", headers: dict[str, str] | None = None
        ) -> None:
            try:
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the runtime was stopped while blocked in /next
                self.close_connection = True

        def do_GET(self) -> None:
            if self.path != f"{PREFIX}/invocation/next":
                self._reply(404, b'{"errorType":"NotFound"}')
                return
            api.polled.set()
            with api._lock:
                api.waiting += 1
            try:
                while True:
                    try:
                        invocation = api.pending.get(timeout=0.05)
                        break
                    except queue.Empty:
                        if api.stopping.is_set():
                            self._reply(500, b'{"errorType":"ShuttingDown"}')
                            return
            finally:
                with api._lock:
                    api.waiting -= 1
            deadline = int(time.time() * 1000) + invocation.deadline_ms
            invocation.deadline_ms = deadline
            headers = {
                "Content-Type": "application/json",
                "Lambda-Runtime-Aws-Request-Id": invocation.request_id,
                "Lambda-Runtime-Deadline-Ms": str(deadline),
                "Lambda-Runtime-Invoked-Function-Arn": ARN,
            }
            if invocation.trace_header:
                headers["Lambda-Runtime-Trace-Id"] = invocation.trace_header
            if invocation.client_context is not None:
                headers["Lambda-Runtime-Client-Context"] = json.dumps(invocation.client_context)
            self._reply(200, json.dumps(invocation.event).encode(), headers)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            if self.path == f"{PREFIX}/init/error":
                api.init_errors.append((headers, json.loads(body)))
                api.init_error_seen.set()
                self._reply(202, b'{"status":"OK"}')
                return
            parts = self.path[len(PREFIX) :].strip("/").split("/")
            if len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
                invocation = api.invocations.get(parts[1])
                if invocation is None or invocation.done.is_set():
                    self._reply(400, b'{"errorType":"InvalidRequestID"}')
                    return
                invocation.kind, invocation.body, invocation.headers = parts[2], body, headers
                invocation.done.set()
                self._reply(202, b'{"status":"OK"}')
                return
            self._reply(404, b'{"errorType":"NotFound"}')

    return Handler


class LambdaProcess:
    """``python -m awslambdaric <handler>`` in a subprocess, with its own :class:`RuntimeAPI`.

    Like a Lambda execution environment: one process, one Runtime API, one event at a time.
    """

    def __init__(
        self,
        handler: str,
        task_root: Path,
        output_dir: Path,
        env: dict[str, str] | None = None,
    ) -> None:
        self.api = api = RuntimeAPI()
        self.stdout_path = output_dir / f"stdout-{uuid.uuid4().hex[:8]}.txt"
        self.stderr_path = self.stdout_path.with_name(self.stdout_path.name.replace("out", "err"))
        environment = dict(os.environ)
        # Lambda sets the trace header per invocation (the runtime client exports it), not at init.
        for name in ("PYTHONPATH", "_X_AMZN_TRACE_ID"):
            environment.pop(name, None)
        environment.update(
            {
                "AWS_LAMBDA_RUNTIME_API": api.address,
                "LAMBDA_TASK_ROOT": str(task_root),
                "LAMBDA_RUNTIME_DIR": str(Path(sys.executable).parent),
                "_HANDLER": handler,
                "AWS_LAMBDA_FUNCTION_NAME": FUNCTION_NAME,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
                "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
                "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{FUNCTION_NAME}",
                "AWS_LAMBDA_LOG_STREAM_NAME": "2026/11/25/[$LATEST]0123456789abcdef",
                "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
                "AWS_REGION": REGION,
                "AWS_DEFAULT_REGION": REGION,
                "AWS_EXECUTION_ENV": f"AWS_Lambda_python{sys.version_info[0]}.{sys.version_info[1]}",
                "TZ": ":UTC",
            }
        )
        environment.update(env or {})
        self._stdout = self.stdout_path.open("wb")
        self._stderr = self.stderr_path.open("wb")
        # The base image's entry point: `exec python -m awslambdaric "$_HANDLER"` in /var/task.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "awslambdaric", handler],
            cwd=task_root,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=self._stdout,
            stderr=self._stderr,
            start_new_session=True,  # its own process group: workers it forks are stopped too
        )

    def invoke(
        self,
        event: Any,
        *,
        timeout_ms: int = 30_000,
        client_context: dict[str, Any] | None = None,
        trace: str | None = "Sampled=1",
        wait_s: float = 15.0,
    ) -> Invocation:
        """Queue ``event`` and wait until the runtime posts its response or error."""
        invocation = self.api.enqueue(
            event, timeout_ms=timeout_ms, client_context=client_context, trace=trace
        )
        deadline = time.monotonic() + wait_s
        while not invocation.done.wait(0.05):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(
                    f"no answer for {invocation.request_id} (exit code {self.process.poll()})\n"
                    f"stdout:\n{self.stdout()}\nstderr:\n{self.stderr()}"
                )
        return invocation

    def wait_ready(self, workers: int = 1, wait_s: float = 15.0) -> None:
        """Wait until ``workers`` runtime loops finished their init and wait for an event."""
        deadline = time.monotonic() + wait_s
        while not (self.api.polled.wait(0.05) and self.api.waiting >= workers):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"init did not finish:\n{self.stdout()}\n{self.stderr()}")

    def exit_code(self, wait_s: float = 15.0) -> int:
        """Wait for the process to exit by itself (an init failure); return its exit code."""
        return self.process.wait(wait_s)

    def send(self, event: Any, *, timeout_ms: int = 30_000) -> Invocation:
        """Queue ``event`` without waiting for an answer (for handlers that overrun)."""
        return self.api.enqueue(event, timeout_ms=timeout_ms)

    def wait_for_stdout(self, text: str, wait_s: float = 10.0) -> str:
        """Poll stdout until it contains ``text``; return it (AssertionError after ``wait_s``)."""
        deadline = time.monotonic() + wait_s
        while True:
            output = self.stdout()
            if text in output:
                return output
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on stdout:\n{output}")
            time.sleep(0.02)

    def stop(self) -> int | None:
        """Kill the process (it is blocked in ``/next``); return its exit code if it had exited.

        The Runtime API of this process stops serving too.
        """
        code = self.process.poll()
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, sig)  # the group led by the process started here
            except ProcessLookupError:
                break
            try:
                self.process.wait(5)
                break
            except subprocess.TimeoutExpired:
                continue
        self._stdout.close()
        self._stderr.close()
        self.api.close()
        return code

    def stdout(self) -> str:
        """Everything written to stdout so far."""
        return self.stdout_path.read_text(encoding="utf-8")

    def stderr(self) -> str:
        """Everything written to stderr so far."""
        return self.stderr_path.read_text(encoding="utf-8")

    def json_lines(self) -> list[dict[str, Any]]:
        """Every stdout line that is a JSON object, decoded (other lines are skipped)."""
        lines = []
        for line in self.stdout().splitlines():
            if line.startswith("{"):
                lines.append(json.loads(line))
        return lines
