"""The test kit's docs examples run and do what docs/testing.md says."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "testing"


def test_example_test_files_pass_under_pytest() -> None:
    """The example test files pass, with the fixtures coming from powerkit's pytest plugin."""
    files = sorted(str(p.relative_to(ROOT)) for p in EXAMPLES.glob("test_*.py"))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed" in result.stdout


def test_context_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The context example prints the function ARN and a remaining time within the timeout."""
    runpy.run_path(str(EXAMPLES / "context.py"))
    assert capsys.readouterr().out.splitlines() == [
        "arn:aws:lambda:us-east-1:123456789012:function:orders-api",
        "True",
    ]


def test_streams_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The streams example decodes Kinesis data and prints the typed DynamoDB image."""
    runpy.run_path(str(EXAMPLES / "streams.py"))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == 'b\'{"order_id":"a"}\''
    assert lines[1] == "{'pk': {'S': 'order#1'}, 'total': {'N': '12.50'}, 'tags': {'SS': ['paid']}}"


def test_by_name_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The registry example lists every source and shows an S3-encoded key."""
    runpy.run_path(str(EXAMPLES / "by_name.py"))
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 15
    assert lines[0].split()[0] == "sqs"
    assert lines[-1] == "reports/March+2024.csv"
