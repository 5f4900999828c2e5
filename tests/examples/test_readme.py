"""The README's handler snippet works when followed literally."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_handler_runs_cold_then_warm_and_emits_valid_metrics(tmp_path: Path) -> None:
    """app.py from the README, invoked with its order.json, succeeds twice; its EMF is valid."""
    readme = (ROOT / "README.md").read_text()
    (code,) = re.findall(r"```python\n# app.py\n(.*?)```", readme, re.S)
    (tmp_path / "app.py").write_text(code)
    (tmp_path / "order.json").write_text('{"order_id": "o-1"}')
    run = [sys.executable, "-m", "powerkit", "invoke", "app.py:handler", "--event", "order.json"]
    done = subprocess.run(
        [*run, "--event", "order.json", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    summaries = [
        json.loads(line) for line in done.stderr.splitlines() if line.startswith('{"invocation"')
    ]
    assert [(s["status"], s["cold_start"], s["result"]) for s in summaries] == [
        ("ok", True, {"ok": True}),
        ("ok", False, {"ok": True}),
    ]
    checked = subprocess.run(
        [sys.executable, "-m", "powerkit", "metrics"],
        input=done.stdout,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0
    assert "Orders" in checked.stdout
    assert "ColdStart" in checked.stdout
