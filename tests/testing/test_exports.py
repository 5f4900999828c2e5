"""powerkit.testing's public names resolve, and the builders load only when used."""

from __future__ import annotations

import subprocess
import sys

import pytest

import powerkit.testing


def test_every_exported_name_resolves() -> None:
    """Each name in ``__all__`` is an attribute of the package and listed by ``dir()``."""
    for name in powerkit.testing.__all__:
        assert getattr(powerkit.testing, name) is not None, name
    assert set(powerkit.testing.__all__) <= set(dir(powerkit.testing))


def test_unknown_attribute_is_an_attribute_error() -> None:
    """A name the package does not define raises AttributeError, not ImportError."""
    with pytest.raises(AttributeError, match="no_such_builder"):
        powerkit.testing.no_such_builder  # noqa: B018


def test_importing_the_package_does_not_load_the_builders() -> None:
    """``import powerkit.testing`` (done by the pytest plugin) loads no builder module."""
    code = (
        "import sys, powerkit.testing; "
        "print(sorted(m for m in sys.modules if m.startswith('powerkit.testing._builders')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
