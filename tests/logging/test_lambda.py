"""``inject_lambda_context``: Lambda keys, cold start, correlation ids, sampling, async."""

from __future__ import annotations

import json
from typing import Any

import pytest

from powerkit.jmespath import JMESPathError
from powerkit.logging import correlation_paths, get_correlation_id
from powerkit.testing import lambda_context

LAMBDA_KEYS = [
    "cold_start",
    "function_name",
    "function_memory_size",
    "function_arn",
    "function_request_id",
]


def test_lambda_keys_follow_line_keys_in_order(make_logger, output, monkeypatch):
    """Inside the handler: line keys, exception keys, xray id, Lambda keys, correlation id."""
    monkeypatch.setenv("_X_AMZN_TRACE_ID", "Root=1-abc-def;Parent=1;Sampled=0")
    logger = make_logger(tenant="t")

    @logger.inject_lambda_context(correlation_id_path="id")
    def handler(event: Any, context: Any) -> str:
        try:
            raise ValueError("x")
        except ValueError:
            logger.exception("failed", order=1)
        return "ok"

    context = lambda_context("orders-fn", memory_mb=256, request_id="req-1")
    assert handler({"id": "corr-1"}, context) == "ok"
    line = output.last()
    assert list(line) == [
        "level",
        "location",
        "message",
        "timestamp",
        "service",
        "tenant",
        "order",
        "exception",
        "exception_name",
        "stack_trace",
        "xray_trace_id",
        *LAMBDA_KEYS,
        "correlation_id",
    ]
    assert line["xray_trace_id"] == "1-abc-def"
    assert line["cold_start"] is True
    assert line["function_name"] == "orders-fn"
    assert line["function_memory_size"] == 256
    assert line["function_arn"] == "arn:aws:lambda:us-east-1:123456789012:function:orders-fn"
    assert line["function_request_id"] == "req-1"
    assert line["correlation_id"] == "corr-1"


def test_cold_start_only_on_first_invocation(make_logger, output):
    """``cold_start`` is true for the first invocation of the process only."""
    logger = make_logger()

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.info("hi")

    handler({}, lambda_context())
    handler({}, lambda_context())
    assert [line["cold_start"] for line in output.lines()] == [True, False]


def test_memory_size_is_an_int_even_from_a_string(make_logger, output):
    """The real runtime gives memory as a string; the key is an int."""
    logger = make_logger()
    context = lambda_context()
    context.memory_limit_in_mb = "1024"  # type: ignore[assignment]

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.info("hi")

    handler({}, context)
    assert output.last()["function_memory_size"] == 1024


def test_lambda_keys_do_not_outlive_the_invocation(make_logger, output):
    """After the handler returns, lines carry no Lambda keys, appended keys or correlation id."""
    logger = make_logger()

    @logger.inject_lambda_context(correlation_id_path="id")
    def handler(event: Any, context: Any) -> None:
        logger.append_keys(order_id="o-1")
        logger.info("inside")

    handler({"id": "c-1"}, lambda_context())
    logger.info("outside")
    inside, outside = output.lines()
    assert inside["order_id"] == "o-1"
    for key in [*LAMBDA_KEYS, "correlation_id", "order_id"]:
        assert key not in outside
    assert get_correlation_id() is None


def test_keys_appended_in_one_invocation_never_reach_the_next(make_logger, output):
    """Keys appended during an invocation are gone in the next one."""
    logger = make_logger()

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.info("start")
        logger.append_keys(user=event["user"])

    handler({"user": "alice"}, lambda_context())
    handler({"user": "bob"}, lambda_context())
    starts = [line for line in output.lines() if line["message"] == "start"]
    assert ["user" in line for line in starts] == [False, False]


def test_module_level_keys_are_inherited_unless_clear_state(make_logger, output):
    """Keys appended outside any handler appear in invocations; ``clear_state`` drops them."""
    logger = make_logger(tenant="acme")
    logger.append_keys(build="b-7")

    @logger.inject_lambda_context
    def keeps(event: Any, context: Any) -> None:
        logger.info("keeps")

    @logger.inject_lambda_context(clear_state=True)
    def clears(event: Any, context: Any) -> None:
        logger.info("clears")

    keeps({}, lambda_context())
    clears({}, lambda_context())
    kept, cleared = output.lines()
    assert (kept["tenant"], kept["build"]) == ("acme", "b-7")
    assert cleared["tenant"] == "acme"
    assert "build" not in cleared
    assert logger.get_current_keys() == {"tenant": "acme", "build": "b-7"}


def test_log_event_logs_the_event_redacted(make_logger, output):
    """``log_event=True`` logs the event as an object, with redaction applied."""
    logger = make_logger(redact_keys=["authorization"])

    @logger.inject_lambda_context(log_event=True)
    def handler(event: Any, context: Any) -> None:
        return None

    handler({"headers": {"Authorization": "Bearer x"}, "body": "b"}, lambda_context())
    line = output.last()
    assert line["message"] == {"headers": {"Authorization": "***"}, "body": "b"}
    assert line["location"] == "inject_lambda_context"


def test_log_event_from_environment(make_logger, output, monkeypatch):
    """POWERKIT_LOGGER_LOG_EVENT=true turns event logging on; the argument wins over it."""
    monkeypatch.setenv("POWERKIT_LOGGER_LOG_EVENT", "true")
    logger = make_logger()

    @logger.inject_lambda_context
    def logs(event: Any, context: Any) -> None:
        return None

    @logger.inject_lambda_context(log_event=False)
    def silent(event: Any, context: Any) -> None:
        return None

    logs({"a": 1}, lambda_context())
    silent({"b": 2}, lambda_context())
    assert [line["message"] for line in output.lines()] == [{"a": 1}]


def test_handler_without_context_logs_without_lambda_fields(make_logger, output):
    """Called with ``context=None`` (a local run), lines have cold_start but no function keys."""
    logger = make_logger()

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.info("local")

    handler({}, None)
    line = output.last()
    assert line["cold_start"] is True
    assert "function_name" not in line


def test_async_handler_is_supported(make_logger, output):
    """An ``async def`` handler runs to completion with the Lambda keys on its lines."""
    logger = make_logger()

    @logger.inject_lambda_context(correlation_id_path="id")
    async def handler(event: Any, context: Any) -> str:
        logger.info("async line")
        return "done"

    assert handler({"id": "a-1"}, lambda_context(request_id="r-async")) == "done"
    line = output.last()
    assert line["function_request_id"] == "r-async"
    assert line["correlation_id"] == "a-1"


def test_bad_correlation_expression_fails_at_decoration(make_logger):
    """An invalid JMESPath expression is reported when the decorator is applied."""
    logger = make_logger()
    with pytest.raises(JMESPathError):
        logger.inject_lambda_context(correlation_id_path="requestContext.[")


def test_correlation_value_that_cannot_decode_warns_and_continues(make_logger, output):
    """A decoding failure in the path logs a warning line and the handler still runs."""
    logger = make_logger()

    @logger.inject_lambda_context(correlation_id_path="powerkit_json(body).id")
    def handler(event: Any, context: Any) -> str:
        return "ran"

    assert handler({"body": "not json"}, lambda_context()) == "ran"
    line = output.last()
    assert line["level"] == "WARNING"
    assert "correlation id not found" in line["message"]


def test_stacks_with_other_powerkit_decorators(make_logger, output):
    """Stacked with another powerkit middleware, one invocation scope is shared."""
    from powerkit.middleware import lambda_handler_decorator

    logger = make_logger()

    @lambda_handler_decorator
    def tag(handler: Any, event: Any, context: Any) -> Any:
        logger.info("middleware")
        return handler(event, context)

    @tag
    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.info("handler")

    handler({}, lambda_context(request_id="r-stack"))
    before, inside = output.lines()
    assert "function_request_id" not in before  # tag runs first (outermost)
    assert inside["function_request_id"] == "r-stack"


CORRELATION_CASES = [
    ("aws-lambda-go/apigw-request.json", correlation_paths.API_GATEWAY_REST),
    ("powertools/apiGatewayProxyEvent.json", correlation_paths.API_GATEWAY_REST),
    ("powertools/apiGatewayProxyV2Event.json", correlation_paths.API_GATEWAY_HTTP),
    ("powertools/lambdaFunctionUrlEvent.json", correlation_paths.LAMBDA_FUNCTION_URL),
    ("powertools/albEvent.json", correlation_paths.APPLICATION_LOAD_BALANCER),
    ("powertools/appSyncAuthorizerEvent.json", correlation_paths.APPSYNC_AUTHORIZER),
    ("powertools/appSyncDirectResolver.json", correlation_paths.APPSYNC_RESOLVER),
    ("powertools/eventBridgeEvent.json", correlation_paths.EVENT_BRIDGE),
    (
        "aws-lambda-go/s3-object-lambda-event-get-object-iam.json",
        correlation_paths.S3_OBJECT_LAMBDA,
    ),
    ("powertools/sqsEvent.json", correlation_paths.SQS),
]


@pytest.mark.parametrize(("sample", "path"), CORRELATION_CASES)
def test_correlation_paths_find_an_id_in_real_events(make_logger, output, shared_dir, sample, path):
    """Each built-in correlation path yields a non-empty id from a real sample event."""
    event = json.loads((shared_dir / "events" / sample).read_text())
    logger = make_logger()

    @logger.inject_lambda_context(correlation_id_path=path)
    def handler(event: Any, context: Any) -> None:
        logger.info("correlated")

    handler(event, lambda_context())
    correlation_id = output.last().get("correlation_id")
    assert isinstance(correlation_id, str)
    assert correlation_id


def test_sqs_path_is_the_first_message_id(make_logger, output, shared_dir):
    """The SQS path picks the first record's message id."""
    event = json.loads((shared_dir / "events/powertools/sqsEvent.json").read_text())
    logger = make_logger()

    @logger.inject_lambda_context(correlation_id_path=correlation_paths.SQS)
    def handler(event: Any, context: Any) -> None:
        logger.info("x")

    handler(event, lambda_context())
    assert output.last()["correlation_id"] == event["Records"][0]["messageId"]


# -- sampling ---------------------------------------------------------------------------------


def test_sampling_is_decided_per_invocation(make_logger, output, monkeypatch):
    """With a sample rate, each invocation draws again; DEBUG lines appear only when sampled."""
    draws = iter([0.05, 0.9, 0.01])
    monkeypatch.setattr("powerkit.logging._service.random_fraction", lambda: next(draws, 0.99))
    logger = make_logger(sample_rate=0.1)  # construction draws 0.05 (outside invocations)

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("detail")
        logger.info("summary")

    handler({}, lambda_context())  # draws 0.9: not sampled
    handler({}, lambda_context())  # draws 0.01: sampled
    lines = [(line["message"], line["sampled"]) for line in output.lines()]
    assert lines == [("summary", False), ("detail", True), ("summary", True)]


def test_sample_rate_from_environment(make_logger, output, monkeypatch):
    """POWERKIT_LOGGER_SAMPLE_RATE=1 samples every invocation."""
    monkeypatch.setenv("POWERKIT_LOGGER_SAMPLE_RATE", "1")
    logger = make_logger()

    @logger.inject_lambda_context
    def handler(event: Any, context: Any) -> None:
        logger.debug("detail")

    handler({}, lambda_context())
    assert output.last()["sampled"] is True


def test_no_sampled_key_without_sampling(make_logger, output):
    """Without a sample rate, lines have no ``sampled`` key."""
    logger = make_logger()
    logger.info("x")
    assert "sampled" not in output.last()
