"""The JMESPath docs examples run and print what their comments say."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "jmespath"


def output(name: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    runpy.run_path(str(EXAMPLES / name))
    return capsys.readouterr().out.splitlines()


def test_query_functions(capsys: pytest.CaptureFixture[str]) -> None:
    """Each custom function decodes its value."""
    assert output("query_functions.py", capsys) == ["c-42", "3", "o-7", "compressed text", "c-42"]


def test_envelopes_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The SQS envelope returns every body."""
    assert output("envelopes_example.py", capsys) == [
        "[{'order': 'o-1'}, {'order': 'o-2'}]",
        "Records[*].powerkit_json(body)",
        "['API_GATEWAY_HTTP', 'API_GATEWAY_REST', 'CLOUDWATCH_LOGS']",
    ]


def test_errors_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The error names the expression and the reason."""
    assert output("errors.py", capsys) == [
        "Records[*].powerkit_json(body)",
        "powerkit_json: value is not valid JSON (Expecting value: line 1 column 1 (char 0))",
    ]
