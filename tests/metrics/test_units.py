"""MetricUnit and MetricResolution cover what CloudWatch accepts."""

from __future__ import annotations

import json
from pathlib import Path

from powerkit.metrics import MetricResolution, MetricUnit


def test_metric_unit_covers_every_cloudwatch_unit(shared_dir: Path) -> None:
    """MetricUnit's values are exactly the 27 units of the EMF schema."""
    schema = json.loads((shared_dir / "specs" / "emf.schema.json").read_text())
    assert sorted(unit.value for unit in MetricUnit) == sorted(
        schema["definitions"]["unit"]["enum"]
    )


def test_units_print_as_their_cloudwatch_string() -> None:
    """str() of a unit is the string CloudWatch expects (e.g. Bytes/Second)."""
    assert str(MetricUnit.BytesPerSecond) == "Bytes/Second"
    assert MetricUnit.NoUnit.value == "None"
    assert MetricUnit("Count/Second") is MetricUnit.CountPerSecond


def test_resolutions_are_60_and_1() -> None:
    """Standard is 60 s, High is 1 s."""
    assert (MetricResolution.Standard, MetricResolution.High) == (60, 1)
