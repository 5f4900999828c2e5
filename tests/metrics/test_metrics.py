"""Metrics: what each add_* call puts in the published EMF line."""

from __future__ import annotations

import datetime as dt
import enum
import json
import time
from typing import Any

import pytest

from powerkit import ConfigError
from powerkit.metrics import (
    MetricDimensionError,
    MetricResolution,
    Metrics,
    MetricsError,
    MetricUnit,
    MetricValueError,
)
from powerkit.testing import MetricsCapture, capture_metrics
from tests.support.emf import assert_valid_emf


def _flushed(metrics: Metrics) -> dict[str, Any]:
    with capture_metrics() as captured:
        metrics.flush()
    assert len(captured) == 1, captured.raw
    return assert_valid_emf(captured.raw[0])


def test_line_has_namespace_dimensions_and_values_at_top_level() -> None:
    """A flush prints one EMF line with the metric and dimensions as top-level members."""
    metrics = Metrics(namespace="Shop", service="orders")
    metrics.add_dimension("env", "prod")
    metrics.add_metric("Orders", MetricUnit.Count, 2)
    line = _flushed(metrics)
    directive = line["_aws"]["CloudWatchMetrics"][0]
    assert directive == {
        "Namespace": "Shop",
        "Dimensions": [["service", "env"]],
        "Metrics": [{"Name": "Orders", "Unit": "Count"}],
    }
    assert (line["service"], line["env"], line["Orders"]) == ("orders", "prod", 2)


def test_flush_writes_one_json_line_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """The line goes to stdout, newline-terminated, and parses as one JSON object."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("Orders", "Count", 1)
    metrics.flush()
    out = capsys.readouterr().out
    assert out.endswith("\n")
    assert out.count("\n") == 1
    assert json.loads(out)["Orders"] == 1


def test_repeated_names_accumulate_values() -> None:
    """Adding a name again appends a value: one definition, an array of values."""
    metrics = Metrics(namespace="Shop")
    for value in (1, 2.5, 3):
        metrics.add_metric("Latency", MetricUnit.Milliseconds, value)
    line = _flushed(metrics)
    assert line["Latency"] == [1, 2.5, 3]
    assert line["_aws"]["CloudWatchMetrics"][0]["Metrics"] == [
        {"Name": "Latency", "Unit": "Milliseconds"}
    ]


class _OtherLibraryUnit(str, enum.Enum):
    BytesPerSecond = "Bytes/Second"


@pytest.mark.parametrize(
    "unit",
    [MetricUnit.BytesPerSecond, "BytesPerSecond", "Bytes/Second", _OtherLibraryUnit.BytesPerSecond],
)
def test_unit_accepts_member_name_or_cloudwatch_string(unit: Any) -> None:
    """A unit may be the enum member, its name, its CloudWatch string or a look-alike enum."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("Throughput", unit, 1)
    line = _flushed(metrics)
    assert line["_aws"]["CloudWatchMetrics"][0]["Metrics"][0]["Unit"] == "Bytes/Second"


def test_same_name_with_another_unit_is_an_error() -> None:
    """A name keeps one unit per line; another unit is refused with a clear message."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("Latency", MetricUnit.Milliseconds, 1)
    with pytest.raises(MetricValueError, match="Latency"):
        metrics.add_metric("Latency", MetricUnit.Seconds, 1)


def test_storage_resolution_only_for_high_resolution() -> None:
    """StorageResolution appears (as 1) only for high-resolution metrics."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("Fast", MetricUnit.Count, 1, resolution=MetricResolution.High)
    metrics.add_metric("Slow", MetricUnit.Count, 1, resolution=MetricResolution.Standard)
    metrics.add_metric("Plain", MetricUnit.Count, 1)
    definitions = _flushed(metrics)["_aws"]["CloudWatchMetrics"][0]["Metrics"]
    assert definitions == [
        {"Name": "Fast", "Unit": "Count", "StorageResolution": 1},
        {"Name": "Slow", "Unit": "Count"},
        {"Name": "Plain", "Unit": "Count"},
    ]


@pytest.mark.parametrize("resolution", [0, 30, 61, True, "1", None])
def test_bad_resolution_is_an_error(resolution: Any) -> None:
    """Only 60 and 1 are storage resolutions."""
    metrics = Metrics(namespace="Shop")
    with pytest.raises(MetricValueError, match="resolution"):
        metrics.add_metric("X", MetricUnit.Count, 1, resolution=resolution)


def test_timestamp_defaults_to_flush_time_in_epoch_ms() -> None:
    """Without set_timestamp, Timestamp is the flush time in integer milliseconds."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    before = int(time.time() * 1000)
    stamp = _flushed(metrics)["_aws"]["Timestamp"]
    assert isinstance(stamp, int)
    assert before <= stamp <= int(time.time() * 1000)


def test_set_timestamp_accepts_datetime_and_epoch_ms() -> None:
    """set_timestamp takes an aware datetime or epoch milliseconds."""
    metrics = Metrics(namespace="Shop")
    moment = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(hours=1)
    metrics.set_timestamp(moment)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    assert _flushed(metrics)["_aws"]["Timestamp"] == int(moment.timestamp() * 1000)
    metrics.set_timestamp(int(moment.timestamp() * 1000) + 5)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    assert _flushed(metrics)["_aws"]["Timestamp"] == int(moment.timestamp() * 1000) + 5


@pytest.mark.parametrize(
    "stamp",
    [time.time(), 0, -1, "2024-01-01", float("nan"), True],
    ids=["seconds", "zero", "negative", "string", "nan", "bool"],
)
def test_set_timestamp_refuses_what_cloudwatch_would_drop(stamp: Any) -> None:
    """Seconds instead of ms, very old or non-numeric timestamps are errors at set time."""
    metrics = Metrics(namespace="Shop")
    with pytest.raises(MetricValueError, match="timestamp"):
        metrics.set_timestamp(stamp)


def test_timestamp_more_than_two_hours_ahead_is_refused() -> None:
    """CloudWatch drops data stamped more than 2 hours in the future."""
    metrics = Metrics(namespace="Shop")
    with pytest.raises(MetricValueError, match="2 hours"):
        metrics.set_timestamp(int(time.time() * 1000) + 3 * 3600 * 1000)


def test_metadata_is_a_top_level_member_not_a_metric() -> None:
    """Metadata is searchable in the log line but not referenced as metric or dimension."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metadata("order_id", "o-1")
    metrics.add_metadata("when", dt.date(2024, 1, 2))
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    line = _flushed(metrics)
    assert (line["order_id"], line["when"]) == ("o-1", "2024-01-02")
    assert line["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [[]]


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_metadata_that_is_not_json_is_refused(value: float) -> None:
    """NaN/Infinity metadata would make the line invalid JSON: refused on add."""
    metrics = Metrics(namespace="Shop")
    with pytest.raises(MetricValueError, match="JSON"):
        metrics.add_metadata("ratio", value)


def test_huge_metadata_is_refused() -> None:
    """Metadata that would push the line towards CloudWatch's 1 MB limit is refused."""
    metrics = Metrics(namespace="Shop")
    with pytest.raises(MetricValueError, match="1 MB"):
        metrics.add_metadata("blob", "x" * 300_000)
    for part in range(3):
        metrics.add_metadata(f"part{part}", "x" * 80_000)
    with pytest.raises(MetricValueError, match="part3"):
        metrics.add_metadata("part3", "x" * 80_000)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    assert len(json.dumps(_flushed(metrics))) < 1_000_000


def test_names_must_not_clash_across_metrics_dimensions_and_metadata() -> None:
    """A top-level name has one role: a clash is an error, whichever comes first."""
    metrics = Metrics(namespace="Shop", service="orders")
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    metrics.add_dimension("region", "eu")
    metrics.add_metadata("trace", "t")
    with pytest.raises(MetricDimensionError, match="Orders"):
        metrics.add_dimension("Orders", "x")
    with pytest.raises(MetricValueError, match="region"):
        metrics.add_metric("region", MetricUnit.Count, 1)
    with pytest.raises(MetricValueError, match="service"):
        metrics.add_metric("service", MetricUnit.Count, 1)
    with pytest.raises(MetricValueError, match="trace"):
        metrics.add_metric("trace", MetricUnit.Count, 1)
    with pytest.raises(MetricValueError, match="Orders"):
        metrics.add_metadata("Orders", 1)
    with pytest.raises(MetricDimensionError, match="trace"):
        metrics.add_dimension("trace", "x")
    _flushed(metrics)


def test_service_dimension_from_argument_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """service= wins over POWERKIT_SERVICE_NAME; without either there is no service dimension."""
    monkeypatch.setenv("POWERKIT_SERVICE_NAME", "from-env")
    assert Metrics(namespace="Shop").service == "from-env"
    assert Metrics(namespace="Shop", service="explicit").service == "explicit"
    monkeypatch.delenv("POWERKIT_SERVICE_NAME")
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    line = _flushed(metrics)
    assert "service" not in line
    assert metrics.service is None


@pytest.mark.parametrize("variable", ["POWERKIT_METRICS_NAMESPACE", "POWERTOOLS_METRICS_NAMESPACE"])
def test_namespace_from_environment_and_its_powertools_twin(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """The namespace falls back to POWERKIT_METRICS_NAMESPACE, then POWERTOOLS_METRICS_NAMESPACE."""
    monkeypatch.setenv(variable, "FromEnv")
    metrics = Metrics()
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    assert _flushed(metrics)["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "FromEnv"
    assert Metrics(namespace="Explicit").namespace == "Explicit"


def test_missing_namespace_is_a_config_error_on_add() -> None:
    """Without a namespace, add_metric says how to configure one (no broken line later)."""
    metrics = Metrics()
    with pytest.raises(ConfigError, match="POWERKIT_METRICS_NAMESPACE"):
        metrics.add_metric("Orders", MetricUnit.Count, 1)


@pytest.mark.parametrize("namespace", ["", "has space", "AWS/Lambda", "x" * 256, "ümlaut"])
def test_invalid_namespace_is_a_config_error(namespace: str) -> None:
    """A namespace CloudWatch would refuse is refused at construction."""
    with pytest.raises(ConfigError, match="namespace"):
        Metrics(namespace=namespace)


def test_default_dimensions_apply_to_every_flush() -> None:
    """Default dimensions survive flushes; added dimensions do not."""
    metrics = Metrics(namespace="Shop", service="orders")
    metrics.set_default_dimensions(env="prod")
    metrics.add_dimension("tenant", "t1")
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    first = _flushed(metrics)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    second = _flushed(metrics)
    assert first["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["service", "env", "tenant"]]
    assert second["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["service", "env"]]
    assert metrics.default_dimensions == {"env": "prod"}
    metrics.clear_default_dimensions()
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    assert _flushed(metrics)["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["service"]]


def test_add_dimension_overrides_a_default_for_this_line() -> None:
    """add_dimension with a default's name changes its value until the next flush."""
    metrics = Metrics(namespace="Shop")
    metrics.set_default_dimensions(env="prod")
    metrics.add_dimension("env", "canary")
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    line = _flushed(metrics)
    assert line["env"] == "canary"
    assert line["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["env"]]


def test_dimension_values_are_strings() -> None:
    """Numbers given as dimension values are written as strings (EMF requires strings)."""
    metrics = Metrics(namespace="Shop")
    metrics.add_dimension("shard", 7)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    assert _flushed(metrics)["shard"] == "7"


def test_add_dimension_set_adds_a_directive_dimension_set() -> None:
    """Each add_dimension_set becomes another dimension set (with service) in one directive."""
    metrics = Metrics(namespace="Shop", service="orders")
    metrics.add_dimension("env", "prod")
    metrics.add_dimension_set({"region": "eu", "az": "eu-1a"})
    metrics.add_dimension_set({"tenant": "t1"})
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    line = _flushed(metrics)
    assert line["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [
        ["service", "env"],
        ["service", "region", "az"],
        ["service", "tenant"],
    ]
    assert (line["region"], line["az"], line["tenant"]) == ("eu", "eu-1a", "t1")


def test_dimension_sets_without_main_dimensions_skip_the_empty_set() -> None:
    """With no service/defaults/add_dimension, only the explicit sets are published."""
    metrics = Metrics(namespace="Shop")
    metrics.add_dimension_set({"region": "eu"})
    metrics.add_dimension_set({"region": "eu"})
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    assert _flushed(metrics)["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["region"]]


def test_dimension_with_two_values_in_one_line_is_an_error() -> None:
    """A top-level member has one value: sets cannot disagree on a dimension's value."""
    metrics = Metrics(namespace="Shop", service="orders")
    metrics.add_dimension_set({"region": "eu"})
    with pytest.raises(MetricDimensionError, match="region"):
        metrics.add_dimension_set({"region": "us"})
    with pytest.raises(MetricDimensionError, match="region"):
        metrics.add_dimension("region", "us")
    with pytest.raises(MetricDimensionError, match="service"):
        metrics.add_dimension_set({"service": "other"})
    with pytest.raises(MetricDimensionError, match="at least one"):
        metrics.add_dimension_set({})


def test_flush_clears_dimensions_metadata_and_timestamp() -> None:
    """After flush(), the next line starts without the added dimensions and metadata."""
    metrics = Metrics(namespace="Shop")
    metrics.add_dimension("env", "prod")
    metrics.add_dimension_set({"region": "eu"})
    metrics.add_metadata("id", "1")
    metrics.set_timestamp(int(time.time() * 1000) - 60_000)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    _flushed(metrics)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    line = _flushed(metrics)
    assert {"env", "region", "id"}.isdisjoint(line)
    assert line["_aws"]["Timestamp"] >= int(time.time() * 1000) - 5_000


def test_flush_without_metrics_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """No metric pending, no line (a line without metrics would publish nothing)."""
    metrics = Metrics(namespace="Shop")
    metrics.add_dimension("env", "prod")
    metrics.flush()
    assert capsys.readouterr().out == ""


def test_clear_drops_pending_metrics() -> None:
    """clear() forgets what is pending without publishing it."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    with capture_metrics() as captured:
        metrics.clear()
        metrics.flush()
    assert len(captured) == 0


def test_powertools_names_flush_metrics_and_clear_metrics() -> None:
    """flush_metrics() and clear_metrics() behave like flush() and clear()."""
    metrics = Metrics(namespace="Shop")
    with capture_metrics() as captured:
        metrics.add_metric("Dropped", MetricUnit.Count, 1)
        metrics.clear_metrics()
        metrics.add_metric("Kept", MetricUnit.Count, 1)
        metrics.flush_metrics()
    assert captured.names() == ["Kept"]


@pytest.mark.parametrize("setting", ["POWERKIT_METRICS_DISABLED", "POWERTOOLS_METRICS_DISABLED"])
def test_disabled_drops_output_but_keeps_behaviour(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], setting: str
) -> None:
    """Disabled metrics print nothing, still validate, and test taps still see the line."""
    monkeypatch.setenv(setting, "1")
    metrics = Metrics(namespace="Shop")
    with pytest.raises(MetricValueError):
        metrics.add_metric("Orders", MetricUnit.Count, float("nan"))
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    with capture_metrics() as captured:
        metrics.flush()
    assert capsys.readouterr().out == ""
    assert captured.metric("Orders").values == [1]


def test_disabled_argument_beats_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Metrics(disabled=False) prints even when the environment disables metrics."""
    monkeypatch.setenv("POWERKIT_METRICS_DISABLED", "true")
    metrics = Metrics(namespace="Shop", disabled=False)
    metrics.add_metric("Orders", MetricUnit.Count, 1)
    metrics.flush()
    assert json.loads(capsys.readouterr().out)["Orders"] == 1


def test_errors_share_the_metrics_base() -> None:
    """Every metrics error is a MetricsError and a ValueError."""
    for error in (MetricValueError, MetricDimensionError):
        assert issubclass(error, MetricsError)
        assert issubclass(error, ValueError)


def test_capture_fixture_sees_lines(capture_metrics: MetricsCapture) -> None:
    """The pytest fixture capture_metrics records the lines of the test."""
    metrics = Metrics(namespace="Shop")
    metrics.add_metric("Orders", MetricUnit.Count, 3)
    metrics.flush()
    assert capture_metrics.metric("Orders").value == 3
