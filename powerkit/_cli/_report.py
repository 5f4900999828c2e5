"""How ``powerkit invoke`` shows each invocation: a summary block and Lambda's REPORT line."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any, TextIO

from powerkit._cli._emf_check import check_line
from powerkit._cli._style import Style

if TYPE_CHECKING:
    from powerkit._cli._invoke import InvokeOptions, Outcome


def _short(value: Any, limit: int = 400) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _metrics_line(lines: list[str]) -> str:
    parts: list[str] = []
    for line in lines:
        checked = check_line(line)
        if checked is None:
            continue
        for row in checked.rows:
            total = float(sum(row.values))
            shown = int(total) if total.is_integer() else round(total, 3)
            parts.append(f"{row.name}={shown} {row.unit}")
    return ", ".join(parts) if parts else "none"


def print_outcome(
    outcome: Outcome,
    total: int,
    init_ms: float | None,
    options: InvokeOptions,
    err: TextIO,
    style: Style,
) -> None:
    """Write the summary of one invocation to ``err`` (stdout keeps only the function's output)."""
    from powerkit._cli._invoke import format_error, max_memory_mb

    if options.as_json:
        document = outcome.as_json()
        if init_ms is not None:
            document["init_ms"] = round(init_ms, 3)
        err.write(json.dumps(document, default=str) + "\n")
        err.flush()
        return
    start = "cold start" if outcome.cold_start else "warm"
    heading = f"── invocation {outcome.number}/{total} · {start} "
    err.write("\n" + style(heading.ljust(72, "─"), "bold", "cyan") + "\n")
    rows: list[tuple[str, str]] = [("request id", outcome.request_id)]
    duration = f"{outcome.duration_ms:.2f} ms"
    if init_ms is not None:
        duration += f" (init {init_ms:.2f} ms)"
    rows.append(("duration", duration))
    if outcome.timed_out:
        rows.append(
            (
                "status",
                style(f"Task timed out after {options.timeout_s:.2f} seconds", "red", "bold"),
            )
        )
    elif outcome.error is not None:
        rows.append(("status", style(f"error {type(outcome.error).__name__}", "red", "bold")))
        rows.append(("response", _short(format_error(outcome.error, outcome.request_id), 1200)))
    else:
        rows.append(("status", style("ok", "green")))
        rows.append(("result", _short(outcome.result)))
    rows.append(("metrics", _metrics_line(outcome.metric_lines)))
    if outcome.segments:
        names = sorted({str(doc.get("name")) for doc in outcome.segments})
        rows.append(("trace", f"{len(outcome.segments)} subsegment(s): {', '.join(names)}"))
    for label, value in rows:
        err.write(f"  {style(label.ljust(11), 'dim')}{value}\n")
    billed = max(1, math.ceil(outcome.duration_ms))
    report = (
        f"REPORT RequestId: {outcome.request_id}\tDuration: {outcome.duration_ms:.2f} ms\t"
        f"Billed Duration: {billed} ms\tMemory Size: {options.memory_mb} MB\t"
        f"Max Memory Used: {max_memory_mb()} MB"
    )
    if init_ms is not None:
        report += f"\tInit Duration: {init_ms:.2f} ms"
    err.write(style(report, "dim") + "\n")
    err.flush()
