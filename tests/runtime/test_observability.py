"""Logger, Metrics and Tracer in one handler, run by the real runtime client (awslambdaric)."""

from __future__ import annotations

from typing import Any

import pytest

from powerkit._cli._emf_check import check_line
from tests.runtime.conftest import StartFunction
from tests.runtime.rapid import ARN, FUNCTION_NAME, LambdaProcess
from tests.support.xray import XRayDaemon, check_datagram


def _emf(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [line for line in lines if "_aws" in line]


def _logs(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [line for line in lines if "_aws" not in line]


def _check_emf_lines(function: LambdaProcess) -> None:
    for line in function.stdout().splitlines():
        checked = check_line(line)
        if checked is not None:
            assert checked.problems == [], (line, checked.problems)


@pytest.mark.parametrize(
    "execution_env",
    # python3.12+ runtimes poll /next from a worker thread; older ones from the main thread.
    ["AWS_Lambda_python3.11", "AWS_Lambda_python3.13"],
)
def test_three_invocations_answer_and_log_one_json_line_each(
    start_function: StartFunction, xray_daemon: XRayDaemon, execution_env: str
) -> None:
    """Each logger.info is one JSON line with the runtime's request id, trace id, memory as int."""
    function = start_function(
        "observed.handler",
        env={"AWS_XRAY_DAEMON_ADDRESS": xray_daemon.address, "AWS_EXECUTION_ENV": execution_env},
    )
    invocations = [function.invoke({"n": n}) for n in range(3)]
    function.stop()

    assert [i.kind for i in invocations] == ["response"] * 3
    assert [i.json()["doubled"] for i in invocations] == [0, 2, 4]
    # Every stdout line is a JSON object: nothing printed twice through the root logger.
    text_lines = [line for line in function.stdout().splitlines() if line.strip()]
    assert all(line.startswith("{") for line in text_lines), text_lines
    logs = _logs(function.json_lines())
    assert [line["message"] for line in logs] == ["handling"] * 3
    assert [line["cold_start"] for line in logs] == [True, False, False]
    for line, invocation in zip(logs, invocations):
        assert line["function_request_id"] == invocation.request_id
        assert line["xray_trace_id"] == invocation.trace_id
        assert line["function_memory_size"] == 256
        assert line["function_name"] == FUNCTION_NAME
        assert line["function_arn"] == ARN
        assert line["level"] == "INFO"
    assert function.stderr() == ""


def test_metrics_are_valid_emf_with_one_cold_start(start_function: StartFunction) -> None:
    """One ColdStart line on the first invocation, one Handled line per invocation, all valid."""
    function = start_function("observed.handler")
    for n in range(3):
        function.invoke({"n": n})
    function.stop()

    _check_emf_lines(function)
    emf = _emf(function.json_lines())
    cold = [doc for doc in emf if "ColdStart" in doc]
    handled = [doc for doc in emf if "Handled" in doc]
    assert len(cold) == 1
    assert cold[0]["function_name"] == FUNCTION_NAME
    assert [doc["Handled"] for doc in handled] == [1, 1, 1]
    assert {doc["_aws"]["CloudWatchMetrics"][0]["Namespace"] for doc in emf} == {"RuntimeProbe"}


def test_segments_reach_the_daemon_under_each_invocation_trace(
    start_function: StartFunction, xray_daemon: XRayDaemon
) -> None:
    """The handler and method subsegments carry the trace id of the runtime's trace header."""
    function = start_function(
        "observed.handler", env={"AWS_XRAY_DAEMON_ADDRESS": xray_daemon.address}
    )
    invocations = [function.invoke({"n": n}) for n in range(2)]
    trace_ids = tuple(i.trace_id for i in invocations)
    documents = [
        check_datagram(datagram, trace_ids=trace_ids)
        for datagram in xray_daemon.datagrams(count=4, timeout=5)
    ]
    function.stop()

    by_trace: dict[str, dict[str, dict[str, Any]]] = {}
    for document in documents:
        by_trace.setdefault(document["trace_id"], {})[document["name"]] = document
    assert set(by_trace) == set(trace_ids)
    for n, invocation in enumerate(invocations):
        handler, work = (
            by_trace[invocation.trace_id]["handler"],
            by_trace[invocation.trace_id]["work"],
        )
        assert handler["parent_id"] == invocation.trace_header.split("Parent=")[1][:16]
        assert handler["annotations"]["ColdStart"] is (n == 0)
        assert work["parent_id"] == handler["id"]
        assert work["annotations"] == {"n": n}


def test_async_handler_with_buffer_runs_to_completion(start_function: StartFunction) -> None:
    """An async handler answers; buffered debug lines appear only for the failed invocation."""
    function = start_function("variety.handler")
    ok = function.invoke({"n": 3})
    failed = function.invoke({"n": 2, "fail": True})
    function.stop()

    assert (ok.kind, ok.json()) == ("response", {"values": [1, 2, 3]})
    assert (failed.kind, failed.json()["errorType"]) == ("error", "TimeoutError")
    logs = _logs(function.json_lines())
    by_request = [(line["function_request_id"], line["message"]) for line in logs]
    assert (ok.request_id, "fetched all") in by_request
    assert (ok.request_id, "fetched") not in by_request
    assert by_request.count((failed.request_id, "fetched")) == 2
    emf = _emf(function.json_lines())
    assert [doc["Fetched"] for doc in emf if "Fetched" in doc] == [3, 2]


def test_provisioned_concurrency_reports_no_cold_start(start_function: StartFunction) -> None:
    """Under AWS_LAMBDA_INITIALIZATION_TYPE=provisioned-concurrency nothing is a cold start."""
    function = start_function(
        "observed.handler", env={"AWS_LAMBDA_INITIALIZATION_TYPE": "provisioned-concurrency"}
    )
    function.invoke({"n": 1})
    function.invoke({"n": 2})
    function.stop()

    lines = function.json_lines()
    assert [line["cold_start"] for line in _logs(lines)] == [False, False]
    assert not [doc for doc in _emf(lines) if "ColdStart" in doc]


def test_trace_header_variants_follow_each_invocation(
    start_function: StartFunction, xray_daemon: XRayDaemon
) -> None:
    """Lineage is tolerated, Sampled=0 sends nothing, no header means no trace id (no leak)."""
    function = start_function(
        "anything.handler", env={"AWS_XRAY_DAEMON_ADDRESS": xray_daemon.address}
    )
    lineage = function.invoke({}, trace="Sampled=1;Lineage=1:a4c0f9b6:0")
    unsampled = function.invoke({}, trace="Sampled=0")
    untraced = function.invoke({}, trace=None)
    sampled = function.invoke({})
    documents = [
        check_datagram(datagram, trace_ids=(lineage.trace_id, sampled.trace_id))
        for datagram in xray_daemon.datagrams(count=2, timeout=5)
    ]
    function.stop()

    assert [d["trace_id"] for d in documents] == [lineage.trace_id, sampled.trace_id]
    assert documents[0]["parent_id"] == lineage.trace_header.split("Parent=")[1][:16]
    seen = {line["function_request_id"]: line for line in _logs(function.json_lines())}
    assert seen[lineage.request_id]["xray_trace_id"] == lineage.trace_id
    assert seen[unsampled.request_id]["xray_trace_id"] == unsampled.trace_id
    assert "xray_trace_id" not in seen[untraced.request_id]
    assert seen[sampled.request_id]["xray_trace_id"] == sampled.trace_id


def test_any_json_event_passes_through_every_decorator(start_function: StartFunction) -> None:
    """Events that are not API-shaped objects are logged, counted and returned unchanged."""
    events: list[Any] = [[1, 2], "text", 42, None, {"requestContext": None}]
    function = start_function("anything.handler")
    invocations = [function.invoke(event) for event in events]
    function.stop()

    assert [(i.kind, i.json()) for i in invocations] == [("response", e) for e in events]
    lines = function.json_lines()
    logged = [line["message"] for line in _logs(lines)]
    # log_event's line, then the handler's, for each invocation.
    assert logged == [
        message for e in events for message in ((e if isinstance(e, dict) else str(e)), "seen")
    ]
    assert [doc["Seen"] for doc in _emf(lines)] == [1] * len(events)
