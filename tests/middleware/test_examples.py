"""The middleware docs examples run and do what the page says."""

from __future__ import annotations

import runpy
from pathlib import Path

from powerkit.testing import lambda_context

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "middleware"


def test_custom_middleware_adds_security_headers() -> None:
    """The custom middleware adds its headers with the configured max-age."""
    module = runpy.run_path(str(EXAMPLES / "custom_middleware.py"))
    response = module["handler"]({}, lambda_context())
    assert response["headers"] == {
        "Strict-Transport-Security": "max-age=3600",
        "X-Content-Type-Options": "nosniff",
    }


def test_stacking_runs_outermost_first() -> None:
    """The stacking example records the documented order and one cold start."""
    module = runpy.run_path(str(EXAMPLES / "stacking.py"))
    assert module["handler"]({}, lambda_context()) is True
    assert module["calls"] == ["enter outer", "enter inner", "handler", "exit inner", "exit outer"]


def test_async_handler_runs_to_completion() -> None:
    """The async example returns the gathered items and their count."""
    module = runpy.run_path(str(EXAMPLES / "async_handler.py"))
    assert module["handler"]({"ids": [1, 2]}, None) == {"items": [{"id": 1}, {"id": 2}], "count": 2}
