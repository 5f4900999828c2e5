"""Load a handler the way the Lambda runtime does: a file or module, then an attribute."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from powerkit._errors import PowerkitError


class HandlerLoadError(PowerkitError, ValueError):
    """``powerkit invoke`` could not find or import the handler."""


def _split(spec: str) -> tuple[str, str]:
    if ":" in spec:
        location, _, name = spec.rpartition(":")
        return location, name
    # Lambda's own notation: "app.handler" means function `handler` in module `app`.
    location, dot, name = spec.rpartition(".")
    if not dot or not location:
        raise HandlerLoadError(
            f"handler {spec!r} must be PATH:FUNCTION, MODULE:FUNCTION or module.function "
            "(for example app.py:handler or orders.api:handler)"
        )
    return location, name


def load_handler(spec: str) -> Callable[..., Any]:
    """Import the handler named by ``spec`` with its directory (or the cwd) on ``sys.path``."""
    location, name = _split(spec)
    path = Path(location)
    if location.endswith(".py") or path.is_file():
        if not path.is_file():
            raise HandlerLoadError(f"handler file {location!r} does not exist")
        directory = str(path.resolve().parent)
        if directory not in sys.path:
            sys.path.insert(0, directory)
        module_name = path.stem
        spec_obj = importlib.util.spec_from_file_location(module_name, path)
        if spec_obj is None or spec_obj.loader is None:
            raise HandlerLoadError(f"cannot import {location!r} as a Python module")
        module = importlib.util.module_from_spec(spec_obj)
        sys.modules[module_name] = module
        spec_obj.loader.exec_module(module)
    else:
        if "" not in sys.path and str(Path.cwd()) not in sys.path:
            sys.path.insert(0, str(Path.cwd()))
        try:
            module = importlib.import_module(location)
        except ModuleNotFoundError as exc:
            raise HandlerLoadError(
                f"cannot import module {location!r} ({exc}); run from the directory that "
                "holds it, or pass a file path such as path/to/app.py:handler"
            ) from exc
    handler = getattr(module, name, None)
    if not callable(handler):
        raise HandlerLoadError(f"{location!r} has no callable named {name!r}")
    return handler  # type: ignore[no-any-return]
