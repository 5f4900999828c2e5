"""Missing optional dependencies are reported with the extra to install."""

from __future__ import annotations

import sys

import pytest

from powerkit import MissingExtraError, PowerkitError
from powerkit._extras import require


def test_present_module_is_returned() -> None:
    """require() returns the module when it is installed."""
    assert require("json", extra="none", feature="x") is sys.modules["json"]


def test_missing_module_names_the_extra_and_the_pip_command() -> None:
    """The error says which extra provides the module and how to install it."""
    with pytest.raises(MissingExtraError) as info:
        require("powerkit_no_such_sdk.core", extra="tracing", feature="Tracer (X-Ray provider)")
    message = str(info.value)
    assert "Tracer (X-Ray provider) needs the optional dependency 'powerkit_no_such_sdk'" in message
    assert 'pip install "powerkit[tracing]"' in message
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, PowerkitError)
    assert info.value.extra == "tracing"


def test_a_hidden_extra_is_reported_when_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed-but-unimportable SDK (blocked here) gives the same actionable error."""
    monkeypatch.setitem(sys.modules, "fastjsonschema", None)
    with pytest.raises(MissingExtraError, match=r'pip install "powerkit\[validation\]"'):
        require("fastjsonschema", extra="validation", feature="validate()")
