"""``powerkit layer build``: argument parsing and the size table."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from powerkit._cli._layer import PLATFORMS, PYTHONS, LayerSpec, build_layer


def add_parser(commands: Any) -> None:
    layer = commands.add_parser("layer", help="build a Lambda layer zip of powerkit and its extras")
    actions = layer.add_subparsers(dest="layer_command", metavar="ACTION", required=True)
    build = actions.add_parser(
        "build",
        help="build the layer zip",
        description="Build a zip whose root is python/, with powerkit and the chosen extras' "
        "dependencies resolved for the target runtime and architecture (binary wheels only). "
        "boto3, botocore and s3transfer are left out unless --include-boto3: the runtime has them.",
    )
    build.add_argument("--extras", default="", help="comma-separated extras, e.g. tracing,parser")
    build.add_argument(
        "--python", default="3.12", choices=PYTHONS, help="target runtime (default 3.12)"
    )
    build.add_argument(
        "--arch", default="x86_64", choices=sorted(PLATFORMS), help="target architecture"
    )
    build.add_argument(
        "--out", type=Path, default=Path("layer.zip"), help="zip to write (default layer.zip)"
    )
    build.add_argument(
        "--include-boto3", action="store_true", help="also ship boto3/botocore/s3transfer"
    )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:8.2f} MB"


def run_layer(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    spec = LayerSpec(
        extras=[e.strip() for e in args.extras.split(",") if e.strip()],
        python=args.python,
        arch=args.arch,
        out=args.out,
        include_boto3=args.include_boto3,
    )
    err.write(
        f"building a layer for Python {spec.python} on {spec.arch} (extras: {', '.join(spec.extras) or 'none'}) ...\n"
    )
    report = build_layer(spec)
    width = max(len(name) for name in report.packages)
    out.write(f"{'package'.ljust(width)}  unzipped\n")
    for name, size in sorted(report.packages.items(), key=lambda item: -item[1]):
        out.write(f"{name.ljust(width)}  {_mb(size)}\n")
    out.write(f"{'total'.ljust(width)}  {_mb(report.unzipped_bytes)} unzipped\n")
    out.write(f"{'zip'.ljust(width)}  {_mb(report.zip_bytes)}  {report.path}\n")
    return 0
