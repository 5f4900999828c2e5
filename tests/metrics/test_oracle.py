"""The suite's EMF oracle rejects what CloudWatch would drop (so its passes mean something)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.emf import emf_problems

VALID: dict[str, Any] = {
    "_aws": {
        "Timestamp": 1574109732004,
        "CloudWatchMetrics": [
            {
                "Namespace": "lambda-function-metrics",
                "Dimensions": [["functionVersion"]],
                "Metrics": [{"Name": "time", "Unit": "Milliseconds", "StorageResolution": 60}],
            }
        ],
    },
    "functionVersion": "$LATEST",
    "time": 100,
    "requestId": "989ffbf8-9ace-4817-a57c-e4dd734019ee",
}


def _broken(change: str) -> str:
    document = json.loads(json.dumps(VALID))
    directive = document["_aws"]["CloudWatchMetrics"][0]
    if change == "missing metric member":
        del document["time"]
    elif change == "missing dimension member":
        del document["functionVersion"]
    elif change == "dimension not a string":
        document["functionVersion"] = 1
    elif change == "metric a string":
        document["time"] = "100"
    elif change == "metric a bool":
        document["time"] = True
    elif change == "101 values":
        document["time"] = list(range(101))
    elif change == "31 dimensions":
        directive["Dimensions"] = [[f"d{i}" for i in range(31)]]
        document.update({f"d{i}": "v" for i in range(31)})
    elif change == "float timestamp":
        document["_aws"]["Timestamp"] = 1.5e12
    elif change == "unknown unit":
        directive["Metrics"][0]["Unit"] = "Count/Minute"
    elif change == "extra directive member":
        directive["Extra"] = 1
    elif change == "no dimension sets":
        directive["Dimensions"] = []
    return json.dumps(document)


@pytest.mark.usefixtures("shared_dir")
def test_the_spec_example_is_valid() -> None:
    """The example from the EMF specification passes."""
    assert emf_problems(json.dumps(VALID)) == []


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize(
    "change",
    [
        "missing metric member",
        "missing dimension member",
        "dimension not a string",
        "metric a string",
        "metric a bool",
        "101 values",
        "31 dimensions",
        "float timestamp",
        "unknown unit",
        "extra directive member",
        "no dimension sets",
    ],
)
def test_each_violation_is_reported(change: str) -> None:
    """Each hand-made violation of EMF.md is reported by the oracle."""
    assert emf_problems(_broken(change)) != []


@pytest.mark.parametrize(
    "line",
    ['{"_aws": 1} trailing', '{"time": NaN}', "[1]", '{"a":1}\n{"b":2}'],
    ids=["trailing", "nan", "array", "two-lines"],
)
def test_lines_that_are_not_one_json_object_are_reported(line: str) -> None:
    """Trailing text, NaN, non-objects and embedded newlines are reported."""
    assert emf_problems(line) != []


def test_schema_is_the_shared_one(shared_dir: Path) -> None:
    """The oracle reads ../shared/specs/emf.schema.json."""
    from tests.support import emf

    assert shared_dir / "specs" / "emf.schema.json" == emf.SCHEMA_PATH


_BAD_TEST = """
from powerkit.metrics import _sink


def test_publishes_a_broken_line():
    _sink.emit('{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N",'
               '"Dimensions":[["missing"]],"Metrics":[{"Name":"M"}]}]},"M":1}')


def test_publishes_a_valid_line():
    _sink.emit('{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N",'
               '"Dimensions":[[]],"Metrics":[{"Name":"M"}]}]},"M":1}')
"""


def test_the_suite_fixture_fails_a_test_that_publishes_an_invalid_line(tmp_path: Path) -> None:
    """A test whose code publishes an invalid EMF line errors at teardown, naming the rule."""
    (tmp_path / "test_bad.py").write_text(_BAD_TEST)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "tests.support.emf",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            "-c",
            os.devnull,
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=120,
    )
    assert done.returncode != 0, done.stdout
    assert "2 passed, 1 error" in done.stdout, done.stdout  # the teardown of the bad one
    assert "ERROR at teardown of test_publishes_a_broken_line" in done.stdout
    assert "dimension 'missing' is referenced but not a top-level member" in done.stdout
