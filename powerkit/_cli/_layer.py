"""Build a Lambda layer zip: powerkit plus the chosen extras' dependencies under ``python/``.

Dependencies are resolved by pip for the target runtime and architecture (binary wheels only,
pip's platform-specific wheel selection), not for the machine that builds the layer. boto3,
botocore and s3transfer are left out by default: every Lambda Python runtime provides them and
they are most of the size of a utilities layer.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from powerkit._errors import PowerkitError

RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer")
# botocore's own dependencies come with the runtime's botocore; a copy in /opt/python would
# shadow the runtime's (it is earlier on sys.path) and could break the SDK the runtime ships.
RUNTIME_PROVIDED_DEPENDENCIES = ("urllib3", "python_dateutil", "dateutil", "six")
PLATFORMS = {
    "x86_64": ["manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"],
    "arm64": ["manylinux2014_aarch64", "manylinux_2_17_aarch64", "manylinux_2_28_aarch64"],
}
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")
# Lambda's quota: the function and all its layers together, unzipped.
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024


class LayerBuildError(PowerkitError, RuntimeError):
    """The layer could not be built, or would not fit Lambda's limits."""


@dataclass
class LayerSpec:
    extras: list[str] = field(default_factory=list)
    python: str = "3.12"
    arch: str = "x86_64"
    out: Path = Path("layer.zip")
    include_boto3: bool = False


@dataclass
class LayerReport:
    path: Path
    zip_bytes: int
    unzipped_bytes: int
    packages: dict[str, int]


def requirements_for(extras: list[str]) -> list[str]:
    """powerkit's own requirements plus those of ``extras``, read from its installed metadata."""
    declared = importlib.metadata.metadata("powerkit").get_all("Provides-Extra") or []
    unknown = sorted(set(extras) - set(declared))
    if unknown:
        raise LayerBuildError(
            f"unknown extra(s) {unknown}; powerkit's extras are {sorted(declared)}"
        )
    wanted: list[str] = []
    for requirement in importlib.metadata.requires("powerkit") or []:
        spec, _, marker = requirement.partition(";")
        match = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
        if match is None or match.group(1) in extras:
            wanted.append(spec.strip())
    return sorted(set(wanted))


def _pip_install(spec: LayerSpec, target: Path, requirements: list[str]) -> None:
    if spec.arch not in PLATFORMS:
        raise LayerBuildError(f"--arch must be one of {sorted(PLATFORMS)}, got {spec.arch!r}")
    if spec.python not in PYTHONS:
        raise LayerBuildError(f"--python must be one of {', '.join(PYTHONS)}, got {spec.python!r}")
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--target",
        str(target),
        "--no-compile",
        "--only-binary=:all:",
        "--implementation",
        "cp",
        "--python-version",
        spec.python,
    ]
    for platform in PLATFORMS[spec.arch]:
        command += ["--platform", platform]
    done = subprocess.run([*command, *requirements], capture_output=True, text=True)
    if done.returncode != 0:
        raise LayerBuildError(
            f"pip could not resolve {requirements} for Python {spec.python} on {spec.arch}:\n"
            f"{done.stderr.strip()[-1500:]}"
        )


def _copy_powerkit(target: Path) -> None:
    # Copy the running powerkit, so the layer holds exactly the version that built it.
    source = Path(__file__).resolve().parents[1]
    shutil.copytree(
        source, target / "powerkit", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )


def _drop(target: Path, names: tuple[str, ...]) -> None:
    for entry in list(target.iterdir()):
        base = entry.name.split("-")[0].lower().removesuffix(".py")
        if base in names:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _drop_stubs(target: Path) -> None:
    """Type-stub packages (``wrapt-stubs``...) matter to type checkers, never at run time."""
    for entry in list(target.iterdir()):
        if entry.is_dir() and entry.name.endswith("-stubs"):
            shutil.rmtree(entry)


def _sizes(target: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for entry in target.iterdir():
        if entry.name.endswith((".dist-info", ".egg-info")) or entry.name == "bin":
            name = entry.name.split("-")[0]
        else:
            name = entry.name.removesuffix(".py")
        files = [entry] if entry.is_file() else [p for p in entry.rglob("*") if p.is_file()]
        sizes[name] = sizes.get(name, 0) + sum(p.stat().st_size for p in files)
    return sizes


def build_layer(spec: LayerSpec) -> LayerReport:
    """Resolve, assemble and zip the layer; raise `LayerBuildError` when it cannot fit."""
    requirements = [
        r for r in requirements_for(spec.extras) if not r.lower().startswith("powerkit")
    ]
    with tempfile.TemporaryDirectory(prefix="powerkit-layer-") as scratch:
        site = Path(scratch) / "python"
        site.mkdir()
        _pip_install(spec, site, requirements)
        _drop(site, ("bin",))  # console scripts of dependencies are of no use in a layer
        _drop_stubs(site)
        if not spec.include_boto3:
            _drop(site, RUNTIME_PROVIDED + RUNTIME_PROVIDED_DEPENDENCIES)
        _copy_powerkit(site)
        packages = _sizes(site)
        unzipped = sum(packages.values())
        if unzipped > MAX_UNZIPPED_BYTES:
            raise LayerBuildError(
                f"the layer would be {unzipped / 1e6:.1f} MB unzipped, above Lambda's 250 MB limit "
                "for a function and all its layers; drop extras or leave out boto3"
            )
        spec.out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(spec.out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(scratch).as_posix())
    return LayerReport(spec.out, spec.out.stat().st_size, unzipped, packages)
