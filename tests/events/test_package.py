"""The public package: lazy names, the typing stub, and a cheap import."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import powerkit.events as events

PACKAGE = Path(events.__file__).parent


@pytest.mark.parametrize("name", events.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    """Each name in __all__ resolves to an object defined in a private module."""
    value = getattr(events, name)
    assert value.__module__.startswith("powerkit.events._")


def test_unknown_name_is_an_attribute_error() -> None:
    """A name the package does not export raises AttributeError."""
    with pytest.raises(AttributeError, match="NoSuchEvent"):
        _ = events.NoSuchEvent  # type: ignore[attr-defined]


def test_stub_exports_the_same_names() -> None:
    """__init__.pyi re-exports exactly the lazily resolved names, from the same modules."""
    tree = ast.parse((PACKAGE / "__init__.pyi").read_text())
    imported = {
        alias.name: node.module
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == {name: f"powerkit.events.{m}" for name, m in events._LAZY.items()}
    stub_all = next(node.value for node in tree.body if isinstance(node, ast.Assign))
    assert ast.literal_eval(stub_all) == sorted(events.__all__)
    assert dir(events) == sorted(events.__all__)


def _modules_after(code: str) -> list[str]:
    program = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_import_loads_no_event_module() -> None:
    """import powerkit.events loads no source module and no heavy dependency."""
    loaded = _modules_after("import powerkit.events")
    assert [m for m in loaded if m.startswith("powerkit.events.")] == []
    heavy = ("boto3", "botocore", "pydantic", "fastjsonschema", "aws_xray_sdk")
    assert [m for m in loaded if m.split(".")[0] in heavy] == []


def test_using_a_class_loads_only_its_source() -> None:
    """Using SQSEvent loads the SQS module and the shared base, nothing for other sources."""
    loaded = _modules_after("from powerkit.events import SQSEvent")
    ours = sorted(m for m in loaded if m.startswith("powerkit.events."))
    assert ours == ["powerkit.events._base", "powerkit.events._fields", "powerkit.events._sqs"]
