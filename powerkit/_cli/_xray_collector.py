"""A local stand-in for the X-Ray daemon: collects the segment documents a handler sends."""

from __future__ import annotations

import json
import secrets
import socket
import threading
import time
from typing import Any


def new_trace_header() -> str:
    """A sampled trace header in Lambda's format, with a fresh trace and parent id."""
    trace_id = f"1-{int(time.time()):08x}-{secrets.token_hex(12)}"
    return f"Root={trace_id};Parent={secrets.token_hex(8)};Sampled=1"


class XRayCollector:
    """Listens on a UDP port on 127.0.0.1 and keeps every decoded segment document."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.address = f"127.0.0.1:{self._socket.getsockname()[1]}"
        self._documents: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._receive, name="powerkit-xray", daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._stopped.is_set():
            try:
                datagram = self._socket.recv(65536)
            except (TimeoutError, OSError):
                continue
            _, _, body = datagram.decode("utf-8", "replace").partition("\n")
            try:
                document = json.loads(body)
            except ValueError:
                continue
            with self._lock:
                self._documents.append(document)

    def take(self, trace_id: str, wait_s: float = 0.05) -> list[dict[str, Any]]:
        """Documents of ``trace_id`` received so far (after a short wait for stragglers)."""
        time.sleep(wait_s)
        with self._lock:
            mine = [d for d in self._documents if d.get("trace_id") == trace_id]
            self._documents = [d for d in self._documents if d.get("trace_id") != trace_id]
        return mine

    def close(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=1)
        self._socket.close()
