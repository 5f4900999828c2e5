"""Register the injection hooks on botocore, without importing boto3 or botocore ourselves."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from powerkit.correlation._inject import HOOKS

_UNIQUE = "powerkit-correlation"
# Process-wide by nature: botocore's handler registry is process-wide. Guarded by a lock so
# concurrent first invocations instrument once.
_lock = threading.Lock()
_state = {"global": False}


def _register(emitter: Any) -> None:
    for event, handler in HOOKS:
        emitter.register(event, handler, unique_id=f"{_UNIQUE}:{event}")


def _unregister(emitter: Any) -> None:
    for event, handler in HOOKS:
        emitter.unregister(event, handler, unique_id=f"{_UNIQUE}:{event}")


def _emitter_of(target: Any) -> Any:
    meta = getattr(target, "meta", None)
    if meta is not None and hasattr(meta, "events"):
        return meta.events  # a client
    inner = getattr(target, "_session", None)
    if inner is not None and hasattr(inner, "register"):
        return inner  # a boto3 Session
    if hasattr(target, "register") and hasattr(target, "unregister"):
        return target  # a botocore Session or emitter
    raise TypeError(
        f"instrument_boto3() expects a boto3/botocore client or session, got {target!r}"
    )


def _patch_botocore(handlers_module: ModuleType) -> None:
    builtin: list[Any] = handlers_module.BUILTIN_HANDLERS
    for event, handler in HOOKS:
        if (event, handler) not in builtin:
            builtin.append((event, handler))
    boto3 = sys.modules.get("boto3")
    default_session = getattr(boto3, "DEFAULT_SESSION", None) if boto3 else None
    if default_session is not None:
        _register(default_session._session)


class _AfterBotocoreImport(importlib.abc.MetaPathFinder):
    """Patches botocore's handler list the moment ``botocore.handlers`` is imported."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "botocore.handlers":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            original(module)
            _patch_botocore(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def instrument_boto3(target: Any = None) -> None:
    """Make outgoing AWS calls carry the current correlation id.

    Args:
        target: a boto3 or botocore client or session to instrument alone. Without it, every
            botocore session created from now on is instrumented, plus boto3's default
            session; clients created before the call keep their own hooks, so call this at
            import time, before creating clients. Never imports boto3 or botocore itself.
    """
    if target is not None:
        _register(_emitter_of(target))
        return
    with _lock:
        if _state["global"]:
            return
        _state["global"] = True
        handlers = sys.modules.get("botocore.handlers")
        if handlers is not None:
            _patch_botocore(handlers)
        else:
            sys.meta_path.insert(0, _AfterBotocoreImport())


def uninstrument_boto3(target: Any = None) -> None:
    """Undo `instrument_boto3` (for ``target``, or globally)."""
    if target is not None:
        _unregister(_emitter_of(target))
        return
    with _lock:
        _state["global"] = False
        sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _AfterBotocoreImport)]
        handlers = sys.modules.get("botocore.handlers")
        if handlers is not None:
            handlers.BUILTIN_HANDLERS[:] = [
                pair for pair in handlers.BUILTIN_HANDLERS if pair not in HOOKS
            ]
            boto3 = sys.modules.get("boto3")
            default_session = getattr(boto3, "DEFAULT_SESSION", None) if boto3 else None
            if default_session is not None:
                _unregister(default_session._session)


def is_instrumented() -> bool:
    """True after a global `instrument_boto3` (until `uninstrument_boto3`)."""
    return _state["global"]
