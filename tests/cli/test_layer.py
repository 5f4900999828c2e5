"""`powerkit layer build`: real layers resolved by pip from PyPI for each architecture."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from powerkit._cli._layer import LayerBuildError, LayerSpec, build_layer, requirements_for

pytestmark = [pytest.mark.network, pytest.mark.slow]
HOST_PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
HOST_ARCH = "arm64" if __import__("platform").machine() in {"aarch64", "arm64"} else "x86_64"


def build(
    tmp_path: Path, arch: str, extras: str = "", *more: str, python: str = HOST_PYTHON
) -> subprocess.CompletedProcess[str]:
    out = tmp_path / f"{arch}-{extras or 'core'}.zip"
    args = ["layer", "build", "--arch", arch, "--python", python, "--out", str(out), *more]
    if extras:
        args += ["--extras", extras]
    return subprocess.run(
        [sys.executable, "-m", "powerkit", *args], capture_output=True, text=True, timeout=300
    )


def names(archive: Path) -> list[str]:
    with zipfile.ZipFile(archive) as zipped:
        return zipped.namelist()


@pytest.mark.parametrize("arch", ["x86_64", "arm64"])
def test_core_layer_holds_powerkit_and_jmespath_under_python(tmp_path: Path, arch: str) -> None:
    """Without extras the layer is powerkit plus jmespath, rooted at python/."""
    done = build(tmp_path, arch)
    assert done.returncode == 0, done.stderr
    files = names(tmp_path / f"{arch}-core.zip")
    assert all(name.startswith("python/") for name in files)
    assert "python/powerkit/__init__.py" in files
    assert "python/powerkit/py.typed" in files
    assert any(name.startswith("python/jmespath/") for name in files)
    assert not any(name.startswith(("python/boto3/", "python/botocore/")) for name in files)
    assert "total" in done.stdout
    assert "zip" in done.stdout


@pytest.mark.parametrize("arch", ["x86_64", "arm64"])
def test_extras_bring_binary_wheels_for_the_requested_architecture(
    tmp_path: Path, arch: str
) -> None:
    """pydantic-core's compiled module carries the target platform tag; boto3 stays out."""
    done = build(tmp_path, arch, "parser,tracing", python="3.12")
    assert done.returncode == 0, done.stderr
    files = names(tmp_path / f"{arch}-parser,tracing.zip")
    compiled = [
        name for name in files if name.startswith("python/pydantic_core/") and name.endswith(".so")
    ]
    assert compiled, "pydantic-core's extension module is missing"
    machine = "aarch64" if arch == "arm64" else "x86_64"
    assert all(f"cpython-312-{machine}-linux-gnu" in name for name in compiled)
    assert any(name.startswith("python/aws_xray_sdk/") for name in files)
    for provided in ("boto3", "botocore", "s3transfer", "urllib3", "dateutil"):
        assert not any(name.startswith(f"python/{provided}/") for name in files), provided
    assert not any(name.split("/")[1].endswith("-stubs") for name in files)  # typing-only


def test_include_boto3_keeps_the_sdk(tmp_path: Path) -> None:
    """--include-boto3 ships boto3 and botocore in the layer."""
    done = build(tmp_path, HOST_ARCH, "aws", "--include-boto3")
    assert done.returncode == 0, done.stderr
    files = names(tmp_path / f"{HOST_ARCH}-aws.zip")
    assert any(name.startswith("python/boto3/") for name in files)
    assert any(name.startswith("python/botocore/") for name in files)


def test_utilities_import_from_the_extracted_layer_like_opt_python(tmp_path: Path) -> None:
    """For this machine's Python and architecture, every utility imports from the layer alone."""
    done = build(tmp_path, HOST_ARCH, "parser,validation")
    assert done.returncode == 0, done.stderr
    opt = tmp_path / "opt"
    with zipfile.ZipFile(tmp_path / f"{HOST_ARCH}-parser,validation.zip") as zipped:
        zipped.extractall(opt)
    program = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import powerkit.logging, powerkit.metrics, powerkit.events, powerkit.batch,"
        " powerkit.middleware, powerkit.jmespath, powerkit.validation, powerkit.parser;"
        "import pydantic, fastjsonschema;"
        "print(powerkit.__file__)"
    )
    # -S: no site-packages, so only the standard library and the layer are importable
    ran = subprocess.run(
        [sys.executable, "-S", "-c", program, str(opt / "python")], capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip().startswith(str(opt / "python" / "powerkit"))


def test_unknown_extra_is_a_clear_error() -> None:
    """A typo in --extras names the extras that exist."""
    with pytest.raises(
        LayerBuildError, match=r"unknown extra\(s\) \['tracin'\]; powerkit's extras are"
    ):
        requirements_for(["tracin"])


def test_unknown_architecture_is_a_clear_error(tmp_path: Path) -> None:
    """The builder refuses architectures Lambda does not have."""
    with pytest.raises(LayerBuildError, match="--arch must be one of"):
        build_layer(LayerSpec(arch="sparc", out=tmp_path / "x.zip"))
