"""The Runtime API stand-in speaks the protocol the runtime client expects."""

from __future__ import annotations

from tests.runtime.conftest import StartFunction


def test_a_missing_handler_is_posted_as_an_init_error(start_function: StartFunction) -> None:
    """/init/error gets the runtime's fault type and the process exits with status 1."""
    function = start_function("observed.nowhere")
    assert function.exit_code() == 1
    function.stop()

    ((headers, body),) = function.api.init_errors
    assert body["errorType"] == "Runtime.HandlerNotFound"
    assert headers["lambda-runtime-function-error-type"] == "Runtime.HandlerNotFound"
    assert "nowhere" in body["errorMessage"]


def test_client_context_reaches_the_context_and_the_correlation_id(
    start_function: StartFunction,
) -> None:
    """The Lambda-Runtime-Client-Context header becomes context.client_context; correlate reads it."""
    function = start_function("observed.correlated")
    client_context = {
        "client": {"app_title": "shop"},
        "custom": {"x-correlation-id": "corr-42"},
        "env": {},
    }
    invocation = function.invoke({}, client_context=client_context)
    function.stop()

    assert invocation.json() == {"custom": {"x-correlation-id": "corr-42"}, "app": "shop"}
    (line,) = function.json_lines()
    assert line["correlation_id"] == "corr-42"
    assert line["function_request_id"] == invocation.request_id
