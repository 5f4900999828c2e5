"""Tracing workloads: import, ``Tracer()`` construction with tracing off, and one handler
invocation calling three captured methods, with tracing off and on.

With tracing on, both sides run in a Lambda-like environment (function name, task root, a
real-format ``_X_AMZN_TRACE_ID``) and send their subsegments over UDP to a socket the program
opens on 127.0.0.1 and drains between repeats. Both sides use the X-Ray SDK, auto-patching off
(it only changes start-up), and get the same minimal context object.
"""

from __future__ import annotations

import textwrap

from benchmarks.harness import FAKE_CONTEXT, Workload, import_time, per_call

_CONTEXT = FAKE_CONTEXT

_OUTSIDE_LAMBDA = """
import os
for _name in ("AWS_LAMBDA_FUNCTION_NAME", "LAMBDA_TASK_ROOT", "_X_AMZN_TRACE_ID"):
    os.environ.pop(_name, None)
"""

_IN_LAMBDA = """
import os, socket, time, secrets
_daemon = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
_daemon.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 * 1024 * 1024)
_daemon.bind(("127.0.0.1", 0))
_daemon.setblocking(False)
os.environ["AWS_XRAY_DAEMON_ADDRESS"] = "127.0.0.1:%d" % _daemon.getsockname()[1]
os.environ["AWS_LAMBDA_FUNCTION_NAME"] = "bench"
os.environ["LAMBDA_TASK_ROOT"] = "/tmp"
os.environ["_X_AMZN_TRACE_ID"] = "Root=1-%08x-%s;Parent=%s;Sampled=1" % (
    int(time.time()), secrets.token_hex(12), secrets.token_hex(8))
def _drain():
    try:
        while True:
            _daemon.recv(70000)
    except BlockingIOError:
        pass
"""

_HANDLER = """
tracer = Tracer(service="checkout", auto_patch=False)

@tracer.capture_method
def load(order_id):
    return {"id": order_id, "total": 42}

@tracer.capture_method
def price(order):
    return order["total"] * 1.2

@tracer.capture_method
def save(order, amount):
    return None

@tracer.capture_lambda_handler
def handler(event, context):
    order = load(event["id"])
    amount = price(order)
    save(order, amount)
    return {"statusCode": 200}

event = {"id": "o-1"}
"""

_BASELINE_HANDLER = """
def load(order_id):
    return {"id": order_id, "total": 42}

def price(order):
    return order["total"] * 1.2

def save(order, amount):
    return None

def handler(event, context):
    order = load(event["id"])
    amount = price(order)
    save(order, amount)
    return {"statusCode": 200}

event = {"id": "o-1"}
"""

_POWERKIT = "from powerkit.tracing import Tracer\n"
_PEER = "from aws_lambda_powertools import Tracer\n"

_CONSTRUCT = """
{prelude}
import time
_t = time.perf_counter()
{import_line}
tracer = Tracer(service="checkout")
print((time.perf_counter() - _t) * 1000)
"""


def _construct(import_line: str) -> str:
    return textwrap.dedent(_CONSTRUCT).format(prelude=_OUTSIDE_LAMBDA, import_line=import_line)


def _invoke(prelude: str, import_line: str, *, drain: bool, number: int) -> str:
    call = "handler(event, context)\n" + ("_drain()\n" if drain else "")
    return per_call(prelude + _CONTEXT + import_line + _HANDLER, call, number=number)


WORKLOADS: list[Workload] = [
    Workload(
        name="tracing.import",
        powerkit=import_time("powerkit.tracing"),
        peer=import_time("aws_lambda_powertools.tracing"),
        unit="ms",
    ),
    Workload(
        name="tracing.construct_disabled",
        powerkit=_construct(_POWERKIT),
        peer=_construct(_PEER),
        unit="ms",
        target=0.05,
    ),
    Workload(
        name="tracing.invoke_disabled",
        powerkit=_invoke(_OUTSIDE_LAMBDA, _POWERKIT, drain=False, number=20000),
        peer=_invoke(_OUTSIDE_LAMBDA, _PEER, drain=False, number=20000),
        unit="us",
        target=0.05,
        baseline=per_call(_CONTEXT + _BASELINE_HANDLER, "handler(event, context)", number=20000),
    ),
    Workload(
        name="tracing.invoke_enabled",
        powerkit=_invoke(_IN_LAMBDA, _POWERKIT, drain=True, number=500),
        peer=_invoke(_IN_LAMBDA, _PEER, drain=True, number=500),
        unit="us",
        target=0.8,
    ),
]
