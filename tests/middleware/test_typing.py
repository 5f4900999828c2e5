"""Decorated handlers keep their signature for mypy --strict users."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")

PROGRAM = textwrap.dedent(
    """
    from typing import Any

    from powerkit.middleware import lambda_handler_decorator
    from powerkit.metrics import Metrics
    from powerkit.logging import Logger

    @lambda_handler_decorator
    def audit(handler: Any, event: Any, context: Any, tag: str = "x") -> Any:
        return handler(event, context)

    logger = Logger(service="typed")
    metrics = Metrics(namespace="Typed")

    @audit
    def bare(event: dict[str, int], context: object) -> int:
        return event["n"]

    @audit(tag="y")
    async def configured(event: dict[str, int], context: object) -> str:
        return "ok"

    @logger.inject_lambda_context
    @metrics.log_metrics(capture_cold_start_metric=True)
    def stacked(event: dict[str, int], context: object) -> list[int]:
        return [event["n"]]

    reveal_type(bare)
    reveal_type(configured)
    reveal_type(stacked)
    bare({"n": 1}, None)
    bare("not a dict", None)
    """
)


def test_decorators_keep_parameter_and_return_types(tmp_path: Path) -> None:
    """mypy sees the original signature (async handlers as their awaited result)."""
    source = tmp_path / "user_code.py"
    source.write_text(PROGRAM)
    out, _, _ = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / ".mypy"), str(source)]
    )
    assert 'Revealed type is "def (event: dict[str, int], context: object) -> int"' in out
    assert 'Revealed type is "def (event: dict[str, int], context: object) -> str"' in out
    assert 'Revealed type is "def (event: dict[str, int], context: object) -> list[int]"' in out
    assert 'Argument 1 to "bare" has incompatible type "str"' in out
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert len(errors) == 1, out
