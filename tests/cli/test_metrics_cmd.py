"""`powerkit metrics`: validates EMF lines from any producer and prints a table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit._cli._emf_check import check_document, check_line


def emf(**overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "_aws": {
            "Timestamp": 1_700_000_000_000,
            "CloudWatchMetrics": [
                {
                    "Namespace": "Shop",
                    "Dimensions": [["service"]],
                    "Metrics": [{"Name": "Orders", "Unit": "Count"}],
                }
            ],
        },
        "service": "orders",
        "Orders": [1, 2],
    }
    doc.update(overrides)
    return doc


def run(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "powerkit", "metrics"],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_valid_lines_are_tabulated_and_other_lines_ignored() -> None:
    """Only EMF lines are read; the table shows namespace, metric, unit, values, dimensions."""
    lines = ['{"level": "INFO", "message": "hello"}', "plain text", json.dumps(emf())]
    done = run("\n".join(lines) + "\n")
    assert done.returncode == 0, done.stdout
    table = done.stdout.splitlines()
    assert table[0].split() == ["namespace", "metric", "unit", "res", "values", "dimensions"]
    assert table[1].split() == ["Shop", "Orders", "Count", "60s", "1,", "2", "{service=orders}"]
    assert table[-1] == "1 valid EMF line(s), 1 metric(s)"


def test_invalid_lines_are_listed_with_line_numbers_and_fail() -> None:
    """Every problem is printed with its line number; the exit status is 1."""
    bad = emf(Orders="many")
    del bad["service"]
    done = run("noise\n" + json.dumps(bad) + "\n")
    assert done.returncode == 1
    assert "line 2: dimension 'service' is declared but has no top-level member" in done.stdout
    assert "line 2: metric 'Orders' must be a number or an array of numbers" in done.stdout


def test_reads_a_file_argument(tmp_path: Path) -> None:
    """A file path can be given instead of stdin."""
    log = tmp_path / "out.log"
    log.write_text(json.dumps(emf()) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "powerkit", "metrics", str(log)], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert "Orders" in done.stdout


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        (lambda d: d["_aws"].pop("Timestamp"), "_aws.Timestamp must be a non-negative integer"),
        (
            lambda d: d["_aws"].update(Timestamp=1.5),
            "_aws.Timestamp must be a non-negative integer",
        ),
        (
            lambda d: d["_aws"]["CloudWatchMetrics"][0].update(Dimensions=[]),
            "Dimensions must be a non-empty array",
        ),
        (
            lambda d: d["_aws"]["CloudWatchMetrics"][0]["Metrics"][0].update(StorageResolution=5),
            "StorageResolution must be 1 or 60",
        ),
        (lambda d: d.update(Orders=list(range(101))), "has 101 values (at most 100)"),
        (
            lambda d: d["_aws"]["CloudWatchMetrics"][0]["Dimensions"][0].extend(
                f"d{i}" for i in range(30)
            ),
            "has 31 keys (at most 30)",
        ),
        (lambda d: d["_aws"].update(Extra=1), "_aws has unknown members ['Extra']"),
        (lambda d: d.update(service="x" * 1025), "value is longer than 1024 characters"),
    ],
)
def test_each_spec_rule_is_enforced(mutate: Any, problem: str) -> None:
    """Each rule of the EMF producer profile is reported when broken."""
    doc = emf()
    mutate(doc)
    assert any(problem in p for p in check_document(doc).problems)


def test_non_emf_lines_are_not_checked() -> None:
    """Lines without an _aws member are none of the checker's business."""
    assert check_line('{"message": "x"}') is None
    assert check_line("text") is None


@settings(max_examples=60)
@given(
    values=st.lists(
        st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=1, max_size=100
    ),
    name=st.text(st.characters(codec="ascii", categories=["L", "N"]), min_size=1, max_size=40),
)
def test_well_formed_documents_pass_and_keep_their_values(values: list[float], name: str) -> None:
    """Any well-formed document passes, and the table rows carry its values."""
    doc = emf(**{name: values})
    doc["_aws"]["CloudWatchMetrics"][0]["Metrics"] = [{"Name": name, "Unit": "Milliseconds"}]
    if name in {"_aws", "service"}:
        return
    checked = check_document(doc)
    assert checked.problems == []
    assert checked.rows[0].values == [float(v) for v in values]


def test_checker_agrees_with_the_shared_schema(shared_dir: Path) -> None:
    """Documents the checker accepts also validate against shared/specs/emf.schema.json."""
    import fastjsonschema

    validate = fastjsonschema.compile(
        json.loads((shared_dir / "specs" / "emf.schema.json").read_text())
    )
    validate(emf())
    broken = emf()
    broken["_aws"]["CloudWatchMetrics"][0]["Metrics"][0]["Unit"] = "Parsecs"
    with pytest.raises(fastjsonschema.JsonSchemaException):
        validate(broken)
    assert check_document(broken).problems
