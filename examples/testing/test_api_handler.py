"""Test an API Gateway handler: REST (payload 1.0) and HTTP API (payload 2.0) events."""

from __future__ import annotations

import json
from typing import Any

from powerkit.testing import apigw_http_event, apigw_rest_event


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Create an order from the JSON body; echo the ``dry_run`` query parameter."""
    order = json.loads(event["body"])
    query = event.get("queryStringParameters") or {}
    return {
        "statusCode": 201,
        "body": json.dumps({"id": order["id"], "dry_run": query.get("dry_run") == "true"}),
    }


def test_rest_api_post(lambda_context: Any) -> None:
    event = apigw_rest_event(
        "POST",
        "/orders",
        body={"id": "o-1"},  # JSON-encoded, with Content-Type: application/json
        query={"dry_run": "true"},
        headers={"Authorization": "Bearer token"},
    )

    response = handler(event, lambda_context)

    assert response["statusCode"] == 201
    assert json.loads(response["body"]) == {"id": "o-1", "dry_run": True}
    assert event["multiValueQueryStringParameters"] == {"dry_run": ["true"]}


def test_http_api_post(lambda_context: Any) -> None:
    event = apigw_http_event("POST", "/orders", body={"id": "o-2"}, route_key="POST /orders")

    assert json.loads(handler(event, lambda_context)["body"])["id"] == "o-2"
    assert event["requestContext"]["http"]["method"] == "POST"
