"""Idempotency locks bounded by the real context's deadline, across execution environments."""

from __future__ import annotations

import time
from pathlib import Path

from tests.runtime.conftest import StartFunction


def test_a_timed_out_invocation_blocks_retries_only_until_its_deadline(
    start_function: StartFunction, tmp_path: Path
) -> None:
    """In progress until the first run's deadline, then a retry runs and is replayed after."""
    env = {"RUNTIME_TEST_IDEMPOTENCY_DB": str(tmp_path / "idem.sqlite3")}
    first_env, second_env = (
        start_function("idem.handler", env=env),
        start_function("idem.handler", env=env),
    )
    first_env.wait_ready()
    second_env.wait_ready()

    hung = first_env.send({"id": "order-1", "sleep_s": 60}, timeout_ms=2500)
    first_env.wait_for_stdout('"running"')
    concurrent = second_env.invoke({"id": "order-1"})
    # Lambda stops the first environment at its deadline; no response is posted.
    while time.time() * 1000 < hung.deadline_ms + 50:
        time.sleep(0.02)
    first_env.stop()
    retried = second_env.invoke({"id": "order-1"})
    replayed = second_env.invoke({"id": "order-1"})
    second_env.stop()

    assert not hung.done.is_set()
    assert concurrent.kind == "error"
    assert concurrent.json()["errorType"] == "IdempotencyAlreadyInProgressError"
    assert (retried.kind, retried.json()) == (
        "response",
        {"id": "order-1", "ran_in": retried.request_id},
    )
    assert (replayed.kind, replayed.json()) == ("response", retried.json())
    ran = [
        line["function_request_id"]
        for line in second_env.json_lines()
        if line.get("message") == "running"
    ]
    assert ran == [retried.request_id]
