"""Buffering: low-level lines kept per invocation, written on error, dropped on success."""

from __future__ import annotations

from typing import Any

import pytest

from powerkit import ConfigError
from powerkit.logging import LogBuffer
from powerkit.testing import lambda_context


def test_buffered_lines_are_dropped_when_the_invocation_succeeds(make_logger, output):
    """DEBUG lines are not written when the handler completes without error."""
    logger = make_logger(buffer=LogBuffer())

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("detail")
        logger.info("summary")

    handler({}, lambda_context())
    assert [line["message"] for line in output.lines()] == ["summary"]


def test_error_line_flushes_the_buffer_first_with_original_timestamps(make_logger, output):
    """An error line writes the buffered lines (oldest first, original timestamps) before itself."""
    logger = make_logger(buffer=LogBuffer(level="INFO"))

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("one", step=1)
        logger.info("two")
        logger.append_keys(late="yes")
        logger.error("boom")

    handler({}, lambda_context(request_id="r-1"))
    lines = output.lines()
    assert [line["message"] for line in lines] == ["one", "two", "boom"]
    assert lines[0]["step"] == 1
    assert "late" not in lines[0]  # keys as they were when the line was logged
    assert lines[2]["late"] == "yes"
    assert all(line["function_request_id"] == "r-1" for line in lines)
    assert lines[0]["timestamp"] <= lines[1]["timestamp"] <= lines[2]["timestamp"]


def test_handler_exception_flushes_the_buffer(make_logger, output):
    """When the handler raises, buffered lines are written and the error propagates."""
    logger = make_logger(buffer=LogBuffer(flush_on_error=False))

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("before failure")
        raise RuntimeError("handler failed")

    with pytest.raises(RuntimeError):
        handler({}, lambda_context())
    assert [line["message"] for line in output.lines()] == ["before failure"]


def test_flush_on_exception_can_be_turned_off(make_logger, output):
    """``flush_buffer_on_error=False`` drops the buffer even when the handler raises."""
    logger = make_logger(buffer=LogBuffer(flush_on_error=False))

    @logger.inject_lambda_context(flush_buffer_on_error=False)
    def handler(event: Any, context: Any) -> None:
        logger.debug("hidden")
        raise RuntimeError("x")

    with pytest.raises(RuntimeError):
        handler({}, lambda_context())
    assert output.getvalue() == ""


def test_flush_on_error_log_can_be_turned_off(make_logger, output):
    """``LogBuffer(flush_on_error=False)``: an error line does not flush; flush_buffer() does."""
    logger = make_logger(buffer=LogBuffer(flush_on_error=False))

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("detail")
        logger.error("handled error")
        logger.flush_buffer()

    handler({}, lambda_context())
    assert [line["message"] for line in output.lines()] == ["handled error", "detail"]


def test_buffers_never_cross_invocations(make_logger, output):
    """Lines buffered in a successful invocation are not written by the next one's error."""
    logger = make_logger(buffer=LogBuffer())

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug(f"detail {event['n']}")
        if event["fail"]:
            logger.error("failed")

    handler({"n": 1, "fail": False}, lambda_context())
    handler({"n": 2, "fail": True}, lambda_context())
    assert [line["message"] for line in output.lines()] == ["detail 2", "failed"]


def test_eviction_is_oldest_first_and_reported_once(make_logger, output):
    """A full buffer evicts its oldest lines; one warning line reports how many."""
    logger = make_logger(buffer=LogBuffer(max_bytes=600))

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        for n in range(10):
            logger.debug(f"line {n}", padding="x" * 100)
        logger.error("boom")

    handler({}, lambda_context())
    lines = output.lines()
    warning, *kept, error = lines
    assert warning["level"] == "WARNING"
    assert warning["evicted_lines"] == 10 - len(kept)
    assert "LogBuffer(max_bytes=600)" in warning["message"]
    assert [line["message"] for line in kept] == [f"line {n}" for n in range(10 - len(kept), 10)]
    assert 0 < len(kept) < 10
    assert error["message"] == "boom"
    assert warning["location"] == error["location"]  # reported where the error was logged
    assert sum(len(line.encode()) + 1 for line in output.getvalue().splitlines()[1:-1]) <= 600


def test_outside_an_invocation_lines_follow_the_level(make_logger, output):
    """Without an invocation there is nothing to buffer in: the level decides as usual."""
    logger = make_logger(buffer=LogBuffer(level="INFO"))
    logger.debug("dropped")
    logger.info("written")
    assert [line["message"] for line in output.lines()] == ["written"]


def test_buffering_needs_no_xray_trace_id(make_logger, output):
    """Buffering works with no ``_X_AMZN_TRACE_ID`` in the environment."""
    logger = make_logger(buffer=LogBuffer())

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("kept")
        logger.error("boom")

    handler({}, lambda_context())
    assert [line["message"] for line in output.lines()] == ["kept", "boom"]


def test_sampled_invocation_writes_debug_directly(make_logger, output, monkeypatch):
    """When the invocation is sampled, DEBUG lines are written at once, not buffered."""
    monkeypatch.setattr("powerkit.logging._service.random_fraction", lambda: 0.0)
    logger = make_logger(buffer=LogBuffer(), sample_rate=0.5)

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("visible")

    handler({}, lambda_context())
    assert output.last()["message"] == "visible"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_bytes": 0}, "must be positive"),
        ({"max_bytes": "big"}, "must be an int"),
        ({"level": "ERROR"}, "errors are never buffered"),
        ({"level": "LOUD"}, "not a log level"),
    ],
)
def test_bad_buffer_configuration_is_a_config_error(options, message):
    """Invalid LogBuffer options raise ConfigError at construction."""
    with pytest.raises(ConfigError, match=message):
        LogBuffer(**options)


def test_nested_handler_does_not_drop_the_outer_buffer(make_logger, output):
    """A decorated handler called by another with the same context keeps the caller's buffer."""
    logger = make_logger(buffer=LogBuffer())

    @logger.inject_lambda_context
    def inner(event: Any, context: Any) -> None:
        logger.debug("inner detail")

    @logger.inject_lambda_context
    def outer(event: Any, context: Any) -> None:
        logger.debug("outer detail")
        inner(event, context)
        logger.error("outer failed")

    outer({}, lambda_context())
    assert [line["message"] for line in output.lines()] == [
        "outer detail",
        "inner detail",
        "outer failed",
    ]
