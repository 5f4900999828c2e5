"""What a benchmark workload is, and code templates that measure one in a fresh process.

A workload is a pair of Python programs, one using powerkit and one using the peer
(aws-lambda-powertools), that do the same work. Each program runs in a fresh interpreter and
prints one number, its measurement, as the last line of stdout. ``run.py`` interleaves the
two sides round by round and reports medians and the powerkit/peer ratio.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Workload:
    """One comparison.

    Attributes:
        name: ``<utility>.<what>``, e.g. ``logging.invoke``.
        powerkit: program for the powerkit side.
        peer: program for the peer side.
        unit: what the printed number is: ``"ms"`` or ``"us"``.
        target: the ratio (powerkit/peer) the issue asks for, e.g. ``0.3``, or None.
        baseline: optional third program (hand-written equivalent), run with powerkit's Python.
    """

    name: str
    powerkit: str
    peer: str
    unit: str
    target: float | None = None
    baseline: str | None = None


FAKE_CONTEXT = """
class _Context:
    function_name = "bench"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:bench"
    memory_limit_in_mb = "128"
    aws_request_id = "4f1d0a3c-0000-4000-8000-000000000000"
    log_group_name = "/aws/lambda/bench"
    log_stream_name = "2024/01/01/[$LATEST]abc"
    def get_remaining_time_in_millis(self):
        return 300000
context = _Context()
"""
"""Program text defining ``context``: a Lambda context both sides accept, with 5 minutes left."""


def import_time(module: str, *, prelude: str = "") -> str:
    """Program printing milliseconds to import ``module`` cold (after ``prelude``)."""
    return textwrap.dedent(
        f"""
        {prelude}
        import time
        _t = time.perf_counter()
        import {module}
        print((time.perf_counter() - _t) * 1000)
        """
    )


def per_call(setup: str, call: str, *, number: int = 2000, repeat: int = 7) -> str:
    """Program printing the median microseconds per execution of ``call`` after ``setup``.

    ``call`` is a statement (it may span lines); it runs ``number`` times per repeat after
    a warm-up, and the median of ``repeat`` repeats is printed.
    """
    body = textwrap.indent(textwrap.dedent(call).strip(), "        ")
    return (
        textwrap.dedent(setup).strip()
        + "\n"
        + textwrap.dedent(
            """
            import statistics as _st, time as _time
            def _bench_once():
            {body}
            for _ in range({warm}):
                _bench_once()
            _samples = []
            for _ in range({repeat}):
                _t = _time.perf_counter()
                for _ in range({number}):
                    _bench_once()
                _samples.append((_time.perf_counter() - _t) / {number} * 1e6)
            print(_st.median(_samples))
            """
        ).format(body=body, warm=max(1, number // 10), repeat=repeat, number=number)
    )
