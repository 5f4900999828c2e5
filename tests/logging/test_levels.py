"""Level precedence: Lambda's level, then ``level=``, then the environment, then INFO."""

from __future__ import annotations

import logging
import warnings

import pytest

from powerkit import ConfigError
from powerkit.logging import LogLevelWarning
from powerkit.logging._levels import to_level


def test_default_level_is_info(make_logger):
    """With nothing configured the level is INFO."""
    assert make_logger().level == logging.INFO


@pytest.mark.parametrize("name", ["POWERKIT_LOG_LEVEL", "POWERTOOLS_LOG_LEVEL", "LOG_LEVEL"])
def test_environment_level_is_used_without_argument(make_logger, monkeypatch, name):
    """Each of the environment variables sets the level when ``level=`` is not given."""
    monkeypatch.setenv(name, "debug")
    assert make_logger().level == logging.DEBUG


def test_powerkit_variable_beats_its_fallbacks(make_logger, monkeypatch):
    """POWERKIT_LOG_LEVEL wins over POWERTOOLS_LOG_LEVEL and LOG_LEVEL."""
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "WARNING")
    assert make_logger().level == logging.WARNING
    monkeypatch.setenv("POWERKIT_LOG_LEVEL", "DEBUG")
    assert make_logger().level == logging.DEBUG


def test_argument_beats_environment(make_logger, monkeypatch):
    """An explicit ``level=`` wins over the environment variables."""
    monkeypatch.setenv("POWERKIT_LOG_LEVEL", "ERROR")
    assert make_logger(level="DEBUG").level == logging.DEBUG


def test_lambda_level_beats_everything(make_logger, monkeypatch, output):
    """AWS_LAMBDA_LOG_LEVEL wins over a more verbose argument, with one warning."""
    monkeypatch.setenv("AWS_LAMBDA_LOG_LEVEL", "WARN")
    with pytest.warns(LogLevelWarning, match="AWS_LAMBDA_LOG_LEVEL=WARN"):
        logger = make_logger(level="DEBUG")
    assert logger.level == logging.WARNING
    logger.info("dropped")
    logger.warning("kept")
    assert [line["message"] for line in output.lines()] == ["kept"]


def test_level_warning_points_at_the_callers_line(make_logger, monkeypatch):
    """The warning is attributed to the code calling Logger() (here the fixture), not powerkit."""
    monkeypatch.setenv("AWS_LAMBDA_LOG_LEVEL", "ERROR")
    with pytest.warns(LogLevelWarning) as caught:
        make_logger(level="INFO")
    assert caught[0].filename.endswith("conftest.py")


def test_lambda_level_as_verbose_or_more_does_not_warn(make_logger, monkeypatch):
    """No warning when Lambda's level lets through everything asked for; Lambda's still wins."""
    monkeypatch.setenv("AWS_LAMBDA_LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("POWERKIT_LOG_LEVEL", "INFO")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        logger = make_logger()
    assert logger.level == logging.DEBUG


def test_lambda_level_alone_does_not_warn(make_logger, monkeypatch):
    """Lambda's level with nothing else asked for is simply used."""
    monkeypatch.setenv("AWS_LAMBDA_LOG_LEVEL", "ERROR")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert make_logger().level == logging.ERROR


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("TRACE", logging.DEBUG),
        ("debug", logging.DEBUG),
        ("Info", logging.INFO),
        ("WARN", logging.WARNING),
        ("warning", logging.WARNING),
        ("error", logging.ERROR),
        ("FATAL", logging.CRITICAL),
        ("critical", logging.CRITICAL),
        (25, 25),
    ],
)
def test_level_names_include_lambdas(value, expected):
    """Lambda's level names (TRACE, WARN, FATAL) and numbers are accepted."""
    assert to_level(value) == expected


def test_unknown_level_is_a_config_error(make_logger):
    """An unknown level name raises ConfigError naming the valid choices."""
    with pytest.raises(ConfigError, match="DEBUG, INFO, WARNING"):
        make_logger(level="LOUD")


def test_bad_environment_level_names_the_variable(make_logger, monkeypatch):
    """A bad level in the environment raises ConfigError naming the variable."""
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "chatty")
    with pytest.raises(ConfigError, match="POWERTOOLS_LOG_LEVEL"):
        make_logger()


def test_sample_rate_out_of_range_is_a_config_error(make_logger):
    """``sample_rate`` outside 0..1 raises ConfigError."""
    with pytest.raises(ConfigError, match="between 0 and 1"):
        make_logger(sample_rate=1.5)
