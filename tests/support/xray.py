"""An X-Ray daemon stand-in: a real UDP socket, and the oracle of ``shared/specs/XRAY.md``.

Fixture (registered for the whole suite by ``tests/conftest.py``):

- ``xray_daemon`` (function): binds a UDP socket on ``127.0.0.1`` (free port), points
  ``AWS_XRAY_DAEMON_ADDRESS`` at it and makes the process look like a Lambda invocation:
  ``AWS_LAMBDA_FUNCTION_NAME``, ``LAMBDA_TASK_ROOT`` and a real-format ``_X_AMZN_TRACE_ID``
  (``Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=1``). The value is an
  :class:`XRayDaemon`: ``documents()`` returns every segment document received so far, each
  decoded from its datagram (header line + JSON) and checked against the oracle rules;
  ``new_trace()`` starts the next invocation's trace header.

Use :func:`check_datagram` / :func:`check_document` directly to check other captures.
"""

from __future__ import annotations

import json
import math
import re
import secrets
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

HEX16 = re.compile(r"^[0-9a-f]{16}$")
TRACE_ID = re.compile(r"^1-[0-9a-f]{8}-[0-9a-f]{24}$")
ANNOTATION_KEY = re.compile(r"^[A-Za-z0-9_]+$")
MAX_DOCUMENT_BYTES = 64 * 1024


def new_trace_id(now: float | None = None) -> str:
    """A trace id by the recipe: version 1, epoch seconds in 8 hex digits, 96 random bits."""
    epoch = int(time.time() if now is None else now)
    return f"1-{epoch:08x}-{secrets.token_hex(12)}"


def check_document(document: Any, *, trace_ids: tuple[str, ...] = ()) -> None:
    """Assert that ``document`` obeys the segment-document rules a daemon client must follow.

    Args:
        document: a decoded segment or independent subsegment document.
        trace_ids: when given, the document's ``trace_id`` must be one of them.
    """
    assert isinstance(document, dict), f"a document is a JSON object, got {document!r}"
    where = f"document {document.get('name')!r}"
    assert isinstance(document.get("name"), str), where
    assert 0 < len(document["name"]) <= 200, where
    assert HEX16.match(str(document.get("id"))), f"{where}: id {document.get('id')!r}"
    start = document.get("start_time")
    assert isinstance(start, (int, float)), where
    assert not isinstance(start, bool), where
    assert 1e9 < start < 1e10, f"{where}: start_time {start} is not epoch seconds"
    has_end = "end_time" in document
    assert has_end != bool(document.get("in_progress")), (
        f"{where}: exactly one of end_time / in_progress: true"
    )
    if has_end:
        assert isinstance(document["end_time"], (int, float)), where
        assert document["end_time"] >= start, f"{where}: ends before it starts"
    if document.get("type") == "subsegment" or "trace_id" in document:
        trace_id = document.get("trace_id")
        assert TRACE_ID.match(str(trace_id)), f"{where}: trace_id {trace_id!r}"
        if trace_ids:
            assert trace_id in trace_ids, f"{where}: trace_id {trace_id} not in {trace_ids}"
    if document.get("type") == "subsegment":
        assert HEX16.match(str(document.get("parent_id"))), f"{where}: independent subsegment"
    elif "parent_id" in document:
        assert HEX16.match(str(document["parent_id"])), f"{where}: parent_id"
    for key, value in document.get("annotations", {}).items():
        assert ANNOTATION_KEY.match(key), f"{where}: annotation key {key!r}"
        assert isinstance(value, (str, int, float, bool)), f"{where}: annotation {key!r}"
        assert not isinstance(value, float) or math.isfinite(value), f"{where}: {key!r}"
    for namespace in document.get("metadata", {}):
        assert not namespace.startswith("AWS."), f"{where}: reserved namespace {namespace!r}"
    for flag in ("fault", "error", "throttle"):
        if flag in document:
            assert isinstance(document[flag], bool), f"{where}: {flag} must be a boolean"
    cause = document.get("cause")
    if isinstance(cause, str):
        assert HEX16.match(cause), f"{where}: cause id {cause!r}"
    elif cause is not None:
        assert isinstance(cause, dict), where
        for exception in cause.get("exceptions", []):
            assert HEX16.match(str(exception.get("id"))), f"{where}: exception id"
    for child in document.get("subsegments", []):
        assert "type" not in child or child["type"] == "subsegment", where
        check_document({k: v for k, v in child.items() if k != "type"}, trace_ids=trace_ids)


def check_datagram(datagram: bytes, *, trace_ids: tuple[str, ...] = ()) -> dict[str, Any]:
    """Decode one daemon datagram (header line + document), check it, return the document."""
    assert len(datagram) <= MAX_DOCUMENT_BYTES + 64, f"datagram of {len(datagram)} bytes"
    text = datagram.decode("utf-8")
    header_text, newline, body = text.partition("\n")
    assert newline, "a datagram is a header line, a newline, then the document"
    header = json.loads(header_text)
    assert str(header.get("format", "")).lower() == "json", header
    assert header.get("version") == 1, header
    assert len(body.encode("utf-8")) <= MAX_DOCUMENT_BYTES, "document over 64 kB"
    document = json.loads(body)
    check_document(document, trace_ids=trace_ids)
    return document  # type: ignore[no-any-return]


@dataclass
class XRayDaemon:
    """The receiving end of the SDK's UDP emitter, plus the trace header it handed out."""

    sock: socket.socket
    monkeypatch: pytest.MonkeyPatch
    trace_id: str = ""
    parent_id: str = ""
    header: str = ""
    issued: list[str] = field(default_factory=list)

    @property
    def address(self) -> str:
        host, port = self.sock.getsockname()
        return f"{host}:{port}"

    def new_trace(self, *, sampled: bool = True) -> str:
        """Set a fresh ``_X_AMZN_TRACE_ID`` (as Lambda does per invocation); return it."""
        self.trace_id = new_trace_id()
        self.parent_id = secrets.token_hex(8)
        self.header = f"Root={self.trace_id};Parent={self.parent_id};Sampled={int(sampled)}"
        self.issued.append(self.trace_id)
        self.monkeypatch.setenv("_X_AMZN_TRACE_ID", self.header)
        return self.header

    def datagrams(self, count: int | None = None, timeout: float = 2.0) -> list[bytes]:
        """Every datagram waiting now; with ``count``, wait (up to ``timeout``) for that many."""
        received: list[bytes] = []
        deadline = time.monotonic() + timeout
        while True:
            try:
                received.append(self.sock.recv(70_000))
                continue
            except BlockingIOError:
                pass
            if count is None or len(received) >= count or time.monotonic() > deadline:
                return received
            time.sleep(0.005)

    def documents(self, count: int | None = None, timeout: float = 2.0) -> list[dict[str, Any]]:
        """The documents received, decoded and checked against the oracle, in arrival order."""
        issued = tuple(self.issued)
        return [check_datagram(d, trace_ids=issued) for d in self.datagrams(count, timeout)]


@pytest.fixture
def xray_daemon(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Iterator[XRayDaemon]:
    """A UDP 'daemon' on 127.0.0.1 and a Lambda-like environment pointing at it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
    sock.bind(("127.0.0.1", 0))
    sock.setblocking(False)
    daemon = XRayDaemon(sock, monkeypatch)
    monkeypatch.setenv("AWS_XRAY_DAEMON_ADDRESS", daemon.address)
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "powerkit-test")
    monkeypatch.setenv("LAMBDA_TASK_ROOT", str(tmp_path))
    daemon.new_trace()
    try:
        yield daemon
    finally:
        sock.close()


@pytest.fixture(autouse=True, scope="session")
def _close_xray_sdk_socket() -> Iterator[None]:
    """Close the SDK's emitter socket at the end of the session (no ResourceWarning at exit)."""
    yield
    import sys

    core = sys.modules.get("aws_xray_sdk.core")
    if core is not None:
        core.xray_recorder.emitter._socket.close()
