"""mkdocs hook: render the environment-variable and exception tables from the code.

Pages write ``<!-- powerkit:settings -->`` or ``<!-- powerkit:exceptions -->`` and get a table
generated from ``powerkit._config`` and from the ``PowerkitError`` subclasses, so the docs
cannot drift from the code (``tests/test_docs_reference.py`` checks the same functions).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from typing import Any

PUBLIC_PACKAGES = [
    "powerkit",
    "powerkit.logging",
    "powerkit.metrics",
    "powerkit.tracing",
    "powerkit.idempotency",
    "powerkit.batch",
    "powerkit.events",
    "powerkit.validation",
    "powerkit.parser",
    "powerkit.jmespath",
    "powerkit.middleware",
    "powerkit.testing",
    "powerkit.correlation",
]


def settings_table() -> str:
    from powerkit import _config

    rows = [
        "| Variable | Falls back to | Default | Utility | What it does |",
        "| --- | --- | --- | --- | --- |",
    ]
    for setting in _config.all_settings():
        fallbacks = ", ".join(f"`{name}`" for name in setting.fallbacks) or ""
        default = f"`{setting.default}`" if setting.default else ""
        rows.append(
            f"| `{setting.name}` | {fallbacks} | {default} | {setting.utility} | {setting.description} |"
        )
    return "\n".join(rows)


def public_exceptions() -> dict[str, type[BaseException]]:
    """Every PowerkitError subclass exported by a public package, by qualified public name."""
    from powerkit import PowerkitError

    found: dict[str, type[BaseException]] = {}
    for package in PUBLIC_PACKAGES:
        if importlib.util.find_spec(package) is None:
            continue
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        for name in getattr(module, "__all__", []):
            value: Any = getattr(module, name, None)
            if inspect.isclass(value) and issubclass(value, PowerkitError):
                found.setdefault(value.__name__, value)
    return found


def exceptions_table() -> str:
    from powerkit import PowerkitError

    exceptions = public_exceptions()
    rows = ["| Exception | Import from | Derives from | Raised when |", "| --- | --- | --- | --- |"]
    for name, cls in sorted(exceptions.items(), key=lambda item: (item[1].__module__, item[0])):
        bases = ", ".join(f"`{base.__name__}`" for base in cls.__bases__)
        doc = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
        home = (
            next(
                (
                    p
                    for p in PUBLIC_PACKAGES
                    if name in getattr(importlib.import_module(p), "__all__", [])
                ),
                cls.__module__,
            )
            if cls is not PowerkitError
            else "powerkit"
        )
        rows.append(f"| `{name}` | `{home}` | {bases} | {doc} |")
    return "\n".join(rows)


def on_page_markdown(markdown: str, **_: Any) -> str:
    if "<!-- powerkit:settings -->" in markdown:
        markdown = markdown.replace("<!-- powerkit:settings -->", settings_table())
    if "<!-- powerkit:exceptions -->" in markdown:
        markdown = markdown.replace("<!-- powerkit:exceptions -->", exceptions_table())
    return markdown
