"""An independent checker for CloudWatch Embedded Metric Format documents.

It encodes the producer profile of the EMF specification (the rules of
``shared/specs/emf.schema.json`` plus the cross-member rules a JSON Schema cannot express),
so ``powerkit metrics`` can vet log lines from any producer, not only powerkit.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

UNITS = frozenset(
    [
        "Seconds",
        "Microseconds",
        "Milliseconds",
        "Bytes",
        "Kilobytes",
        "Megabytes",
        "Gigabytes",
        "Terabytes",
        "Bits",
        "Kilobits",
        "Megabits",
        "Gigabits",
        "Terabits",
        "Percent",
        "Count",
        "Bytes/Second",
        "Kilobytes/Second",
        "Megabytes/Second",
        "Gigabytes/Second",
        "Terabytes/Second",
        "Bits/Second",
        "Kilobits/Second",
        "Megabits/Second",
        "Gigabits/Second",
        "Terabits/Second",
        "Count/Second",
        "None",
    ]
)
MAX_DOCUMENT_BYTES = 1024 * 1024


@dataclass
class MetricRow:
    """One metric of one directive, for the table."""

    namespace: str
    name: str
    unit: str
    values: list[float]
    dimensions: list[dict[str, str]]
    resolution: int


@dataclass
class Checked:
    """The outcome of checking one document."""

    problems: list[str] = field(default_factory=list)
    rows: list[MetricRow] = field(default_factory=list)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_metric_target(doc: dict[str, Any], name: str, problems: list[str]) -> list[float]:
    if name not in doc:
        problems.append(f"metric {name!r} is declared but has no top-level member")
        return []
    value = doc[name]
    if _is_number(value):
        return [float(value)]
    if isinstance(value, list):
        if len(value) > 100:
            problems.append(f"metric {name!r} has {len(value)} values (at most 100)")
        if not all(_is_number(v) for v in value):
            problems.append(f"metric {name!r} has a value that is not a finite number")
        return [float(v) for v in value if _is_number(v)]
    problems.append(f"metric {name!r} must be a number or an array of numbers, got {value!r:.60}")
    return []


def _check_dimension_sets(
    doc: dict[str, Any], sets: Any, where: str, problems: list[str]
) -> list[dict[str, str]]:
    if not isinstance(sets, list) or not sets:
        problems.append(f"{where}.Dimensions must be a non-empty array of dimension sets")
        return []
    resolved: list[dict[str, str]] = []
    for index, keys in enumerate(sets):
        if not isinstance(keys, list):
            problems.append(f"{where}.Dimensions[{index}] must be an array of names")
            continue
        if len(keys) > 30:
            problems.append(f"{where}.Dimensions[{index}] has {len(keys)} keys (at most 30)")
        values: dict[str, str] = {}
        for key in keys:
            if not isinstance(key, str) or not 1 <= len(key) <= 250:
                problems.append(f"{where}.Dimensions[{index}] has an invalid key {key!r}")
                continue
            target = doc.get(key)
            if key not in doc:
                problems.append(f"dimension {key!r} is declared but has no top-level member")
            elif not isinstance(target, str):
                problems.append(
                    f"dimension {key!r} must be a top-level string member, got {target!r:.60}"
                )
            elif len(target) > 1024:
                problems.append(f"dimension {key!r} value is longer than 1024 characters")
            else:
                values[key] = target
        resolved.append(values)
    return resolved


def _check_directive(doc: dict[str, Any], directive: Any, where: str, result: Checked) -> None:
    problems = result.problems
    if not isinstance(directive, dict):
        problems.append(f"{where} must be an object")
        return
    extra = set(directive) - {"Namespace", "Dimensions", "Metrics"}
    if extra:
        problems.append(f"{where} has unknown members {sorted(extra)}")
    namespace = directive.get("Namespace")
    if not isinstance(namespace, str) or not 1 <= len(namespace) <= 1024:
        problems.append(f"{where}.Namespace must be a string of 1..1024 characters")
        namespace = str(namespace)
    dimensions = _check_dimension_sets(doc, directive.get("Dimensions"), where, problems)
    metrics = directive.get("Metrics")
    if not isinstance(metrics, list):
        problems.append(f"{where}.Metrics must be an array")
        return
    if len(metrics) > 100:
        problems.append(f"{where}.Metrics has {len(metrics)} definitions (at most 100)")
    for index, definition in enumerate(metrics):
        spot = f"{where}.Metrics[{index}]"
        if not isinstance(definition, dict) or not isinstance(definition.get("Name"), str):
            problems.append(f"{spot} must be an object with a string Name")
            continue
        name, unit = definition["Name"], definition.get("Unit", "None")
        resolution = definition.get("StorageResolution", 60)
        if not 1 <= len(name) <= 1024:
            problems.append(f"{spot}.Name must be 1..1024 characters")
        if set(definition) - {"Name", "Unit", "StorageResolution"}:
            problems.append(f"{spot} has unknown members")
        if unit not in UNITS:
            problems.append(f"{spot}.Unit {unit!r} is not a CloudWatch unit")
        if resolution not in (1, 60) or isinstance(resolution, bool):
            problems.append(f"{spot}.StorageResolution must be 1 or 60, got {resolution!r}")
        values = _check_metric_target(doc, name, problems)
        result.rows.append(
            MetricRow(
                namespace,
                name,
                str(unit),
                values,
                dimensions,
                int(resolution) if resolution in (1, 60) else 60,
            )
        )


def check_document(doc: Any, *, size: int | None = None) -> Checked:
    """Check one parsed EMF document; ``size`` is its serialised length in bytes."""
    result = Checked()
    problems = result.problems
    if not isinstance(doc, dict):
        problems.append("an EMF document must be a JSON object")
        return result
    if size is not None and size > MAX_DOCUMENT_BYTES:
        problems.append(f"document is {size} bytes (a log event holds at most 1 MB)")
    meta = doc.get("_aws")
    if not isinstance(meta, dict):
        problems.append("missing the _aws metadata object")
        return result
    if set(meta) - {"Timestamp", "CloudWatchMetrics"}:
        problems.append(
            f"_aws has unknown members {sorted(set(meta) - {'Timestamp', 'CloudWatchMetrics'})}"
        )
    stamp = meta.get("Timestamp")
    if not isinstance(stamp, int) or isinstance(stamp, bool) or stamp < 0:
        problems.append("_aws.Timestamp must be a non-negative integer (epoch milliseconds)")
    directives = meta.get("CloudWatchMetrics")
    if not isinstance(directives, list):
        problems.append("_aws.CloudWatchMetrics must be an array")
        return result
    for index, directive in enumerate(directives):
        _check_directive(doc, directive, f"_aws.CloudWatchMetrics[{index}]", result)
    return result


def check_line(line: str) -> Checked | None:
    """Check a log line; None when the line is not meant as EMF (no ``_aws`` member)."""
    text = line.strip()
    if not text.startswith("{") or '"_aws"' not in text:
        return None
    try:
        doc = json.loads(text)
    except ValueError as exc:
        return Checked(problems=[f"not valid JSON ({exc})"])
    return check_document(doc, size=len(text.encode("utf-8")))
