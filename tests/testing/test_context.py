"""The fake Lambda context: real-clock deadline, unique ids, satisfies the protocol."""

from __future__ import annotations

import time

from powerkit.testing import lambda_context
from powerkit.typing import LambdaContext


def test_satisfies_the_lambda_context_protocol() -> None:
    """The fake passes ``isinstance`` against the runtime-checkable protocol."""
    assert isinstance(lambda_context(), LambdaContext)


def test_remaining_time_starts_at_the_timeout_and_counts_down() -> None:
    """Remaining time starts near ``timeout_s`` and decreases with the real clock."""
    context = lambda_context(timeout_s=2.0)
    first = context.get_remaining_time_in_millis()
    assert 1900 <= first <= 2000
    time.sleep(0.02)
    assert context.get_remaining_time_in_millis() < first


def test_remaining_time_never_goes_negative() -> None:
    """Past the deadline the remaining time is zero, not negative."""
    context = lambda_context(timeout_s=0.001)
    time.sleep(0.005)
    assert context.get_remaining_time_in_millis() == 0


def test_request_ids_are_unique_unless_given() -> None:
    """Each context gets a fresh request id; an explicit one is kept."""
    ids = {lambda_context().aws_request_id for _ in range(50)}
    assert len(ids) == 50
    assert lambda_context(request_id="abc").aws_request_id == "abc"


def test_identity_fields_agree() -> None:
    """ARN, log group and memory follow the arguments."""
    context = lambda_context("orders", memory_mb=512, region="eu-west-1", account_id="111122223333")
    assert context.invoked_function_arn == "arn:aws:lambda:eu-west-1:111122223333:function:orders"
    assert context.log_group_name == "/aws/lambda/orders"
    assert context.memory_limit_in_mb == "512"  # a string of digits, as the runtime gives it
    assert "[$LATEST]" in context.log_stream_name


def test_pytest_fixture_gives_a_fresh_context(lambda_context: LambdaContext) -> None:
    """The ``lambda_context`` fixture from the pytest plugin is a usable context."""
    assert isinstance(lambda_context, LambdaContext)
    assert lambda_context.get_remaining_time_in_millis() > 0
