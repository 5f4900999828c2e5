"""The root of every error powerkit raises.

Exception tree (per-utility bases live with their utility)::

    PowerkitError
    ├── ConfigError (ValueError)          bad setting, argument or environment variable
    ├── MissingExtraError (ImportError)   an optional dependency is not installed
    ├── MiddlewareError (TypeError)       a decorator was used the wrong way
    ├── JMESPathError (ValueError)        powerkit.jmespath
    └── <one base per utility>            e.g. IdempotencyError, BatchProcessingError

    PowerkitWarning (UserWarning)         every warning powerkit emits, so one filter covers all
"""

from __future__ import annotations


class PowerkitError(Exception):
    """Base class of every exception powerkit raises."""


class ConfigError(PowerkitError, ValueError):
    """A setting, argument or environment variable has a value powerkit cannot use."""


class MissingExtraError(PowerkitError, ImportError):
    """An optional dependency needed by the feature in use is not installed."""

    def __init__(self, *, feature: str, extra: str, module: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional dependency {module!r}, which is not installed. "
            f'Install it with: pip install "powerkit[{extra}]"',
            name=module,
        )


class PowerkitWarning(UserWarning):
    """Base class of every warning powerkit emits (filter them all with this category)."""
