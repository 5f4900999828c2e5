"""Settings: one module, POWERTOOLS_ fallbacks, explicit arguments first, strict booleans."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit import ConfigError, PowerkitError, _config

ROOT = Path(__file__).resolve().parent.parent


def test_powerkit_name_wins_over_its_powertools_twin(monkeypatch: pytest.MonkeyPatch) -> None:
    """POWERKIT_X is read first; POWERTOOLS_X only when it is unset."""
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "legacy")
    assert _config.SERVICE_NAME.get() == "legacy"
    monkeypatch.setenv("POWERKIT_SERVICE_NAME", "orders")
    assert _config.SERVICE_NAME.get() == "orders"


def test_empty_values_count_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty variable falls through to the next name, then to the default."""
    monkeypatch.setenv("POWERKIT_SERVICE_NAME", "")
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "legacy")
    assert _config.SERVICE_NAME.get() == "legacy"


def test_log_level_also_falls_back_to_plain_log_level(monkeypatch: pytest.MonkeyPatch) -> None:
    """LOG_LEVEL is the last fallback for the logger level."""
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    assert _config.LOG_LEVEL.get() == "DEBUG"


def test_explicit_argument_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """resolve_bool prefers the caller's value."""
    monkeypatch.setenv("POWERKIT_TRACE_DISABLED", "true")
    assert _config.TRACE_DISABLED.resolve_bool(False) is False
    assert _config.TRACE_DISABLED.resolve_bool(None) is True


@given(
    word=st.sampled_from(["1", "true", "yes", "on", "0", "false", "no", "off"]),
    case=st.lists(st.booleans(), min_size=5, max_size=5),
)
def test_booleans_accept_every_spelling_in_any_case(word: str, case: list[bool]) -> None:
    """1/0 true/false yes/no on/off are accepted whatever their case."""
    mixed = "".join(c.upper() if up else c for c, up in zip(word, case * 2))
    expected = word in {"1", "true", "yes", "on"}
    assert _config.parse_bool(f" {mixed} ", source="X") is expected


@given(
    st.text(min_size=1).filter(
        lambda s: s.strip().lower() not in {"1", "0", "true", "false", "yes", "no", "on", "off"}
    )
)
def test_anything_else_is_a_configuration_error(value: str) -> None:
    """A non-boolean value is rejected with the variable's name and the accepted spellings."""
    with pytest.raises(ConfigError) as info:
        _config.parse_bool(value, source="POWERKIT_DEV")
    assert "POWERKIT_DEV" in str(info.value)
    assert "true/false" in str(info.value)
    assert isinstance(info.value, PowerkitError)
    assert isinstance(info.value, ValueError)


def test_bad_number_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A float setting with a non-number names the variable."""
    monkeypatch.setenv("POWERKIT_LOGGER_SAMPLE_RATE", "half")
    with pytest.raises(ConfigError, match="POWERKIT_LOGGER_SAMPLE_RATE='half' is not a number"):
        _config.LOGGER_SAMPLE_RATE.get_float(0.0)


def test_in_lambda_follows_the_runtime_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lambda is detected from AWS_LAMBDA_FUNCTION_NAME or LAMBDA_TASK_ROOT."""
    assert not _config.in_lambda()
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    assert _config.in_lambda()


def test_only_the_config_module_reads_the_environment() -> None:
    """Settings are read in one place: no other module touches os.environ or os.getenv."""
    readers = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "powerkit").rglob("*.py")
        if re.search(r"os\.environ|os\.getenv|getenv\(", path.read_text())
    ]
    allowed = {os.path.join("powerkit", "_config.py")}
    assert sorted(set(readers) - allowed) == []


def test_every_setting_has_a_description_and_unique_name() -> None:
    """The settings registry is complete enough to document."""
    settings = _config.all_settings()
    names = [setting.name for setting in settings]
    assert len(names) == len(set(names))
    assert all(setting.description for setting in settings)
