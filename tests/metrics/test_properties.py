"""Properties over generated inputs: dimension sets, resolutions, timestamps, no lost values."""

from __future__ import annotations

import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit.metrics import MetricResolution, Metrics, MetricUnit
from powerkit.testing import capture_metrics
from tests.support.emf import assert_valid_emf

keys = st.sampled_from([f"k{i}" for i in range(12)])
values = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=20)


@settings(max_examples=60, deadline=None)
@given(
    sets=st.lists(st.dictionaries(keys, values, min_size=1, max_size=5), max_size=6),
    service=st.booleans(),
    defaults=st.dictionaries(st.sampled_from(["env", "team"]), values, max_size=2),
)
def test_dimension_sets_each_become_one_set_with_base_dimensions_first(
    sets: list[dict[str, str]], service: bool, defaults: dict[str, str]
) -> None:
    """Each add_dimension_set is one set (service and defaults first); values agree."""
    metrics = Metrics(namespace="Props", service="svc" if service else None)
    if defaults:
        metrics.set_default_dimensions(**defaults)
    accepted: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    for dimension_set in sets:
        if any(seen.get(key, value) != value for key, value in dimension_set.items()):
            continue  # a conflicting value is an error (tested elsewhere); skip it here
        metrics.add_dimension_set(dimension_set)
        accepted.append(dimension_set)
        seen.update(dimension_set)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    with capture_metrics() as captured:
        metrics.flush()
    line = assert_valid_emf(captured.raw[0])
    base = (["service"] if service else []) + list(defaults)
    expected = [base] if base or not accepted else []
    for dimension_set in accepted:
        keys_in_order = base + [key for key in dimension_set if key not in base]
        if keys_in_order not in expected:
            expected.append(keys_in_order)
    assert line["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == expected
    for key, value in seen.items():
        assert line[key] == value


@settings(max_examples=60, deadline=None)
@given(
    resolutions=st.dictionaries(
        st.sampled_from([f"m{i}" for i in range(8)]),
        st.sampled_from([MetricResolution.High, MetricResolution.Standard, 1, 60]),
        min_size=1,
    )
)
def test_storage_resolution_is_written_only_for_high_resolution(
    resolutions: dict[str, int],
) -> None:
    """StorageResolution is 1 exactly for the high-resolution metrics and absent otherwise."""
    metrics = Metrics(namespace="Props")
    for name, resolution in resolutions.items():
        metrics.add_metric(name, MetricUnit.Count, 1, resolution=resolution)
    with capture_metrics() as captured:
        metrics.flush()
    definitions = assert_valid_emf(captured.raw[0])["_aws"]["CloudWatchMetrics"][0]["Metrics"]
    for definition in definitions:
        if resolutions[definition["Name"]] == 1:
            assert definition["StorageResolution"] == 1
        else:
            assert "StorageResolution" not in definition


@settings(max_examples=60, deadline=None)
@given(offset_ms=st.integers(min_value=-14 * 24 * 3600 * 1000 + 60_000, max_value=7_000_000))
def test_timestamps_in_the_accepted_window_are_written_as_given(offset_ms: int) -> None:
    """Any epoch-ms timestamp within 14 days back / 2 hours ahead is the line's Timestamp."""
    stamp = int(time.time() * 1000) + offset_ms
    metrics = Metrics(namespace="Props")
    metrics.set_timestamp(stamp)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    with capture_metrics() as captured:
        metrics.flush()
    assert assert_valid_emf(captured.raw[0])["_aws"]["Timestamp"] == stamp


operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("metric"),
            st.sampled_from([f"n{i}" for i in range(130)]),
            st.one_of(st.integers(-1000, 1000), st.floats(-1e6, 1e6, allow_nan=False)),
        ),
        st.tuples(st.just("dimension"), st.sampled_from(["a", "b", "c"]), values),
        st.tuples(st.just("flush"), st.none(), st.none()),
    ),
    max_size=250,
)


@settings(max_examples=25, deadline=None)
@given(ops=operations)
def test_every_value_added_is_published_exactly_once(ops: list[tuple[str, Any, Any]]) -> None:
    """Whatever the mix of adds and flushes, each value appears once, in a valid line."""
    metrics = Metrics(namespace="Props", service="svc")
    added: dict[str, list[float]] = {}
    with capture_metrics() as captured:
        for kind, name, value in ops:
            if kind == "metric":
                metrics.add_metric(name, MetricUnit.Count, value)
                added.setdefault(name, []).append(value)
            elif kind == "dimension":
                metrics.add_dimension(name, value)
            else:
                metrics.flush()
        metrics.flush()
    published: dict[str, list[float]] = {}
    for raw in captured.raw:
        line = assert_valid_emf(raw)
        for definition in line["_aws"]["CloudWatchMetrics"][0]["Metrics"]:
            found = line[definition["Name"]]
            published.setdefault(definition["Name"], []).extend(
                found if isinstance(found, list) else [found]
            )
    assert published == added
