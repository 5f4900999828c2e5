"""Real servers for the test session: moto (AWS APIs over HTTP), redis-server, a TCP fault proxy.

Fixtures (registered for the whole suite by ``tests/conftest.py``):

- ``moto_server`` (session): moto's ``ThreadedMotoServer`` on ``127.0.0.1`` and a free port;
  the value is the endpoint URL (``http://127.0.0.1:<port>``). DynamoDB requests are handled
  one at a time, so conditional writes are atomic as in DynamoDB (moto alone does not lock). Build boto3 clients with
  ``endpoint_url=moto_server`` so every call is a real HTTP round trip. The server's state is
  shared by the whole session: create uniquely named tables/queues per test (``uuid4``).
- ``redis_server`` (session): a real ``redis-server`` binary started on a free port in a temp
  directory, persistence off; the value is its URL (``redis://127.0.0.1:<port>/0``). Without the
  binary the dependent tests are skipped with the reason, except when ``CI`` is set, where a
  missing server is a failure (``.ci/run`` installs it).
- ``fault_proxy`` (function): a factory ``fault_proxy(url_or_host_port) -> FaultProxy``; the
  proxy forwards TCP to the target until told to ``refuse()``, ``reset()`` or ``stall()``
  connections, and ``passthrough()`` again. Point the client at ``proxy.url`` / ``proxy.port``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

__all__ = ["FaultProxy", "free_port"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _OneDynamoDBRequestAtATime:
    """WSGI middleware: moto evaluates a DynamoDB condition and writes without a lock, so two
    concurrent conditional puts can both succeed; DynamoDB itself is atomic per item. Running
    DynamoDB requests one at a time restores that guarantee (other services stay concurrent,
    e.g. SQS long polls)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if not environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB"):
            return self.app(environ, start_response)
        with self.lock:
            return list(self.app(environ, start_response))  # the body is built under the lock


def _start_moto(port: int) -> Any:
    from moto.moto_server.threaded_moto_server import ThreadedMotoServer
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import make_server

    class Server(ThreadedMotoServer):
        def _server_entry(self) -> None:  # moto's own, with the middleware around the app
            app = _OneDynamoDBRequestAtATime(DomainDispatcherApplication(create_backend_app))
            self._server = make_server(
                self._ip_address, self._port, app, True, request_handler=MotoRequestHandler
            )
            self._server_ready_event.set()
            self._server.serve_forever()

    server = Server(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return server


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    """Endpoint URL of a moto server running in a thread of the test session."""
    server = _start_moto(free_port())
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def _redis_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"*1\r\n$4\r\nPING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a real redis-server started for the session (skipped when absent outside CI)."""
    binary = shutil.which("redis-server")
    if binary is None:
        reason = "redis-server is not installed (apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the Redis tests")
        pytest.skip(reason)
    workdir: Path = tmp_path_factory.mktemp("redis")
    port = free_port()
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
    args += ["no", "--dir", str(workdir), "--daemonize", "no", "--loglevel", "warning"]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while not _redis_ping(port):
            if process.poll() is not None or time.monotonic() > deadline:
                err = process.stderr.read().decode() if process.stderr else ""
                pytest.fail(f"redis-server did not start on port {port}: {err}")
            time.sleep(0.02)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


class FaultProxy:
    """A TCP proxy on 127.0.0.1 that can refuse, reset or stall connections on demand.

    Modes apply to new connections and to data flowing on open ones:

    - ``passthrough()``: forward bytes both ways (the default);
    - ``refuse()``: stop listening, so connecting fails with ECONNREFUSED;
    - ``reset()``: accept, then abort with a TCP RST (open connections are reset too);
    - ``stall()``: accept and read, never answer (open connections stop forwarding).
    """

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self.mode = "pass"
        self.connections = 0
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._closed = False
        self._listener: socket.socket | None = None
        self._listen()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def passthrough(self) -> None:
        self.mode = "pass"
        if self._listener is None:
            self._listen()

    def refuse(self) -> None:
        self.mode = "refuse"
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def reset(self) -> None:
        self.mode = "reset"
        if self._listener is None:
            self._listen()

    def stall(self) -> None:
        self.mode = "stall"
        if self._listener is None:
            self._listen()

    def close(self) -> None:
        self._closed = True
        self.refuse()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.close()

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept_loop, args=(listener,), daemon=True).start()

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)

    def _accept_loop(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self.connections += 1
            self._track(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    @staticmethod
    def _abort(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()

    def _serve(self, client: socket.socket) -> None:
        if self.mode == "reset":
            self._abort(client)
            return
        if self.mode == "stall":
            self._drain(client)
            return
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            self._abort(client)
            return
        upstream.settimeout(None)
        self._track(upstream)
        threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()
        self._pump(client, upstream)

    def _drain(self, client: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while not self._closed and client.recv(65536):
                pass

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if self.mode == "reset":
                    self._abort(source)
                    self._abort(sink)
                    return
                if self.mode == "stall":
                    self._drain(source)
                    return
                sink.sendall(data)
        except OSError:
            pass
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


@pytest.fixture
def fault_proxy() -> Iterator[Callable[[str], FaultProxy]]:
    """Factory: ``fault_proxy("http://127.0.0.1:5000")`` or ``fault_proxy("127.0.0.1:6379")``."""
    proxies: list[FaultProxy] = []

    def make(target: str) -> FaultProxy:
        parts = urlsplit(target if "//" in target else f"//{target}")
        if parts.hostname is None or parts.port is None:
            raise ValueError(f"fault_proxy needs host:port or a URL with a port, got {target!r}")
        proxy = FaultProxy(parts.hostname, parts.port)
        proxies.append(proxy)
        return proxy

    yield make
    for proxy in proxies:
        proxy.close()
