"""Lambda Managed Instances: AWS_LAMBDA_MAX_CONCURRENCY forks one runtime loop per worker."""

from __future__ import annotations

from tests.runtime.conftest import StartFunction


def test_each_worker_has_its_own_cold_start_and_request_ids(start_function: StartFunction) -> None:
    """Two events at once go to two workers; each line names its own request; lines stay whole."""
    function = start_function("workers.handler", env={"AWS_LAMBDA_MAX_CONCURRENCY": "2"})
    function.wait_ready(workers=2)
    first, second = (function.send({"sleep_s": 0.5, "lines": 40}) for _ in range(2))
    for invocation in (first, second):
        assert invocation.done.wait(15), function.stderr()
    function.stop()

    pids = {first.json()["pid"], second.json()["pid"]}
    assert len(pids) == 2
    lines = function.json_lines()  # every line parses: workers never split each other's lines
    assert len(lines) == len(function.stdout().splitlines())
    for invocation in (first, second):
        mine = [line for line in lines if line.get("function_request_id") == invocation.request_id]
        assert len(mine) == 40
        assert {line["pid"] for line in mine} == {invocation.json()["pid"]}
        assert {line["cold_start"] for line in mine} == {True}
    assert sum(1 for line in lines if "ColdStart" in line) == 2
