"""Run powerkit and the peer (aws-lambda-powertools) side by side and report ratios.

Usage::

    .venv/bin/python benchmarks/run.py                  # every workload, 5 rounds
    .venv/bin/python benchmarks/run.py --only logging --rounds 9
    .venv/bin/python benchmarks/run.py --list

Each workload program runs in a fresh interpreter. Rounds interleave the two sides (and
alternate which goes first) so that drift in machine load hits both equally; the report
gives the median of the rounds for each side and the powerkit/peer ratio of the medians.
The peer is installed into ``benchmarks/.venv-peer`` on first use.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import statistics
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.harness import Workload

PEER_VENV = HERE / ".venv-peer"
PEER_REQUIREMENTS = ["aws-lambda-powertools[all]==3.37.0", "moto[server]", "boto3"]


def peer_python() -> Path:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print(f"installing the peer into {PEER_VENV} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(PEER_VENV)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *PEER_REQUIREMENTS], check=True
        )
    return python


def load_workloads(only: list[str] | None) -> list[Workload]:
    package = importlib.import_module("benchmarks.workloads")
    found: list[Workload] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if only and info.name not in only:
            continue
        module = importlib.import_module(f"benchmarks.workloads.{info.name}")
        found.extend(getattr(module, "WORKLOADS", []))
    return found


def compile_bytecode(python: Path) -> None:
    """Write .pyc files for powerkit as the peer's installed package has them.

    Without this, an environment with PYTHONDONTWRITEBYTECODE (common in containers) would
    make every powerkit import compile from source while the peer loads bytecode.
    """
    subprocess.run([str(python), "-m", "compileall", "-q", str(ROOT / "powerkit")], check=True)


def measure(python: Path, program: str) -> float:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("POWERKIT_", "POWERTOOLS_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    env.setdefault("AWS_ACCESS_KEY_ID", "testing")
    env.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    done = subprocess.run(
        [str(python), "-c", program], capture_output=True, text=True, env=env, cwd=ROOT
    )
    if done.returncode != 0:
        raise RuntimeError(f"workload program failed:\n{done.stderr[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1])


@dataclass
class Result:
    workload: Workload
    powerkit: float
    peer: float
    baseline: float | None

    @property
    def ratio(self) -> float:
        return self.powerkit / self.peer if self.peer else float("nan")

    def row(self) -> str:
        target = self.workload.target
        verdict = "" if target is None else ("meets" if self.ratio <= target else "MISSES")
        base = "" if self.baseline is None else f"{self.baseline:.2f}"
        return (
            f"| {self.workload.name} | {self.workload.unit} | {self.powerkit:.2f} | "
            f"{self.peer:.2f} | {base} | {self.ratio:.3f} | "
            f"{'' if target is None else target} {verdict} |"
        )


def run(workload: Workload, rounds: int, ours: Path, peer: Path) -> Result:
    samples: dict[str, list[float]] = {"powerkit": [], "peer": [], "baseline": []}
    for round_no in range(rounds):
        order = [("powerkit", ours, workload.powerkit), ("peer", peer, workload.peer)]
        if round_no % 2:
            order.reverse()
        if workload.baseline is not None:
            order.append(("baseline", ours, workload.baseline))
        for side, python, program in order:
            samples[side].append(measure(python, program))
    return Result(
        workload,
        statistics.median(samples["powerkit"]),
        statistics.median(samples["peer"]),
        statistics.median(samples["baseline"]) if samples["baseline"] else None,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", help="workload module(s), e.g. logging")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--list", action="store_true", help="list the workloads and exit")
    args = parser.parse_args(argv)

    workloads = load_workloads(args.only)
    if args.list:
        for workload in workloads:
            print(workload.name)
        return 0
    ours, peer = Path(sys.executable), peer_python()
    compile_bytecode(ours)
    print(f"powerkit: {ours}\npeer: {peer}\nrounds: {args.rounds} (medians)\n")
    print("| workload | unit | powerkit | peer | baseline | ratio | target |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for workload in workloads:
        print(run(workload, args.rounds, ours, peer).row(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
