"""powerkit: fast, typed utilities for AWS Lambda handlers.

Top-level names are resolved lazily (module ``__getattr__``) so that ``import powerkit``
loads nothing beyond the standard library; each utility lives in its own package
(``powerkit.logging``, ``powerkit.metrics``, ...).
"""

from __future__ import annotations

from powerkit._errors import ConfigError, MissingExtraError, PowerkitError, PowerkitWarning

# `typing` is not imported at run time: `import powerkit` should cost next to nothing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from powerkit.logging import Logger
    from powerkit.metrics import Metrics, MetricUnit
    from powerkit.tracing import Tracer

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    "Logger": "powerkit.logging",
    "MetricUnit": "powerkit.metrics",
    "Metrics": "powerkit.metrics",
    "Tracer": "powerkit.tracing",
}

__all__ = [
    "ConfigError",
    "Logger",
    "MetricUnit",
    "Metrics",
    "MissingExtraError",
    "PowerkitError",
    "PowerkitWarning",
    "Tracer",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'powerkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # resolve once; later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
