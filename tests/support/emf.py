"""EMF oracle for the whole suite: every line powerkit publishes in any test is validated.

The autouse fixture :func:`emf_lines_are_valid` taps powerkit's metrics sink for the duration
of each test and, at teardown, checks every line against ``../shared/specs/emf.schema.json``
plus the rules the schema cannot express (``EMF.md``): each name referenced by a dimension
set or metric definition is a top-level member of the right type, the line is one JSON object
without NaN/Infinity, and it is under 1 MB. When ``../shared`` is absent (an sdist build) the
schema part is skipped and the code-side rules are still checked.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

SCHEMA_PATH = Path(__file__).resolve().parents[2].parent / "shared" / "specs" / "emf.schema.json"
MAX_LINE_BYTES = 1_000_000

Check = Callable[[Any], Any]


@functools.cache
def _validators() -> tuple[Check, Check, Check] | None:
    """(document, metric target, dimension target) validators, or None without the schema."""
    if not SCHEMA_PATH.is_file():
        return None
    import fastjsonschema

    schema = json.loads(SCHEMA_PATH.read_text())
    definitions = schema["definitions"]

    def target(name: str) -> Check:
        return fastjsonschema.compile({"definitions": definitions, "$ref": f"#/definitions/{name}"})

    return fastjsonschema.compile(schema), target("metricTarget"), target("dimensionTarget")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def emf_problems(line: str) -> list[str]:
    """Every rule ``line`` breaks (empty when it is a valid EMF document)."""
    problems: list[str] = []
    if "\n" in line or "\r" in line:
        problems.append("the line contains a line break: CloudWatch would split it")
    if len(line.encode()) > MAX_LINE_BYTES:
        problems.append(f"the line is larger than {MAX_LINE_BYTES} bytes")
    try:
        document = json.loads(line, parse_constant=_refuse_constant)
    except ValueError as exc:
        return [*problems, f"not JSON: {exc}"]
    if not isinstance(document, dict):
        return [*problems, "not a JSON object"]
    validators = _validators()
    if validators is not None:
        import fastjsonschema

        try:
            validators[0](document)
        except fastjsonschema.JsonSchemaException as exc:
            return [*problems, f"schema: {exc.message}"]
    aws = document.get("_aws")
    if not isinstance(aws, dict) or not isinstance(aws.get("CloudWatchMetrics"), list):
        return [*problems, "no _aws.CloudWatchMetrics array"]
    if type(aws.get("Timestamp")) is not int:
        # draft-07 counts 1.5e12 as an integer; EMF.md wants an integer literal.
        problems.append(f"_aws.Timestamp {aws.get('Timestamp')!r} is not an integer literal")
    for directive in aws["CloudWatchMetrics"]:
        for dimension_set in directive.get("Dimensions", []):
            for key in dimension_set:
                problems.extend(_target_problems(document, key, "dimension", validators, 2))
        for definition in directive.get("Metrics", []):
            problems.extend(
                _target_problems(document, definition.get("Name"), "metric", validators, 1)
            )
    return problems


def _target_problems(
    document: dict[str, Any],
    name: Any,
    kind: str,
    validators: tuple[Check, Check, Check] | None,
    index: int,
) -> list[str]:
    if name not in document:
        return [f"{kind} {name!r} is referenced but not a top-level member"]
    value = document[name]
    if kind == "dimension":
        ok = isinstance(value, str) and len(value) <= 1024
    else:
        numbers = value if isinstance(value, list) else [value]
        ok = (not isinstance(value, list) or len(value) <= 100) and all(
            isinstance(number, (int, float)) and not isinstance(number, bool) for number in numbers
        )
    if ok and validators is not None:
        import fastjsonschema

        try:
            validators[index](value)
        except fastjsonschema.JsonSchemaException:
            ok = False
    return [] if ok else [f"{kind} {name!r} has a value of the wrong type: {value!r}"]


def assert_valid_emf(line: str) -> dict[str, Any]:
    """Parse ``line`` and return the document; an AssertionError listing every broken rule."""
    problems = emf_problems(line)
    assert not problems, f"invalid EMF line {line[:300]!r}: {problems}"
    parsed: dict[str, Any] = json.loads(line)
    return parsed


@pytest.fixture(autouse=True)
def emf_lines_are_valid() -> Iterator[list[str]]:
    """Every EMF line powerkit publishes during a test must be valid (checked at teardown)."""
    from powerkit.metrics import _sink

    lines: list[str] = []
    _sink.add_tap(lines.append)
    try:
        yield lines
    finally:
        _sink.remove_tap(lines.append)
    invalid = {line[:300]: problems for line in lines if (problems := emf_problems(line))}
    if invalid:
        pytest.fail(f"powerkit published invalid EMF lines: {invalid}", pytrace=False)
