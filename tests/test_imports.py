"""Import budget, checked in fresh interpreters through sys.modules (not a clock)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import powerkit

HEAVY = ("boto3", "botocore", "pydantic", "fastjsonschema", "aws_xray_sdk", "opentelemetry")

# Every public utility package: importing it must not pull in a heavy SDK; those are
# imported when the feature that needs them is used.
UTILITIES = [
    "powerkit.logging",
    "powerkit.metrics",
    "powerkit.tracing",
    "powerkit.idempotency",
    "powerkit.batch",
    "powerkit.events",
    "powerkit.validation",
    "powerkit.parser",
    "powerkit.middleware",
    "powerkit.testing",
    "powerkit.typing",
    "powerkit.jmespath",
    "powerkit.correlation",
]

_PROBE = """
import json, sys
before = set(sys.modules)
import {module}
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def _new_modules(module: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(done.stdout))


def test_import_powerkit_loads_only_the_standard_library() -> None:
    """`import powerkit` adds no third-party module."""
    roots = {name.partition(".")[0] for name in _new_modules("powerkit")}
    foreign = sorted(roots - set(sys.stdlib_module_names) - {"powerkit"})
    assert foreign == []


@pytest.mark.parametrize("module", UTILITIES)
def test_utility_import_loads_no_heavy_sdk(module: str) -> None:
    """Importing a utility package loads none of boto3, botocore, pydantic, fastjsonschema,
    aws_xray_sdk or opentelemetry."""
    roots = {name.partition(".")[0] for name in _new_modules(module)}
    assert sorted(roots & set(HEAVY)) == []


@pytest.mark.parametrize("name", sorted(set(powerkit.__all__) - {"__version__"}))
def test_every_top_level_name_resolves(name: str) -> None:
    """Each name in powerkit.__all__ resolves through the lazy __getattr__."""
    assert getattr(powerkit, name) is not None
    assert name in dir(powerkit)


def test_unknown_top_level_name_is_an_attribute_error() -> None:
    """A typo gets the normal AttributeError."""
    with pytest.raises(AttributeError, match="no attribute 'Loger'"):
        _ = powerkit.Loger  # type: ignore[attr-defined]
