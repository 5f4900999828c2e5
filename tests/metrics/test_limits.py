"""EMF limits, enforced on add: auto-flush at 100 metrics / 100 values, 30 dimensions, names."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit.metrics import (
    MetricDimensionError,
    MetricResolution,
    Metrics,
    MetricUnit,
    MetricValueError,
)
from powerkit.testing import capture_metrics
from tests.support.emf import assert_valid_emf

metric_names = st.text(st.characters(codec="utf-8"), min_size=1, max_size=255).filter(
    lambda name: not name.isspace() and name != "_aws"
)
dimension_names = st.text(
    st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=250
).filter(lambda name: not name.startswith(":") and name != "_aws")
dimension_values = st.text(
    st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=1024
).filter(lambda value: not value.isspace())
numbers = st.one_of(
    st.integers(min_value=-(2**360), max_value=2**360),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e100, max_value=1e100),
)


@settings(max_examples=25, deadline=None)
@given(count=st.integers(min_value=1, max_value=250), extra=st.integers(0, 3))
def test_at_100_metrics_a_complete_line_is_published_and_collection_continues(
    count: int, extra: int
) -> None:
    """Every 100th distinct metric publishes a full line; dimensions and metadata stay."""
    metrics = Metrics(namespace="Limits", service="svc")
    metrics.add_dimension("env", "prod")
    metrics.add_metadata("request", "r-1")
    with capture_metrics() as captured:
        for i in range(count):
            metrics.add_metric(f"M{i}", MetricUnit.Count, i)
        assert len(captured) == count // 100
        for _ in range(extra):
            metrics.add_dimension_set({"region": "eu"})
        metrics.flush()
    published = [assert_valid_emf(line) for line in captured.raw]
    sizes = [len(line["_aws"]["CloudWatchMetrics"][0]["Metrics"]) for line in published]
    assert sizes == [100] * (count // 100) + ([count % 100] if count % 100 else [])
    assert all(line["env"] == "prod" and line["request"] == "r-1" for line in published)
    assert captured.names() == sorted(f"M{i}" for i in range(count))


@settings(max_examples=25, deadline=None)
@given(count=st.integers(min_value=1, max_value=350))
def test_at_100_values_of_one_metric_the_line_is_published(count: int) -> None:
    """A metric reaching 100 values publishes the pending line; no value is lost."""
    metrics = Metrics(namespace="Limits")
    metrics.add_dimension("env", "prod")
    with capture_metrics() as captured:
        for i in range(count):
            metrics.add_metric("Latency", MetricUnit.Milliseconds, i)
            if i == 0:
                metrics.add_metric("Other", MetricUnit.Count, 1)
        metrics.flush()
    lines = [assert_valid_emf(line) for line in captured.raw]
    assert len(lines) == math.ceil(count / 100)
    values = [v for metric in captured.metrics("Latency") for v in metric.values]
    assert values == list(range(count))
    assert all(line["env"] == "prod" for line in lines)


@settings(max_examples=30, deadline=None)
@given(size=st.integers(min_value=0, max_value=40), service=st.booleans())
def test_more_than_30_dimensions_in_a_set_is_an_error_at_add(size: int, service: bool) -> None:
    """The 31st dimension of a set (service included) is refused, naming the dimension."""
    metrics = Metrics(namespace="Limits", service="svc" if service else None)
    allowed = 30 - service
    for i in range(size):
        if i < allowed:
            metrics.add_dimension(f"d{i}", "v")
        else:
            with pytest.raises(MetricDimensionError, match=f"'d{i}'.*30"):
                metrics.add_dimension(f"d{i}", "v")
    names = [f"s{i}" for i in range(size)]
    if size > allowed:
        with pytest.raises(MetricDimensionError, match="30"):
            metrics.add_dimension_set(dict.fromkeys(names, "v"))
    elif names:
        metrics.add_dimension_set(dict.fromkeys(names, "v"))
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    with capture_metrics() as captured:
        metrics.flush()
    line = assert_valid_emf(captured.raw[0])
    assert all(len(keys) <= 30 for keys in line["_aws"]["CloudWatchMetrics"][0]["Dimensions"])


def test_default_dimensions_count_towards_the_30() -> None:
    """Defaults plus service plus added dimensions may not exceed 30 in one set."""
    metrics = Metrics(namespace="Limits", service="svc")
    metrics.set_default_dimensions(**{f"d{i}": "v" for i in range(29)})
    with pytest.raises(MetricDimensionError, match="30"):
        metrics.add_dimension("extra", "v")
    with pytest.raises(MetricDimensionError, match="30"):
        metrics.set_default_dimensions(one_more="v")
    metrics.add_dimension("d0", "override")  # replacing a default does not add one


@settings(max_examples=60, deadline=None)
@given(name=metric_names, value=numbers, unit=st.sampled_from(list(MetricUnit)))
def test_any_valid_name_value_and_unit_gives_a_valid_line(
    name: str, value: float, unit: MetricUnit
) -> None:
    """Names of 1..255 characters, finite numbers and every unit produce valid EMF."""
    metrics = Metrics(namespace="Limits")
    metrics.add_metric(name, unit, value)
    with capture_metrics() as captured:
        metrics.flush()
    metric = captured.metric(name)
    assert metric.values == [value]
    assert metric.unit == unit.value


@settings(max_examples=40, deadline=None)
@given(name=dimension_names, value=dimension_values)
def test_any_valid_dimension_gives_a_valid_line(name: str, value: str) -> None:
    """Dimension names of 1..250 and values of 1..1024 ASCII characters produce valid EMF."""
    metrics = Metrics(namespace="Limits")
    metrics.add_dimension(name, value)
    metrics.add_metric("Orders" if name != "Orders" else "Other", MetricUnit.Count, 1)
    with capture_metrics() as captured:
        metrics.flush()
    assert assert_valid_emf(captured.raw[0])[name] == value


@pytest.mark.parametrize(
    "name",
    ["", " ", "x" * 256, None, 7, "_aws"],
    ids=["empty", "space", "256", "none", "int", "aws"],
)
def test_invalid_metric_name_is_an_error_naming_it(name: Any) -> None:
    """A metric name outside 1..255 characters (or not a string) is refused on add."""
    metrics = Metrics(namespace="Limits")
    with pytest.raises(MetricValueError, match="metric name"):
        metrics.add_metric(name, MetricUnit.Count, 1)


@pytest.mark.parametrize(
    ("name", "value", "match"),
    [
        ("", "v", "dimension name"),
        ("x" * 251, "v", "dimension name"),
        (":colon", "v", "dimension name"),
        ("ümlaut", "v", "dimension name"),
        ("_aws", "v", "dimension name"),
        ("env", "", "'env'.*empty value drops every dimension"),
        ("env", "   ", "'env'"),
        ("env", "x" * 1025, "'env'"),
        ("env", "café", "'env'"),
        ("env", None, "'env'"),
        ("env", b"prod", "'env'"),
    ],
)
def test_invalid_dimension_is_an_error_naming_it(name: str, value: Any, match: str) -> None:
    """Empty, too long, non-ASCII or non-string dimensions are refused on add."""
    metrics = Metrics(namespace="Limits")
    with pytest.raises(MetricDimensionError, match=match):
        metrics.add_dimension(name, value)
    with pytest.raises(MetricDimensionError, match=match):
        metrics.add_dimension_set({name: value})


@pytest.mark.parametrize(
    "value",
    [float("nan"), float("inf"), float("-inf"), "1", True, None, [1], 2**361, 1e300],
    ids=["nan", "inf", "-inf", "str", "bool", "none", "list", "huge-int", "huge-float"],
)
def test_non_finite_or_non_numeric_value_is_an_error(value: Any) -> None:
    """NaN, infinity, strings, bools and out-of-range numbers are refused, naming the metric."""
    metrics = Metrics(namespace="Limits")
    with pytest.raises(MetricValueError, match="'Orders'"):
        metrics.add_metric("Orders", MetricUnit.Count, value)


def test_number_subclasses_are_written_as_plain_numbers() -> None:
    """int/float subclasses (IntEnum, numpy-like scalars) become plain JSON numbers."""

    class Score(float):
        pass

    metrics = Metrics(namespace="Limits")
    metrics.add_metric("Level", MetricUnit.Count, MetricResolution.High)
    metrics.add_metric("Score", MetricUnit.Count, Score(1.5))
    with capture_metrics() as captured:
        metrics.flush()
    assert (captured.metric("Level").value, captured.metric("Score").value) == (1, 1.5)


@pytest.mark.parametrize("unit", ["count", "Foo", None, 3, ["Count"]])
def test_unknown_unit_is_an_error_listing_the_choices(unit: Any) -> None:
    """An unknown unit is refused and the message lists CloudWatch's units."""
    metrics = Metrics(namespace="Limits")
    with pytest.raises(MetricValueError, match="Count/Second"):
        metrics.add_metric("Orders", unit, 1)
