"""The wheel users install: pure Python, powerkit/ only, small, importable without extras."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

NO_EXTRA_MODULES = [
    "powerkit",
    "powerkit.logging",
    "powerkit.metrics",
    "powerkit.events",
    "powerkit.batch",
    "powerkit.middleware",
    "powerkit.jmespath",
    "powerkit.typing",
    "powerkit.testing",
    "powerkit.tracing",
    "powerkit.idempotency",
    "powerkit.validation",
    "powerkit.parser",
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--sdist", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("*.whl")
    return wheel


def test_wheel_is_pure_python_and_twine_accepts_both_artifacts(dist: Path) -> None:
    """python -m build makes a py3-none-any wheel and an sdist that twine check passes."""
    assert _wheel(dist).name.endswith("-py3-none-any.whl")
    assert len(list(dist.glob("*.tar.gz"))) == 1
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_wheel_holds_the_package_and_nothing_else(dist: Path) -> None:
    """Only powerkit/ (with py.typed) and the dist-info: no tests, docs or examples."""
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        names = wheel.namelist()
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"powerkit"}
    assert "powerkit/py.typed" in names
    assert not any(
        "/tests/" in name or name.startswith(("tests/", "docs/", "examples/")) for name in names
    )


def test_wheel_stays_small(dist: Path) -> None:
    """The core wheel stays well under 300 KB."""
    assert _wheel(dist).stat().st_size < 300_000


def test_wheel_without_extras_imports_every_public_module(dist: Path, tmp_path: Path) -> None:
    """In a clean venv with no extras, every public module imports (heavy SDKs load on use)."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(_wheel(dist)),
        ],
        check=True,
        timeout=300,
    )
    program = (
        "import importlib, sys\nfor m in sys.argv[1:]: importlib.import_module(m)\nprint('ok')"
    )
    done = subprocess.run(
        [str(python), "-c", program, *NO_EXTRA_MODULES], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    missing_extra = subprocess.run(
        [
            str(python),
            "-c",
            "from powerkit.validation import validate; validate({}, {'type': 'object'})",
        ],
        capture_output=True,
        text=True,
    )
    assert missing_extra.returncode != 0
    assert 'pip install "powerkit[validation]"' in missing_extra.stderr
