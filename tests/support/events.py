"""Shared test support for events: load real sample events, compare event shapes.

- ``load_sample("powertools/sqsEvent.json")`` reads a real sample from ``../shared/events``
  (the test is skipped with a clear reason when the folder is absent, e.g. in an sdist build).
- ``shape_differences(actual, expected, ...)`` / ``assert_same_shape(...)`` check that two events
  have the same keys, recursively, and the same JSON value types (null, boolean, number,
  string, array, object; ints and floats are both "number").

Paths in the options are dotted: ``Records[].messageAttributes`` is the ``messageAttributes``
object of every record, ``*`` matches any key (``Records[].dynamodb.*``).

- ``free``: objects whose key names are data (headers, message attributes, item images):
  names are not compared; every value must have the shape of the sample's first value.
- ``optional``: keys that may be present on one side only (e.g. ``Records[].md5OfMessageAttributes``).
- ``nullable``: keys where ``null`` on either side matches any type.
- ``opaque``: values compared by JSON type only, not inside (e.g. DynamoDB item images, whose
  attributes differ from item to item; check those with ``attribute_value_problems``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest

EVENTS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "events"

NOT_EVENTS = frozenset(
    {
        # Responses a function returns (see SOURCES.md), and a deliberately broken file.
        "aws-lambda-go/alb-lambda-target-response.json",
        "aws-lambda-go/apigw-custom-auth-response.json",
        "aws-lambda-go/apigw-response.json",
        "aws-lambda-go/appsync-lambda-auth-response.json",
        "aws-lambda-go/iot-custom-auth-response.json",
        "aws-lambda-go/iot-preprovision-hook-response.json",
        "aws-lambda-go/kinesis-analytics-output-delivery-response.json",
        "aws-lambda-go/kinesis-firehose-response.json",
        "aws-lambda-go/lambda-urls-response.json",
        "aws-lambda-go/lex-response.json",
        "aws-lambda-go/s3-batch-job-event-response.json",
        "aws-lambda-go/dynamodb-event-malformed.2.json",
        "powertools/appSyncAuthorizerResponse.json",
    }
)
"""Sample files that are not incoming events (responses, malformed on purpose)."""


def sample_path(name: str) -> Path:
    """Path of a sample event (``"<folder>/<file>.json"``); skips the test when it is absent."""
    path = EVENTS_DIR / name
    if not EVENTS_DIR.is_dir():
        pytest.skip(f"{EVENTS_DIR} is absent (sdist build?): real sample events are needed")
    if not path.is_file():
        raise FileNotFoundError(f"no sample event {name!r} under {EVENTS_DIR}")
    return path


def load_sample(name: str) -> Any:
    """A real sample event parsed from JSON, e.g. ``load_sample("powertools/sqsEvent.json")``."""
    return json.loads(sample_path(name).read_text(encoding="utf-8"))


def all_samples() -> list[str]:
    """Names of every sample that is an incoming event (``NOT_EVENTS`` left out), sorted."""
    if not EVENTS_DIR.is_dir():
        return []
    names = (f"{p.parent.name}/{p.name}" for p in EVENTS_DIR.glob("*/*.json"))
    return sorted(name for name in names if name not in NOT_EVENTS)


def events_class(name: str) -> Any:
    """``powerkit.events.<name>``, or skip the calling test when that class does not exist."""
    events = pytest.importorskip("powerkit.events")
    try:
        return getattr(events, name)
    except AttributeError:
        pytest.skip(f"powerkit.events.{name} does not exist yet")


def json_type(value: Any) -> str:
    """The JSON type name of a parsed value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return f"non-JSON {type(value).__name__}"


def _matches(path: str, patterns: Iterable[str]) -> bool:
    return any(fnmatchcase(path, pattern) for pattern in patterns)


def shape_differences(
    actual: Any,
    expected: Any,
    *,
    free: Iterable[str] = (),
    optional: Iterable[str] = (),
    nullable: Iterable[str] = (),
    opaque: Iterable[str] = (),
) -> list[str]:
    """Every way ``actual`` differs in shape from ``expected`` (empty list: same shape).

    Array items of ``actual`` are each compared with the first item of ``expected``.
    """
    free, optional, nullable = tuple(free), tuple(optional), tuple(nullable)
    opaque = tuple(opaque)
    problems: list[str] = []

    def walk(a: Any, e: Any, path: str) -> None:
        where = path or "<root>"
        if (a is None or e is None) and _matches(path, nullable):
            return
        if json_type(a) != json_type(e):
            problems.append(f"{where}: {json_type(a)} where the sample has {json_type(e)}")
            return
        if _matches(path, opaque):
            return
        if isinstance(a, list):
            if e:
                for item in a:
                    walk(item, e[0], f"{path}[]")
            return
        if not isinstance(a, dict):
            return
        if _matches(path, free):
            if e:
                model = next(iter(e.values()))
                for value in a.values():
                    walk(value, model, f"{path}.*")
            return
        for key in sorted(set(a) | set(e)):
            child = f"{path}.{key}" if path else key
            if key not in e:
                if not _matches(child, optional):
                    problems.append(f"{child}: present, but not in the sample")
            elif key not in a:
                if not _matches(child, optional):
                    problems.append(f"{child}: missing (the sample has it)")
            else:
                walk(a[key], e[key], child)

    walk(actual, expected, "")
    return problems


def assert_same_shape(
    actual: Any,
    expected: Any,
    *,
    free: Iterable[str] = (),
    optional: Iterable[str] = (),
    nullable: Iterable[str] = (),
    opaque: Iterable[str] = (),
) -> None:
    """Fail, listing every difference, unless ``actual`` has the shape of ``expected``."""
    problems = shape_differences(
        actual, expected, free=free, optional=optional, nullable=nullable, opaque=opaque
    )
    assert not problems, "shape differs from the sample:\n  " + "\n  ".join(problems)


_ATTRIBUTE_TYPES = {
    "S": "string",
    "N": "string",
    "B": "string",
    "BOOL": "boolean",
    "NULL": "boolean",
    "M": "object",
    "L": "array",
    "SS": "array",
    "NS": "array",
    "BS": "array",
}


def attribute_value_problems(value: Any, path: str = "") -> list[str]:
    """Every way ``value`` is not a well-formed DynamoDB typed attribute value."""
    where = path or "<root>"
    if not isinstance(value, dict) or len(value) != 1:
        return [f"{where}: not an object with exactly one type tag: {value!r}"]
    [(tag, inner)] = value.items()
    if tag not in _ATTRIBUTE_TYPES:
        return [f"{where}: unknown type tag {tag!r}"]
    if json_type(inner) != _ATTRIBUTE_TYPES[tag]:
        tagged = f"{path}.{tag}" if path else tag
        return [f"{tagged}: {json_type(inner)}, expected {_ATTRIBUTE_TYPES[tag]}"]
    problems: list[str] = []
    if tag == "M":
        for name, item in inner.items():
            problems += attribute_value_problems(item, f"{path}.M.{name}")
    elif tag == "L":
        for index, item in enumerate(inner):
            problems += attribute_value_problems(item, f"{path}.L[{index}]")
    elif tag in ("SS", "NS", "BS"):
        problems += [
            f"{path}.{tag}[{i}]: not a string"
            for i, s in enumerate(inner)
            if not isinstance(s, str)
        ]
    return problems
