"""Function URL builder: payload 2.0 without routes, NONE and AWS_IAM auth."""

from __future__ import annotations

from powerkit.testing import function_url_event


def test_anonymous_url_event() -> None:
    """With auth NONE the account is ``anonymous`` and there is no authorizer."""
    event = function_url_event("GET", "/items", query={"page": "2"})
    context = event["requestContext"]
    assert context["accountId"] == "anonymous"
    assert "authorizer" not in context
    assert context["domainName"] == f"{context['apiId']}.lambda-url.us-east-1.on.aws"
    assert event["headers"]["host"] == context["domainName"]
    assert event["rawQueryString"] == "page=2"
    assert event["routeKey"] == "$default"
    assert "pathParameters" not in event


def test_iam_url_event_carries_the_caller() -> None:
    """With AWS_IAM the caller's account and IAM identity are in the authorizer."""
    event = function_url_event(auth_type="AWS_IAM", account_id="111122223333")
    context = event["requestContext"]
    iam = context["authorizer"]["iam"]
    assert context["accountId"] == iam["accountId"] == "111122223333"
    assert iam["userArn"].startswith("arn:aws:iam::111122223333:user/")
    assert iam["callerId"] == iam["userId"]


def test_request_ids_are_unique() -> None:
    """Every call gets a fresh request id."""
    ids = {function_url_event()["requestContext"]["requestId"] for _ in range(20)}
    assert len(ids) == 20
