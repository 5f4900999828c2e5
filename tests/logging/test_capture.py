"""``powerkit.testing.capture_logs``: parsed lines for assertions, as a helper and a fixture."""

from __future__ import annotations

import threading
from typing import Any

from powerkit.logging import Logger
from powerkit.testing import capture_logs, lambda_context


def test_capture_logs_returns_parsed_lines_instead_of_writing(make_logger, output):
    """Inside the block, lines are captured as dicts and not written to the stream."""
    logger = make_logger()
    with capture_logs() as logs:
        logger.info("captured", n=1)
        logger.error("also")
    logger.info("written")
    assert logs.messages() == ["captured", "also"]
    assert logs[0]["n"] == 1
    assert [line["message"] for line in logs.at("error")] == ["also"]
    assert [line["message"] for line in output.lines()] == ["written"]


def test_capture_logs_sees_lines_from_other_threads(make_logger):
    """Lines logged by worker threads are captured too."""
    logger = make_logger()
    with capture_logs() as logs:
        worker = threading.Thread(target=logger.info, args=("from thread",))
        worker.start()
        worker.join()
    assert logs.messages() == ["from thread"]


def test_capture_logs_fixture_captures_a_handler(capture_logs):
    """The ``capture_logs`` pytest fixture collects every line of the test."""
    logger = Logger(service="fixture-demo")

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> str:
        logger.info("handled", order=event["order"])
        return "ok"

    handler({"order": 5}, lambda_context(request_id="r-5"))
    (line,) = capture_logs
    assert (line["message"], line["order"], line["function_request_id"]) == ("handled", 5, "r-5")


def test_unparseable_line_is_kept_raw(make_logger):
    """A line that is not JSON (custom serializer) is kept under ``unparsed``."""
    logger = make_logger(json_serializer=lambda line: f"plain {line['message']}")
    with capture_logs() as logs:
        logger.info("text")
    assert logs == [{"unparsed": "plain text"}]
