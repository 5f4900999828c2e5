"""Many callers, one key: threads, processes and generated interleavings."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powerkit.idempotency import (
    IdempotencyAlreadyInProgressError,
    IdempotencyConfig,
    IdempotencyWarning,
    PersistenceStore,
    _engine,
    idempotent_function,
)
from powerkit.idempotency._engine import IdempotencyEngine, Lock, Replay, drive


def test_waiting_threads_all_get_the_one_result(any_store: PersistenceStore) -> None:
    """16 threads with on_in_progress='wait': one runs, all 16 return its result."""
    ran: list[int] = []
    barrier = threading.Barrier(16)
    results: list[Any] = []

    @idempotent_function(
        data_keyword_argument="order",
        persistence_store=any_store,
        key_prefix=uuid.uuid4().hex,
        config=IdempotencyConfig(on_in_progress="wait", in_progress_expiry_ms=20_000),
    )
    def work(order: str) -> dict[str, int]:
        ran.append(1)
        time.sleep(0.2)  # long enough that every other thread has to wait
        return {"winner": len(ran)}

    def call() -> None:
        barrier.wait()
        results.append(work(order="same"))

    threads = [threading.Thread(target=call) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert ran == [1]
    assert results == [{"winner": 1}] * 16


_CHILD = textwrap.dedent(
    """
    import json, os, sys, time
    from pathlib import Path
    from powerkit.idempotency import (
        IdempotencyAlreadyInProgressError, IdempotencyConfig, idempotent_function,
    )

    kind, target, workdir, mode = sys.argv[1:5]
    work = Path(workdir)
    if kind == "sqlite":
        from powerkit.idempotency import SQLitePersistenceLayer
        store = SQLitePersistenceLayer(target)
    elif kind == "redis":
        from powerkit.idempotency import RedisPersistenceLayer
        store = RedisPersistenceLayer(url=target)
    else:
        import boto3
        from powerkit.idempotency import DynamoDBPersistenceLayer
        endpoint, table = target.split("|")
        client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1")
        store = DynamoDBPersistenceLayer(table, boto3_client=client)

    def body(order):
        with open(work / "ran", "a") as f:
            f.write(f"{os.getpid()}\\n")
        deadline = time.monotonic() + 20
        while not (work / "release").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return {"pid": os.getpid(), "order": order}

    fn = idempotent_function(
        data_keyword_argument="order",
        persistence_store=store,
        key_prefix=work.name,
        config=IdempotencyConfig(on_in_progress=mode, in_progress_expiry_ms=30_000),
    )(body)
    with open(work / "ready", "a") as f:
        f.write("1\\n")
    while not (work / "go").exists():
        time.sleep(0.005)
    try:
        outcome = fn(order="one-key")
    except IdempotencyAlreadyInProgressError:
        outcome = "in-progress"
    with open(work / "outcomes", "a") as f:
        f.write(json.dumps(outcome) + "\\n")
    """
)


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def _wait_for(condition: Any, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "mode"),
    [("sqlite", "raise"), ("sqlite", "wait"), ("dynamodb", "raise"), ("redis", "wait")],
)
def test_eight_processes_on_one_key_run_the_body_once(
    kind: str, mode: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """8 processes call one key at once: one runs; others get in-progress or its result."""
    if kind == "sqlite":
        target = str(tmp_path / "shared.db")
    elif kind == "redis":
        target = request.getfixturevalue("redis_server")
    else:
        endpoint = request.getfixturevalue("moto_server")
        target = f"{endpoint}|{request.getfixturevalue('dynamodb_table')}"
    work = tmp_path / uuid.uuid4().hex
    work.mkdir()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, kind, target, str(work), mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(8)
    ]
    try:
        _wait_for(lambda: len(_lines(work / "ready")) == 8, "8 processes to start")
        (work / "go").touch()
        if mode == "raise":
            _wait_for(lambda: len(_lines(work / "outcomes")) == 7, "7 in-progress answers")
        else:
            _wait_for(lambda: _lines(work / "ran"), "the body to start")
            time.sleep(0.3)  # let the others reach their polling loop
        (work / "release").touch()
        for child in children:
            _, err = child.communicate(timeout=30)
            assert child.returncode == 0, err.decode()
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    ran = _lines(work / "ran")
    outcomes = [json.loads(line) for line in _lines(work / "outcomes")]
    assert len(ran) == 1
    result = {"pid": int(ran[0]), "order": "one-key"}
    expected = [result] + (["in-progress"] * 7 if mode == "raise" else [result] * 7)
    assert sorted(outcomes, key=json.dumps) == sorted(expected, key=json.dumps)


# -- generated interleavings ---------------------------------------------------------------

LOCK_MS = 1_000
TTL_S = 10

steps = st.lists(
    st.one_of(
        st.tuples(st.just("start"), st.integers(0, 2)),
        st.tuples(st.just("complete"), st.integers(0, 2)),
        st.tuples(st.just("raise"), st.integers(0, 2)),
        st.tuples(st.just("advance"), st.sampled_from([1, 400, 999, 1_000, 3_000, 10_000])),
    ),
    max_size=25,
)


class Model:
    """What the store must hold: nothing, a lock (owner, lapse time) or a result."""

    def __init__(self) -> None:
        self.holder: int | None = None
        self.lock_until = 0
        self.result: int | None = None
        self.expires = 0
        self.lock_expires = 0

    def state(self, now: int) -> str:
        if self.result is not None and now < self.expires:
            return "completed"
        if self.holder is not None and now < self.lock_until and now < self.lock_expires:
            return "locked"
        return "free"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=steps)
def test_interleavings_of_complete_raise_and_expire(
    any_store: PersistenceStore, steps: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three invocations interleave start/complete/raise/expire; the store matches a model."""
    clock = [_engine.now_ms() // 1000 * 1000]
    monkeypatch.setattr(_engine, "now_ms", lambda: clock[0])
    config = IdempotencyConfig(in_progress_expiry_ms=LOCK_MS, expires_after_seconds=TTL_S)
    engine = IdempotencyEngine(any_store, config, key_prefix=uuid.uuid4().hex)
    held: dict[int, Lock] = {}
    model = Model()
    counter = 0
    for action, arg in steps:
        now = clock[0]
        if action == "advance":
            clock[0] += arg
            continue
        if action == "start" and arg not in held:
            state = model.state(now)
            try:
                outcome = drive(engine.start("payload", lambda: None))
            except IdempotencyAlreadyInProgressError:
                assert state == "locked"
                continue
            if isinstance(outcome, Replay):
                assert state == "completed"
                assert outcome.value == model.result
            else:
                assert state == "free"
                assert isinstance(outcome, Lock)
                held[arg] = outcome
                model.holder, model.result = arg, None
                model.lock_until = now + LOCK_MS
                model.lock_expires = (now // 1000 + TTL_S) * 1000
        elif action == "complete" and arg in held:
            counter += 1
            lock = held.pop(arg)
            owns = model.holder == arg
            if owns:
                engine.complete(lock, counter)
                model.holder, model.result = None, counter
                model.expires = (now // 1000 + TTL_S) * 1000
            else:
                with pytest.warns(IdempotencyWarning, match="taken over"):
                    engine.complete(lock, counter)
        elif action == "raise" and arg in held:
            engine.release(held.pop(arg))
            if model.holder == arg:
                model.holder = None
        stored = any_store.get(engine.key_for("payload") or "")
        if model.holder is None and model.result is None:
            assert stored is None
        elif model.result is not None and model.holder is None:
            assert stored is not None
            assert (stored.status, stored.data) == ("COMPLETED", str(model.result))
