"""``powerkit metrics``: validate EMF lines and show them as a table."""

from __future__ import annotations

from typing import TextIO

from powerkit._cli._emf_check import MetricRow, check_line
from powerkit._cli._style import Style


def _format_values(values: list[float]) -> str:
    shown = [str(int(v)) if v.is_integer() else f"{v:g}" for v in values[:6]]
    return ", ".join(shown) + (f", ... ({len(values)})" if len(values) > 6 else "")


def _format_dimensions(sets: list[dict[str, str]]) -> str:
    rendered = ["{" + ", ".join(f"{k}={v}" for k, v in s.items()) + "}" for s in sets]
    return " ".join(rendered) if rendered else "{}"


def run_metrics(source: TextIO, out: TextIO, style: Style) -> int:
    """Check every EMF line of ``source``; print the table or the problems. 1 if any is invalid."""
    rows: list[MetricRow] = []
    problems: list[str] = []
    documents = 0
    for number, line in enumerate(source, start=1):
        checked = check_line(line)
        if checked is None:
            continue
        documents += 1
        problems.extend(f"line {number}: {problem}" for problem in checked.problems)
        rows.extend(checked.rows)
    if problems:
        out.write(
            style(f"{len(problems)} problem(s) in {documents} EMF line(s):", "red", "bold") + "\n"
        )
        for problem in problems:
            out.write(f"  {problem}\n")
        return 1
    if not rows:
        out.write("no EMF lines found\n")
        return 0
    headers = ("namespace", "metric", "unit", "res", "values", "dimensions")
    table = [
        (
            r.namespace,
            r.name,
            r.unit,
            f"{r.resolution}s",
            _format_values(r.values),
            _format_dimensions(r.dimensions),
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    out.write(style("  ".join(h.ljust(w) for h, w in zip(headers, widths)), "bold") + "\n")
    for row in table:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n")
    out.write(style(f"{documents} valid EMF line(s), {len(rows)} metric(s)", "green") + "\n")
    return 0
