"""Test kit: a fake Lambda context, event builders and pytest fixtures.

The pytest fixtures (``lambda_context``, ``capture_logs``, ``capture_metrics``) are
registered automatically through the ``pytest11`` entry point when powerkit is installed.
"""

from powerkit._scope import reset_cold_start
from powerkit.testing._context import FakeLambdaContext, lambda_context

__all__ = ["FakeLambdaContext", "lambda_context", "reset_cold_start"]
