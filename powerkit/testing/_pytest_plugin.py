"""pytest fixtures shipped with powerkit (registered through the ``pytest11`` entry point).

Kept import-light: it is loaded into every pytest session of a project that installs powerkit.
"""

from __future__ import annotations

import pytest

from powerkit.testing._context import FakeLambdaContext
from powerkit.testing._context import lambda_context as _build_context


@pytest.fixture
def lambda_context() -> FakeLambdaContext:
    """A fresh fake Lambda context (3 s timeout, 128 MB, unique request id)."""
    return _build_context()
