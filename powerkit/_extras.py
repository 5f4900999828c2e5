"""Import optional dependencies on first use, with an actionable error when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from powerkit._errors import MissingExtraError


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise `MissingExtraError` naming the extra to install.

    Args:
        module: the dotted module name, e.g. ``"aws_xray_sdk.core"``.
        extra: the powerkit extra that provides it, e.g. ``"tracing"``.
        feature: what the user was doing, for the message, e.g. ``"Tracer (X-Ray provider)"``.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        root = module.partition(".")[0]
        if exc.name is not None and exc.name.partition(".")[0] != root:
            raise  # a broken install of the dependency itself: show the real error
        raise MissingExtraError(feature=feature, extra=extra, module=root) from exc
