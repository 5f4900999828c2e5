"""Logger output: key order, values, levels, keys API, stdlib integration, child loggers."""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from datetime import datetime, timezone

import pytest

from powerkit.logging import Logger, ParentLoggerNotFoundError

RFC3339_MS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$")


def test_line_has_keys_in_pinned_order(make_logger, output):
    """Standard keys come first, then persistent, appended and per-line keys, in that order."""
    logger = make_logger(service="orders", tenant="acme")
    logger.append_keys(customer="c-1")
    logger.info("order %s received", "o-1", order_id="o-1", amount=3)
    line = output.last()
    assert list(line) == [
        "level",
        "location",
        "message",
        "timestamp",
        "service",
        "tenant",
        "customer",
        "order_id",
        "amount",
    ]
    assert line["level"] == "INFO"
    assert line["message"] == "order o-1 received"
    assert line["service"] == "orders"
    assert (line["tenant"], line["customer"], line["order_id"], line["amount"]) == (
        "acme",
        "c-1",
        "o-1",
        3,
    )


def test_location_is_the_callers_function_and_line(make_logger, output):
    """``location`` is ``function:line`` of the line that called the logger."""
    logger = make_logger()

    def place_order():
        logger.info("here")
        return sys._getframe().f_lineno - 1

    line_number = place_order()
    assert output.last()["location"] == f"place_order:{line_number}"


def test_stacklevel_moves_location_to_an_outer_caller(make_logger, output):
    """``stacklevel=2`` reports the caller of the function that logged."""
    logger = make_logger()

    def helper():
        logger.info("from helper", stacklevel=2)

    def caller():
        helper()
        return sys._getframe().f_lineno - 1

    line_number = caller()
    assert output.last()["location"] == f"caller:{line_number}"


def test_timestamp_is_rfc3339_utc_with_milliseconds(make_logger, output):
    """The timestamp has milliseconds and a +00:00 offset, and is the time of logging."""
    logger = make_logger()
    before = datetime.now(timezone.utc).replace(microsecond=0)
    logger.info("now")
    stamp = output.last()["timestamp"]
    assert RFC3339_MS.match(stamp), stamp
    assert stamp.endswith("+00:00")
    parsed = datetime.fromisoformat(stamp)
    assert before <= parsed <= datetime.now(timezone.utc)


def test_local_time_has_the_local_offset(make_logger, output):
    """``utc=False`` writes local time with the local UTC offset."""
    logger = make_logger(utc=False)
    logger.info("now")
    parsed = datetime.fromisoformat(output.last()["timestamp"])
    local_offset = datetime.now().astimezone().utcoffset()
    assert parsed.utcoffset() == local_offset


def test_dict_message_is_an_object(make_logger, output):
    """A dict message is written as a JSON object, not as its repr."""
    logger = make_logger()
    logger.info({"event": "created", "id": 1})
    assert output.last()["message"] == {"event": "created", "id": 1}


def test_non_string_message_is_its_str(make_logger, output):
    """A non-string, non-dict message is written as ``str(message)``."""
    logger = make_logger()
    logger.info(42)
    logger.info(["a", 1])
    assert [line["message"] for line in output.lines()] == ["42", "['a', 1]"]


def test_bad_percent_format_keeps_the_line(make_logger, output):
    """A message whose %-args do not match is still written (with the args), never raised."""
    logger = make_logger()
    logger.info("needs two %s %s", "one")
    assert output.last()["message"] == "needs two %s %s ('one',)"


def test_none_valued_keys_are_omitted(make_logger, output):
    """Keys whose value is None never appear; falsy values other than None do."""
    logger = make_logger(region=None)
    logger.info("x", missing=None, zero=0, empty="", false=False)
    line = output.last()
    assert "missing" not in line
    assert "region" not in line
    assert (line["zero"], line["empty"], line["false"]) == (0, "", False)


def test_extra_keys_are_added_before_keyword_keys(make_logger, output):
    """``extra=`` keys join the line (keyword keys win on a clash) and the record."""
    logger = make_logger()
    seen = []
    logger.addFilter(lambda record: seen.append(record.request_path) or True)
    logger.info("x", extra={"request_path": "/a", "shared": "extra"}, shared="kw")
    line = output.last()
    assert line["request_path"] == "/a"
    assert line["shared"] == "kw"
    assert seen == ["/a"]


def test_exception_adds_exception_name_and_structured_trace(make_logger, output):
    """``logger.exception`` adds ``exception``, ``exception_name`` and ``stack_trace``."""
    logger = make_logger()

    def fail():
        raise KeyError("sku-1")

    try:
        fail()
    except KeyError:
        logger.exception("lookup failed", sku="sku-1")
    line = output.last()
    assert line["level"] == "ERROR"
    assert list(line)[-4:] == ["sku", "exception", "exception_name", "stack_trace"]
    assert line["exception_name"] == "KeyError"
    assert line["exception"].startswith("Traceback (most recent call last):")
    assert "KeyError: 'sku-1'" in line["exception"]
    trace = line["stack_trace"]
    assert trace["type"] == "KeyError"
    assert trace["module"] == "builtins"
    assert trace["value"] == "'sku-1'"
    assert [frame["function"] for frame in trace["frames"]] == [
        "test_exception_adds_exception_name_and_structured_trace",
        "fail",
    ]
    assert trace["frames"][-1]["statement"] == 'raise KeyError("sku-1")'


def test_chained_exception_has_its_cause(make_logger, output):
    """``raise ... from`` keeps the cause under ``stack_trace.cause``."""
    logger = make_logger()
    try:
        try:
            int("x")
        except ValueError as exc:
            raise RuntimeError("could not parse") from exc
    except RuntimeError as exc:
        logger.error("failed", exc_info=exc)
    trace = output.last()["stack_trace"]
    assert trace["type"] == "RuntimeError"
    assert trace["cause"]["type"] == "ValueError"


def test_exc_info_true_outside_except_adds_nothing(make_logger, output):
    """``exc_info=True`` with no exception being handled adds no exception keys."""
    logger = make_logger()
    logger.error("no exception", exc_info=True)
    assert "exception" not in output.last()


def test_stack_info_is_included_on_request(make_logger, output):
    """``stack_info=True`` adds the current stack as ``stack_info``."""
    logger = make_logger()
    logger.warning("where am I", stack_info=True)
    stack = output.last()["stack_info"]
    assert stack.startswith("Stack (most recent call last):")
    assert "test_stack_info_is_included_on_request" in stack


def test_xray_trace_id_comes_from_the_environment(make_logger, output, monkeypatch):
    """With ``_X_AMZN_TRACE_ID`` set, ``xray_trace_id`` is its Root part."""
    logger = make_logger()
    monkeypatch.setenv(
        "_X_AMZN_TRACE_ID",
        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
    )
    logger.info("traced")
    assert output.last()["xray_trace_id"] == "1-5759e988-bd862e3fe1be46a994272793"


def test_non_ascii_is_kept_as_is(make_logger, output):
    """Non-ASCII text is written as UTF-8, not as ``\\u`` escapes."""
    logger = make_logger()
    logger.info("café ☕", city="Zürich")
    raw = output.getvalue()
    assert "café ☕" in raw
    assert "Zürich" in raw


def test_dev_mode_pretty_prints(make_logger, output, monkeypatch):
    """``POWERKIT_DEV=1`` indents the JSON for reading."""
    monkeypatch.setenv("POWERKIT_DEV", "1")
    logger = make_logger()
    logger.info("pretty", a=1)
    raw = output.getvalue()
    assert raw.startswith('{\n    "level": "INFO",')
    assert json.loads(raw)["a"] == 1


def test_service_defaults_to_environment_then_placeholder(output, monkeypatch):
    """Without ``service=``, POWERKIT_SERVICE_NAME, then POWERTOOLS_SERVICE_NAME, then a placeholder."""
    assert Logger(stream=output).service == "service_undefined"
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "legacy")
    assert Logger(stream=output).service == "legacy"
    monkeypatch.setenv("POWERKIT_SERVICE_NAME", "payments")
    assert Logger(stream=output).service == "payments"
    for name in ("service_undefined", "legacy", "payments"):
        logging.getLogger(name).handlers.clear()


def test_default_stream_is_stdout_at_write_time(make_logger, capsys):
    """Without ``stream=``, lines go to ``sys.stdout`` as it is when they are written."""
    logger = make_logger(stream=None)
    logger.info("to stdout")
    captured = capsys.readouterr()
    assert json.loads(captured.out)["message"] == "to stdout"
    assert captured.err == ""


# -- keys -------------------------------------------------------------------------------------


def test_append_remove_and_get_current_keys(make_logger, output):
    """``append_keys`` adds, ``remove_keys`` removes, ``get_current_keys`` reports both kinds."""
    logger = make_logger(tenant="acme")
    logger.append_keys(user="u-1", session="s-1")
    assert logger.get_current_keys() == {"tenant": "acme", "user": "u-1", "session": "s-1"}
    logger.remove_keys("session", "tenant")
    logger.info("x")
    line = output.last()
    assert line["user"] == "u-1"
    assert "session" not in line
    assert "tenant" not in line
    logger.clear_keys()
    assert logger.get_current_keys() == {"tenant": "acme"}


def test_bind_keys_vanish_after_the_block(make_logger, output):
    """Keys bound with ``bind`` are on lines inside the block and gone (or restored) after."""
    logger = make_logger(stage="prod")
    logger.append_keys(user="u-1")
    with logger.bind(user="u-2", step="pay"):
        logger.info("inside")
        logger.append_keys(kept="yes")
    logger.info("outside")
    inside, outside = output.lines()
    assert (inside["user"], inside["step"]) == ("u-2", "pay")
    assert outside["user"] == "u-1"
    assert "step" not in outside
    assert outside["kept"] == "yes"


def test_per_line_keys_do_not_stick(make_logger, output):
    """Keyword keys belong to their line only."""
    logger = make_logger()
    logger.info("first", order_id=1)
    logger.info("second")
    assert "order_id" not in output.last()


def test_user_keys_may_override_standard_ones_in_place(make_logger, output):
    """A key named like a standard key replaces its value but keeps its position."""
    logger = make_logger()
    logger.info("x", location="custom")
    line = output.last()
    assert list(line)[1] == "location"
    assert line["location"] == "custom"


# -- levels -----------------------------------------------------------------------------------


def test_lines_below_the_level_are_dropped(make_logger, output):
    """At level WARNING, debug and info lines are not written; warning and above are."""
    logger = make_logger(level="WARNING")
    logger.debug("d")
    logger.info("i")
    logger.warning("w")
    logger.error("e")
    logger.critical("c")
    logger.log(35, "custom")
    assert [line["message"] for line in output.lines()] == ["w", "e", "c", "custom"]
    assert output.lines()[-1]["level"] == "Level 35"


def test_set_level_changes_what_is_written(make_logger, output):
    """``setLevel`` takes effect at once and ``isEnabledFor`` agrees."""
    logger = make_logger(level="INFO")
    assert not logger.isEnabledFor(logging.DEBUG)
    logger.setLevel("DEBUG")
    assert logger.isEnabledFor(logging.DEBUG)
    assert logger.level == logging.DEBUG
    logger.debug("now visible")
    assert output.last()["message"] == "now visible"


def test_disabled_level_builds_no_record(make_logger, output):
    """A disabled line never reaches filters (no record is built)."""
    logger = make_logger(level="ERROR")
    seen = []
    logger.addFilter(lambda record: seen.append(record) or True)
    logger.info("dropped")
    assert seen == []
    assert output.getvalue() == ""


# -- standard library integration -------------------------------------------------------------


def test_no_duplicate_lines_with_the_lambda_runtime_root_handler(make_logger, output):
    """The Lambda runtime's root handler never sees powerkit lines (no propagation)."""
    runtime_stream = io.StringIO()
    runtime_handler = logging.StreamHandler(runtime_stream)
    runtime_handler.setFormatter(
        logging.Formatter("[%(levelname)s]\t%(asctime)s\t%(aws_request_id)s\t%(message)s\n")
    )
    root = logging.getLogger()
    root.addHandler(runtime_handler)
    previous_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        logger = make_logger()
        logger.info("once")
        logger.error("twice?")
    finally:
        root.removeHandler(runtime_handler)
        root.setLevel(previous_level)
    assert [line["message"] for line in output.lines()] == ["once", "twice?"]
    assert runtime_stream.getvalue() == ""


def test_propagate_true_reaches_the_root_logger(make_logger, output, caplog):
    """``propagate=True`` passes records to ancestors, so pytest's ``caplog`` sees them."""
    logger = make_logger(propagate=True)
    with caplog.at_level(logging.INFO):
        logger.info("seen by caplog", order_id=7)
    assert [record.getMessage() for record in caplog.records] == ["seen by caplog"]
    assert caplog.records[0].funcName == "test_propagate_true_reaches_the_root_logger"
    assert output.last()["order_id"] == 7


def test_records_are_real_log_records_for_stdlib_handlers(make_logger, output):
    """A stdlib handler added to the logger receives genuine LogRecords with usual attributes."""
    logger = make_logger()
    received: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            received.append(record)

    collector = Collect()
    logger.addHandler(collector)
    logger.warning("count %d", 3)
    logger.removeHandler(collector)
    logger.warning("not collected")
    (record,) = received
    assert isinstance(record, logging.LogRecord)
    assert record.getMessage() == "count 3"
    assert record.levelname == "WARNING"
    assert record.name == logger.name
    assert record.filename == "test_logger.py"
    assert record.module == "test_logger"
    assert record.funcName == "test_records_are_real_log_records_for_stdlib_handlers"
    assert logging.Formatter("%(process)d %(threadName)s %(msecs)d").format(record)


def test_stdlib_filter_can_drop_a_line(make_logger, output):
    """A ``logging`` filter returning False drops the line."""
    logger = make_logger()
    logger.addFilter(lambda record: "secret" not in record.getMessage())
    logger.info("secret stuff")
    logger.info("public")
    assert [line["message"] for line in output.lines()] == ["public"]


def test_adopt_loggers_formats_other_libraries(make_logger, output):
    """``adopt_loggers`` writes another library's records as this service's JSON lines."""
    logger = make_logger(service="adopter")
    logger.adopt_loggers("thirdparty.http", level="DEBUG")
    try:
        logging.getLogger("thirdparty.http").debug("GET %s", "/x")
        line = output.last()
        assert list(line)[:5] == ["level", "location", "message", "timestamp", "service"]
        assert line["message"] == "GET /x"
        assert line["service"] == "adopter"
        assert line["location"].startswith("test_adopt_loggers_formats_other_libraries:")
    finally:
        adopted = logging.getLogger("thirdparty.http")
        adopted.handlers.clear()
        adopted.propagate = True
        adopted.setLevel(logging.NOTSET)


def test_second_logger_for_a_service_replaces_the_first_without_duplicates(make_logger, output):
    """Two ``Logger(service=X)`` share one handler: every line is written once."""
    first = make_logger(service="dup")
    second = make_logger(service="dup")
    first.info("a")
    second.info("b")
    assert [line["message"] for line in output.lines()] == ["a", "b"]
    assert len(second.handlers) == 1


# -- child loggers ----------------------------------------------------------------------------


def test_child_shares_parent_configuration_and_keys(make_logger, output):
    """A child logger writes with the parent's service, level, handler and appended keys."""
    parent = make_logger(service="shop", level="WARNING", region="eu")
    child = Logger(service="shop", child=True)
    parent.append_keys(cart="k-1")
    child.info("dropped by parent's level")
    child.warning("from child", item=2)
    line = output.last()
    assert line["message"] == "from child"
    assert (line["service"], line["region"], line["cart"], line["item"]) == ("shop", "eu", "k-1", 2)
    assert child.name == f"shop.{__name__}"
    child.append_keys(step="pay")
    assert parent.get_current_keys()["step"] == "pay"
    assert len(output.lines()) == 1


def test_child_created_before_parent_works_once_parent_exists(make_logger, output):
    """Import order does not matter: the child finds its parent when it first logs."""
    child = Logger(service="late-parent", child=True)
    make_logger(service="late-parent")
    child.info("ok")
    assert output.last()["service"] == "late-parent"


def test_child_without_parent_is_a_clear_error():
    """Using a child whose parent service logger was never created raises a clear error."""
    child = Logger(service="no-such-parent", child=True)
    with pytest.raises(ParentLoggerNotFoundError, match=r"Logger\(service='no-such-parent'\)"):
        child.info("nobody home")
    assert isinstance(ParentLoggerNotFoundError("x"), LookupError)


def test_caplog_handler_can_be_attached_directly(make_logger, output, caplog):
    """Attaching ``caplog.handler`` lets ``caplog`` see lines without enabling propagation."""
    logger = make_logger()
    logger.addHandler(caplog.handler)
    try:
        logger.warning("low stock", sku="s-1")
    finally:
        logger.removeHandler(caplog.handler)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [("WARNING", "low stock")]
    assert output.last()["sku"] == "s-1"
