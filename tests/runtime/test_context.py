"""The runtime's real context object against powerkit's Protocol and its test fake."""

from __future__ import annotations

from typing import Any

import pytest

from powerkit.testing import lambda_context
from tests.runtime.conftest import FUNCTIONS
from tests.runtime.rapid import LambdaProcess


@pytest.fixture(scope="module")
def real_context(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the handler saw of awslambdaric's context (one process for the module)."""
    function = LambdaProcess(
        "context_shape.handler", FUNCTIONS, tmp_path_factory.mktemp("context"), {}
    )
    try:
        invocation = function.invoke({}, client_context={"custom": {"k": "v"}, "env": {}})
    finally:
        function.stop()
    return invocation.json()  # type: ignore[no-any-return]


def test_real_context_satisfies_the_protocol(real_context: dict[str, Any]) -> None:
    """isinstance(context, powerkit.typing.LambdaContext) holds; remaining time is an int."""
    assert real_context["satisfies_protocol"] is True
    assert real_context["remaining_ms_type"] == "int"
    assert real_context["members"]["memory_limit_in_mb"] == "str"


def test_fake_context_mirrors_the_real_one(real_context: dict[str, Any]) -> None:
    """lambda_context() has every public member of the real context, with the same value types."""
    fake = lambda_context()
    real = real_context["members"]
    fake_members = {
        name: "method" if callable(getattr(fake, name)) else type(getattr(fake, name)).__name__
        for name in dir(fake)
        if not name.startswith("_") and name in real
    }
    missing = sorted(set(real) - set(fake_members))
    assert missing == []
    differing = {
        name: (real[name], kind)
        for name, kind in fake_members.items()
        if real[name] != "NoneType" and kind != "NoneType" and real[name] != kind
    }
    assert differing == {}
