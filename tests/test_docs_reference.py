"""The Configuration and Exceptions pages list exactly what the code has."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import runpy
from pathlib import Path
from typing import Any

import pytest

import powerkit
from powerkit import PowerkitError, PowerkitWarning, _config

ROOT = Path(__file__).resolve().parent.parent
HOOK = runpy.run_path(str(ROOT / "docs" / "_hooks" / "reference_tables.py"))
HEAVY_OPTIONAL = ("powerkit.tracing._otel", "powerkit.tracing._xray")


def _all_modules() -> list[Any]:
    modules = []
    for info in pkgutil.walk_packages(powerkit.__path__, "powerkit."):
        if info.name.endswith("__main__"):
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError:  # an optional SDK missing for a provider module
            continue
    return modules


def test_every_setting_is_in_the_generated_table() -> None:
    """Each environment variable powerkit reads appears on the Configuration page."""
    table = HOOK["settings_table"]()
    for setting in _config.all_settings():
        assert f"`{setting.name}`" in table


def test_the_configuration_page_uses_the_generated_table() -> None:
    """The page carries the marker the docs hook replaces."""
    assert "<!-- powerkit:settings -->" in (ROOT / "docs" / "configuration.md").read_text()
    assert "<!-- powerkit:exceptions -->" in (ROOT / "docs" / "exceptions.md").read_text()


def test_every_public_exception_is_in_the_generated_table() -> None:
    """Each PowerkitError subclass that a public package exports is on the Exceptions page."""
    table = HOOK["exceptions_table"]()
    exported = HOOK["public_exceptions"]()
    assert "PowerkitError" in exported
    for name in exported:
        assert f"| `{name}` |" in table


def test_every_exception_derives_from_powerkit_error_and_names_are_unique() -> None:
    """No two exception classes share a name; errors derive from PowerkitError, warnings from
    PowerkitWarning."""
    seen: dict[str, str] = {}
    for module in _all_modules():
        for name, value in vars(module).items():
            if not inspect.isclass(value) or not issubclass(value, BaseException):
                continue
            if value.__module__ != module.__name__ or name.startswith("_"):
                continue
            root = PowerkitWarning if issubclass(value, Warning) else PowerkitError
            assert issubclass(value, root), f"{module.__name__}.{name} is not a {root.__name__}"
            other = seen.setdefault(value.__name__, module.__name__)
            assert other == module.__name__, (
                f"{value.__name__} is defined in {other} and {module.__name__}"
            )


@pytest.mark.parametrize("page", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_every_docs_page_is_in_the_nav(page: Path) -> None:
    """No page is orphaned: mkdocs.yml's nav names each one."""
    assert page.name in (ROOT / "mkdocs.yml").read_text()


SKELETON = [
    "## Key features",
    "## Getting started",
    "## Advanced",
    "## Testing your code",
    "## FAQ",
]
GUIDE_PAGES = [
    "logging", "metrics", "tracing", "idempotency", "batch", "events", "validation", "parser",
    "jmespath", "correlation", "middleware", "testing", "cli", "layer", "example", "migrating",
]  # fmt: skip


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_every_utility_and_guide_page_follows_the_skeleton(page: str) -> None:
    """Key features, Getting started, Advanced, Testing your code, FAQ — in that order."""
    lines = (ROOT / "docs" / f"{page}.md").read_text().splitlines()
    found = [line.strip() for line in lines if line.strip() in SKELETON]
    assert found == SKELETON
